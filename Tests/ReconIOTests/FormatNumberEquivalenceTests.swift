import XCTest
@testable import ReconIO

/// The byte-level ``formatNumber(_:decimals:trimTrailingZeros:)`` against the
/// `String`-based implementation it replaced (kept here, below, as the reference).
final class FormatNumberEquivalenceTests: XCTestCase {
    func testSameTextAsTheReferenceForManyNumbers() {
        // Seeded, so that a failure is seen again on the next run.
        var generator = SplitMix64(state: 2025)
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 1.005, 2.5, -2.5, 9.996, 0.05, 0.04, 1e20, 1e-7, 123.456, 9_007_199_254_740_991,
                                9_007_199_254_740_992, 9_007_199_254_740_993, 99.995, 0.99999999, 999_999.9999999, 5e-324,
                                .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1.0 / 3.0, 2.0 / 3.0, 0.1 + 0.2]
        for _ in 0 ..< 2_500 {
            values.append(Double(bitPattern: generator.next()))
            values.append(Double.random(in: -1 ... 1, using: &generator))
            values.append(Double(Int64.random(in: -10_000_000_000_000 ... 10_000_000_000_000, using: &generator))
                          / [1, 10, 100, 1e3, 1e6, 1e9, 1e12][Int.random(in: 0 ... 6, using: &generator)])
            values.append(Double.random(in: 0 ... 1e12, using: &generator).rounded())
        }
        for value in values {
            for decimals in [nil, 0, 1, 2, 6, 10, 12, -1] as [Int?] {
                for trim in [false, true] {
                    XCTAssertEqual(formatNumber(value, decimals: decimals, trimTrailingZeros: trim),
                                   referenceFormatNumber(value, decimals: decimals, trimTrailingZeros: trim),
                                   "\(value) decimals \(String(describing: decimals)) trim \(trim)")
                }
            }
        }
    }
}

// MARK: - The reference: formatNumber as it was, by way of `description` and `String`s.

/// Formats a number for CSV and JSON output, the same on every machine and in every locale.
///
/// - `decimals: nil` writes the shortest decimal text that reads back as the same `Double`
///   (Swift's round-trip digits), without an exponent: `0.1` → `0.1`, `1e20` →
///   `100000000000000000000`, `30942197876` → `30942197876`.
/// - `decimals: d` rounds that shortest text half away from zero to `d` places, so `1.005` →
///   `1.01` (the number as written, not its binary neighbour `1.00499…`), and pads with zeros:
///   `formatNumber(2, decimals: 2)` → `2.00`.
/// - `trimTrailingZeros` then drops zeros at the end of the fraction, and the point when nothing
///   is left: `formatNumber(2, decimals: 2, trimTrailingZeros: true)` → `2`.
/// - Never an exponent, never a thousands separator, always `.` as the decimal point; `-0` is
///   written `0`. NaN and infinities, which CSV and JSON cannot carry, are written as an empty
///   string (``JSONWriter`` writes `null`).
private func referenceFormatNumber(_ value: Double, decimals: Int? = nil, trimTrailingZeros: Bool = false) -> String {
    guard value.isFinite else { return "" }
    var decimal = ReferenceDecimalDigits(value.magnitude)
    if let decimals { decimal.round(toDecimals: max(0, decimals)) }
    var text = decimal.text(decimals: decimals.map { max(0, $0) })
    if trimTrailingZeros, text.contains(".") {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
    }
    let isZero = text.allSatisfy { $0 == "0" || $0 == "." }
    return value < 0 && !isZero ? "-" + text : text
}

/// A non-negative number as decimal digits `0.d₁d₂d₃… × 10^pointPosition`.
private struct ReferenceDecimalDigits {
    /// Significant digits, no leading or trailing zeros (empty for zero).
    var digits: [UInt8]
    /// How many digits come before the decimal point (may be negative or exceed `digits.count`).
    var pointPosition: Int

    /// Reads Swift's shortest round-trip text of `value` (`123.45`, `1e-05`, `1.5e+20`).
    init(_ value: Double) {
        let text = value.description
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1])! : 0
        let mantissa = parts[0]
        let pointIndex = mantissa.firstIndex(of: ".")
        let integerPart = pointIndex.map { mantissa[..<$0] } ?? mantissa[...]
        let fractionPart = pointIndex.map { mantissa[mantissa.index(after: $0)...] } ?? ""
        var digits = (integerPart + fractionPart).map { UInt8($0.asciiValue! - 48) }
        var pointPosition = integerPart.count + exponent
        while let first = digits.first, first == 0 {
            digits.removeFirst()
            pointPosition -= 1
        }
        while let last = digits.last, last == 0 { digits.removeLast() }
        self.digits = digits
        self.pointPosition = digits.isEmpty ? 1 : pointPosition
    }

    /// Rounds half away from zero to `decimals` places after the point.
    mutating func round(toDecimals decimals: Int) {
        let keep = pointPosition + decimals
        guard keep < digits.count else { return }
        let roundsUp = keep >= 0 && digits[keep] >= 5
        digits = keep > 0 ? Array(digits[..<keep]) : []
        if roundsUp {
            var index = digits.count - 1
            while index >= 0, digits[index] == 9 {
                digits[index] = 0
                index -= 1
            }
            if index >= 0 {
                digits[index] += 1
            } else {
                digits.insert(1, at: 0)
                pointPosition += 1
            }
        }
        while let last = digits.last, last == 0 { digits.removeLast() }
        if digits.isEmpty { pointPosition = 1 }
    }

    /// The digits with the point placed; `decimals` pads the fraction with zeros to that length.
    func text(decimals: Int?) -> String {
        func digit(_ position: Int) -> Character {
            position >= 0 && position < digits.count ? Character(String(digits[position])) : "0"
        }
        var text = ""
        if pointPosition <= 0 {
            text = "0"
        } else {
            for position in 0..<pointPosition { text.append(digit(position)) }
        }
        let fractionLength = decimals ?? max(0, digits.count - pointPosition)
        if fractionLength > 0 {
            text.append(".")
            for offset in 0..<fractionLength { text.append(digit(pointPosition + offset)) }
        }
        return text
    }
}

/// SplitMix64 (Steele, Lea and Flood, 2014): a seeded generator for reproducible test values.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
