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
        let csv = try CSVReader(path: path)
        var header: CSVHeader?
        var symbolColumn = 0
        var assetClassColumn: Int?
        var nameColumn: Int?
        var exchangeColumn: Int?, priceColumn: Int?
        var list = TickerList(tickers: [], dropped: [])
        while try csv.next() {
            guard let header else {
                // Skip a preamble until a line names a ticker column.
                let candidate = try CSVHeader(names: try csv.fields(), file: path, line: csv.lineNumber)
                if let column = candidate.index(of: "symbol", "ticker") {
                    header = candidate
                    symbolColumn = column
                    assetClassColumn = candidate.index(of: "asset class")
                    nameColumn = candidate.index(of: "name", "company")
                    exchangeColumn = candidate.index(of: "exchange")
                    priceColumn = candidate.index(of: "price")
                    list.isHoldings = assetClassColumn != nil
                }
                continue
            }
            if csv.isBlankLine { continue }
            if csv.fieldCount == 1, header.names.count > 1 {
                list.drop(csv, "", "single-field row")
                continue
            }
            try csv.requireFieldCount(header)
            let ticker = try csv.trimmed(symbolColumn)
            let name = try nameColumn.map { try csv.trimmed($0) } ?? ""
            if CSVHeader.key(ticker) == CSVHeader.key(header.names[symbolColumn]) {
                list.drop(csv, "", "header repeated")
            } else if let assetClassColumn, case let assetClass = try csv.trimmed(assetClassColumn), assetClass.lowercased() != "equity" {
                list.drop(csv, ticker, "asset class \"\(assetClass)\" is not Equity")
            } else if list.isHoldings, let reason = try remnant(csv, header, name: name, exchange: exchangeColumn, price: priceColumn) {
                // What a fund holds besides its index's shares (the prior reader leaves them out too).
                list.drop(csv, ticker, reason)
            } else if Ticker.normalize(ticker).isEmpty {
                list.drop(csv, "", "no ticker")
            } else {
                list.tickers.append(ticker)
                list.names.append(name)
            }
        }
        guard header != nil else {
            throw InputError(file: path, message: "found no line with a 'symbol' or 'Ticker' column, expected a list of tickers",
                             help: "give a CSV whose header has a symbol column, or an iShares holdings file")
        }
        return list
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
