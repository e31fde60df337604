import ReconCore
import ReconIO

/// A list of tickers: any CSV with a `symbol` or `Ticker` column, including FTSE Russell's
/// addition, deletion and membership lists and iShares holdings files (whose preamble is
/// skipped); the truth of `recon validate`, and a prior membership given as `R2000=FILE`.
///
/// Rows left out are counted and said (``dropped``, ``notes``), never dropped silently: an iShares
/// file's non-equity lines and the lines that are no share of its index (``HoldingsRemnant``: CVRs,
/// warrants, escrow, unlisted or unpriced lines), rows without a ticker (`-`), and single-field
/// rows (blank lines, the disclaimer at the foot of an iShares file, which was read as a ticker
/// before issue 20), and the header repeated (a list converted from a PDF repeats it at the top of
/// each page). Any other row with fewer or more fields than the header is an ``InputError``.
public struct TickerList: Sendable {
    /// The tickers, as the file spells them, in order.
    public var tickers: [String]
    /// Each ticker's company name, from a `name` or `company` column (iShares' `Name`, FTSE
    /// Russell's `company`); empty where the file has none.
    public var names: [String] = []
    /// The rows left out, with why.
    public var dropped: [DroppedRow]
    /// Whether the list is a fund's holdings: its header has an `Asset Class` column, as iShares
    /// files do (their weights can then be compared too).
    public var isHoldings = false

    /// One line per file for warnings: `IWM.csv: 4 rows dropped (single-field row 2, no ticker 2)`.
    public var notes: [String] { DroppedRow.summary(dropped) }

    /// - Throws: ``InputError`` for a file with no ticker column, or a row whose field count is not
    ///   the header's (but for a single field).
    public static func read(path: String) throws -> TickerList {
        try read(CSVReader(path: path))
    }

    /// Reads CSV bytes in memory; `name` names them in messages.
    public static func read(bytes: [UInt8], name: String) throws -> TickerList {
        try read(CSVReader(bytes: bytes, name: name))
    }

    private static func read(_ csv: CSVReader) throws -> TickerList {
        var layout: Layout?
        var list = TickerList(tickers: [], dropped: [])
        while try csv.next() {
            guard let layout else {
                // Skip a preamble until a line names a ticker column.
                layout = try Layout(try csv.fields(), file: csv.name, line: csv.lineNumber)
                list.isHoldings = layout?.assetClass != nil
                continue
            }
            if csv.isBlankLine { continue }
            if csv.fieldCount == 1, layout.fieldCount > 1 {
                list.drop(csv, "", "single-field row")
                continue
            }
            try layout.requireFieldCount(csv)
            if try layout.isHeaderRepeated(csv) {
                list.drop(csv, "", "header repeated")
                continue
            }
            for side in 0 ..< layout.sides {
                try list.readRecord(csv, layout, offset: side * layout.header.names.count)
            }
        }
        guard layout != nil else {
            throw InputError(file: csv.name, message: "found no line with a 'symbol' or 'Ticker' column, expected a list of tickers",
                             help: "give a CSV whose header has a symbol column, or an iShares holdings file")
        }
        return list
    }

    /// Where a list's columns are. A list converted from a PDF printed in columns holds two or
    /// more records side by side, under its header repeated once for each
    /// (`Company,Ticker,Company,Ticker`); read as one record, all but the first would be lost.
    private struct Layout {
        /// The header of one record.
        let header: CSVHeader
        /// How many records a row holds side by side.
        let sides: Int
        let symbol: Int
        let name, assetClass, exchange, price: Int?

        /// `nil` when `fields` name no ticker column (a preamble line).
        init?(_ fields: [String], file: String, line: Int) throws {
            let width = Layout.recordWidth(fields)
            let header = try CSVHeader(names: Array(fields[..<width]), file: file, line: line)
            guard let symbol = header.index(of: "symbol", "ticker") else { return nil }
            self.header = header
            self.sides = fields.count / width
            self.symbol = symbol
            name = header.index(of: "name", "company")
            // A fund's holdings are one record a row.
            assetClass = sides == 1 ? header.index(of: "asset class") : nil
            exchange = header.index(of: "exchange")
            price = header.index(of: "price")
        }

        var fieldCount: Int { header.names.count * sides }

        /// Whether the row is the header again (a converted PDF repeats it at the top of each page).
        func isHeaderRepeated(_ csv: CSVReader) throws -> Bool {
            CSVHeader.key(try csv.trimmed(symbol)) == CSVHeader.key(header.names[symbol])
        }

        /// The width of one record: the shortest start of the header that names a ticker column
        /// and repeats to its end; the whole header otherwise.
        static func recordWidth(_ fields: [String]) -> Int {
            let keys = fields.map(CSVHeader.key)
            for width in 1 ..< max(1, keys.count) where keys.count % width == 0 {
                let first = keys[..<width]
                guard first.contains("ticker") || first.contains("symbol") else { continue }
                if stride(from: width, to: keys.count, by: width).allSatisfy({ keys[$0 ..< $0 + width].elementsEqual(first) }) {
                    return width
                }
            }
            return keys.count
        }

        func requireFieldCount(_ csv: CSVReader) throws {
            guard sides > 1 else { return try csv.requireFieldCount(header) }
            guard csv.fieldCount != fieldCount else { return }
            throw InputError(file: csv.name, line: csv.lineNumber, column: min(csv.fieldCount, fieldCount) + 1,
                             message: "found \(csv.fieldCount) fields, expected \(fieldCount) (\(sides) records of \(header.names.count) side by side, "
                                + "as the header repeats)",
                             help: "quote fields that contain commas, and give every row the header's columns")
        }
    }

    /// Reads the record that starts at field `offset` of the row.
    private mutating func readRecord(_ csv: CSVReader, _ layout: Layout, offset: Int) throws {
        let ticker = try csv.trimmed(layout.symbol + offset)
        let name = try layout.name.map { try csv.trimmed($0 + offset) } ?? ""
        // The places after a page's last record, when its records do not fill the row.
        if offset > 0, ticker.isEmpty, name.isEmpty { return }
        if let column = layout.assetClass, case let assetClass = try csv.trimmed(column), assetClass.lowercased() != "equity" {
            drop(csv, ticker, "asset class \"\(assetClass)\" is not Equity")
        } else if isHoldings, let reason = try TickerList.remnant(csv, layout.header, name: name, exchange: layout.exchange, price: layout.price) {
            // What a fund holds besides its index's shares (the prior reader leaves them out too).
            drop(csv, ticker, reason)
        } else if Ticker.normalize(ticker).isEmpty {
            drop(csv, "", "no ticker")
        } else {
            tickers.append(ticker)
            names.append(name)
        }
    }

    /// Why a holdings line is no share of the fund's index (``HoldingsRemnant``), `nil` when it may be one.
    private static func remnant(_ csv: CSVReader, _ header: CSVHeader, name: String, exchange: Int?, price: Int?) throws -> String? {
        let priced = try csv.double(price, header: header, in: 0...Double.greatestFiniteMagnitude, expected: "a price (not negative)")
        return HoldingsRemnant.reason(name: name, exchange: try exchange.flatMap { try csv.optionalText($0) }, price: priced)
    }

    private mutating func drop(_ csv: CSVReader, _ symbol: String, _ reason: String) {
        dropped.append(DroppedRow(file: csv.name, line: csv.lineNumber, symbol: symbol, reason: reason))
    }
}
