/// Parses numbers straight from a field's bytes, as data exports write them.
///
/// Accepted: an optional sign, an optional leading `$`, digits with optional thousands
/// separators (`1,234,567.89`: one to three digits, then groups of exactly three), a decimal part
/// and an exponent. Refused: `NaN`, `inf`, empty text, stray characters (`$1,2x`), and separators
/// that do not group by three (`1,5` is a decimal comma, not fifteen). Spaces around the number
/// are ignored.
public enum NumberParsing {
    /// Result of parsing a field that may be blank.
    public enum Outcome: Equatable, Sendable {
        case blank
        case number(Double)
        case invalid
    }

    /// Powers of ten that are exact in a `Double`.
    package static let exactPowers: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Parses a field. A `-` or `N/A` alone counts as blank (how exports write "no value").
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, allowThousandsSeparators: Bool = true) -> Outcome {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if start == end { return .blank }
        if end - start == 1, bytes[start] == 0x2D { return .blank }
        if end - start == 3, (bytes[start] | 0x20) == 0x6E, bytes[start + 1] == 0x2F, (bytes[start + 2] | 0x20) == 0x61 {
            return .blank
        }

        var i = start
        var negative = false
        if bytes[i] == 0x2D || bytes[i] == 0x2B { negative = bytes[i] == 0x2D; i += 1 }
        if i < end, bytes[i] == 0x24 { i += 1 }
        if i < end, !negative, bytes[i] == 0x2D { negative = true; i += 1 }   // $-5

        var mantissa: UInt64 = 0
        var digits = 0, significantDigits = 0, decimalExponent = 0
        var sawDigit = false, sawPoint = false, lastWasSeparator = false
        // Digits since the last thousands separator (or the start), and whether one was seen.
        var groupDigits = 0, sawSeparator = false
        while i < end {
            let byte = bytes[i]
            if byte >= 0x30 && byte <= 0x39 {
                sawDigit = true
                lastWasSeparator = false
                digits += 1
                if !sawPoint { groupDigits += 1 }
                if mantissa == 0 && byte == 0x30 {
                    if sawPoint { decimalExponent -= 1 }
                } else if significantDigits < 19 {
                    mantissa = mantissa * 10 + UInt64(byte - 0x30)
                    significantDigits += 1
                    if sawPoint { decimalExponent -= 1 }
                } else if !sawPoint {
                    decimalExponent += 1
                }
            } else if byte == 0x2C && allowThousandsSeparators && !sawPoint && sawDigit && !lastWasSeparator {
                guard sawSeparator ? groupDigits == 3 : groupDigits <= 3 else { return .invalid }
                lastWasSeparator = true
                sawSeparator = true
                groupDigits = 0
            } else if byte == 0x2E && !sawPoint {
                sawPoint = true
                lastWasSeparator = false
            } else {
                break
            }
            i += 1
        }
        guard sawDigit, !lastWasSeparator, !sawSeparator || groupDigits == 3 else { return .invalid }
        if i < end, bytes[i] == 0x65 || bytes[i] == 0x45 {
            i += 1
            var exponentNegative = false
            if i < end, bytes[i] == 0x2D || bytes[i] == 0x2B { exponentNegative = bytes[i] == 0x2D; i += 1 }
            var exponent = 0, exponentDigits = 0
            while i < end, bytes[i] >= 0x30 && bytes[i] <= 0x39 {
                exponent = min(exponent * 10 + Int(bytes[i] - 0x30), 10_000)
                exponentDigits += 1
                i += 1
            }
            guard exponentDigits > 0 else { return .invalid }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        guard i == end else { return .invalid }

        var value: Double
        if mantissa < (1 << 53), abs(decimalExponent) <= 22 {
            // Exact mantissa and exact power of ten: one correctly rounded operation.
            value = Double(mantissa)
            value = decimalExponent < 0 ? value / exactPowers[-decimalExponent] : value * exactPowers[decimalExponent]
        } else {
            // Rare: fall back to the standard library on the cleaned digits.
            var text = ""
            for index in start..<end {
                let byte = bytes[index]
                if (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x65 || byte == 0x45 || byte == 0x2D || byte == 0x2B {
                    text.unicodeScalars.append(Unicode.Scalar(byte))
                }
            }
            if text.hasPrefix("-") { text.removeFirst() }
            guard let parsed = Double(text) else { return .invalid }
            value = parsed
        }
        guard value.isFinite else { return .invalid }
        return .number(negative ? -value : value)
    }

    /// Parses a `String` (tests and small inputs).
    public static func parse(_ text: String, allowThousandsSeparators: Bool = true) -> Outcome {
        var copy = text
        return copy.withUTF8 { parse($0, allowThousandsSeparators: allowThousandsSeparators) }
    }
}

extension CSVReader {
    /// Field `index` as a number, `nil` when blank.
    /// - Throws: ``InputError`` naming the line, column and header when the text is not a number.
    public func double(_ index: Int, header: CSVHeader? = nil, expected: String = "a number") throws -> Double? {
        switch withBytes(index, { NumberParsing.parse($0) }) {
        case .blank: return nil
        case .number(let value): return value
        case .invalid:
            let found = (try? string(index)) ?? "?"
            throw InputError(file: name, line: lineNumber, column: index + 1,
                             columnName: header.flatMap { index < $0.names.count ? $0.names[index] : nil },
                             message: "found \(InputError.quote(found)), expected \(expected)",
                             help: "fix the value or leave the field blank")
        }
    }
}
