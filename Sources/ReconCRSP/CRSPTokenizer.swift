import ReconPlatform
import ReconCore
import ReconIO

/// Reads the data rows of a CRSP file straight from its bytes into a ``CRSPRowSink``: no
/// `String`, no array and no call per field, so that a four-million-row panel reads at several
/// hundred megabytes a second on each core.
///
/// Each record goes the first of three ways that takes it: the direct path (``directRecord(at:into:)``,
/// eight bytes at a time) for the usual spellings (`10001`, `-21.5`, blank, a letter code); the
/// general path (``generalRecord(at:end:into:newlinesInQuotes:)``) for any field CSV allows
/// (spaces, quotes, exponents, `$`, `N/A`), through the ``CRSPFieldParsing`` functions; and, for a
/// record both decline, the general CSV reader (``CRSPRecordReader``), which either reads it or
/// reports its error with line, column and header name. The tokenizer itself never reports an
/// error: in a stretch parsed without the CSV reader (the parallel pass of ``CRSPLoad``), a
/// declined record throws ``Refusal`` and the file is read again in one stretch with it.
///
/// Several threads parse stretches of one file with one tokenizer: it only reads `data` (a file
/// mapped read-only, alive for the whole load) and its own constants, hence `@unchecked Sendable`.
struct CRSPTokenizer: @unchecked Sendable {
    /// What a column holds. The CIZ layout's own columns (``CIZColumns``) have their own kinds:
    /// `yearMonth` (`YYYYMM` without `MthCalDt`), `positivePrice` (`MthPrc`), `totalReturn`
    /// (`MthRet`) and the short text attributes from `priceFlag` on, packed into the row's
    /// ``CIZAttributes``.
    enum Kind: UInt8 {
        case skip, permno, permco, date, shareCode, exchangeCode, ticker, name, price, `return`, shares
        case delistingReturn, industry, cusip
        case yearMonth, positivePrice, totalReturn
        case priceFlag, primaryExchange, conditionalType, tradingStatus, shareType, securityType, securitySubType
        case incorporation, issuerType
    }

    /// The tokenizer declines a record (or a stretch cannot be merged): read it another way.
    struct Refusal: Error {}

    /// The kind of each column of the header: a row must have exactly that many fields, as the
    /// CSV reader requires (one field too many, an unquoted comma in a name, would shift every
    /// column after it).
    let kinds: [Kind]
    let hasDelistingReturn: Bool
    let hasIndustry: Bool
    let hasCusip: Bool
    /// Whether the file is in the CIZ layout: each row's legacy codes are then derived from its
    /// attributes (``CRSPRowSink/RowFields/deriveLegacyCodes()``).
    let isCIZ: Bool
    /// ``CIZMonthEnd/table``, held here so that a `YYYYMM` row costs an array load.
    let monthEnds: [Int32]
    /// The whole data (a file mapped in memory); parsing reads `data[start..<end]` only, and the
    /// direct path reads up to 7 bytes past a field, never at or past `readableEnd`.
    let data: UnsafePointer<UInt8>
    let readableEnd: Int

    init(columns: CRSPColumns, data: UnsafeBufferPointer<UInt8>) {
        var kinds = [Kind](repeating: .skip, count: columns.names.count)
        kinds[columns.permno] = .permno
        kinds[columns.permco] = .permco
        kinds[columns.ticker] = .ticker
        kinds[columns.name] = .name
        kinds[columns.sharesOutstanding] = .shares
        if let column = columns.industryCode { kinds[column] = .industry }
        if let column = columns.cusip { kinds[column] = .cusip }
        switch columns.layoutColumns {
        case .legacy(let legacy):
            kinds[columns.date] = .date
            kinds[legacy.shareCode] = .shareCode
            kinds[legacy.exchangeCode] = .exchangeCode
            kinds[columns.price] = .price
            kinds[columns.return] = .return
            if let column = legacy.delistingReturn { kinds[column] = .delistingReturn }
        case .ciz(let ciz):
            kinds[columns.date] = ciz.dateIsYearMonth ? .yearMonth : .date
            kinds[columns.price] = .positivePrice
            kinds[columns.return] = .totalReturn
            if let column = ciz.priceFlag { kinds[column] = .priceFlag }
            kinds[ciz.primaryExchange] = .primaryExchange
            kinds[ciz.conditionalType] = .conditionalType
            kinds[ciz.tradingStatus] = .tradingStatus
            kinds[ciz.shareType] = .shareType
            kinds[ciz.securityType] = .securityType
            kinds[ciz.securitySubType] = .securitySubType
            kinds[ciz.incorporation] = .incorporation
            kinds[ciz.issuerType] = .issuerType
        }
        self.kinds = kinds
        hasDelistingReturn = columns.legacy?.delistingReturn != nil
        hasIndustry = columns.industryCode != nil
        hasCusip = columns.cusip != nil
        isCIZ = columns.layout == .ciz
        monthEnds = columns.ciz?.dateIsYearMonth == true ? CIZMonthEnd.table : []
        self.data = data.baseAddress!
        readableEnd = data.count
    }

    // MARK: - A stretch of rows

    /// Parses the records in `data[start..<end]`, which must begin at a record boundary, into
    /// `rows` from `rowStart` on.
    /// - Parameters:
    ///   - firstLine: the physical line number of the record at `start`.
    ///   - rowLimit: the most rows the stretch may write (its line breaks, plus one for a last
    ///     record without one); more refuse the stretch.
    ///   - records: reads a record both paths decline (``CRSPRecordReader``); without it, such a
    ///     record throws ``Refusal``.
    func parse(start: Int, end: Int, firstLine: Int, into rows: CRSPRowColumns, rowStart: Int, rowLimit: Int,
               records: CRSPRecordReader? = nil) throws -> CRSPRowSink {
        var sink = CRSPRowSink(rows: rows, rowStart: rowStart)
        var writer = CRSPRowColumns.RowWriter(rows, start: rowStart, limit: rowLimit)
        var row = CRSPRowSink.RowFields()
        var p = start
        var line = firstLine
        while p < end {
            let first = data[p]
            if first == Byte.lf || first == Byte.cr {
                // A blank line: one empty field.
                sink.counts.blankLines += 1
                p += 1
                if first == Byte.cr, p < end, data[p] == Byte.lf { p += 1 }
                line += 1
                continue
            }
            if writer.isFull { throw Refusal() }
            var newlinesInQuotes = 0
            do {
                let next = try directRecord(at: p, into: &row)
                    ?? generalRecord(at: p, end: end, into: &row, newlinesInQuotes: &newlinesInQuotes)
                if isCIZ { row.deriveLegacyCodes() }
                guard CRSPRowSink.hasFiniteCap(row) else { throw Refusal() }
                try sink.add(row, line: line, writer: &writer)
                p = next
            } catch let refusal as Refusal {
                guard let records else { throw refusal }
                // The CSV reader checks every field and text before the sink sees the row, so a row
                // the sink refused above (for its text) never reaches it twice.
                let read = try records.read(at: p, line: line) { row in try sink.add(row, line: line, writer: &writer) }
                p = read.next
                newlinesInQuotes = read.newlinesInQuotes
            }
            line += 1 + newlinesInQuotes
        }
        sink.rowCount = writer.count - rowStart
        sink.lines = line - firstLine
        return sink
    }

    /// The carriage returns in `data[range]` (a file whose lines end in CR alone has no line feeds).
    func carriageReturns(in range: Range<Int>) -> Int {
        var count = 0
        var p = UnsafeRawPointer(data + range.lowerBound)
        let end = UnsafeRawPointer(data + range.upperBound)
        while p < end, let found = memchr(p, Int32(Byte.cr), end - p) {
            count += 1
            p = UnsafeRawPointer(found) + 1
        }
        return count
    }

    /// The line feeds in `data[range]`: the C library's `memchr` from one to the next (it reads
    /// with vector instructions; the lines of a CRSP file are ~80 bytes long).
    func lineFeeds(in range: Range<Int>) -> Int {
        var count = 0
        var p = UnsafeRawPointer(data + range.lowerBound)
        let end = UnsafeRawPointer(data + range.upperBound)
        while p < end, let found = memchr(p, Int32(Byte.lf), end - p) {
            count += 1
            p = UnsafeRawPointer(found) + 1
        }
        return count
    }

    /// A field's bytes in `data`: between the quotes for a quoted field (doubled quotes still doubled).
    struct FieldRange {
        var start = 0, end = 0
        var escaped = false
    }

    /// A text field's bytes as the sink takes them.
    @inline(__always)
    func raw(_ range: FieldRange) -> CRSPRowSink.RawText {
        CRSPRowSink.RawText(start: data + range.start, count: range.end - range.start, escaped: range.escaped)
    }

    /// Reads one record starting at `p` (not a blank line) by the general path; returns where the
    /// next one starts.
    @inline(__always)
    private func generalRecord(at start: Int, end: Int, into row: inout CRSPRowSink.RowFields,
                               newlinesInQuotes: inout Int) throws -> Int {
        var p = start
        let last = kinds.count - 1
        row.cusip = CRSPRowSink.RawText()
        row.industry = nil
        row.delistingReturn = .nan
        row.attributes.priceFlag = 0
        try kinds.withUnsafeBufferPointer { kinds in
            for column in 0 ... last {
                switch kinds[column] {
                case .permno: row.permno = try identifier(&p, end, &newlinesInQuotes)
                case .permco: row.permco = try identifier(&p, end, &newlinesInQuotes)
                case .date: row.date = try date(&p, end, &newlinesInQuotes)
                case .shareCode: row.shareCode = try code(&p, end, &newlinesInQuotes)
                case .exchangeCode: row.exchangeCode = try code(&p, end, &newlinesInQuotes)
                case .price: (row.price, row.midpoint) = try price(&p, end, &newlinesInQuotes)
                case .shares: row.shares = try shares(&p, end, &newlinesInQuotes)
                case .return: row.return = try returnValue(&p, end, &newlinesInQuotes)
                case .delistingReturn: row.delistingReturn = try returnValue(&p, end, &newlinesInQuotes)
                case .ticker: row.ticker = raw(try field(&p, end, &newlinesInQuotes))
                case .name: row.name = raw(try field(&p, end, &newlinesInQuotes))
                case .cusip: row.cusip = raw(try field(&p, end, &newlinesInQuotes))
                case .industry: row.industry = industry(try field(&p, end, &newlinesInQuotes))
                case .skip: _ = try field(&p, end, &newlinesInQuotes)
                case .yearMonth: row.date = try yearMonth(&p, end, &newlinesInQuotes)
                case .positivePrice: row.price = try positivePrice(&p, end, &newlinesInQuotes)
                case .totalReturn: row.return = try totalReturn(&p, end, &newlinesInQuotes)
                case .priceFlag: row.attributes.priceFlag = try attribute(&p, end, &newlinesInQuotes)
                case .primaryExchange: row.attributes.primaryExchange = try attribute(&p, end, &newlinesInQuotes)
                case .conditionalType: row.attributes.conditionalType = try attribute(&p, end, &newlinesInQuotes)
                case .tradingStatus: row.attributes.tradingStatus = try attribute(&p, end, &newlinesInQuotes)
                case .shareType: row.attributes.shareType = try attribute(&p, end, &newlinesInQuotes)
                case .securityType: row.attributes.securityType = try attribute(&p, end, &newlinesInQuotes)
                case .securitySubType: row.attributes.securitySubType = try attribute(&p, end, &newlinesInQuotes)
                case .incorporation: row.attributes.incorporation = try attribute(&p, end, &newlinesInQuotes)
                case .issuerType: row.attributes.issuerType = try attribute(&p, end, &newlinesInQuotes)
                }
                // The byte after the field: a separator before the last column needed.
                if column < last {
                    guard p < end, data[p] == Byte.comma else { throw Refusal() }   // too few fields
                    p += 1
                }
            }
        }
        // A field more than the header has: declined (the CSV reader reports it).
        if p < end, data[p] == Byte.comma { throw Refusal() }
        // The record's end: LF, CR, CR LF, or the end of the data.
        if p < end {
            if data[p] == Byte.lf {
                p += 1
            } else {
                p += 1
                if p < end, data[p] == Byte.lf { p += 1 }
            }
        }
        return p
    }

    // MARK: - Fields

    /// Whether the byte at `p` ends a field.
    @inline(__always)
    private func isFieldEnd(_ p: Int, _ end: Int) -> Bool {
        guard p < end else { return true }
        let byte = data[p]
        return byte == Byte.comma || byte == Byte.lf || byte == Byte.cr
    }

    /// Any field, as ``CSVReader`` splits records: quoted (doubled quotes inside, separators and
    /// line breaks allowed) or not. Leaves `p` on the byte after the field.
    private func field(_ p: inout Int, _ end: Int, _ newlinesInQuotes: inout Int) throws -> FieldRange {
        if p < end, data[p] == Byte.quote {
            var j = p + 1
            var escaped = false
            while true {
                guard j < end else { throw Refusal() }   // never closed
                let byte = data[j]
                if byte == Byte.quote {
                    if j + 1 < end, data[j + 1] == Byte.quote {
                        escaped = true
                        j += 2
                        continue
                    }
                    break
                }
                if byte == Byte.lf { newlinesInQuotes += 1 }
                j += 1
            }
            let range = FieldRange(start: p + 1, end: j, escaped: escaped)
            p = j + 1
            guard isFieldEnd(p, end) else { throw Refusal() }   // text after the closing quote
            return range
        }
        var j = p
        while j < end {
            let byte = data[j]
            if byte == Byte.comma || byte == Byte.lf || byte == Byte.cr { break }
            j += 1
        }
        let range = FieldRange(start: p, end: j, escaped: false)
        p = j
        return range
    }

    /// The bytes of a field for the ``CRSPFieldParsing`` functions.
    @inline(__always)
    private func bytes(_ range: FieldRange) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: data + range.start, count: range.end - range.start)
    }

    /// An integer written as plain digits with an optional `-`, or `nil` (then the field goes to
    /// ``CRSPFieldParsing/integer(_:)``). Up to 18 digits, as that function's own direct path.
    @inline(__always)
    private func plainInteger(_ p: inout Int, _ end: Int) -> Int? {
        var i = p
        var negative = false
        if i < end, data[i] == Byte.minus {
            negative = true
            i += 1
        }
        let digitsStart = i
        var value = 0
        while i < end {
            let digit = data[i] &- Byte.zero
            if digit > 9 { break }
            value = value &* 10 &+ Int(digit)
            i += 1
        }
        guard i > digitsStart, i - digitsStart <= 18, isFieldEnd(i, end) else { return nil }
        p = i
        return negative ? -value : value
    }

    /// An integer field, by the direct path or ``CRSPFieldParsing/integer(_:)``.
    @inline(__always)
    private func integer(_ p: inout Int, _ end: Int, _ newlinesInQuotes: inout Int) throws -> CRSPFieldParsing.Field<Int> {
        if let value = plainInteger(&p, end) { return .value(value) }
        return CRSPFieldParsing.integer(bytes(try field(&p, end, &newlinesInQuotes)))
    }

    /// PERMNO, PERMCO: a positive integer.
    private func identifier(_ p: inout Int, _ end: Int, _ newlinesInQuotes: inout Int) throws -> Int {
        guard case .value(let value) = try integer(&p, end, &newlinesInQuotes), value > 0, value <= Int(Int32.max) else {
            throw Refusal()
        }
        return value
    }

    /// SHRCD, EXCHCD: blank is 0.
    private func code(_ p: inout Int, _ end: Int, _ newlinesInQuotes: inout Int) throws -> Int {
        switch try integer(&p, end, &newlinesInQuotes) {
        case .blank: return 0
        case .value(let value) where value >= -99 && value <= 999: return value
        default: throw Refusal()
        }
    }

    /// `YYYYMMDD` directly; other forms through ``CRSPFieldParsing/date(_:)``.
    private func date(_ p: inout Int, _ end: Int, _ newlinesInQuotes: inout Int) throws -> Int {
        if p + 8 <= end, isFieldEnd(p + 8, end) {
            var value = 0, digits = 0
            while digits < 8 {
                let digit = data[p + digits] &- Byte.zero
                if digit > 9 { break }
                value = value * 10 + Int(digit)
                digits += 1
            }
            let month = value / 100 % 100, day = value % 100
            if digits == 8, month >= 1, month <= 12, day >= 1, day <= CalendarDate.daysIn(month: month, year: value / 10_000) {
                p += 8
                return value
            }
        }
        guard case .value(let value) = CRSPFieldParsing.date(bytes(try field(&p, end, &newlinesInQuotes))) else { throw Refusal() }
        return value
    }

    /// A decimal written as `-?digits[.digits]` whose value ``NumberParsing/parse(_:allowThousandsSeparators:)``
    /// computes exactly (a mantissa under 2⁵³ and a power of ten up to 10²²): the same steps,
    /// so the same `Double`. `nil` for anything else, which then goes to that function.
    @inline(__always)
    private func plainDecimal(_ p: inout Int, _ end: Int) -> Double? {
        var i = p
        var negative = false
        if i < end, data[i] == Byte.minus {
            negative = true
            i += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0, decimalExponent = 0
        var sawDigit = false, sawPoint = false
        while i < end {
            let byte = data[i]
            let digit = byte &- Byte.zero
            if digit <= 9 {
                sawDigit = true
                if mantissa == 0 && digit == 0 {
                    if sawPoint { decimalExponent -= 1 }
                } else if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    significantDigits += 1
                    if sawPoint { decimalExponent -= 1 }
                } else if !sawPoint {
                    decimalExponent += 1
                }
            } else if byte == Byte.point && !sawPoint {
                sawPoint = true
            } else {
                break
            }
            i += 1
        }
        guard sawDigit, isFieldEnd(i, end), mantissa < (1 << 53), decimalExponent >= -22, decimalExponent <= 22 else { return nil }
        var value = Double(mantissa)
        value = decimalExponent < 0 ? value / NumberParsing.exactPowers[-decimalExponent]
                                    : value * NumberParsing.exactPowers[decimalExponent]
        p = i
        return negative ? -value : value
    }

    /// A number field (PRC, SHROUT) as ``CRSPFieldParsing/number(_:)`` reads it.
    @inline(__always)
    private func number(_ p: inout Int, _ end: Int, _ newlinesInQuotes: inout Int) throws -> CRSPFieldParsing.Field<Double> {
        if p >= end || data[p] == Byte.comma || data[p] == Byte.lf || data[p] == Byte.cr { return .blank }
        if let value = plainDecimal(&p, end) { return .value(value) }
        return CRSPFieldParsing.number(bytes(try field(&p, end, &newlinesInQuotes)))
    }

    /// PRC: |PRC|, NaN for blank or 0; whether it was a bid/ask midpoint (negative).
    private func price(_ p: inout Int, _ end: Int, _ newlinesInQuotes: inout Int) throws -> (Double, Bool) {
        switch try number(&p, end, &newlinesInQuotes) {
        case .value(let value) where value != 0: return (abs(value), value < 0)
        case .value, .blank: return (.nan, false)
        default: throw Refusal()
        }
    }

    /// SHROUT: NaN for blank or 0; negative is refused.
    private func shares(_ p: inout Int, _ end: Int, _ newlinesInQuotes: inout Int) throws -> Double {
        switch try number(&p, end, &newlinesInQuotes) {
        case .value(let value) where value > 0: return value
        case .value(let value) where value == 0: return .nan
        case .blank: return .nan
        default: throw Refusal()
        }
    }

    /// RET, DLRET: NaN for blank or a missing-value code.
    private func returnValue(_ p: inout Int, _ end: Int, _ newlinesInQuotes: inout Int) throws -> Double {
        if isFieldEnd(p, end) { return .nan }
        let letter = data[p] | 0x20
        if letter >= 0x61, letter <= 0x7A, isFieldEnd(p + 1, end) {
            p += 1
            return .nan
        }
        var next = p
        if let value = plainDecimal(&next, end), value >= -1 {
            p = next
            return value
        }
        switch CRSPFieldParsing.return(bytes(try field(&p, end, &newlinesInQuotes))) {
        case .value(let value): return value
        case .blank, .missingCode: return .nan
        case .invalid: throw Refusal()
        }
    }

    // MARK: - CIZ fields

    /// `YYYYMM` as the `YYYYMMDD` of the month's last business day (``CIZMonthEnd``).
    private func yearMonth(_ p: inout Int, _ end: Int, _ newlinesInQuotes: inout Int) throws -> Int {
        guard case .value(let value) = CRSPFieldParsing.yearMonth(bytes(try field(&p, end, &newlinesInQuotes))) else { throw Refusal() }
        return value
    }

    /// MthPrc: NaN for blank or 0; a negative price is refused (the CIZ layout marks a bid/ask
    /// midpoint with `MthPrcFlg` BA, never with a sign).
    private func positivePrice(_ p: inout Int, _ end: Int, _ newlinesInQuotes: inout Int) throws -> Double {
        switch try number(&p, end, &newlinesInQuotes) {
        case .value(let value) where value > 0: return value
        case .value(let value) where value == 0: return .nan
        case .blank: return .nan
        default: throw Refusal()
        }
    }

    /// MthRet: NaN for blank; a decimal of at least −1 (``CRSPFieldParsing/totalReturn(_:)``).
    private func totalReturn(_ p: inout Int, _ end: Int, _ newlinesInQuotes: inout Int) throws -> Double {
        if isFieldEnd(p, end) { return .nan }
        var next = p
        if let value = plainDecimal(&next, end), value >= -1, value <= Double(Float.greatestFiniteMagnitude) {
            p = next
            return value
        }
        switch CRSPFieldParsing.totalReturn(bytes(try field(&p, end, &newlinesInQuotes))) {
        case .value(let value): return value
        case .blank: return .nan
        case .missingCode, .invalid: throw Refusal()
        }
    }

    /// A short text attribute, packed (``CIZAttributes/pack(_:)``); any text is taken (an unknown
    /// code maps to 0, as a blank one does).
    private func attribute(_ p: inout Int, _ end: Int, _ newlinesInQuotes: inout Int) throws -> UInt64 {
        CIZAttributes.pack(bytes(try field(&p, end, &newlinesInQuotes)))
    }

    /// The SIC code of a field (only a valid integer counts).
    func industry(_ range: FieldRange) -> Int? {
        var p = range.start
        if range.start < range.end, let value = plainInteger(&p, range.end), p == range.end { return value }
        if case .value(let value) = CRSPFieldParsing.integer(bytes(range)) { return value }
        return nil
    }
}

/// Byte values the parser looks for.
enum Byte {
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let comma: UInt8 = 0x2C
    static let quote: UInt8 = 0x22
    static let minus: UInt8 = 0x2D
    static let point: UInt8 = 0x2E
    static let zero: UInt8 = 0x30
}
