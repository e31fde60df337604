import ReconCore
import ReconIO

/// Reads recon's own universe CSV (``NativeUniverseFormat``) into securities.
///
/// Defaults for blank or absent fields: `name` is the symbol; `company_key` is `symbol:` and
/// the normalised ticker (each line its own company); `company_name` is the name; `type` is
/// `common`; `cap_scope` is `security`. When `market_cap` is blank and `cap_scope` is `security`,
/// the cap is `price × shares_outstanding`. `float_fraction` and `voting_fraction` must be
/// within 0…1. A repeated symbol, an unknown `type` or `cap_scope`, and a bad number are
/// ``InputError``s with file, line and column.
public enum NativeUniverseReader {
    /// Reads the file at `path`.
    /// - Throws: ``InputError`` (with file, line and column) for a bad file.
    public static func read(path: String) throws -> UniverseReadResult {
        try read(CSVReader(path: path))
    }

    /// Reads CSV bytes in memory; `name` names them in messages.
    public static func read(bytes: [UInt8], name: String) throws -> UniverseReadResult {
        try read(CSVReader(bytes: bytes, name: name))
    }

    /// Column positions: `symbol` is required, the rest optional.
    private struct Columns {
        let symbol: Int
        let positions: [String: Int]

        init(_ header: CSVHeader, file: String, line: Int) throws {
            let format = UniverseFormat.nativeUniverse.rawValue
            symbol = try header.require("symbol", file: file, line: line, format: format)
            if header.index(of: "market_cap") == nil {
                _ = try header.require("market_cap", alternatives: ["price"], file: file, line: line, format: format)
                _ = try header.require("shares_outstanding", file: file, line: line, format: format)
            }
            var positions: [String: Int] = [:]
            for column in NativeUniverseFormat.columns { positions[column] = header.index(of: column) }
            self.positions = positions
        }

        subscript(_ column: String) -> Int? { positions[column] }
    }

    private static func read(_ csv: CSVReader) throws -> UniverseReadResult {
        let header = try csv.readHeader(format: .nativeUniverse)
        let headerLine = csv.lineNumber
        let columns = try Columns(header, file: csv.name, line: headerLine)
        var securities: [Security] = []
        var lineOfSymbol: [String: Int] = [:]
        while try csv.next() {
            if csv.isBlankLine { continue }
            try csv.requireFieldCount(header)
            let symbol = try csv.trimmed(columns.symbol)
            guard !symbol.isEmpty else {
                throw InputError(file: csv.name, line: csv.lineNumber, column: columns.symbol + 1, columnName: header.names[columns.symbol],
                                 message: "found an empty symbol, expected a ticker", help: "give every row a symbol")
            }
            try csv.rejectDuplicate(symbol, firstLine: lineOfSymbol[symbol.uppercased()], column: columns.symbol, header: header)
            lineOfSymbol[symbol.uppercased()] = csv.lineNumber
            securities.append(try readRow(csv, header, columns, symbol: symbol))
        }
        guard !securities.isEmpty else { throw InputError.noDataRows(csv.name, headerLine: headerLine, format: .nativeUniverse) }
        return UniverseReadResult(format: .nativeUniverse, securities: securities)
    }

    /// `price × shares_outstanding` is too large for a number.
    private static func overflowingCap(_ csv: CSVReader, _ columns: Columns) throws -> InputError {
        let shares = columns["shares_outstanding"]!, price = columns["price"]!
        return InputError(file: csv.name, line: csv.lineNumber, column: shares + 1, columnName: "shares_outstanding",
                          message: "found \(InputError.quote(try csv.string(shares))) shares at a price of \(InputError.quote(try csv.string(price))), whose product overflows, expected a market cap that is a finite number",
                          help: "fix the value, or give market_cap")
    }

    private static func readRow(_ csv: CSVReader, _ header: CSVHeader, _ columns: Columns, symbol: String) throws -> Security {
        func text(_ column: String) throws -> String? { try csv.optionalText(columns[column]) }
        func amount(_ column: String, _ expected: String) throws -> Double? {
            try csv.double(columns[column], header: header, in: 0...Double.greatestFiniteMagnitude, expected: expected)
        }
        func fraction(_ column: String) throws -> Double? {
            try csv.double(columns[column], header: header, in: 0...1, expected: "a fraction between 0 and 1")
        }
        let name = try text("name") ?? symbol
        let price = try amount("price", "a price in dollars (not negative)")
        let shares = try amount("shares_outstanding", "a share count (not negative)")
        let capScope = try csv.choice(columns["cap_scope"], header: header, of: [CapScope.security, .company, .unknown]) ?? .security
        var marketCap = try amount("market_cap", "a market cap in dollars (not negative)")
        if marketCap == nil, capScope == .security, let price, let shares {
            marketCap = price * shares
            if !marketCap!.isFinite { throw try overflowingCap(csv, columns) }
        }
        let ipoYear = try csv.double(columns["ipo_year"], header: header, in: 1600...2200, expected: "a year such as 1999")
        return Security(
            symbol: symbol, name: name,
            companyKey: try text("company_key") ?? "symbol:" + Ticker.normalize(symbol),
            companyName: try text("company_name") ?? name,
            type: try csv.choice(columns["type"], header: header, of: SecurityType.allCases) ?? .commonStock,
            typeEvidence: try text("type_evidence"),
            price: price, averagePrice30Days: try amount("average_price_30d", "a price in dollars (not negative)"),
            marketCap: marketCap, capScope: capScope, sharesOutstanding: shares,
            floatFraction: try fraction("float_fraction"), votingFraction: try fraction("voting_fraction"),
            country: try text("country"), exchange: try text("exchange"),
            isOnEligibleExchange: try csv.boolean(columns["eligible_exchange"], header: header),
            sector: try text("sector"), industry: try text("industry"),
            volume: try amount("volume", "a share volume (not negative)"),
            ipoYear: try ipoYear.map { year in
                guard year == year.rounded() else {
                    throw InputError(file: csv.name, line: csv.lineNumber, column: columns["ipo_year"]! + 1, columnName: "ipo_year",
                                     message: "found \(formatNumber(year)), expected a whole year such as 1999")
                }
                return Int(year)
            },
            origin: "\(csv.name):\(csv.lineNumber)")
    }
}
