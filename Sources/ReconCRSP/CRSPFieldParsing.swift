import ReconCore
import ReconIO

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

    /// The field without leading and trailing spaces and tabs.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start ..< end])
    }

    /// An integer such as `10001` or ` 11 `; a decimal with no fraction (`11.0`) is accepted too.
    static func integer(_ field: UnsafeBufferPointer<UInt8>) -> Field<Int> {
        let bytes = trimmed(field)
        if bytes.isEmpty { return .blank }
        let negative = bytes[0] == 0x2D
        let digits = negative ? 1 : 0
        if digits < bytes.count, bytes.count - digits <= 18 {
            var value = 0, index = digits
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                value = value * 10 + Int(bytes[index] &- 0x30)
                index += 1
            }
            if index == bytes.count { return .value(negative ? -value : value) }
        }
        // Slow path: `11.0`, `1e1`, `-`.
        switch NumberParsing.parse(bytes, allowThousandsSeparators: false) {
        case .blank: return .blank
        case .number(let number) where number.rounded() == number && abs(number) < 1e15: return .value(Int(number))
        default: return .invalid
        }
    }

    /// A date as `YYYYMMDD` or `YYYY-MM-DD`, returned as the integer `YYYYMMDD`; an impossible
    /// day is invalid (the same forms as `CalendarDate(parsing:)`).
    static func date(_ field: UnsafeBufferPointer<UInt8>) -> Field<Int> {
        let bytes = trimmed(field)
        if bytes.isEmpty { return .blank }
        // Before the digits are summed: a long run of digits would overflow `value`.
        guard bytes.count == 8 || bytes.count == 10 else { return .invalid }
        var value = 0
        for (position, byte) in bytes.enumerated() {
            if byte >= 0x30, byte <= 0x39 {
                value = value * 10 + Int(byte &- 0x30)
            } else if bytes.count != 10 || byte != 0x2D || (position != 4 && position != 7) {
                return .invalid
            }
        }
        if bytes.count == 10, bytes[4] != 0x2D || bytes[7] != 0x2D { return .invalid }
        let year = value / 10_000, month = value / 100 % 100, day = value % 100
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else {
            return .invalid
        }
        return .value(value)
    }

    /// A CIZ `YYYYMM` month, returned as the integer `YYYYMMDD` of its last business day
    /// (``CIZMonthEnd``); a month outside 01–12 is invalid.
    static func yearMonth(_ field: UnsafeBufferPointer<UInt8>) -> Field<Int> {
        let bytes = trimmed(field)
        if bytes.isEmpty { return .blank }
        guard bytes.count == 6, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return .invalid }
        let value = bytes.reduce(0) { $0 * 10 + Int($1 &- 0x30) }
        let month = value % 100
        guard (1...12).contains(month) else { return .invalid }
        return .value(CIZMonthEnd.yyyymmdd(year: value / 100, month: month))
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
    static func `return`(_ field: UnsafeBufferPointer<UInt8>) -> Field<Double> {
        let bytes = trimmed(field)
        if bytes.count == 1 {
            let letter = bytes[0] | 0x20
            if letter >= 0x61, letter <= 0x7A { return .missingCode }
        }
        switch NumberParsing.parse(bytes, allowThousandsSeparators: false) {
        case .blank: return .blank
        case .invalid: return .invalid
        case .number(let value):
            // Returns are kept as `Float`: a larger one would silently become infinite.
            if value >= -1 { return value <= Double(Float.greatestFiniteMagnitude) ? .value(value) : .invalid }
            return [-66, -77, -88, -99].contains(value) ? .missingCode : .invalid
        }
    }

    /// A CIZ return (`MthRet`): a decimal fraction of at least −1, or blank. The CIZ layout has no
    /// missing-value codes (a missing return is blank), so a letter or −99 is invalid; so is a
    /// return too large for a `Float`, as for ``return(_:)``.
    static func totalReturn(_ field: UnsafeBufferPointer<UInt8>) -> Field<Double> {
        switch NumberParsing.parse(field, allowThousandsSeparators: false) {
        case .blank: return .blank
        case .number(let value) where value >= -1 && value <= Double(Float.greatestFiniteMagnitude): return .value(value)
        default: return .invalid
        }
    }
}
