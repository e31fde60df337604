import ReconCore
import ReconIO

/// Reads a company-facts file (`recon reconstitute --facts FILE`, `recon replay --facts FILE`)
/// into ``CompanyFacts``: what Compustat or FactSet give a researcher about securities or
/// companies, by key and date. Format in `docs/formats.md`:
///
/// ```
/// permno,start,end,incorporation_country,headquarters_country,asset_country,revenue_country,float_factor,voting_fraction
/// 10107,,,USA,USA,,,0.999,1
/// 12345,2007-01-01,,BMU,USA,,,0.85,
/// ```
///
/// - One key column, found by name in any case: `permno`, `permco` or `ticker` (`tic`, as
///   Compustat names it). Other columns a Compustat or FactSet export carries (`gvkey`, `conm`,
///   …) are ignored.
/// - `start`, `end`: the first and last day a row applies (`YYYY-MM-DD` or `YYYYMMDD`, inclusive,
///   blank = open). Rows of one key may not overlap in time.
/// - Countries as ISO 3166-1 alpha-3 codes, the codes Compustat's `fic` and `loc` carry (`fic` and
///   `loc` are accepted as column names): `incorporation_country`, `headquarters_country`,
///   `asset_country`, `revenue_country`. Names (`Bermuda`) are refused, with the code to write.
///   A row that gives a country must give the headquarters: the home-country test falls back on it.
/// - `float_factor` (0–1) or `float_shares` (one or the other), with `shares_outstanding` beside
///   float shares when the file has them (float shares above them are an error); without them the
///   universe's shares at the rank day divide the float shares (``FactsOverlay``).
/// - `voting_fraction`: the fraction of votes held by unrestricted holders (0–1, M7 §5.15).
///
/// Every problem is an ``InputError`` naming the file, line, column and header, what was found and
/// what was expected.
public enum CompanyFactsReader {
    /// The format's name in messages.
    static let format = "company-facts"

    /// Reads the file at `path`.
    public static func read(path: String) throws -> CompanyFacts {
        try read(CSVReader(path: path))
    }

    /// Reads CSV bytes in memory; `name` names them in messages.
    public static func read(bytes: [UInt8], name: String) throws -> CompanyFacts {
        try read(CSVReader(bytes: bytes, name: name))
    }

    private static func read(_ csv: CSVReader) throws -> CompanyFacts {
        let header = try readHeader(csv)
        let columns = try Columns(header, file: csv.name, line: csv.lineNumber)
        let headerLine = csv.lineNumber
        var rows: [CompanyFacts.Row] = []
        while try csv.next() {
            if csv.isBlankLine { continue }
            try csv.requireFieldCount(header)
            rows.append(try RowReader(csv: csv, header: header, columns: columns).row())
        }
        guard !rows.isEmpty else {
            throw InputError(file: csv.name, line: headerLine,
                             message: "has a \(format) header but no data rows, expected at least one row after it",
                             help: "check the file was exported completely")
        }
        do {
            var facts = try CompanyFacts(file: csv.name, keyKind: columns.keyKind, rows: rows)
            facts.keyColumn = CompanyFacts.KeyColumn(line: headerLine, column: columns.key + 1, name: header.names[columns.key])
            return facts
        } catch let overlap as CompanyFacts.Overlap {
            throw overlapError(overlap, rows: rows, columns: columns, header: header, file: csv.name)
        }
    }

    /// The first non-blank record as the header.
    private static func readHeader(_ csv: CSVReader) throws -> CSVHeader {
        while try csv.next() {
            if !csv.isBlankLine { return try CSVHeader(reader: csv) }
        }
        throw InputError(file: csv.name, line: 1, message: "is empty, expected a \(format) CSV file starting with its header row",
                         help: "check the file was exported completely (see docs/formats.md for the columns)")
    }

    /// Two rows of one key whose dates overlap, at the later row's `start` (or key) column.
    private static func overlapError(_ overlap: CompanyFacts.Overlap, rows: [CompanyFacts.Row], columns: Columns,
                                     header: CSVHeader, file: String) -> InputError {
        let first = rows[overlap.first], second = rows[overlap.second]
        func span(_ row: CompanyFacts.Row) -> String {
            "\(row.start?.description ?? "open") to \(row.end?.description ?? "open")"
        }
        let column = columns.start ?? columns.key
        return InputError(file: file, line: second.line, column: column + 1, columnName: header.names[column],
                          message: "found \(columns.keyKind.label) \(second.key) from \(span(second)), overlapping line \(first.line) "
                              + "(\(span(first))), expected one fact per \(columns.keyKind.label) at any date",
                          help: "end one row before the other starts (lines \(first.line) and \(second.line)), or merge them")
    }

    /// Where each column is.
    struct Columns {
        let keyKind: CompanyFacts.KeyKind
        let key: Int
        let start: Int?, end: Int?
        let incorporation: Int?, headquarters: Int?, assets: Int?, revenue: Int?
        let floatFactor: Int?, floatShares: Int?, sharesOutstanding: Int?
        let voting: Int?

        /// The names each column is found by (case, spaces and underscores ignored).
        static let keyNames: [(CompanyFacts.KeyKind, [String])] = [(.permno, ["permno"]), (.permco, ["permco"]), (.ticker, ["ticker", "tic"])]
        static let factNames = ["incorporation_country", "headquarters_country", "asset_country", "revenue_country",
                                "float_factor", "float_shares", "voting_fraction"]

        init(_ header: CSVHeader, file: String, line: Int) throws {
            let keys = Columns.keyNames.compactMap { kind, names in header.index(ofAny: names).map { (kind, $0) } }.sorted { $0.1 < $1.1 }
            guard let first = keys.first else {
                throw InputError(file: file, line: line,
                                 message: "missing a key column, expected one of 'permno', 'permco' or 'ticker'; found columns: \(header.names.joined(separator: ", "))",
                                 help: "add a column naming each row's security (permno, ticker) or company (permco); see docs/formats.md")
            }
            if keys.count > 1 {
                let second = keys[1].1
                throw InputError(file: file, line: line, column: second + 1, columnName: header.names[second],
                                 message: "found a second key column (with '\(header.names[first.1])', column \(first.1 + 1)), expected one key column per file",
                                 help: "drop one of the two: a facts file is keyed by PERMNO, PERMCO or ticker, not several")
            }
            (keyKind, key) = first
            start = header.index(of: "start")
            end = header.index(of: "end")
            incorporation = header.index(of: "incorporation_country", "fic")
            headquarters = header.index(of: "headquarters_country", "loc")
            assets = header.index(of: "asset_country")
            revenue = header.index(of: "revenue_country")
            floatFactor = header.index(of: "float_factor")
            floatShares = header.index(of: "float_shares")
            sharesOutstanding = header.index(of: "shares_outstanding")
            voting = header.index(of: "voting_fraction")
            try check(header, file: file, line: line)
        }

        /// Columns that contradict each other, or no fact at all.
        private func check(_ header: CSVHeader, file: String, line: Int) throws {
            func error(_ column: Int, _ message: String, help: String) -> InputError {
                InputError(file: file, line: line, column: column + 1, columnName: header.names[column], message: message, help: help)
            }
            if let floatFactor, let floatShares {
                throw error(max(floatFactor, floatShares),
                            "found both 'float_factor' and 'float_shares' (columns \(min(floatFactor, floatShares) + 1) and \(max(floatFactor, floatShares) + 1)), expected one or the other",
                            help: "keep float_factor (a fraction of shares) or float_shares (a share count), not both")
            }
            if let sharesOutstanding, floatShares == nil {
                throw error(sharesOutstanding, "found shares outstanding without a 'float_shares' column, expected them only beside float shares",
                            help: "drop the column, or add float_shares: shares outstanding only divide float shares")
            }
            if headquarters == nil, let country = [incorporation, assets, revenue].compactMap({ $0 }).min() {
                throw error(country, "found a country column without 'headquarters_country', expected the headquarters too",
                            help: "add headquarters_country (Compustat's loc): the home-country test falls back on it (M7 §5.4)")
            }
            guard [incorporation, headquarters, assets, revenue, floatFactor, floatShares, voting].contains(where: { $0 != nil }) else {
                throw InputError(file: file, line: line,
                                 message: "found no fact column, expected at least one of \(Columns.factNames.joined(separator: ", ")); found columns: \(header.names.joined(separator: ", "))",
                                 help: "name the columns as docs/formats.md lists them")
            }
        }
    }

    /// Reads one row's cells.
    private struct RowReader {
        let csv: CSVReader
        let header: CSVHeader
        let columns: Columns

        func error(_ column: Int, _ message: String, help: String) -> InputError {
            InputError(file: csv.name, line: csv.lineNumber, column: column + 1, columnName: header.names[column], message: message, help: help)
        }

        func row() throws -> CompanyFacts.Row {
            let start = try date(columns.start), end = try date(columns.end)
            if let start, let end, end < start, let column = columns.end {
                throw error(column, "found the end \(end) before the start \(start), expected an end on or after the start",
                            help: "fix one of the two dates, or leave the end blank for a fact still in force")
            }
            return CompanyFacts.Row(key: try key(), start: start, end: end, homeCountry: try homeCountry(), float: try float(),
                                    votingFraction: try csv.double(columns.voting, header: header, in: 0...1,
                                                                   expected: "a fraction of votes between 0 and 1 (0.02097 = 65m of 3.1bn votes)"),
                                    line: csv.lineNumber)
        }

        /// A PERMNO or PERMCO as decimal text without leading zeros, or a normalised ticker.
        func key() throws -> String {
            let text = try csv.trimmed(columns.key)
            switch columns.keyKind {
            case .permno, .permco:
                guard let value = Int32(text), value >= 1 else {
                    throw error(columns.key, "found \(InputError.quote(text)), expected a \(columns.keyKind.label) (a whole number from 1)",
                                help: "give every row its \(columns.keyKind.label) as CRSP numbers it")
                }
                return String(value)
            case .ticker:
                let ticker = Ticker.normalize(text)
                guard !ticker.isEmpty else {
                    throw error(columns.key, "found \(InputError.quote(text)), expected a ticker with a letter or digit",
                                help: "give every row its ticker")
                }
                return ticker
            }
        }

        func date(_ column: Int?) throws -> CalendarDate? {
            guard let column, let text = try csv.optionalText(column) else { return nil }
            guard let date = CalendarDate(parsing: text) else {
                throw error(column, "found \(InputError.quote(text)), expected a date as YYYY-MM-DD or YYYYMMDD, or blank when open",
                            help: "fix the date, or leave it blank for a fact with no \(header.names[column].lowercased() == "end" ? "end" : "start")")
            }
            return date
        }

        func country(_ column: Int?) throws -> CountryCode? {
            guard let column, let text = try csv.optionalText(column) else { return nil }
            if let code = CountryCode(text) { return code }
            let help = CountryCode.code(named: text).map { "write \($0) for \($0.name)" }
                ?? "write the country's ISO 3166-1 alpha-3 code (Compustat's fic and loc are such codes), or leave the field blank"
            throw error(column, "found \(InputError.quote(text)), expected an ISO 3166-1 alpha-3 country code such as USA or BMU", help: help)
        }

        /// The HCIs, when the row gives any country; the headquarters is then required.
        func homeCountry() throws -> HomeCountry.Indicators? {
            let incorporation = try country(columns.incorporation), headquarters = try country(columns.headquarters)
            let assets = try country(columns.assets), revenue = try country(columns.revenue)
            guard let headquarters else {
                let given = [(columns.incorporation, incorporation), (columns.assets, assets), (columns.revenue, revenue)]
                if let (column, code) = given.first(where: { $0.1 != nil }), let column, let hq = columns.headquarters {
                    throw error(hq, "found no headquarters country beside \(header.names[column]) \(code!), expected one",
                                help: "give the headquarters country (Compustat's loc): the home-country test falls back on it (M7 §5.4)")
                }
                return nil
            }
            return HomeCountry.Indicators(incorporation: incorporation, headquarters: headquarters, assets: assets, revenue: revenue)
        }

        func float() throws -> CompanyFacts.Float? {
            if let factor = try csv.double(columns.floatFactor, header: header, in: 0...1,
                                           expected: "a float factor between 0 and 1 (0.85 = 85% of shares available)") {
                return .factor(factor)
            }
            guard let column = columns.floatShares,
                  let shares = try csv.double(column, header: header, in: 0...Double.greatestFiniteMagnitude,
                                              expected: "float shares (a share count, not negative)") else { return nil }
            let outstanding = try csv.double(columns.sharesOutstanding, header: header, in: Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude,
                                             expected: "shares outstanding (a share count above 0)")
            if let outstanding, shares > outstanding {
                throw error(column, "found \(InputError.quote(try csv.trimmed(column))) float shares, above the "
                            + "\(InputError.quote(try csv.trimmed(columns.sharesOutstanding!))) shares outstanding (column \(columns.sharesOutstanding! + 1)), "
                            + "expected at most the shares outstanding",
                            help: "fix one of the two: the float is part of the shares outstanding")
            }
            return .shares(shares, outstanding: outstanding)
        }
    }
}
