/// Lays a company-facts file (``CompanyFacts``) over a universe at a rank day: the universe's float
/// and voting columns take the facts' values, and each line records what the facts gave it
/// (``LineFacts``), so that the screens run the home-country test on the facts and name the fact
/// that decided. Facts in force that name nothing in the universe are counted, never dropped silently.
///
/// Which lines a row reaches:
/// - a PERMNO or ticker row names one line; a PERMCO row names every line of the company. A
///   ticker names only lines that can be their company's common equity: share types (a
///   preferred, a warrant) are left out, since their normalised tickers collide with other
///   companies' (`BC^C`, a Brunswick note, normalises to `BCC`, Boise Cascade's ticker);
/// - the company-level facts — the home-country indicators (M7 §5.3–5.5) and the unrestricted
///   votes, which count "total votes, including unlisted classes" (M7 §5.15) — reach every line of
///   the company, from the row with the lowest file line among those naming its lines;
/// - float is per line (FTSE Russell's available shares are per security, M7 §7): a float factor
///   is the line's; float shares are divided by the shares outstanding the row gives, or else by the
///   universe's shares at the rank day — the line's market cap ÷ price for a PERMNO or ticker row,
///   the company's (its lines' shares summed, or the largest where the source reports company
///   totals) for a PERMCO row. Float shares above those shares are taken as a float of 100% and
///   reported.
///
/// A fact overrides what the universe file gives (a native universe's `float_fraction`): the
/// facts file is the researcher's chosen source for it.
public enum FactsOverlay {
    /// The keys of each universe line that a facts file can name besides its ticker.
    public struct LineKeys: Sendable {
        /// Each line's PERMNO as decimal text; `nil` when the universe carries none (a screener, a
        /// native universe).
        public var permno: [String]?
        /// Each line's PERMCO as decimal text; `nil` when the universe carries none.
        public var permco: [String]?

        public init(permno: [String]?, permco: [String]?) {
            self.permno = permno
            self.permco = permco
        }

        /// A universe whose lines are known by ticker only.
        public static let tickersOnly = LineKeys(permno: nil, permco: nil)

        /// Whether the lines carry keys of this kind.
        public func carries(_ kind: CompanyFacts.KeyKind) -> Bool {
            switch kind {
            case .permno: return permno != nil
            case .permco: return permco != nil
            case .ticker: return true
            }
        }
    }

    /// Float shares larger than the shares they are divided by.
    public struct FloatAboveShares: Sendable, Equatable {
        /// The facts row's line, the universe line's ticker, and the two share counts.
        public var factsLine: Int
        public var symbol: String
        public var floatShares: Double
        public var shares: Double
    }

    /// What one overlay did, for `summary.json` (`input.facts`) and the warnings.
    public struct Report: Sendable, Equatable {
        public var file: String
        public var keyKind: CompanyFacts.KeyKind
        /// The date the facts were taken at (the rank day).
        public var date: CalendarDate
        /// Rows in the file, and those whose dates contain ``date``.
        public var rows: Int
        public var inForce: Int
        /// Rows in force that named a line of the universe.
        public var matched: Int
        /// The keys of rows in force that named nothing in the universe, in file order.
        public var notInUniverse: [String]
        /// Universe lines given a home country, a float and a voting fraction.
        public var countryLines: Int
        public var floatLines: Int
        public var votingLines: Int
        /// Float shares above the shares outstanding (taken as 100%).
        public var floatAboveShares: [FloatAboveShares]
        /// Facts lines of float shares with no shares to divide by (no price or cap): float left unknown.
        public var floatWithoutShares: [Int]

        /// Lines for standard error and `summary.json` → `warnings`.
        public var warnings: [String] {
            var warnings: [String] = []
            if !notInUniverse.isEmpty {
                let examples = notInUniverse.prefix(10).joined(separator: ", ") + (notInUniverse.count > 10 ? ", …" : "")
                warnings.append("\(file): \(notInUniverse.count) of the \(inForce) facts in force at \(date) name a \(keyKind.label) "
                    + "not in the universe (\(examples)); counted in summary.json (input.facts.not_in_universe)")
            }
            if !floatAboveShares.isEmpty {
                let examples = floatAboveShares.prefix(5).map {
                    "line \($0.factsLine) (\($0.symbol): \(Report.count($0.floatShares)) float shares, \(Report.count($0.shares)) shares)"
                }.joined(separator: ", ")
                warnings.append("\(file): \(floatAboveShares.count) float_shares above the shares outstanding at \(date), "
                    + "float taken as 100%: \(examples)\(floatAboveShares.count > 5 ? ", …" : "")")
            }
            if !floatWithoutShares.isEmpty {
                warnings.append("\(file): \(floatWithoutShares.count) float_shares with no shares outstanding to divide by "
                    + "(the line has no price or market cap), float left unknown: lines "
                    + floatWithoutShares.prefix(10).map(String.init).joined(separator: ", "))
            }
            return warnings
        }

        /// A share count as a whole number.
        static func count(_ value: Double) -> String {
            value.isFinite && abs(value) < 9e18 ? String(Int64(value.rounded())) : "\(value)"
        }
    }

    /// The universe with the facts in force at `date` laid over it, and what was done.
    /// - Complexity: O(lines + rows).
    public static func apply(_ facts: CompanyFacts, to universe: Universe, keys lineKeys: LineKeys,
                             at date: CalendarDate) -> (universe: Universe, report: Report) {
        let rows = facts.rows
        let ownRow = rowOfEachLine(facts, universe: universe, keys: lineKeys, at: date)
        var matched = [Bool](repeating: false, count: rows.count)
        for row in ownRow where row >= 0 { matched[Int(row)] = true }
        // The company's row: the lowest file line among the rows naming its lines.
        var companyRow = [Int32](repeating: -1, count: universe.keys.companyCount)
        for line in universe.indices where ownRow[line] >= 0 {
            let company = Int(universe.company[line]), row = ownRow[line]
            if companyRow[company] < 0 || rows[Int(row)].line < rows[Int(companyRow[company])].line { companyRow[company] = row }
        }
        var result = universe
        var lineFacts = [LineFacts](repeating: .none, count: universe.count)
        let inForce = facts.rowsInForce(at: date)
        var report = Report(file: facts.file, keyKind: facts.keyKind, date: date, rows: rows.count, inForce: inForce.count,
                            matched: inForce.filter { matched[$0] }.count, notInUniverse: inForce.filter { !matched[$0] }.map { rows[$0].key },
                            countryLines: 0, floatLines: 0, votingLines: 0, floatAboveShares: [], floatWithoutShares: [])
        // Company-level facts: the home country and the votes.
        for line in universe.indices {
            let row = companyRow[Int(universe.company[line])]
            guard row >= 0 else { continue }
            if let indicators = rows[Int(row)].homeCountry {
                lineFacts[line].homeCountry = indicators
                report.countryLines += 1
            }
            if let voting = rows[Int(row)].votingFraction {
                result.votingFraction[line] = voting
                lineFacts[line].voting = true
                report.votingLines += 1
            }
        }
        // Float, per line.
        let companyShares = facts.keyKind == .permco ? sharesOfCompanies(universe) : []
        var reported = Set<Int>()
        for line in universe.indices {
            let row = facts.keyKind == .permco ? companyRow[Int(universe.company[line])] : ownRow[line]
            guard row >= 0, let float = rows[Int(row)].float else { continue }
            let fraction: Double
            switch float {
            case .factor(let factor):
                fraction = factor
            case .shares(let floatShares, let outstanding):
                let shares = outstanding ?? (facts.keyKind == .permco ? companyShares[Int(universe.company[line])] : sharesOfLine(universe, line))
                guard shares > 0 else {
                    if reported.insert(Int(row)).inserted { report.floatWithoutShares.append(rows[Int(row)].line) }
                    continue
                }
                if floatShares > shares, reported.insert(Int(row)).inserted {
                    report.floatAboveShares.append(FloatAboveShares(factsLine: rows[Int(row)].line, symbol: universe.text.symbol(line),
                                                                    floatShares: floatShares, shares: shares))
                }
                fraction = min(floatShares / shares, 1)
            }
            result.floatFraction[line] = fraction
            lineFacts[line].float = float
            report.floatLines += 1
        }
        result.facts = lineFacts
        return (result, report)
    }

    /// The row in force that names each line by its own key (an index into the facts' rows), -1 for none.
    static func rowOfEachLine(_ facts: CompanyFacts, universe: Universe, keys lineKeys: LineKeys, at date: CalendarDate) -> [Int32] {
        var own = [Int32](repeating: -1, count: universe.count)
        let keyOfLine: ((Int) -> String)?
        switch facts.keyKind {
        case .permno: keyOfLine = lineKeys.permno.map { keys in { keys[$0] } }
        case .permco: keyOfLine = lineKeys.permco.map { keys in { keys[$0] } }
        case .ticker: keyOfLine = { universe.keys.symbols[Int(universe.symbol[$0])] }
        }
        guard let keyOfLine else { return own }
        for line in universe.indices where facts.keyKind != .ticker || !universe.isShareType(line) {
            if let row = facts.row(for: keyOfLine(line), at: date) { own[line] = Int32(row) }
        }
        return own
    }

    /// A line's shares outstanding as the universe implies them: market cap ÷ price (CRSP's
    /// SHROUT; a screener line's company total); NaN when either is missing.
    static func sharesOfLine(_ universe: Universe, _ line: Int) -> Double {
        let cap = universe.marketCap[line], price = universe.price[line]
        return cap > 0 && price > 0 ? cap / price : .nan
    }

    /// Each company's shares outstanding: its lines' shares summed (caps per security), or the
    /// largest where a line's cap is the company's total (``CapScope``).
    static func sharesOfCompanies(_ universe: Universe) -> [Double] {
        var sum = [Double](repeating: 0, count: universe.keys.companyCount)
        var largest = sum
        var companyTotals = [Bool](repeating: false, count: universe.keys.companyCount)
        for line in universe.indices {
            let company = Int(universe.company[line]), shares = sharesOfLine(universe, line)
            guard !shares.isNaN else { continue }
            sum[company] += shares
            largest[company] = max(largest[company], shares)
            if universe.capScope[line] != .security { companyTotals[company] = true }
        }
        return sum.indices.map { companyTotals[$0] ? largest[$0] : sum[$0] }
    }
}
