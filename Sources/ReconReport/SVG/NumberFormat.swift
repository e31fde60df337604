/// How a chart writes a number: on tick labels, in tooltips and in legends.
///
/// Every format writes its digits itself (see ``string(for:)``), so labels are the same on every
/// machine and in every locale. Negative numbers use an ASCII hyphen-minus.
///
///     NumberFormat.currency.string(for: 4.6e9)      // "$4.6B"
///     NumberFormat.compact.string(for: 150e6)       // "150M"
///     NumberFormat.percent.string(for: -0.035)      // "-3.5%"
///     NumberFormat.year.string(for: 2007)           // "2007"
///     NumberFormat.grouped.string(for: 1000)        // "1,000"
public enum NumberFormat: Sendable, Hashable {
    /// Plain decimal digits, at most two decimals, no separators: `3.14`, `1000`, `-2`.
    case plain
    /// Digits with thousands separators, at most two decimals: `1,000`, `12,345.5`.
    case grouped
    /// A calendar year: a whole number without separators (`2007`). Axes using this format
    /// place ticks on whole years only.
    case year
    /// A short form with a K, M, B or T suffix: `1.2K`, `150M`, `4.6B`, `12`.
    case compact
    /// ``compact`` in US dollars: `$4.6B`, `$150M`, `-$2.1K`.
    case currency
    /// A fraction written as a percentage, at most one decimal: `0.12` → `12%`, `-0.035` → `-3.5%`.
    case percent

    /// `value` written in this format. Non-finite values are written `n/a`.
    public func string(for value: Double) -> String {
        label(for: value, tickStep: nil)
    }

    /// `value` written as a tick label on an axis whose ticks are `tickStep` apart: as many
    /// decimals as the step needs (`2.5M` between `0` and `5M`), trailing zeros trimmed.
    func label(for value: Double, tickStep: Double?) -> String {
        guard value.isFinite else { return "n/a" }
        switch self {
        case .plain:
            return FixedDecimal.string(value, maximumDecimals: decimals(for: tickStep, default: 2))
        case .grouped:
            return FixedDecimal.string(
                value, maximumDecimals: decimals(for: tickStep, default: 2), groupsThousands: true)
        case .year:
            return FixedDecimal.string(value, maximumDecimals: 0)
        case .compact:
            return CompactNumber.string(for: value, tickStep: tickStep)
        case .currency:
            let digits = CompactNumber.string(for: abs(value), tickStep: tickStep)
            return (value < 0 && digits != "0" ? "-$" : "$") + digits
        case .percent:
            let percentage = value * 100
            let decimals = decimals(for: tickStep.map { $0 * 100 }, default: 1)
            return FixedDecimal.string(percentage, maximumDecimals: decimals) + "%"
        }
    }

    /// Whether an axis in this format shows whole numbers only.
    var wantsWholeTicks: Bool { self == .year }

    private func decimals(for tickStep: Double?, default defaultDecimals: Int) -> Int {
        guard let tickStep else { return defaultDecimals }
        return FixedDecimal.decimalsNeeded(toShowMultiplesOf: tickStep)
    }
}

/// The K/M/B/T short form behind ``NumberFormat/compact`` and ``NumberFormat/currency``.
enum CompactNumber {
    private static let units: [(divisor: Double, suffix: String)] = [
        (1, ""), (1e3, "K"), (1e6, "M"), (1e9, "B"), (1e12, "T"),
    ]

    /// `value` with the largest suffix that keeps its mantissa at or above 1; one decimal when
    /// the mantissa is below 100, none above (or as many as `tickStep` needs).
    static func string(for value: Double, tickStep: Double?) -> String {
        var unitIndex = units.lastIndex { abs(value) >= $0.divisor } ?? 0
        var text = mantissaText(value, unitIndex: unitIndex, tickStep: tickStep)
        // 999.96K rounds to "1000K": say "1M" instead.
        while unitIndex + 1 < units.count, roundsToAThousand(text) {
            unitIndex += 1
            text = mantissaText(value, unitIndex: unitIndex, tickStep: tickStep)
        }
        return text + (text == "0" ? "" : units[unitIndex].suffix)
    }

    private static func mantissaText(_ value: Double, unitIndex: Int, tickStep: Double?) -> String {
        let divisor = units[unitIndex].divisor
        let mantissa = value / divisor
        let decimals = tickStep.map { FixedDecimal.decimalsNeeded(toShowMultiplesOf: $0 / divisor) }
            ?? (abs(mantissa) < 100 ? 1 : 0)
        return FixedDecimal.string(mantissa, maximumDecimals: decimals)
    }

    private static func roundsToAThousand(_ mantissaText: String) -> Bool {
        let digits = mantissaText.drop { $0 == "-" }.prefix { $0 != "." }
        return digits.count >= 4
    }
}
