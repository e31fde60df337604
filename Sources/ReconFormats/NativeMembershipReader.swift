import ReconCore
import ReconIO

/// Reads recon's own membership CSV, `symbol,name,index[,company_key,microcap,weight]`, into a
/// prior membership. It also reads recon's `membership.csv` output (`symbol,company,index,
/// microcap,weight,…,security_id`): the name may be in `name` or `company`, a line's
/// `security_id` (a PERMNO from a CRSP run) stays with it, and other columns are ignored.
///
/// `index` is `R1000`, `R2000` or `none` (any case); `microcap` is true/false or blank;
/// `weight` is a fraction of the index. A repeated symbol is an ``InputError``. Every row is
/// checked, and the members are kept: a row of no index and not in the Microcap (most of a
/// `membership.csv`, which lists every line of its universe) is no prior membership, and kept it
/// would stand as a member the next universe does not list. A file without one member is an
/// ``InputError``: as a prior it would read as "no index had members", every company an addition.
public enum NativeMembershipReader {
    /// Reads the file at `path`.
    /// - Throws: ``InputError`` (with file, line and column) for a bad file.
    public static func read(path: String) throws -> PriorLines {
        try read(CSVReader(path: path))
    }

    /// Reads CSV bytes in memory; `name` names them in messages.
    public static func read(bytes: [UInt8], name: String) throws -> PriorLines {
        try read(CSVReader(bytes: bytes, name: name))
    }

    private static func read(_ csv: CSVReader) throws -> PriorLines {
        let header = try csv.readHeader(format: .nativeMembership)
        let headerLine = csv.lineNumber
        let format = UniverseFormat.nativeMembership.rawValue
        let symbolColumn = try header.require("symbol", file: csv.name, line: headerLine, format: format)
        let indexColumn = try header.require("index", file: csv.name, line: headerLine, format: format)
        let nameColumn = header.index(of: "name", "company")
        let keyColumn = header.index(of: "company_key")
        let microcapColumn = header.index(of: "microcap")
        let weightColumn = header.index(of: "weight")
        let securityIDColumn = header.index(of: "security_id")
        var membership = PriorLines()
        var lineOfSymbol: [String: Int] = [:]
        var rows = 0
        while try csv.next() {
            if csv.isBlankLine { continue }
            rows += 1
            try csv.requireFieldCount(header)
            let symbol = try csv.trimmed(symbolColumn)
            let normalized = Ticker.normalize(symbol)
            guard !normalized.isEmpty else {
                throw InputError(file: csv.name, line: csv.lineNumber, column: symbolColumn + 1, columnName: header.names[symbolColumn],
                                 message: "found \(InputError.quote(symbol)), expected a ticker", help: "give every row a symbol")
            }
            // A repeat is the same security (``Ticker/securityKey(_:)``): `BRK.B` and `BRKB` are one,
            // `DCOM` and `DCOM^` (a common and its preferred, both in recon's own membership.csv) two.
            try csv.rejectDuplicate(symbol, firstLine: lineOfSymbol[Ticker.securityKey(symbol)], column: symbolColumn, header: header)
            lineOfSymbol[Ticker.securityKey(symbol)] = csv.lineNumber
            guard let tier = try csv.choice(indexColumn, header: header, of: IndexTier.allCases) else {
                throw InputError(file: csv.name, line: csv.lineNumber, column: indexColumn + 1, columnName: header.names[indexColumn],
                                 message: "found an empty index, expected one of: R1000, R2000, none", help: "fill in the index")
            }
            let entry = PriorLines.Entry(
                symbol: symbol, name: try csv.optionalText(nameColumn) ?? symbol, tier: tier,
                companyKey: try csv.optionalText(keyColumn),
                isMicrocap: try csv.boolean(microcapColumn, header: header),
                weight: try csv.double(weightColumn, header: header, in: 0...1, expected: "a weight between 0 and 1"),
                securityID: try csv.optionalText(securityIDColumn))
            if entry.tier != .none || entry.isMicrocap == true { membership.add(entry) }
        }
        guard rows > 0 else { throw InputError.noDataRows(csv.name, headerLine: headerLine, format: .nativeMembership) }
        guard !membership.entries.isEmpty else {
            throw InputError(file: csv.name, line: headerLine, column: indexColumn + 1, columnName: header.names[indexColumn],
                             message: "found no member in \(counted(rows, "row")) (every index none, none in the Microcap), expected the lines of the prior indexes",
                             help: "give the membership.csv of the run before, or leave out --prior to treat every company as new")
        }
        return membership
    }
}
