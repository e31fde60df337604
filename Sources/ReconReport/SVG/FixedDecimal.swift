/// Writes a `Double` as decimal text with at most a given number of decimals, digit by digit.
///
/// The text never depends on the locale or the platform's float printing: the value is
/// rounded half away from zero to an integer count of `10^-decimals` units, and the digits
/// of that integer are written out. Trailing zeros of the fraction are trimmed, down to
/// `minimumDecimals`. Negative zero prints as `0`.
///
///     FixedDecimal.string(3.14159, maximumDecimals: 2)           // "3.14"
///     FixedDecimal.string(2.50, maximumDecimals: 2)              // "2.5"
///     FixedDecimal.string(1234567, maximumDecimals: 0,
///                         groupsThousands: true)                 // "1,234,567"
enum FixedDecimal {
    /// The largest number of decimals written.
    static let decimalsLimit = 9

    /// `10^k` for `k` in `0...decimalsLimit`, exactly.
    private static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9]

    /// The decimal text of `value`; see the type's documentation.
    ///
    /// Values too large for 64-bit integer digits are written in scientific form (`1.5e+20`).
    /// NaN prints as `NaN` and infinities as `inf` / `-inf`.
    static func string(
        _ value: Double,
        maximumDecimals: Int,
        minimumDecimals: Int = 0,
        groupsThousands: Bool = false
    ) -> String {
        guard value.isFinite else { return nonFiniteText(value) }
        let decimals = min(max(maximumDecimals, 0), decimalsLimit)
        let scaled = (value * powersOfTen[decimals]).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9.0e18 else { return scientificText(value) }

        let units = Int64(scaled)
        let divisor = UInt64(powersOfTen[decimals])
        let wholeDigits = String(units.magnitude / divisor)
        let fractionDigits = paddedDigits(units.magnitude % divisor, width: decimals)
        let fraction = trimmingTrailingZeros(fractionDigits, keeping: min(max(minimumDecimals, 0), decimals))

        var text = units < 0 ? "-" : ""
        text += groupsThousands ? groupedDigits(wholeDigits) : wholeDigits
        if !fraction.isEmpty { text += "." + fraction }
        return text
    }

    /// The number of decimals needed to tell multiples of `step` apart (0 for 5, 1 for 2.5 or
    /// 0.5, 2 for 0.25), at most 6.
    static func decimalsNeeded(toShowMultiplesOf step: Double) -> Int {
        let step = abs(step)
        guard step.isFinite, step > 0 else { return 0 }
        for decimals in 0...6 {
            let scaled = step * powersOfTen[decimals]
            if abs(scaled - scaled.rounded()) <= 1e-6 * max(1, scaled) { return decimals }
        }
        return 6
    }

    private static func nonFiniteText(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        return value < 0 ? "-inf" : "inf"
    }

    /// `d.ddde+NN` for magnitudes beyond 64-bit digits, without platform float printing.
    private static func scientificText(_ value: Double) -> String {
        var exponent = 0
        var mantissa = abs(value)
        while mantissa >= 10 {
            mantissa /= 10
            exponent += 1
        }
        let sign = value < 0 ? "-" : ""
        return sign + string(mantissa, maximumDecimals: 3) + "e+" + String(exponent)
    }

    private static func paddedDigits(_ number: UInt64, width: Int) -> String {
        guard width > 0 else { return "" }
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func trimmingTrailingZeros(_ digits: String, keeping minimumCount: Int) -> String {
        var trimmed = Substring(digits)
        while trimmed.count > minimumCount, trimmed.last == "0" {
            trimmed = trimmed.dropLast()
        }
        return String(trimmed)
    }

    /// `1234567` → `1,234,567`.
    private static func groupedDigits(_ digits: String) -> String {
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return grouped
    }
}
