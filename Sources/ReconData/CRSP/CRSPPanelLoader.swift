#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ReconCore

extension CRSPPanel {
    /// Reads a CRSP monthly stock file (see ``CRSPColumns`` for the columns), streaming: the file
    /// is never held whole, numbers are parsed from the field bytes, and the rows are kept columnar.
    ///
    /// - Parameter progress: called now and then with the fraction of the file read (0...1).
    /// - Throws: ``InputError`` for an empty file, a header without rows, a missing column, a
    ///   field that is not what its column needs (with line, column and header name), or two
    ///   rows of one PERMNO in one month (naming both lines).
    public static func load(path: String, progress: ((Double) -> Void)? = nil) throws -> CRSPPanel {
        let reader = try CSVReader(path: path)
        var status = stat()
        let size = stat(path, &status) == 0 ? Int(status.st_size) : 0
        return try load(reader: reader, totalBytes: size, progress: progress)
    }

    /// Reads a panel from any reader (tests read from bytes in memory).
    static func load(reader: CSVReader, totalBytes: Int = 0, progress: ((Double) -> Void)? = nil) throws -> CRSPPanel {
        var loader = CRSPPanelLoader(reader: reader)
        try loader.readHeader()
        while try reader.next() {
            if reader.isBlankLine {
                loader.report.blankLines += 1
                continue
            }
            try loader.readRow()
            if loader.report.rowsRead & 0xFFFF == 0, let progress, totalBytes > 0 {
                progress(min(1, Double(reader.bytesRead) / Double(totalBytes)))
            }
        }
        let panel = try loader.finish()
        progress?(1)
        return panel
    }
}

/// The state of one load: columns appended in file order, then sorted and indexed by ``finish()``.
struct CRSPPanelLoader {
    let reader: CSVReader
    var report: CRSPLoadReport
    private var columns: CRSPColumns!

    private var security: [Int32] = []
    private var company: [Int32] = []
    private var date: [Int32] = []
    private var shareCode: [Int16] = []
    private var exchangeCode: [Int16] = []
    private var price: [Double] = []
    private var shares: [Double] = []
    private var returns: [Float] = []
    private var delistingReturns: [Float] = []
    private var line: [Int32] = []

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
        guard reader.fieldCount >= columns.fieldsNeeded else {
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
        let share = try Self.code(reader, columns, columns.shareCode, what: "a CRSP share code (an integer such as 10 or 11)")
        let exchange = try Self.code(reader, columns, columns.exchangeCode, what: "a CRSP exchange code (an integer such as 1, 2 or 3)")

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
        let rowReturn = try Self.returnValue(reader, columns, columns.return)
        if rowReturn.isNaN { report.missingReturns += 1 }
        var rowDelisting = Double.nan
        if let column = columns.delistingReturn { rowDelisting = try Self.returnValue(reader, columns, column) }

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
        security.append(id)
        company.append(Int32(permco))
        date.append(Int32(yyyymmdd))
        shareCode.append(Int16(share))
        exchangeCode.append(Int16(exchange))
        price.append(rowPrice)
        shares.append(rowShares)
        returns.append(Float(rowReturn))
        delistingReturns.append(Float(rowDelisting))
        line.append(Int32(clamping: reader.lineNumber))
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

    // MARK: - Sorting and indexing

    /// Sorts the rows by (month, PERMNO), refuses duplicates, and builds the month and security indexes.
    mutating func finish() throws -> CRSPPanel {
        let count = date.count
        guard count > 0 else {
            throw InputError(file: reader.name, line: reader.lineNumber,
                             message: "has a header but no rows, expected at least one row of \(CRSPColumns.format) data")
        }
        let order = try sortedOrder()
        if !order.elementsEqual(0 ..< Int32(count)) {
            func gather<T>(_ column: inout [T]) { column = order.map { column[Int($0)] } }
            gather(&security); gather(&company); gather(&date); gather(&shareCode); gather(&exchangeCode)
            gather(&price); gather(&shares); gather(&returns); gather(&delistingReturns); gather(&line)
        }

        // Months present.
        var monthKeys: [Int32] = [], monthRowStart: [Int] = [], months: [CalendarDate] = []
        for index in 0 ..< count {
            let key = CRSPPanel.monthKey(yyyymmdd: date[index])
            if monthKeys.last != key {
                monthKeys.append(key)
                monthRowStart.append(index)
                months.append(CRSPPanel.date(date[index]))
            } else if date[index] > months[months.count - 1].yyyymmdd {
                months[months.count - 1] = CRSPPanel.date(date[index])
            }
        }
        monthRowStart.append(count)

        // Rows of each security, in month order (the rows are already in month order).
        let securities = securityPermno.count
        var securityRowStart = [Int](repeating: 0, count: securities + 1)
        for s in security { securityRowStart[Int(s) + 1] += 1 }
        for s in 0 ..< securities { securityRowStart[s + 1] += securityRowStart[s] }
        var cursor = securityRowStart
        var securityRows = [Int32](repeating: 0, count: count)
        for index in 0 ..< count {
            let s = Int(security[index])
            securityRows[cursor[s]] = Int32(index)
            cursor[s] += 1
        }

        var securitiesOfCompany: [Int32: [Int32]] = [:]
        var lastPair: (Int32, Int32) = (-1, -1)
        for index in 0 ..< count where (company[index], security[index]) != lastPair {
            lastPair = (company[index], security[index])
            if !(securitiesOfCompany[company[index]]?.contains(security[index]) ?? false) {
                securitiesOfCompany[company[index], default: []].append(security[index])
            }
        }

        report.securities = securities
        report.companies = securitiesOfCompany.count
        report.months = monthKeys.count
        return CRSPPanel(
            source: reader.name, report: report,
            rowSecurity: security, rowCompany: company, rowDate: date, rowShareCode: shareCode,
            rowExchangeCode: exchangeCode, rowPrice: price, rowShares: shares, rowReturn: returns,
            rowDelistingReturn: delistingReturns, rowLine: line,
            monthKeys: monthKeys, monthRowStart: monthRowStart, months: months,
            securityOfPermno: securityOfPermno, securityPermno: securityPermno, securityTicker: securityTicker,
            securityName: securityName, securityIndustry: securityIndustry, securityCusip: securityCusip,
            securityRowStart: securityRowStart, securityRows: securityRows, securitiesOfCompany: securitiesOfCompany)
    }

    /// The row order by (month, PERMNO): a stable counting sort by month (files sorted by
    /// PERMNO then date, as WRDS exports them, come out in order), then a sort of any month whose
    /// PERMNOs are out of order. Two rows of one PERMNO in one month are an error naming both lines.
    private func sortedOrder() throws -> [Int32] {
        let count = date.count
        var low = Int32.max, high = Int32.min
        for value in date {
            let key = CRSPPanel.monthKey(yyyymmdd: value)
            low = min(low, key)
            high = max(high, key)
        }
        var start = [Int](repeating: 0, count: Int(high - low) + 2)
        for value in date { start[Int(CRSPPanel.monthKey(yyyymmdd: value) - low) + 1] += 1 }
        for k in 1 ..< start.count { start[k] += start[k - 1] }
        var order = [Int32](repeating: 0, count: count)
        var cursor = start
        for index in 0 ..< count {
            let k = Int(CRSPPanel.monthKey(yyyymmdd: date[index]) - low)
            order[cursor[k]] = Int32(index)
            cursor[k] += 1
        }
        let permno = { (row: Int32) -> Int32 in securityPermno[Int(security[Int(row)])] }
        for k in 0 ..< start.count - 1 where start[k + 1] - start[k] > 1 {
            let range = start[k] ..< start[k + 1]
            var sorted = true
            for position in range.dropFirst() where permno(order[position - 1]) >= permno(order[position]) {
                sorted = false
                break
            }
            if !sorted {
                order[range].sort { (permno($0), $0) < (permno($1), $1) }
            }
            for position in range.dropFirst() where permno(order[position - 1]) == permno(order[position]) {
                let first = Int(order[position - 1]), second = Int(order[position])
                let month = CRSPPanel.date(date[first])
                throw InputError(file: reader.name, line: Int(line[second]),
                                 message: "found a second row for PERMNO \(permno(order[position])) in \(month.year)-\(month.month < 10 ? "0" : "")\(month.month) (lines \(line[first]) and \(line[second])), expected one row per PERMNO and month",
                                 help: "remove the duplicate row; a CRSP monthly export has one row per PERMNO and month-end")
            }
        }
        return order
    }
}
