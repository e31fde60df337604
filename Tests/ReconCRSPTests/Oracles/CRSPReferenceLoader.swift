import ReconPlatform
import ReconCore
@testable import ReconIO
@testable import ReconCRSP

/// The reference CRSP loader, kept in the tests as the oracle of ``CRSPLoad``: the loader recon
/// shipped before its one load path, record by record through ``CSVReader`` with every field
/// checked in column order. ``CRSPLoadEquivalenceTests`` compares the two on generated panels,
/// odd spellings, random edits and every CRSP case of the bad-input catalogue: the same panel
/// bit for bit, or the same error.
extension CRSPPanel {
    static func referenceLoad(reader: CSVReader) throws -> CRSPPanel {
        var loader = CRSPPanelLoader(reader: reader)
        try loader.readHeader()
        while try reader.next() {
            if reader.isBlankLine {
                loader.report.blankLines += 1
                continue
            }
            try loader.readRow()
        }
        return try loader.finish()
    }

    static func referenceLoad(path: String) throws -> CRSPPanel {
        try referenceLoad(reader: CSVReader(path: path))
    }

    static func referenceLoad(_ text: String, name: String) throws -> CRSPPanel {
        try referenceLoad(reader: CSVReader(bytes: Array(text.utf8), name: name))
    }
}

/// The state of one load: columns appended in file order, then sorted and indexed by ``finish()``.
struct CRSPPanelLoader {
    let reader: CSVReader
    var report: CRSPLoadReport
    private var columns: CRSPColumns!

    private let rows = CRSPRowColumns(capacity: 1 << 16)

    private var securityOfPermno: [Int32: Int32] = [:]
    /// PERMNO → security + 1 for PERMNOs under ``directLimit`` (CRSP's are five digits): a row
    /// costs an array load, not a hash lookup.
    private var directSecurity: [Int32] = []
    private static let directLimit: Int32 = 1 << 22
    private var securityPermno: [Int32] = []
    private var securityLatestDate: [Int32] = []
    private var securityTicker: [String] = []
    private var securityName: [String] = []
    private var securityIndustry: [Int32] = []
    private var securityCusip: [String] = []

    init(reader: CSVReader) {
        self.reader = reader
        report = CRSPLoadReport(file: reader.name)
    }

    // MARK: - Reading

    mutating func readHeader() throws {
        var found = false
        while try reader.next() {
            if reader.isBlankLine { continue }
            found = true
            break
        }
        guard found else {
            throw InputError(file: reader.name, message: "is empty, expected a \(CRSPColumns.format) with a header row",
                             help: "export PERMNO, PERMCO, date, SHRCD, EXCHCD, TICKER, COMNAM, PRC, RET, SHROUT (and DLRET) from CRSP")
        }
        columns = try CRSPColumns(header: CSVHeader(reader: reader), file: reader.name, line: reader.lineNumber)
    }

    mutating func readRow() throws {
        report.rowsRead += 1
        // Exactly the header's count: with one field too many (an unquoted comma in COMNAM) every
        // column after it would be read from its neighbour, numbers included.
        guard reader.fieldCount == columns.names.count else {
            throw InputError(file: reader.name, line: reader.lineNumber,
                             message: "found \(reader.fieldCount) fields, expected \(columns.names.count) as in the header",
                             help: "check for a missing separator or an unquoted comma in a name")
        }
        let reader = self.reader, columns = self.columns!
        let permno = try Self.identifier(reader, columns, columns.permno, what: "a PERMNO (a positive integer)")
        let permco = try Self.identifier(reader, columns, columns.permco, what: "a PERMCO (a positive integer)")
        let yyyymmdd: Int
        switch reader.withBytes(columns.date, CRSPFieldParsing.date) {
        case .value(let value): yyyymmdd = value
        default: throw Self.fieldError(reader, columns, columns.date, expected: "a date as YYYYMMDD or YYYY-MM-DD")
        }
        // The oracle reads the legacy layout only (the CIZ layout is checked against it through
        // conversions to the legacy file: CIZLayoutEquivalenceTests).
        guard let legacy = columns.legacy else { preconditionFailure("the reference loader reads legacy files only") }
        let share = try Self.code(reader, columns, legacy.shareCode, what: "a CRSP share code (an integer such as 10 or 11)")
        let exchange = try Self.code(reader, columns, legacy.exchangeCode, what: "a CRSP exchange code (an integer such as 1, 2 or 3)")

        var rowPrice = Double.nan
        switch reader.withBytes(columns.price, CRSPFieldParsing.number) {
        case .value(let value) where value != 0:
            rowPrice = abs(value)
            if value < 0 { report.midpointPrices += 1 }
        case .value, .blank: break
        default: throw Self.fieldError(reader, columns, columns.price, expected: "a price (negative for a bid/ask midpoint, blank or 0 for none)")
        }
        var rowShares = Double.nan
        switch reader.withBytes(columns.sharesOutstanding, CRSPFieldParsing.number) {
        case .value(let value) where value > 0: rowShares = value
        case .value(let value) where value == 0: break
        case .blank: break
        default: throw Self.fieldError(reader, columns, columns.sharesOutstanding, expected: "shares outstanding in thousands (a number ≥ 0)")
        }
        // |PRC| × SHROUT × 1,000 is the row's cap: it must be a number, not an overflow.
        guard ((rowPrice.isNaN ? 1 : rowPrice) * (rowShares.isNaN ? 1 : rowShares) * 1_000).isFinite else {
            throw Self.fieldError(reader, columns, rowShares.isNaN ? columns.price : columns.sharesOutstanding,
                             expected: "a price and shares outstanding whose product |PRC| × SHROUT × 1,000 is a finite market cap")
        }
        let rowReturn = try Self.returnValue(reader, columns, columns.return)
        if rowReturn.isNaN { report.missingReturns += 1 }
        var rowDelisting = Double.nan
        if let column = legacy.delistingReturn { rowDelisting = try Self.returnValue(reader, columns, column) }

        if rowPrice.isNaN {
            report.dropped[.missingPrice, default: 0] += 1
        } else if rowShares.isNaN {
            report.dropped[.missingShares, default: 0] += 1
        } else {
            report.rowsInCrossSections += 1
        }

        let id = securityID(permno: Int32(permno))
        if Int32(yyyymmdd) >= securityLatestDate[Int(id)] {
            try updateNames(security: Int(id), date: Int32(yyyymmdd), reader: reader, columns: columns)
        }
        rows.append(security: id, company: Int32(permco), date: Int32(yyyymmdd), shareCode: Int16(share),
                    exchangeCode: Int16(exchange), price: rowPrice, shares: rowShares, return: Float(rowReturn),
                    delistingReturn: Float(rowDelisting), line: Int32(clamping: reader.lineNumber))
    }

    // The field helpers are static so that a row never copies the loader (and its columns).

    /// A required positive integer identifier.
    private static func identifier(_ reader: CSVReader, _ columns: CRSPColumns, _ column: Int, what: String) throws -> Int {
        if case .value(let value) = reader.withBytes(column, CRSPFieldParsing.integer), value > 0, value <= Int(Int32.max) {
            return value
        }
        throw fieldError(reader, columns, column, expected: what)
    }

    /// A share or exchange code; blank is 0 (unknown, so not common and not on an eligible exchange).
    private static func code(_ reader: CSVReader, _ columns: CRSPColumns, _ column: Int, what: String) throws -> Int {
        switch reader.withBytes(column, CRSPFieldParsing.integer) {
        case .blank: return 0
        case .value(let value) where value >= -99 && value <= 999: return value
        default: throw fieldError(reader, columns, column, expected: what)
        }
    }

    /// RET or DLRET; NaN when missing.
    private static func returnValue(_ reader: CSVReader, _ columns: CRSPColumns, _ column: Int) throws -> Double {
        switch reader.withBytes(column, CRSPFieldParsing.return) {
        case .value(let value): return value
        case .blank, .missingCode: return .nan
        case .invalid:
            throw fieldError(reader, columns, column, expected: "a return as a decimal fraction (≥ −1), blank, or a CRSP missing code such as B or C")
        }
    }

    private static func fieldError(_ reader: CSVReader, _ columns: CRSPColumns, _ column: Int, expected: String) -> InputError {
        let found = (try? reader.trimmed(column)) ?? "?"
        return InputError(file: reader.name, line: reader.lineNumber, column: column + 1, columnName: columns.name(of: column),
                          message: "found \(InputError.quote(found)), expected \(expected)",
                          help: "fix the value, or re-export the file from CRSP")
    }

    private mutating func securityID(permno: Int32) -> Int32 {
        let direct = permno < Self.directLimit
        if direct, Int(permno) < directSecurity.count, directSecurity[Int(permno)] > 0 { return directSecurity[Int(permno)] - 1 }
        if !direct, let known = securityOfPermno[permno] { return known }
        let id = Int32(securityPermno.count)
        securityOfPermno[permno] = id
        if direct {
            if Int(permno) >= directSecurity.count {
                directSecurity += repeatElement(0, count: max(Int(permno) + 1 - directSecurity.count, directSecurity.count))
            }
            directSecurity[Int(permno)] = id + 1
        }
        securityPermno.append(permno)
        securityLatestDate.append(0)
        securityTicker.append("")
        securityName.append("")
        securityIndustry.append(0)
        securityCusip.append("")
        return id
    }

    /// Keeps the latest ticker, name, SIC code and CUSIP of a security; a `String` is made only
    /// when the text changes.
    private mutating func updateNames(security s: Int, date: Int32, reader: CSVReader, columns: CRSPColumns) throws {
        securityLatestDate[s] = date
        if !Self.sameText(reader, columns.ticker, securityTicker[s]) { securityTicker[s] = try reader.trimmed(columns.ticker) }
        if !Self.sameText(reader, columns.name, securityName[s]) { securityName[s] = try reader.trimmed(columns.name) }
        if let column = columns.cusip, !Self.sameText(reader, column, securityCusip[s]) { securityCusip[s] = try reader.trimmed(column) }
        if let column = columns.industryCode, case .value(let sic) = reader.withBytes(column, CRSPFieldParsing.integer) {
            securityIndustry[s] = Int32(clamping: sic)
        }
    }

    /// Whether field `column`, trimmed of spaces, spells `text`.
    private static func sameText(_ reader: CSVReader, _ column: Int, _ text: String) -> Bool {
        reader.withBytes(column) { bytes in
            let field = CRSPFieldParsing.trimmed(bytes)
            return text.utf8.withContiguousStorageIfAvailable { stored in
                stored.count == field.count && (field.isEmpty || memcmp(stored.baseAddress!, field.baseAddress!, field.count) == 0)
            } ?? text.utf8.elementsEqual(field)
        }
    }

    // MARK: - The panel

    /// Sorts and indexes the rows read (``CRSPPanel/assemble(source:report:rows:securities:ordered:)``).
    mutating func finish() throws -> CRSPPanel {
        guard rows.count > 0 else {
            throw InputError(file: reader.name, line: reader.lineNumber,
                             message: "has a header but no rows, expected at least one row of \(CRSPColumns.format) data",
                             help: "check the file was exported completely")
        }
        let securities = CRSPSecurityTable(permno: securityPermno, ticker: securityTicker, name: securityName,
                                           industry: securityIndustry, cusip: securityCusip)
        return try CRSPPanel.assemble(source: reader.name, report: report, rows: rows, securities: securities, ordered: nil)
    }
}
