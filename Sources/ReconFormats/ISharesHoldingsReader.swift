import ReconCore
import ReconIO

/// One equity line of an iShares holdings file.
public struct ISharesHolding: Sendable, Hashable {
    /// The ticker as iShares writes it (`BRKB`).
    public var symbol: String
    public var name: String
    public var sector: String?
    /// The line's weight in the fund as a fraction (`Weight (%)` / 100); a float-adjusted weight.
    public var weight: Double?
    /// The fund's position in dollars (proportional to the float-adjusted weight, not total cap).
    public var marketValue: Double?
    public var price: Double?
    public var exchange: String?
    /// 1-based line in the file.
    public var line: Int

    public init(symbol: String, name: String, sector: String? = nil, weight: Double? = nil,
                marketValue: Double? = nil, price: Double? = nil, exchange: String? = nil, line: Int) {
        self.symbol = symbol
        self.name = name
        self.sector = sector
        self.weight = weight
        self.marketValue = marketValue
        self.price = price
        self.exchange = exchange
        self.line = line
    }
}

/// An iShares holdings file read: which index it stands for, as of when, and its equity lines.
public struct ISharesHoldings: Sendable {
    /// How the index was determined.
    public enum IndexSource: Sendable, Hashable {
        /// The caller said so (`R2000=FILE`).
        case explicit
        /// From the fund name in the preamble (`iShares Russell 2000 ETF`).
        case fundName(String)
        /// From the file name (`IWM_…`).
        case fileName
    }

    /// The file as the user named it.
    public var file: String
    /// The index the file stands for.
    public var index: RussellIndex
    /// Where ``index`` came from.
    public var indexSource: IndexSource
    /// The fund name from the preamble, when there is one.
    public var fundName: String?
    /// The `Fund Holdings as of` date; for a file without the preamble, the date its name carries
    /// (``FileNameDate``, `IWV_2025-09-16.csv`); `nil` when neither says.
    public var asOf: CalendarDate?
    /// The equity lines kept, in file order.
    public var holdings: [ISharesHolding]
    /// Rows left out: cash, futures and other non-equity lines, lines without a ticker,
    /// unlisted lines, repeated tickers.
    public var dropped: [DroppedRow]
    /// Facts about the file worth telling the user (lines read, footer rows skipped, …).
    public var notes: [String]
}

/// Reads an iShares fund holdings export (the "Detailed Holdings and Analytics" CSV of
/// ishares.com) as a prior membership source.
///
/// - The preamble (fund name, `Fund Holdings as of,"May 13, 2025"`, …) is read when present and
///   may be absent (header on line 1). Single-field rows (the blank line and the disclaimer at
///   the end) are skipped.
/// - Columns: `Ticker`, `Name`, `Asset Class`, `Weight (%)` or `Weight` (required); `Sector`,
///   `Market Value`, `Price`, `Exchange` (optional). Numbers may be quoted with thousands
///   separators; `-` is blank.
/// - Only `Asset Class` `Equity` is kept; cash, money-market, futures and collateral lines are
///   dropped and reported, and so are equity lines without a ticker (`-`), lines that are no share
///   of the index (``HoldingsRemnant``: unlisted or OTC-quoted, CVRs, warrants, escrow, priced at
///   0) and a ticker's second line.
/// - The index comes from `index` when given, else the fund name in the preamble, else the file
///   name (`IWM…` R2000, `IWB…` R1000, `IWV…` R3000, `IWC…` Microcap); otherwise the file is an
///   ``InputError`` asking for `R2000=FILE`.
public enum ISharesHoldingsReader {
    /// Reads the file at `path`; `index` overrides what the file says.
    public static func read(path: String, index: RussellIndex? = nil) throws -> ISharesHoldings {
        try read(CSVReader(path: path), index: index)
    }

    /// Reads CSV bytes in memory; `name` names them in messages (and may carry the index, `IWM…`).
    public static func read(bytes: [UInt8], name: String, index: RussellIndex? = nil) throws -> ISharesHoldings {
        try read(CSVReader(bytes: bytes, name: name), index: index)
    }

    /// What the preamble said.
    struct Preamble {
        var fundName: String?
        var asOfText: String?
    }

    private struct Columns {
        let ticker, name, assetClass, weight: Int
        let sector, marketValue, price, exchange: Int?

        init(_ header: CSVHeader, file: String, line: Int) throws {
            let format = UniverseFormat.isharesHoldings.rawValue
            ticker = try header.require("Ticker", file: file, line: line, format: format)
            name = try header.require("Name", file: file, line: line, format: format)
            assetClass = try header.require("Asset Class", file: file, line: line, format: format)
            weight = try header.require("Weight (%)", alternatives: ["Weight"], file: file, line: line, format: format)
            sector = header.index(of: "Sector")
            marketValue = header.index(of: "Market Value")
            price = header.index(of: "Price")
            exchange = header.index(of: "Exchange")
        }
    }

    private static func read(_ csv: CSVReader, index explicitIndex: RussellIndex?) throws -> ISharesHoldings {
        let (preamble, header) = try readPreambleAndHeader(csv)
        let headerLine = csv.lineNumber
        let columns = try Columns(header, file: csv.name, line: headerLine)
        let (index, source) = try resolveIndex(explicit: explicitIndex, preamble: preamble, file: csv.name, headerLine: headerLine)
        var holdings: [ISharesHolding] = []
        var dropped: [DroppedRow] = []
        var lineOfSymbol: [String: Int] = [:]
        var dataRows = 0, skippedSingleFields = 0, skippedBlankRows = 0
        while try csv.next() {
            if csv.fieldCount == 1 {
                skippedSingleFields += 1
                continue
            }
            // iShares ended some years' files with a row of empty quoted fields (`"","",…`).
            if (0 ..< csv.fieldCount).allSatisfy(csv.isEmpty) {
                skippedBlankRows += 1
                continue
            }
            dataRows += 1
            try csv.requireFieldCount(header)
            let symbol = try csv.trimmed(columns.ticker)
            if let reason = try dropReason(csv, header, columns, symbol: symbol, lineOfSymbol: lineOfSymbol) {
                dropped.append(DroppedRow(file: csv.name, line: csv.lineNumber, symbol: symbol == "-" ? "" : symbol, reason: reason))
                continue
            }
            lineOfSymbol[Ticker.securityKey(symbol)] = csv.lineNumber
            holdings.append(try readHolding(csv, header, columns, symbol: symbol))
        }
        guard dataRows > 0 else { throw InputError.noDataRows(csv.name, headerLine: headerLine, format: .isharesHoldings) }
        var notes = ["\(counted(holdings.count, "equity line")) read as \(index) (from \(describe(source)))"]
        if skippedSingleFields > 0 { notes.append("\(counted(skippedSingleFields, "single-field row")) (blank lines, disclaimer) skipped") }
        if skippedBlankRows > 0 { notes.append("\(counted(skippedBlankRows, "row")) with every field empty skipped") }
        var asOf = preamble.asOfText.flatMap(parseHoldingsDate)
        if let text = preamble.asOfText, asOf == nil {
            notes.append("could not read the date '\(text)' (expected e.g. May 13, 2025)")
        } else if preamble.asOfText == nil, let named = FileNameDate.date(ofFile: csv.name) {
            // A file saved without iShares' preamble keeps the date in its name, as a screener export does.
            asOf = named
            notes.append("dated \(named) from the file name (it has no 'Fund Holdings as of' line)")
        }
        if case .fundName = source, let fromFile = RussellIndex(fileName: csv.name), fromFile != index {
            notes.append("the file name suggests \(fromFile) but the fund name says \(index); read as \(index)")
        }
        return ISharesHoldings(file: csv.name, index: index, indexSource: source, fundName: preamble.fundName,
                               asOf: asOf, holdings: holdings, dropped: dropped, notes: notes)
    }

    /// Reads records up to the `Ticker,…` header, keeping the fund name and the as-of date.
    private static func readPreambleAndHeader(_ csv: CSVReader) throws -> (Preamble, CSVHeader) {
        var preamble = Preamble()
        var records = 0
        var firstFields: [String]?
        while records < FormatDetector.preambleLimit, try csv.next() {
            if csv.isBlankLine { continue }
            records += 1
            let fields = try csv.fields()
            if FormatDetector.format(ofHeader: fields) == .isharesHoldings {
                return (preamble, try CSVHeader(names: fields, file: csv.name, line: csv.lineNumber))
            }
            if firstFields == nil {
                firstFields = fields
                if !fields[0].isEmpty { preamble.fundName = fields[0] }
            }
            let label = fields[0].lowercased()
            if label.hasPrefix("fund holdings as of") || label == "as of", fields.count > 1 { preamble.asOfText = fields[1] }
        }
        guard let firstFields else { throw InputError.emptyFile(csv.name, format: .isharesHoldings) }
        // No `Ticker,…,Asset Class` header: report the first record's columns.
        let header = try CSVHeader(names: firstFields, file: csv.name, line: 1)
        _ = try header.require("Ticker", file: csv.name, line: 1, format: UniverseFormat.isharesHoldings.rawValue)
        _ = try header.require("Asset Class", file: csv.name, line: 1, format: UniverseFormat.isharesHoldings.rawValue)
        throw InputError(file: csv.name, line: 1, message: "found no ishares-holdings header in the first \(FormatDetector.preambleLimit) rows",
                         help: "check the file is an iShares holdings export (see docs/formats.md)")
    }

    private static func resolveIndex(explicit: RussellIndex?, preamble: Preamble, file: String, headerLine: Int) throws -> (RussellIndex, ISharesHoldings.IndexSource) {
        if let explicit { return (explicit, .explicit) }
        if let fundName = preamble.fundName, let index = RussellIndex(fundName: fundName) { return (index, .fundName(fundName)) }
        if let index = RussellIndex(fileName: file) { return (index, .fileName) }
        let said = preamble.fundName.map { "the fund name '\($0)' is not a whole Russell index" }
            ?? "the file has no preamble naming the fund"
        throw InputError(file: file, line: preamble.fundName == nil ? headerLine : 1,
                         message: "cannot tell which Russell index this holdings file stands for: \(said), and its name does not start with IWB, IWM, IWV or IWC",
                         help: "write R2000=FILE (or R1000=FILE, R3000=FILE, MICROCAP=FILE) to say which index the file holds")
    }

    private static func dropReason(_ csv: CSVReader, _ header: CSVHeader, _ columns: Columns, symbol: String,
                                   lineOfSymbol: [String: Int]) throws -> String? {
        let assetClass = try csv.trimmed(columns.assetClass)
        if assetClass.lowercased() != "equity" { return "asset class \"\(assetClass)\" is not Equity" }
        // A ticker without a letter or digit (`-`, `--`) names nothing the prior could match.
        if Ticker.normalize(symbol).isEmpty { return "no ticker (\(try csv.trimmed(columns.name)))" }
        let price = try csv.double(columns.price, header: header, in: 0...Double.greatestFiniteMagnitude, expected: "a price (not negative)")
        if let reason = HoldingsRemnant.reason(name: try csv.trimmed(columns.name), exchange: try csv.optionalText(columns.exchange),
                                               price: price) {
            return reason
        }
        // The same security (``Ticker/securityKey(_:)``), not a ticker that normalises alike: `BC^C` is not `BCC`.
        if let first = lineOfSymbol[Ticker.securityKey(symbol)] { return "ticker already read on line \(first)" }
        return nil
    }

    /// An equity line's numbers: a weight from 0 to 100 percent, a market value and a price that
    /// are not negative (a fund holds no negative amount of a stock).
    private static func readHolding(_ csv: CSVReader, _ header: CSVHeader, _ columns: Columns, symbol: String) throws -> ISharesHolding {
        let weight = try csv.double(columns.weight, header: header, in: 0...100, expected: "a weight in percent from 0 to 100 such as 0.64")
        let amounts = 0...Double.greatestFiniteMagnitude
        return ISharesHolding(
            symbol: symbol, name: try csv.trimmed(columns.name), sector: try csv.optionalText(columns.sector),
            weight: weight.map { $0 / 100 },
            marketValue: try csv.double(columns.marketValue, header: header, in: amounts, expected: "a dollar amount (not negative)"),
            price: try csv.double(columns.price, header: header, in: amounts, expected: "a price (not negative)"),
            exchange: try csv.optionalText(columns.exchange), line: csv.lineNumber)
    }

    private static func describe(_ source: ISharesHoldings.IndexSource) -> String {
        switch source {
        case .explicit: return "the caller"
        case .fundName(let name): return "fund name '\(name)'"
        case .fileName: return "the file name"
        }
    }

    /// `May 13, 2025`, `May 2, 2025`, `September 16, 2025` or `2025-05-13`.
    static func parseHoldingsDate(_ text: String) -> CalendarDate? {
        if let iso = CalendarDate(parsing: text.trimmingSpaces) { return iso }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard parts.count == 3, let day = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard let month = months.firstIndex(of: String(parts[0].lowercased().prefix(3))),
              day >= 1, day <= CalendarDate.daysIn(month: month + 1, year: year) else { return nil }
        return CalendarDate(year: year, month: month + 1, day: day)
    }
}
