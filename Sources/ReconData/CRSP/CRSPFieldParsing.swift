import ReconCore

/// Parses the fields of a CRSP row straight from their bytes, without making a `String`.
enum CRSPFieldParsing {
    /// The result of parsing one field.
    enum Field<Value> {
        case blank
        case value(Value)
        /// A CRSP missing-value code: a letter (`B`, `C`, …) or −66, −77, −88, −99.
        case missingCode
        case invalid
    }

    /// An integer such as `10001` or ` 11 `; a decimal with no fraction (`11.0`) is accepted too.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Field<Int> {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if start == end { return .blank }
        var negative = false
        var i = start
        if bytes[i] == 0x2D { negative = true; i += 1 }
        if i < end, end - i <= 18 {
            var value = 0
            var j = i
            while j < end, bytes[j] >= 0x30, bytes[j] <= 0x39 {
                value = value * 10 + Int(bytes[j] &- 0x30)
                j += 1
            }
            if j == end { return .value(negative ? -value : value) }
        }
        // Slow path: `11.0`, `1e1`, `-`.
        switch NumberParsing.parse(UnsafeBufferPointer(rebasing: bytes[start..<end]), allowThousandsSeparators: false) {
        case .blank: return .blank
        case .number(let number) where number.rounded() == number && abs(number) < 1e15: return .value(Int(number))
        default: return .invalid
        }
    }

    /// A date as `YYYYMMDD` or `YYYY-MM-DD`, returned as the integer `YYYYMMDD`; an impossible
    /// day is invalid (the same forms as `CalendarDate(parsing:)`).
    static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> Field<Int> {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if start == end { return .blank }
        let length = end - start
        // Before the digits are summed: a long run of digits would overflow `value`.
        guard length == 8 || length == 10 else { return .invalid }
        var digits = 0, value = 0
        for k in start..<end {
            let byte = bytes[k]
            if byte >= 0x30, byte <= 0x39 {
                value = value * 10 + Int(byte &- 0x30)
                digits += 1
            } else if length == 10, byte == 0x2D, k - start == 4 || k - start == 7 {
                continue
            } else {
                return .invalid
            }
        }
        guard digits == 8, length == 8 || length == 10 else { return .invalid }
        let year = value / 10_000, month = value / 100 % 100, day = value % 100
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else {
            return .invalid
        }
        return .value(value)
    }

    /// A number where blank and `0` both mean "none" (PRC, SHROUT); the sign is kept.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Field<Double> {
        switch NumberParsing.parse(bytes, allowThousandsSeparators: false) {
        case .blank: return .blank
        case .number(let value): return .value(value)
        case .invalid: return .invalid
        }
    }

    /// A return (RET, DLRET): a decimal fraction such as `-0.0125`, blank, or a CRSP missing code.
    ///
    /// CRSP writes a one-letter code where it has no return (`B`: off-exchange or more than ten
    /// periods between prices, `C`: no previous price, as in a security's first month; DLRET
    /// `A`, `P`, `S`, `T`), and SAS-style exports write the numeric codes −66, −77, −88 and −99.
    /// A return below −1 that is not one of those codes is invalid, and so is one too large for a
    /// `Float` (above 3.4e38), the type the panel keeps returns in.
    static func `return`(_ bytes: UnsafeBufferPointer<UInt8>) -> Field<Double> {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if end - start == 1 {
            let letter = bytes[start] | 0x20
            if letter >= 0x61, letter <= 0x7A { return .missingCode }
        }
        switch NumberParsing.parse(UnsafeBufferPointer(rebasing: bytes[start..<end]), allowThousandsSeparators: false) {
        case .blank: return .blank
        case .invalid: return .invalid
        case .number(let value):
            // Returns are kept as `Float`: a larger one would silently become infinite.
            if value >= -1 { return value <= Double(Float.greatestFiniteMagnitude) ? .value(value) : .invalid }
            return [-66, -77, -88, -99].contains(value) ? .missingCode : .invalid
        }
    }
}
