import ReconCore
import ReconIO

/// Reads Nasdaq's stock screener export (nasdaq.com/market-activity/stocks/screener) into a
/// universe.
///
/// Columns: `Symbol`, `Name`, `Last Sale` (`$108.53`), `Market Cap` (required); `Country`,
/// `IPO Year`, `Volume`, `Sector`, `Industry` (optional); others are ignored. A leading UTF-8
/// byte-order mark and CRLF line ends are accepted.
///
/// - `Market Cap` blank or `0` reads as unknown (`nil`).
/// - The screener gives every share class the company's total cap (GOOG and GOOGL each carry
///   Alphabet's), but does not say so: ``CapScope/unknown`` lets the core infer it.
/// - The screener does not say whether a line's exchange is eligible (M7 §5.6–5.7):
///   `isOnEligibleExchange` is `nil`.
/// - It carries no security type: ``SecurityTypeClassifier`` infers one (M7 §5.11, §5.13), and
///   ``IssuerKey`` gives share classes of one issuer one company key (M7 §6.5.2).
/// - A symbol that appears twice is an ``InputError`` naming both lines; a row without a symbol
///   is dropped and reported.
/// - Names, sectors and industries written HTML-escaped (`&amp;`) are decoded
///   (``HTMLCharacterReferences``).
///
/// Nasdaq's earlier export, the company list of each exchange (`companylist.csv`, to 2020), reads
/// the same: its `LastSale`, `MarketCap` and `IPOyear` are these columns, `n/a` is blank, and
/// - its `MarketCap` was written in some years rounded with a magnitude suffix (`$58.83M`,
///   `$612.3B`): read as dollars, counted in a note, as ranks compare the rounded caps;
/// - its `ADR TSO` gives the depositary shares outstanding of an ADR's line: a line with one is
///   a depositary receipt (M7 §5.13) unless its name or symbol says another excluded type.
public enum NasdaqScreenerReader {
    /// Reads the file at `path`.
    /// - Throws: ``InputError`` (with file, line and column) for a bad file.
    public static func read(path: String) throws -> UniverseReadResult {
        var result = try read(CSVReader(path: path))
        result.asOf = FileNameDate.date(ofFile: path)
        return result
    }

    /// Reads CSV bytes in memory; `name` names them in messages.
    public static func read(bytes: [UInt8], name: String) throws -> UniverseReadResult {
        try read(CSVReader(bytes: bytes, name: name))
    }

    /// The column positions of a screener header.
    private struct Columns {
        let symbol, name, lastSale, marketCap: Int
        let country, ipoYear, volume, sector, industry: Int?
        /// The legacy company list's depositary shares outstanding of an ADR.
        let depositaryShares: Int?

        init(_ header: CSVHeader, file: String, line: Int) throws {
            func required(_ column: String) throws -> Int {
                try header.require(column, file: file, line: line, format: UniverseFormat.nasdaqScreener.rawValue)
            }
            symbol = try required("Symbol")
            name = try required("Name")
            lastSale = try required("Last Sale")
            marketCap = try required("Market Cap")
            country = header.index(of: "Country")
            ipoYear = header.index(of: "IPO Year")
            volume = header.index(of: "Volume")
            sector = header.index(of: "Sector")
            industry = header.index(of: "Industry")
            depositaryShares = header.index(of: "ADR TSO")
        }
    }

    private static func read(_ csv: CSVReader) throws -> UniverseReadResult {
        let header = try csv.readHeader(format: .nasdaqScreener)
        let headerLine = csv.lineNumber
        let columns = try Columns(header, file: csv.name, line: headerLine)
        var securities: [Security] = []
        // Room for every row at once: grown row by row, the array of large `Security` values was
        // copied a dozen times (and each copy's pages zeroed by the kernel).
        let rowsAhead = csv.lineBreaksAhead + 1
        securities.reserveCapacity(rowsAhead)
        var dropped: [DroppedRow] = []
        var lineOfSymbol: [String: Int] = [:]
        lineOfSymbol.reserveCapacity(rowsAhead)
        var unknownCaps = 0, roundedCaps = 0
        var depositaryReceipts: [(row: Int, shares: String)] = []
        var sawDataRow = false
        while try csv.next() {
            if csv.isBlankLine { continue }
            sawDataRow = true
            try csv.requireFieldCount(header)
            let symbol = try csv.trimmed(columns.symbol)
            guard !symbol.isEmpty else {
                dropped.append(DroppedRow(file: csv.name, line: csv.lineNumber, symbol: "", reason: "no symbol"))
                continue
            }
            let symbolKey = symbol.uppercased()
            try csv.rejectDuplicate(symbol, firstLine: lineOfSymbol[symbolKey], column: columns.symbol, header: header)
            lineOfSymbol[symbolKey] = csv.lineNumber
            let (security, capIsRounded) = try readRow(csv, header: header, columns: columns, symbol: symbol)
            if security.marketCap == nil { unknownCaps += 1 }
            if capIsRounded { roundedCaps += 1 }
            if let shares = try depositaryShares(csv, columns.depositaryShares, header) {
                depositaryReceipts.append((securities.count, shares))
            }
            securities.append(security)
        }
        guard sawDataRow else { throw InputError.noDataRows(csv.name, headerLine: headerLine, format: .nasdaqScreener) }
        guard !securities.isEmpty else {
            throw InputError(file: csv.name, line: headerLine, column: columns.symbol + 1, columnName: header.names[columns.symbol],
                             message: "found no row with a symbol (\(counted(dropped.count, "row")) without one), expected at least one security",
                             help: "check the Symbol column holds the tickers")
        }
        let issuerKeys = assignIssuersAndTypes(&securities)
        for (row, shares) in depositaryReceipts where securities[row].type == .commonStock {
            securities[row].type = .depositaryReceipt
            securities[row].typeEvidence = "ADR TSO gives its depositary shares outstanding (\(shares))"
        }
        var notes: [String] = []
        if columns.country == nil {
            // Blank is not US (M7 §5.3–5.5): without the column only prior members can be eligible.
            notes.append("\(csv.name) has no Country column: every line reads with a blank country, which is not assigned to "
                + "the US, so only prior members can be eligible; give the export with its Country column, or --facts with "
                + "each company's countries")
        }
        if columns.ipoYear == nil {
            // The earlier-verdict inference (PriorExclusion) judges only lines listed on the previous rank day.
            notes.append("\(csv.name) has no IPO Year column: no line can be dated, so the earlier-verdict inference "
                + "(excluded_before, docs/methodology.md) marks none; give the export with its IPO Year column")
        }
        if unknownCaps > 0 { notes.append("\(counted(unknownCaps, "row")) \(unknownCaps == 1 ? "has" : "have") a blank or zero Market Cap (read as unknown)") }
        if roundedCaps > 0 {
            notes.append("\(roundedCaps) row\(roundedCaps == 1 ? " gives its" : "s give their") Market Cap rounded with a magnitude suffix "
                + "($58.83M, as Nasdaq's legacy company list wrote it): companies are ranked by the rounded caps, so two "
                + "within the rounding of each other may swap places")
        }
        let nonCommon = securities.lazy.filter { $0.type != .commonStock }.count
        notes.append("\(nonCommon) of \(securities.count) rows inferred not common stock from symbol, name and industry")
        return UniverseReadResult(format: .nasdaqScreener, securities: securities, dropped: dropped, notes: notes,
                                  issuerKeys: issuerKeys)
    }

    /// The row's security, and whether its cap was written rounded with a magnitude suffix.
    private static func readRow(_ csv: CSVReader, header: CSVHeader, columns: Columns, symbol: String) throws -> (Security, capIsRounded: Bool) {
        let price = try nonNegative(csv, columns.lastSale, header, expected: "a price such as $108.53")
        var (marketCap, capIsRounded) = try marketCap(csv, columns.marketCap, header)
        if marketCap == 0 { marketCap = nil }
        let volume = try columns.volume.flatMap { try nonNegative(csv, $0, header, expected: "a share volume") }
        let name = HTMLCharacterReferences.decoded(try csv.trimmed(columns.name))
        let security = Security(
            symbol: symbol, name: name, companyKey: "", companyName: "",
            price: price, marketCap: marketCap, capScope: .unknown,
            votingFraction: namesNonVotingShares(name) ? 0 : nil,
            country: try text(csv, columns.country), isOnEligibleExchange: nil,
            sector: try text(csv, columns.sector), industry: try text(csv, columns.industry),
            volume: volume, ipoYear: try columns.ipoYear.flatMap { try year(csv, $0, header) },
            origin: "\(csv.name):\(csv.lineNumber)")
        return (security, capIsRounded)
    }

    /// A text column's value, `nil` when blank or `n/a` (the legacy company list's "no value"),
    /// with any HTML escaping undone.
    private static func text(_ csv: CSVReader, _ index: Int?) throws -> String? {
        guard let text = try csv.optionalText(index) else { return nil }
        return text.utf8.count == 3 && text.lowercased() == "n/a" ? nil : HTMLCharacterReferences.decoded(text)
    }

    /// The powers of ten of the legacy company list's magnitude suffixes.
    private static let magnitudeExponents: [UInt8: Int] = [UInt8(ascii: "K"): 3, UInt8(ascii: "M"): 6, UInt8(ascii: "B"): 9]

    /// `Market Cap` in dollars, `nil` when blank, and whether it was written rounded with a
    /// magnitude suffix (`$58.83M`, `$612.3B`), as the legacy company list wrote it some years.
    private static func marketCap(_ csv: CSVReader, _ index: Int, _ header: CSVHeader) throws -> (dollars: Double?, isRounded: Bool) {
        let lastByte = csv.withBytes(index) { bytes in bytes.last { $0 != 0x20 && $0 != 0x09 } }
        guard let exponent = lastByte.flatMap({ magnitudeExponents[$0] }) else {
            return (try nonNegative(csv, index, header, expected: "a market cap in dollars"), false)
        }
        let text = try csv.trimmed(index)
        var digits = text.dropLast()
        if digits.first == "$" { digits = digits.dropFirst() }
        // Digits with at most one point; `Double` then reads `58.83e6` exactly as 58,830,000.
        let isDigit = { (byte: UInt8) in byte &- 0x30 < 10 }, isPoint = { (byte: UInt8) in byte == UInt8(ascii: ".") }
        guard digits.utf8.contains(where: isDigit), digits.utf8.allSatisfy({ isDigit($0) || isPoint($0) }),
              digits.utf8.lazy.filter(isPoint).count <= 1, let dollars = Double("\(digits)e\(exponent)"), dollars.isFinite else {
            throw InputError(file: csv.name, line: csv.lineNumber, column: index + 1, columnName: header.names[index],
                             message: "found \(InputError.quote(text)), expected a market cap in dollars such as $58.83M (digits, a point, K, M or B)",
                             help: "fix the value or leave the field blank")
        }
        return (dollars, true)
    }

    /// The legacy company list's `ADR TSO` of the row as written, `nil` when the file has no such
    /// column or the row none (blank, `n/a` or `0`).
    private static func depositaryShares(_ csv: CSVReader, _ index: Int?, _ header: CSVHeader) throws -> String? {
        guard let index, let shares = try nonNegative(csv, index, header, expected: "a number of depositary shares outstanding"),
              shares > 0 else { return nil }
        return try csv.trimmed(index)
    }

    /// Whether the line's name says its shares carry no votes (`Class A Non Voting Common Stock`):
    /// the one voting fact a screener export carries (M7 §5.15).
    static func namesNonVotingShares(_ name: String) -> Bool {
        mayNameNonVoting(name) && namesNonVotingSharesByDefinition(name)
    }

    /// The rule: the lower-cased name says `non voting`, `non-voting` or `nonvoting`.
    static func namesNonVotingSharesByDefinition(_ name: String) -> Bool {
        let folded = name.lowercased()
        return folded.containsText("non voting") || folded.containsText("non-voting") || folded.containsText("nonvoting")
    }

    /// `false` when an ASCII name has no `non` in any case, so it cannot say any of the three
    /// (which all start with it); `true` otherwise. Nearly every name is answered here, without
    /// lower-casing it into a new string and searching it three times.
    private static func mayNameNonVoting(_ name: String) -> Bool {
        let hasNon = name.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            guard bytes.count >= 3 else { return false }
            // In ASCII, `b | 0x20` is `n` only for `n` and `N`, and `o` only for `o` and `O`.
            return (0 ... bytes.count - 3).contains { at in
                bytes[at] | 0x20 == 0x6E && bytes[at + 1] | 0x20 == 0x6F && bytes[at + 2] | 0x20 == 0x6E
            }
        } ?? nil
        return hasNon ?? true
    }

    /// A number that must not be negative, `nil` when blank.
    static func nonNegative(_ csv: CSVReader, _ index: Int, _ header: CSVHeader, expected: String) throws -> Double? {
        guard let value = try csv.double(index, header: header, expected: expected) else { return nil }
        guard value >= 0 else {
            throw InputError(file: csv.name, line: csv.lineNumber, column: index + 1, columnName: header.names[index],
                             message: "found \(InputError.quote(try csv.string(index))), expected \(expected) (not negative)",
                             help: "fix the value or leave the field blank")
        }
        return value
    }

    /// A four-digit year, `nil` when blank.
    private static func year(_ csv: CSVReader, _ index: Int, _ header: CSVHeader) throws -> Int? {
        guard let value = try csv.double(index, header: header, expected: "a year such as 1999") else { return nil }
        guard value == value.rounded(), (1600...2200).contains(value) else {
            throw InputError(file: csv.name, line: csv.lineNumber, column: index + 1, columnName: header.names[index],
                             message: "found \(InputError.quote(try csv.string(index))), expected a year such as 1999",
                             help: "fix the value or leave the field blank")
        }
        return Int(value)
    }

    /// Gives every row its company key and name, then infers types issuer by issuer; returns
    /// each row's key from its name alone (``UniverseReadResult/issuerKeys``). The rows are
    /// changed in place: a copy of the array would retain every text field of every row.
    static func assignIssuersAndTypes(_ securities: inout [Security]) -> [String] {
        let (issuers, nameKeys, inferences) = issuersAndTypes(of: securities)
        for index in securities.indices {
            securities[index].companyKey = issuers[index].key
            securities[index].companyName = issuers[index].displayName
            securities[index].type = inferences[index].type
            securities[index].typeEvidence = inferences[index].evidence
        }
        return nameKeys.map(\.key)
    }

    /// The issuer keys (with unrelated tickers separated), the keys from names alone and the
    /// inferred types of the rows. The rows' fields are read in place (no array of `Line`
    /// copies); the captures of `securities` end with this function, so the caller's array is
    /// again its only owner when it writes the results in.
    private static func issuersAndTypes(of securities: [Security]) -> ([IssuerKey], [IssuerKey], [SecurityTypeClassifier.Inference]) {
        // Each name is split into words once, for the issuer keys and the types both.
        let names = Parallel.mapInBlocks(securities.count) { SecurityName(securities[$0].name) }
        let nameKeys = IssuerKey.nameKeys(names: names) { securities[$0].symbol }
        let issuers = IssuerKey.separatingUnrelatedTickers(nameKeys) { securities[$0].symbol }
        let inferences = SecurityTypeClassifier.classify(names: names, fields: .init(
            symbol: { securities[$0].symbol }, industry: { securities[$0].industry }, companyKey: { issuers[$0].key }))
        return (issuers, nameKeys, inferences)
    }
}
