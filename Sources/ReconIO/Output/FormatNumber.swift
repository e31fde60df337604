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
public func formatNumber(_ value: Double, decimals: Int? = nil, trimTrailingZeros: Bool = false) -> String {
    var bytes: [UInt8] = []
    appendNumber(value, decimals: decimals, trimTrailingZeros: trimTrailingZeros, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
}

/// ``formatNumber(_:decimals:trimTrailingZeros:)`` appended to UTF-8 bytes (writers that build
/// whole files in bytes make no `String` per number).
func appendNumber(_ value: Double, decimals: Int?, trimTrailingZeros: Bool, to out: inout [UInt8]) {
    guard value.isFinite else { return }
    let decimals = decimals.map { max(0, $0) }
    let start = out.count
    let magnitude = value.magnitude
    if magnitude < 9_007_199_254_740_992, magnitude.rounded(.towardZero) == magnitude {
        // A whole number below 2⁵³: its shortest digits are its own, and rounding to any number
        // of places keeps it.
        appendInteger(UInt64(magnitude), to: &out)
        if let decimals, decimals > 0 {
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: decimals))
        }
    } else {
        var digits = DecimalDigits(magnitude)
        if let decimals { digits.round(toDecimals: decimals) }
        digits.append(decimals: decimals, to: &out)
    }
    if trimTrailingZeros, out[start...].contains(UInt8(ascii: ".")) {
        while out.last == UInt8(ascii: "0") { out.removeLast() }
        if out.last == UInt8(ascii: ".") { out.removeLast() }
    }
    if value < 0, out[start...].contains(where: { $0 != UInt8(ascii: "0") && $0 != UInt8(ascii: ".") }) {
        out.insert(UInt8(ascii: "-"), at: start)
    }
}

/// The decimal digits of an integer.
func appendInteger(_ value: UInt64, to out: inout [UInt8]) {
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes: room for 20 digits
    var count = 0
    var rest = value
    withUnsafeMutableBytes(of: &digits) { buffer in
        repeat {
            buffer[23 - count] = UInt8(truncatingIfNeeded: rest % 10) + UInt8(ascii: "0")
            rest /= 10
            count += 1
        } while rest > 0
        out.append(contentsOf: buffer[(24 - count)...])
    }
}

/// A non-negative number as decimal digits `0.d₁d₂d₃… × 10^pointPosition`.
private struct DecimalDigits {
    /// Significant digits (0...9), no leading or trailing zeros (none for zero); a double's
    /// shortest form has at most 17.
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var count = 0
    /// How many digits come before the decimal point (may be negative or exceed `count`).
    var pointPosition = 1

    subscript(position: Int) -> UInt8 {
        get { withUnsafeBytes(of: digits) { $0[position] } }
        set { withUnsafeMutableBytes(of: &digits) { $0[position] = newValue } }
    }

    /// Reads Swift's shortest round-trip text of `value` (`123.45`, `1e-05`, `1.5e+20`), as
    /// `description` writes it, without making a `String`.
    init(_ value: Double) {
        var text = ShortestText()
        value.write(to: &text)
        var integerDigits = 0, sawPoint = false, exponent = 0, exponentSign = 1, inExponent = false
        var position = 0
        var leading = true
        withUnsafeBytes(of: text.bytes) { bytes in
            for index in 0 ..< text.count {
                let byte = bytes[index]
                if inExponent {
                    if byte == UInt8(ascii: "-") { exponentSign = -1 } else if byte != UInt8(ascii: "+") {
                        exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
                    }
                } else if byte == UInt8(ascii: "e") {
                    inExponent = true
                } else if byte == UInt8(ascii: ".") {
                    sawPoint = true
                } else {
                    if !sawPoint { integerDigits += 1 }
                    let digit = byte - UInt8(ascii: "0")
                    // Leading zeros move the point instead of being kept.
                    if leading && digit == 0 {
                        position -= 1
                        continue
                    }
                    leading = false
                    self[count] = digit
                    count += 1
                }
            }
        }
        while count > 0, self[count - 1] == 0 { count -= 1 }
        pointPosition = count == 0 ? 1 : integerDigits + exponentSign * exponent + position
    }

    /// Rounds half away from zero to `decimals` places after the point.
    mutating func round(toDecimals decimals: Int) {
        let keep = pointPosition + decimals
        guard keep < count else { return }
        let roundsUp = keep >= 0 && self[keep] >= 5
        count = max(keep, 0)
        if roundsUp {
            var index = count - 1
            while index >= 0, self[index] == 9 {
                self[index] = 0
                index -= 1
            }
            if index >= 0 {
                self[index] += 1
            } else {
                // All nines: one more digit in front.
                for shift in stride(from: count, to: 0, by: -1) { self[shift] = self[shift - 1] }
                self[0] = 1
                count += 1
                pointPosition += 1
            }
        }
        while count > 0, self[count - 1] == 0 { count -= 1 }
        if count == 0 { pointPosition = 1 }
    }

    /// The digits with the point placed; `decimals` pads the fraction with zeros to that length.
    func append(decimals: Int?, to out: inout [UInt8]) {
        func digit(_ position: Int) -> UInt8 {
            UInt8(ascii: "0") + (position >= 0 && position < count ? self[position] : 0)
        }
        if pointPosition <= 0 {
            out.append(UInt8(ascii: "0"))
        } else {
            for position in 0 ..< pointPosition { out.append(digit(position)) }
        }
        let fractionLength = decimals ?? max(0, count - pointPosition)
        if fractionLength > 0 {
            out.append(UInt8(ascii: "."))
            for offset in 0 ..< fractionLength { out.append(digit(pointPosition + offset)) }
        }
    }
}

/// Receives the text `Double.write(to:)` makes (the same as `description` for finite values)
/// as bytes, without a `String` in between.
private struct ShortestText: TextOutputStream {
    var bytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)   // 32 bytes: the longest is 24
    var count = 0

    mutating func write(_ string: String) {
        for byte in string.utf8 { append(byte) }
    }

    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        for byte in buffer { append(byte) }
    }

    private mutating func append(_ byte: UInt8) {
        guard count < 32 else { return }
        withUnsafeMutableBytes(of: &bytes) { $0[count] = byte }
        count += 1
    }
}
