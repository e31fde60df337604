/// How reports write numbers: the same value is always the same text, in every table, headline,
/// Markdown file and machine (digits are written by ``FixedDecimal``, never by the locale).
///
///     ReportNumber.count(1_987)                    // "1,987"
///     ReportNumber.dollars(4_623_000_000)          // "$4.62B"
///     ReportNumber.wholeDollars(4_623_000_000)     // "$4,623,000,000"
///     ReportNumber.percent(0.1234)                 // "12.3%"
///     ReportNumber.signedPercent(-0.01234)         // "-1.23%"
///     ReportNumber.percentage(88.456)              // "88.46%"   (a value already in percent)
///     ReportNumber.missing                         // "–"        (for nil)
public enum ReportNumber {
    /// What a report writes where a value is not available.
    public static let missing = "–"

    /// A whole count with thousands separators: `1,987`.
    public static func count(_ value: Int?) -> String {
        guard let value else { return missing }
        return FixedDecimal.string(Double(value), maximumDecimals: 0, groupsThousands: true)
    }

    /// US dollars to three significant digits with a K, M, B or T suffix: `$4.62B`, `$205M`.
    public static func dollars(_ value: Double?) -> String {
        guard let value, value.isFinite else { return missing }
        let sign = value < 0 ? "-" : ""
        var magnitude = abs(value)
        for (index, unit) in units.enumerated() where magnitude >= unit.divisor || index == units.count - 1 {
            magnitude /= unit.divisor
            let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2
            let text = FixedDecimal.string(magnitude, maximumDecimals: decimals, minimumDecimals: decimals)
            if text == "1000", index > 0 { return sign + "$1.00" + units[index - 1].suffix }
            return sign + "$" + text + unit.suffix
        }
        return missing
    }

    /// Whole US dollars with thousands separators: `$4,623,000,000`.
    public static func wholeDollars(_ value: Double?) -> String {
        guard let value, value.isFinite else { return missing }
        let digits = FixedDecimal.string(abs(value), maximumDecimals: 0, groupsThousands: true)
        return (value < 0 && digits != "0" ? "-$" : "$") + digits
    }

    /// A fraction as a percentage with a fixed number of decimals: `0.1234` → `12.3%`.
    public static func percent(_ fraction: Double?, decimals: Int = 1) -> String {
        percentage(fraction.map { $0 * 100 }, decimals: decimals)
    }

    /// A fraction as a percentage with its sign always written: `+1.23%`, `-1.23%`, `0.00%`.
    /// For gaps and returns, where the sign is the point.
    public static func signedPercent(_ fraction: Double?, decimals: Int = 2) -> String {
        guard let fraction, fraction.isFinite else { return missing }
        let text = percent(fraction, decimals: decimals)
        return text.hasPrefix("-") || isZero(text) ? text : "+" + text
    }

    /// A value that is already a percentage: `88.456` → `88.46%`.
    public static func percentage(_ value: Double?, decimals: Int = 2) -> String {
        guard let value, value.isFinite else { return missing }
        return decimal(value, decimals: decimals) + "%"
    }

    /// A number with a fixed number of decimals and thousands separators: `1,234.5`.
    public static func decimal(_ value: Double?, decimals: Int = 1) -> String {
        guard let value, value.isFinite else { return missing }
        return FixedDecimal.string(value, maximumDecimals: decimals, minimumDecimals: decimals, groupsThousands: true)
    }

    /// The growth of one dollar: `$1.23`.
    public static func growth(_ value: Double?) -> String {
        guard let value, value.isFinite else { return missing }
        return "$" + decimal(value, decimals: 2)
    }

    private static let units: [(divisor: Double, suffix: String)] = [
        (1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"), (1, ""),
    ]

    /// Whether formatted text shows zero (`0.00%`).
    private static func isZero(_ text: String) -> Bool {
        text.allSatisfy { "0.,-%".contains($0) }
    }
}
