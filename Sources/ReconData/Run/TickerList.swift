/// Reads a list of tickers for validation: any CSV with a `symbol` or `Ticker` column, including
/// FTSE Russell's addition and deletion lists and iShares holdings files (whose preamble is skipped
/// and whose non-equity lines are left out).
public enum TickerList {
    public static func read(path: String) throws -> [String] {
        let csv = try CSVReader(path: path)
        var header: CSVHeader?
        var symbolColumn = 0
        var assetClassColumn: Int?
        var tickers: [String] = []
        while try csv.next() {
            if header == nil {
                // Skip a preamble until a line names a ticker column.
                let candidate = try CSVHeader(names: try csv.fields(), file: path, line: csv.lineNumber)
                if let column = candidate.index(of: "symbol", "ticker") {
                    header = candidate
                    symbolColumn = column
                    assetClassColumn = candidate.index(of: "asset class")
                }
                continue
            }
            if csv.isBlankLine || csv.fieldCount <= symbolColumn { continue }
            if let assetClassColumn, assetClassColumn < csv.fieldCount, try csv.trimmed(assetClassColumn) != "Equity" { continue }
            let ticker = try csv.trimmed(symbolColumn)
            if !ticker.isEmpty, ticker != "-" { tickers.append(ticker) }
        }
        guard header != nil else {
            throw InputError(file: path, message: "found no line with a 'symbol' or 'Ticker' column, expected a list of tickers",
                             help: "give a CSV whose header has a symbol column, or an iShares holdings file")
        }
        return tickers
    }
}
