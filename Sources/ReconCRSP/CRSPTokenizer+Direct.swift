import ReconCore
import ReconIO

extension CRSPTokenizer {
    /// One record by the direct path: fields read eight bytes at a time (SWAR: "SIMD within a
    /// register"), which on these machines parses a typical row in about a third of the time of
    /// a byte-by-byte loop, mostly by avoiding a mispredicted branch at the end of every field.
    ///
    /// It takes the shapes a CRSP export almost always has: plain integers and decimals of up to
    /// seven digits on each side of the point, `YYYYMMDD` and `YYYY-MM-DD` dates (WRDS writes CIZ
    /// exports' dates the ISO way), `YYYYMM` months, blank fields, one-letter return codes,
    /// unquoted text, and the CIZ layout's short codes in capitals (`NS`, `EQTY`, `RW`). Anything else makes it answer `nil`, and the record is read again
    /// from its start by ``generalRecord(at:end:into:newlinesInQuotes:)``, which takes every form CSV
    /// allows. Every value it does produce is computed with the ``CRSPFieldParsing`` arithmetic.
    ///
    /// - Returns: where the next record starts, or `nil`.
    @inline(__always)
    func directRecord(at start: Int, into row: inout CRSPRowSink.RowFields) -> Int? {
        var p = start
        row.cusip = CRSPRowSink.RawText()
        row.industry = nil
        row.delistingReturn = .nan
        row.attributes.priceFlag = 0
        let last = kinds.count - 1
        for column in 0 ... last {
            // Each field stops on the first byte that is not its own; the byte must then be a
            // separator (checked below), so "12x," or "1.5.2," go to the careful path.
            switch kinds[column] {
            case .permno:
                guard let value = unsignedInteger(&p), value > 0 else { return nil }
                row.permno = value
            case .permco:
                guard let value = unsignedInteger(&p), value > 0 else { return nil }
                row.permco = value
            case .date:
                guard let value = yyyymmdd(&p) ?? isoDate(&p) else { return nil }
                row.date = value
            case .shareCode:
                guard let value = code(&p) else { return nil }
                row.shareCode = value
            case .exchangeCode:
                guard let value = code(&p) else { return nil }
                row.exchangeCode = value
            case .industry:
                guard p + 8 <= readableEnd else { return nil }
                if !isSeparatorByte(data[p]) {
                    guard let value = unsignedInteger(&p) else { return nil }
                    row.industry = value
                }
            case .price:
                guard p + 8 <= readableEnd else { return nil }
                if isSeparatorByte(data[p]) {
                    (row.price, row.midpoint) = (.nan, false)
                } else {
                    guard let value = decimal(&p) else { return nil }
                    (row.price, row.midpoint) = value == 0 ? (.nan, false) : (abs(value), value < 0)
                }
            case .shares:
                guard p + 8 <= readableEnd else { return nil }
                if isSeparatorByte(data[p]) {
                    row.shares = .nan
                } else {
                    guard let value = decimal(&p), value >= 0 else { return nil }
                    row.shares = value > 0 ? value : .nan
                }
            case .return:
                guard let value = returnValue(&p) else { return nil }
                row.return = value
            case .delistingReturn:
                guard let value = returnValue(&p) else { return nil }
                row.delistingReturn = value
            case .ticker:
                guard let range = text(&p) else { return nil }
                row.ticker = raw(range)
            case .name:
                guard let range = text(&p) else { return nil }
                row.name = raw(range)
            case .cusip:
                guard let range = text(&p) else { return nil }
                row.cusip = raw(range)
            case .skip:
                guard text(&p) != nil else { return nil }
            case .yearMonth:
                guard let value = yearMonth(&p) else { return nil }
                row.date = value
            case .positivePrice:
                guard p + 8 <= readableEnd else { return nil }
                if isSeparatorByte(data[p]) {
                    row.price = .nan
                } else {
                    // A negative price goes to the careful path, which refuses it.
                    guard let value = decimal(&p), !(value < 0) else { return nil }
                    row.price = value == 0 ? .nan : value
                }
            case .totalReturn:
                guard let value = totalReturn(&p) else { return nil }
                row.return = value
            case .priceFlag:
                guard let code = shortCode(&p) else { return nil }
                row.attributes.priceFlag = code
            case .primaryExchange:
                guard let code = shortCode(&p) else { return nil }
                row.attributes.primaryExchange = code
            case .conditionalType:
                guard let code = shortCode(&p) else { return nil }
                row.attributes.conditionalType = code
            case .tradingStatus:
                guard let code = shortCode(&p) else { return nil }
                row.attributes.tradingStatus = code
            case .shareType:
                guard let code = shortCode(&p) else { return nil }
                row.attributes.shareType = code
            case .securityType:
                guard let code = shortCode(&p) else { return nil }
                row.attributes.securityType = code
            case .securitySubType:
                guard let code = shortCode(&p) else { return nil }
                row.attributes.securitySubType = code
            case .incorporation:
                guard let code = shortCode(&p) else { return nil }
                row.attributes.incorporation = code
            case .issuerType:
                guard let code = shortCode(&p) else { return nil }
                row.attributes.issuerType = code
            }
            // Every field parser reads within an 8-byte window it checked, so `p` is readable.
            let byte = data[p]
            if byte == Byte.comma {
                p += 1
                // A field more than the header has: the careful path refuses the row.
                if column == last { return nil }
            } else {
                return column == last ? endOfRecord(p) : nil
            }
        }
        return nil
    }

    /// The position after an LF or CR LF at `p`, else `nil`.
    @inline(__always)
    private func endOfRecord(_ p: Int) -> Int? {
        if data[p] == Byte.lf { return p + 1 }
        guard data[p] == Byte.cr, p + 1 < readableEnd, data[p + 1] == Byte.lf else { return nil }
        return p + 2
    }

    // MARK: - Eight bytes at a time

    @inline(__always)
    private func word(_ p: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(data + p).loadUnaligned(as: UInt64.self))
    }

    @inline(__always)
    private func isSeparatorByte(_ byte: UInt8) -> Bool {
        byte == Byte.comma || byte == Byte.lf || byte == Byte.cr
    }

    /// The high bit of each byte of `word` that is not an ASCII digit. Exact for the lowest such
    /// byte (a borrow or carry only disturbs the bytes above it), which is all callers use.
    @inline(__always)
    private static func nonDigits(_ word: UInt64) -> UInt64 {
        let value = word &- 0x3030_3030_3030_3030
        return ((value &+ 0x7676_7676_7676_7676) | value) & 0x8080_8080_8080_8080
    }

    /// The high bit of each byte of `word` equal to `byte`; exact for the lowest one.
    @inline(__always)
    private static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// The value of the `count` (1...7) digits in the low bytes of `word`, first digit lowest.
    @inline(__always)
    private static func value(ofDigits word: UInt64, count: Int) -> Int {
        var v = (word &- 0x3030_3030_3030_3030) << UInt64(64 - 8 * count)
        v = ((v &* 2561) >> 8) & 0x00FF_00FF_00FF_00FF           // pairs: 10a + b
        v = ((v &* 6_553_601) >> 16) & 0x0000_FFFF_0000_FFFF     // fours: 100ab + cd
        v = (v &* 42_949_672_960_001) >> 32                      // eight: 10000abcd + efgh
        return Int(v)
    }

    /// Up to seven digits at `p`: their value and count (0 when `p` is not a digit); `nil` when
    /// eight bytes cannot be read there or there are more than seven.
    @inline(__always)
    private func digits(_ p: inout Int) -> (value: Int, count: Int)? {
        guard p + 8 <= readableEnd else { return nil }
        let word = word(p)
        let count = CRSPTokenizer.nonDigits(word).trailingZeroBitCount >> 3
        guard count < 8 else { return nil }
        p += count
        return (count == 0 ? 0 : CRSPTokenizer.value(ofDigits: word, count: count), count)
    }

    /// Plain digits.
    @inline(__always)
    private func unsignedInteger(_ p: inout Int) -> Int? {
        guard let (value, count) = digits(&p), count > 0 else { return nil }
        return value
    }

    /// SHRCD, EXCHCD: blank (0), or digits with an optional `-`, from −99 to 999.
    @inline(__always)
    private func code(_ p: inout Int) -> Int? {
        guard p + 8 <= readableEnd else { return nil }
        if isSeparatorByte(data[p]) { return 0 }
        let negative = data[p] == Byte.minus
        var q = negative ? p + 1 : p
        guard let (value, count) = digits(&q), count > 0, count <= 3, !negative || value <= 99 else { return nil }
        p = q
        return negative ? -value : value
    }

    /// `YYYYMMDD`, a day the calendar has.
    @inline(__always)
    private func yyyymmdd(_ p: inout Int) -> Int? {
        guard p + 9 <= readableEnd, let value = CRSPTokenizer.date(ofDigits: word(p)) else { return nil }
        p += 8
        return value
    }

    /// `YYYY-MM-DD`, a day the calendar has: its eight digits gathered into one word and read as
    /// ``yyyymmdd(_:)`` reads one.
    @inline(__always)
    private func isoDate(_ p: inout Int) -> Int? {
        guard p + 11 <= readableEnd, data[p + 4] == Byte.minus, data[p + 7] == Byte.minus else { return nil }
        let raw = UnsafeRawPointer(data + p)
        let year = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
        let month = UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 5, as: UInt16.self)))
        let day = UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)))
        guard let value = CRSPTokenizer.date(ofDigits: year | month << 32 | day << 48) else { return nil }
        p += 10
        return value
    }

    /// The `YYYYMMDD` of eight ASCII digits in a word (first digit lowest), when they are a day
    /// the calendar has.
    @inline(__always)
    private static func date(ofDigits word: UInt64) -> Int? {
        guard nonDigits(word) == 0 else { return nil }
        // Pairs of digits (19 79 01 31) in 16-bit lanes: month and day without a division.
        let pairs = (((word &- 0x3030_3030_3030_3030) &* 2561) >> 8) & 0x00FF_00FF_00FF_00FF
        let year = Int(pairs & 0xFF) * 100 + Int((pairs >> 16) & 0xFF)
        let month = Int((pairs >> 32) & 0xFF), day = Int(pairs >> 48)
        guard month >= 1, month <= 12, day >= 1, day <= 28 || day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        return year * 10_000 + month * 100 + day
    }

    /// CIZ `YYYYMM`: the `YYYYMMDD` of the month's last business day (``CIZMonthEnd``).
    @inline(__always)
    private func yearMonth(_ p: inout Int) -> Int? {
        var q = p
        guard let (value, count) = digits(&q), count == 6 else { return nil }
        let year = value / 100, month = value % 100
        guard month >= 1, month <= 12 else { return nil }
        p = q
        return CIZMonthEnd.yyyymmdd(year: year, month: month, table: monthEnds)
    }

    /// `-?digits[.digits]`, at most seven digits on each side: the mantissa (all the digits) over
    /// a power of ten, the operation ``NumberParsing`` makes for such text.
    @inline(__always)
    private func decimal(_ p: inout Int) -> Double? {
        var q = p
        let negative = data[q] == Byte.minus
        if negative { q += 1 }
        guard let (integer, integerDigits) = digits(&q) else { return nil }
        var mantissa = integer, fractionDigits = 0
        if data[q] == Byte.point {
            q += 1
            guard let (fraction, count) = digits(&q) else { return nil }
            mantissa = mantissa &* CRSPTokenizer.powersOfTen[count] &+ fraction
            fractionDigits = count
        }
        guard integerDigits + fractionDigits > 0 else { return nil }
        p = q
        let value = Double(mantissa) / NumberParsing.exactPowers[fractionDigits]
        return negative ? -value : value
    }

    static let powersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000]

    /// RET, DLRET: NaN when blank or a one-letter code; a return of at least −1.
    @inline(__always)
    private func returnValue(_ p: inout Int) -> Double? {
        guard p + 8 <= readableEnd else { return nil }
        if isSeparatorByte(data[p]) { return .nan }
        let letter = data[p] | 0x20
        if letter >= 0x61, letter <= 0x7A, isSeparatorByte(data[p + 1]) {
            p += 1
            return .nan
        }
        var q = p
        guard let value = decimal(&q), value >= -1 else { return nil }
        p = q
        return value
    }

    /// CIZ MthRet: NaN when blank; a decimal of at least −1 (no letter codes in this layout).
    @inline(__always)
    private func totalReturn(_ p: inout Int) -> Double? {
        guard p + 8 <= readableEnd else { return nil }
        if isSeparatorByte(data[p]) { return .nan }
        var q = p
        guard let value = decimal(&q), value >= -1 else { return nil }
        p = q
        return value
    }

    /// A CIZ code of one to seven capital letters, or blank: its bytes packed as
    /// ``CIZAttributes/pack(_:)`` packs them (first byte lowest). Anything else (spaces, lower
    /// case, quotes, digits, eight letters or more) goes to the careful path.
    @inline(__always)
    private func shortCode(_ p: inout Int) -> UInt64? {
        guard p + 8 <= readableEnd else { return nil }
        let word = word(p)
        let stops = CRSPTokenizer.equal(word, Byte.comma) | CRSPTokenizer.equal(word, Byte.lf) | CRSPTokenizer.equal(word, Byte.cr)
        guard stops != 0 else { return nil }
        let count = stops.trailingZeroBitCount >> 3
        guard count > 0 else { return 0 }
        let mask = ~UInt64(0) >> UInt64(64 - 8 * count)
        let code = word & mask
        // Every byte of the code a capital letter: the bytes past it are made 'A' for the test.
        guard !CRSPTokenizer.hasByteOutsideCapitals(code | (0x4141_4141_4141_4141 & ~mask)) else { return nil }
        p += count
        return code
    }

    /// Whether any byte of `word` is not `A`…`Z` (exact as a yes or no: the tests of "Bit
    /// Twiddling Hacks", hasless(x, 0x41) and hasmore(x, 0x5A), whose carries never make a
    /// byte in range look out of range nor hide every byte out of it).
    @inline(__always)
    static func hasByteOutsideCapitals(_ word: UInt64) -> Bool {
        let below = (word &- 0x4141_4141_4141_4141) & ~word & 0x8080_8080_8080_8080
        let above = ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x2525_2525_2525_2525 | word) & 0x8080_8080_8080_8080
        return below | above != 0
    }

    /// An unquoted text field without quotes inside: its bytes.
    @inline(__always)
    private func text(_ p: inout Int) -> FieldRange? {
        var q = p
        while true {
            guard q + 8 <= readableEnd else { return nil }
            let word = word(q)
            let stops = CRSPTokenizer.equal(word, Byte.comma) | CRSPTokenizer.equal(word, Byte.lf)
                | CRSPTokenizer.equal(word, Byte.cr) | CRSPTokenizer.equal(word, Byte.quote)
            if stops != 0 {
                q += stops.trailingZeroBitCount >> 3
                guard data[q] != Byte.quote else { return nil }
                let range = FieldRange(start: p, end: q, escaped: false)
                p = q
                return range
            }
            q += 8
        }
    }
}
