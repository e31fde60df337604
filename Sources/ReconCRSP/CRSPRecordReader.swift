import ReconIO
/// The general CSV path of the CRSP load: reads one record that the tokenizer declined with
/// ``CSVReader``, checks each field in column order, and either hands the row to the sink or
/// throws the record's error, naming the file, line, column and header name, what was found and
/// what was expected.
///
/// The tokenizer declines a record when a field is not one the rules accept, when the record has
/// more or fewer fields than the header, when CSV itself is broken (a quote never closed, text
/// after a closing quote) or when a name to keep is not UTF-8 text: so this reader is where every
/// error of a CRSP file's rows is worded, and it also reads any record the tokenizer's two paths
/// do not take although it is valid.
struct CRSPRecordReader {
    let data: UnsafeBufferPointer<UInt8>
    let columns: CRSPColumns
    let name: String

    /// Where the record after the one read starts, and the line breaks inside its quoted fields.
    struct Read {
        var next: Int
        var newlinesInQuotes: Int
    }

    /// Reads the record at `start` (physical line `line`, never the first of the file) and passes
    /// its row to `accept`; the row's texts point into a buffer valid during the call.
    /// - Throws: ``InputError`` for a bad record.
    func read(at start: Int, line: Int, accept: (CRSPRowSink.RowFields) throws -> Void) throws -> Read {
        // A window of the bytes from the record on, doubled until it holds the whole record.
        var window = 1 << 16
        while true {
            let end = min(data.count, start + window)
            let isWhole = end == data.count
            let reader = CSVReader(bytes: Array(data[start ..< end]), name: name, firstLine: line)
            let found: Bool
            do {
                found = try reader.next()
            } catch where !isWhole {
                window *= 2
                continue
            }
            guard found, isWhole || reader.offsetAfterRecord < end - start else {
                window *= 2
                continue
            }
            try check(reader, accept: accept)
            return Read(next: start + reader.offsetAfterRecord, newlinesInQuotes: reader.lineAfterRecord - line - 1)
        }
    }

    // MARK: - The checks, in column order

    private func check(_ reader: CSVReader, accept: (CRSPRowSink.RowFields) throws -> Void) throws {
        // Exactly the header's count: with one field too many (an unquoted comma in COMNAM) every
        // column after it would be read from its neighbour, numbers included.
        guard reader.fieldCount == columns.names.count else {
            throw InputError(file: name, line: reader.lineNumber,
                             message: "found \(reader.fieldCount) fields, expected \(columns.names.count) as in the header",
                             help: "check for a missing separator or an unquoted comma in a name")
        }
        var row = CRSPRowSink.RowFields()
        row.permno = try identifier(reader, columns.permno, what: "a PERMNO (a positive integer)")
        row.permco = try identifier(reader, columns.permco, what: "a PERMCO (a positive integer)")
        switch columns.layoutColumns {
        case .legacy(let legacy): try checkLegacy(reader, legacy, into: &row)
        case .ciz(let ciz): try checkCIZ(reader, ciz, into: &row)
        }
        if let column = columns.industryCode, case .value(let code) = reader.withBytes(column, CRSPFieldParsing.integer) {
            row.industry = code
        }
        try withRawTexts(reader) { ticker, name, cusip in
            row.ticker = ticker
            row.name = name
            row.cusip = cusip
            do {
                try accept(row)
            } catch is CRSPTokenizer.Refusal {
                // The sink keeps the texts of a row that updates its security's names and refuses
                // those that are not UTF-8 text: the reader says which, and why.
                for column in [columns.ticker, columns.name] + (columns.cusip.map { [$0] } ?? []) { _ = try reader.trimmed(column) }
                throw InputError(file: self.name, line: reader.lineNumber, message: "found a name that cannot be kept as text",
                                 help: "re-save the file as UTF-8")
            }
        }
    }

    /// The legacy file's date, codes, price (negative: a bid/ask midpoint), shares and returns.
    private func checkLegacy(_ reader: CSVReader, _ legacy: CRSPColumns.LegacyColumns, into row: inout CRSPRowSink.RowFields) throws {
        guard case .value(let date) = reader.withBytes(columns.date, CRSPFieldParsing.date) else {
            throw fieldError(reader, columns.date, expected: "a date as YYYYMMDD or YYYY-MM-DD")
        }
        row.date = date
        row.shareCode = try code(reader, legacy.shareCode, what: "a CRSP share code (an integer such as 10 or 11)")
        row.exchangeCode = try code(reader, legacy.exchangeCode, what: "a CRSP exchange code (an integer such as 1, 2 or 3)")
        switch reader.withBytes(columns.price, CRSPFieldParsing.number) {
        case .value(let value) where value != 0: (row.price, row.midpoint) = (abs(value), value < 0)
        case .value, .blank: break
        default: throw fieldError(reader, columns.price, expected: "a price (negative for a bid/ask midpoint, blank or 0 for none)")
        }
        try checkShares(reader, &row, capRule: "|PRC| × SHROUT × 1,000")
        row.return = try returnValue(reader, columns.return)
        if let column = legacy.delistingReturn { row.delistingReturn = try returnValue(reader, column) }
    }

    /// A CIZ row's date (`MthCalDt`, or `YYYYMM` as its last business day), price (positive),
    /// shares, return (delisting included) and attributes, and the legacy codes they make.
    private func checkCIZ(_ reader: CSVReader, _ ciz: CIZColumns, into row: inout CRSPRowSink.RowFields) throws {
        if ciz.dateIsYearMonth {
            guard case .value(let date) = reader.withBytes(columns.date, CRSPFieldParsing.yearMonth) else {
                throw fieldError(reader, columns.date, expected: "a month as YYYYMM (such as 202001)")
            }
            row.date = date
        } else {
            guard case .value(let date) = reader.withBytes(columns.date, CRSPFieldParsing.date) else {
                throw fieldError(reader, columns.date, expected: "a date as YYYY-MM-DD or YYYYMMDD")
            }
            row.date = date
        }
        switch reader.withBytes(columns.price, CRSPFieldParsing.number) {
        case .value(let value) where value > 0: row.price = value
        case .value(let value) where value == 0: break
        case .blank: break
        default:
            throw fieldError(reader, columns.price,
                             expected: "a price that is not negative (blank or 0 for none; MthPrcFlg BA marks a bid/ask midpoint)")
        }
        try checkShares(reader, &row, capRule: "MthPrc × ShrOut × 1,000")
        switch reader.withBytes(columns.return, CRSPFieldParsing.totalReturn) {
        case .value(let value): row.return = value
        case .blank: break
        default: throw fieldError(reader, columns.return, expected: "a return as a decimal fraction (≥ −1, the delisting return included) or blank")
        }
        func attribute(_ column: Int) -> UInt64 { reader.withBytes(column, CIZAttributes.pack) }
        row.attributes = CIZAttributes(
            primaryExchange: attribute(ciz.primaryExchange), conditionalType: attribute(ciz.conditionalType),
            tradingStatus: attribute(ciz.tradingStatus), shareType: attribute(ciz.shareType),
            securityType: attribute(ciz.securityType), securitySubType: attribute(ciz.securitySubType),
            incorporation: attribute(ciz.incorporation), issuerType: attribute(ciz.issuerType),
            priceFlag: ciz.priceFlag.map(attribute) ?? 0)
        row.deriveLegacyCodes()
    }

    /// Shares outstanding (in thousands; blank or 0 for none), and a finite cap with the price.
    private func checkShares(_ reader: CSVReader, _ row: inout CRSPRowSink.RowFields, capRule: String) throws {
        switch reader.withBytes(columns.sharesOutstanding, CRSPFieldParsing.number) {
        case .value(let value) where value > 0: row.shares = value
        case .value(let value) where value == 0: break
        case .blank: break
        default: throw fieldError(reader, columns.sharesOutstanding, expected: "shares outstanding in thousands (a number ≥ 0)")
        }
        guard CRSPRowSink.hasFiniteCap(row) else {
            throw fieldError(reader, row.shares.isNaN ? columns.price : columns.sharesOutstanding,
                             expected: "a price and shares outstanding whose product \(capRule) is a finite market cap")
        }
    }

    /// Runs `body` with the raw bytes of the ticker, name and CUSIP fields.
    private func withRawTexts(_ reader: CSVReader,
                              _ body: (CRSPRowSink.RawText, CRSPRowSink.RawText, CRSPRowSink.RawText) throws -> Void) throws {
        func raw(_ column: Int?, _ next: (CRSPRowSink.RawText) throws -> Void) throws {
            guard let column else { return try next(CRSPRowSink.RawText()) }
            try reader.withBytes(column) { bytes in
                try next(CRSPRowSink.RawText(start: bytes.baseAddress, count: bytes.count, escaped: reader.isEscaped(column)))
            }
        }
        try raw(columns.ticker) { ticker in
            try raw(columns.name) { name in
                try raw(columns.cusip) { cusip in try body(ticker, name, cusip) }
            }
        }
    }

    /// A required positive integer identifier.
    private func identifier(_ reader: CSVReader, _ column: Int, what: String) throws -> Int {
        if case .value(let value) = reader.withBytes(column, CRSPFieldParsing.integer), value > 0, value <= Int(Int32.max) {
            return value
        }
        throw fieldError(reader, column, expected: what)
    }

    /// A share or exchange code; blank is 0 (unknown, so not common and not on an eligible exchange).
    private func code(_ reader: CSVReader, _ column: Int, what: String) throws -> Int {
        switch reader.withBytes(column, CRSPFieldParsing.integer) {
        case .blank: return 0
        case .value(let value) where value >= -99 && value <= 999: return value
        default: throw fieldError(reader, column, expected: what)
        }
    }

    /// RET or DLRET; NaN when missing.
    private func returnValue(_ reader: CSVReader, _ column: Int) throws -> Double {
        switch reader.withBytes(column, CRSPFieldParsing.return) {
        case .value(let value): return value
        case .blank, .missingCode: return .nan
        case .invalid:
            throw fieldError(reader, column, expected: "a return as a decimal fraction (≥ −1), blank, or a CRSP missing code such as B or C")
        }
    }

    private func fieldError(_ reader: CSVReader, _ column: Int, expected: String) -> InputError {
        let found = (try? reader.trimmed(column)) ?? "?"
        return InputError(file: name, line: reader.lineNumber, column: column + 1, columnName: columns.name(of: column),
                          message: "found \(InputError.quote(found)), expected \(expected)",
                          help: "fix the value, or re-export the file from CRSP")
    }
}
