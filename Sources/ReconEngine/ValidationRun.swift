import ReconCore
import ReconIO
import ReconFormats

/// Scores a run's membership.csv against published lists and index holdings, and says where each
/// miss and false hit comes from (``ValidationCategory``): `recon validate`.
public enum ValidationRun {
    /// What to score and where to write.
    public struct Request: Sendable {
        public var membership: String
        /// The truth file of each set given: `additions`, `deletions`, `r2000`, `r1000`, `r3000`.
        public var truths: [(set: String, path: String)]
        /// Lists of additions published after the run took effect (``LaterAdditions``): their
        /// tickers are left out of the holdings an index set is scored against.
        public var laterAdditions: [String]
        /// A listing of every security traded on a day after the holdings (``LaterListing``): the
        /// false hits of an index set it lacks are said to be delisted since.
        public var laterListing: String?
        public var out: String

        public init(membership: String, truths: [(set: String, path: String)], laterAdditions: [String] = [],
                    laterListing: String? = nil, out: String) {
            self.membership = membership
            self.truths = truths
            self.laterAdditions = laterAdditions
            self.laterListing = laterListing
            self.out = out
        }
    }

    /// The sets a membership can be scored on, in the order they are reported.
    public static let sets = ["additions", "deletions", "r2000", "r1000", "r3000"]

    /// Whether `set` is an index's membership (`r2000`, `r1000`, `r3000`), scored against holdings
    /// dated after the run, rather than the run's own lists of additions and deletions.
    static func isIndexSet(_ set: String) -> Bool { set != "additions" && set != "deletions" }

    /// One set scored.
    struct Scored {
        var score: ValidationScore
        /// The predicted index's weight overlap with a holdings file's (index sets only).
        var weightOverlap: Double?
        /// Misses and false hits, then the tickers left out of the score.
        var findings: [ValidationCategory.Finding]

        var leftOut: Int { findings.lazy.filter { $0.kind == .leftOut }.count }
        var matchedByName: Int { findings.lazy.filter { $0.kind == .matchedByName }.count }
    }

    public static func run(_ request: Request, console: Console) throws {
        // The files are added to a copy of the folder (its other files as hard links), which
        // replaces it in one step: the folder never holds some new files and some old.
        let scored = try OutputDestination.writeFolder(request.out, start: .copyOfDestination(leavingOut: { _ in false })) { staging in
            let membership = try MembershipFile.read(path: request.membership)
            let excluded = try excludedReasons(besides: request.membership)
            let dates = RunSummaryDates.read(besides: request.membership)
            // Every truth file is read before anything is written: a bad one leaves no output behind.
            let later = try LaterAdditions.read(paths: request.laterAdditions, console: console)
            let listing = try LaterListing.read(path: request.laterListing, dates: dates, console: console)
            if listing != nil, !request.truths.contains(where: { isIndexSet($0.set) }) {
                console.warn("--later-listing explains the false hits of index holdings, and none was given: it changes nothing "
                             + "here; give --r2000, --r1000 or --r3000 with it")
            }
            let scored = try request.truths.map { set, path in
                try score(set, truth: path, membership: membership, excluded: excluded, dates: dates, later: later,
                          listing: listing, console: console)
            }
            try AtomicFile.write([
                (path: FilePaths.join(staging, "validation.csv"), bytes: findingsFile(scored)),
                (path: FilePaths.join(staging, "validation-scores.csv"), bytes: scoresFile(scored)),
                (path: FilePaths.join(staging, "validation-categories.csv"), bytes: categoriesFile(scored)),
            ])
            return scored
        }
        console.print(text(scored))
        console.print("each miss and false hit with its category: \(FilePaths.join(request.out, "validation.csv"))")
    }

    // MARK: - Scoring

    private static func score(_ set: String, truth path: String, membership: MembershipFile,
                              excluded: [String: (reason: String, detail: String)], dates: RunSummaryDates?,
                              later: LaterAdditions, listing: LaterListing?, console: Console) throws -> Scored {
        let predicted: [String]
        switch set {
        case "additions": predicted = membership.predictedAdditions
        case "deletions": predicted = membership.predictedDeletions
        case "r2000": predicted = membership.symbols(in: .r2000)
        case "r1000": predicted = membership.symbols(in: .r1000)
        default: predicted = membership.symbols(in: .r1000) + membership.symbols(in: .r2000)
        }
        let truth = try TickerList.read(path: path)
        // The rows a truth file leaves out (non-equity lines, a disclaimer) are said.
        for note in truth.notes { console.warn(note) }
        // Holdings dated after later additions hold them; the run's index could not.
        let isIndexSet = isIndexSet(set)
        let (trueTickers, trueLater) = isIndexSet ? later.withoutLaterAdditions(truth.tickers) : (truth.tickers, [])
        // A company whose ticker changed between the run and the truth file is the same company.
        let byTicker = ValidationScore(name: set, predicted: predicted, truth: trueTickers)
        let changes = TickerChangesSinceRun(byTicker, predictedNames: membership.names(of: predicted),
                                            truthNames: Array(zip(truth.tickers, truth.names)))
        let score = changes.pairs.isEmpty ? byTicker
            : ValidationScore(name: set, predicted: predicted, truth: trueTickers.map(changes.spelledAsPredicted))
        var overlap: Double?
        // A fund's market values are its weights unrounded (`Weight (%)` shows small ones as 0.00).
        // A plain list of tickers has no date and no weights; a holdings file has both.
        if isIndexSet, truth.isHoldings {
            let read = try ISharesHoldingsReader.read(path: path)
            if let dates, let asOf = read.asOf {
                if asOf <= dates.effectiveDate { console.warn(heldBefore(path, set: set, asOf: asOf, dates: dates)) }
                if later.isEmpty, let note = heldAfterIPOAdditions(path, set: set, asOf: asOf, dates: dates) { console.warn(note) }
            }
            // membership.csv weighs a line within its own index: the Russell 3000 has no weights to compare.
            if let tier: IndexTier = set == "r2000" ? .r2000 : set == "r1000" ? .r1000 : nil {
                let predictedWeights = membership.lines.filter { $0.index == tier }.map { ($0.symbol, $0.weight ?? 0) }
                let trueWeights = read.holdings.filter { later.file(listing: $0.symbol) == nil }
                    .map { (changes.spelledAsPredicted($0.symbol), $0.marketValue ?? $0.weight ?? 0) }
                overlap = WeightOverlap.of(predictedWeights, trueWeights)
            }
        }
        return Scored(score: score, weightOverlap: overlap,
                      findings: findings(of: score, membership: membership, excluded: excluded, later: later,
                                         listing: isIndexSet ? listing : nil, leftOut: trueLater, changes: changes))
    }

    /// Each miss and false hit of `score` with its category, then each ticker left out of the truth,
    /// then each matched by name.
    private static func findings(of score: ValidationScore, membership: MembershipFile,
                                 excluded: [String: (reason: String, detail: String)], later: LaterAdditions,
                                 listing: LaterListing?, leftOut: [(symbol: String, file: String)], changes: TickerChangesSinceRun) -> [ValidationCategory.Finding] {
        let set = score.name
        // Each ticker's line, found as the score pairs tickers (its spelling, upper-cased as the
        // score lists it, else its normalised ticker when one line alone has it).
        let lines = TickerTable(membership.lines.map { ($0.symbol, $0) })
        var findings: [ValidationCategory.Finding] = []
        for (kind, symbols) in [(ValidationCategory.Kind.miss, score.misses), (.falseHit, score.falseHits)] {
            for symbol in symbols {
                let line = lines.value(for: symbol)
                let exclusion = excluded[symbol.uppercased()] ?? excluded[Ticker.normalize(symbol)]
                var (category, detail) = ValidationCategory.of(set: set, kind: kind, evidence: .init(line: line, exclusion: exclusion))
                if kind == .falseHit, let file = later.file(listing: symbol) {
                    (category, detail) = (.addedAfterRun, "in \(file): added after the run took effect, not by it")
                } else if kind == .falseHit, let listing, [.near1000, .near3000, .other].contains(category), !listing.lists(symbol) {
                    (category, detail) = (.notListedLater, "not in \(listing.file): delisted, taken over or renamed after the run, "
                                          + "and deleted from the index without replacement (M7 §9.2.1)")
                }
                findings.append(.init(set: set, kind: kind, symbol: line?.symbol ?? symbol, category: category, rank: line?.rank,
                                      index: line?.index.rawValue ?? "", priorIndex: line?.priorIndex.rawValue ?? "", detail: detail))
            }
        }
        for (symbol, file) in leftOut {
            let line = lines.value(for: symbol)
            findings.append(.init(set: set, kind: .leftOut, symbol: line?.symbol ?? symbol, category: .addedAfterRun, rank: line?.rank,
                                  index: line?.index.rawValue ?? "", priorIndex: line?.priorIndex.rawValue ?? "",
                                  detail: "in \(file): added after the run took effect, so left out of the holdings scored"))
        }
        for pair in changes.pairs {
            let line = lines.value(for: pair.predicted)
            findings.append(.init(set: set, kind: .matchedByName, symbol: line?.symbol ?? pair.predicted, category: .tickerChanged,
                                  rank: line?.rank, index: line?.index.rawValue ?? "", priorIndex: line?.priorIndex.rawValue ?? "",
                                  detail: "held as \(pair.truth) (\(pair.truthName)): the same company by name, its ticker changed "
                                      + "after the run; scored as a hit"))
        }
        return findings
    }

    /// Holdings dated after the quarter that follows the run hold its quarterly IPO additions
    /// (M7 §9.2; added in the last month of each quarter): without their list, each is a miss no
    /// run can avoid. `nil` for holdings dated before then.
    static func heldAfterIPOAdditions(_ path: String, set: String, asOf: CalendarDate, dates: RunSummaryDates) -> String? {
        let quarterEnd = dates.effectiveDate.adding(months: 3).endOfMonth
        guard asOf > quarterEnd else { return nil }
        return "--\(set) \(FilePaths.fileName(of: path)): holdings as of \(asOf), after the quarterly IPO additions that followed the "
            + "\(dates.run) run (by \(quarterEnd)): each one they hold scores as a miss no run can avoid; give FTSE Russell's lists "
            + "of the additions since the run with --later-additions FILE"
    }

    /// An index's holdings dated on or before the run took effect hold the membership before it:
    /// scored against them, the run is scored against its own prior.
    static func heldBefore(_ path: String, set: String, asOf: CalendarDate, dates: RunSummaryDates) -> String {
        "--\(set) \(FilePaths.fileName(of: path)): holdings as of \(asOf), not after the \(dates.run) run took effect "
            + "(\(dates.effectiveDate)): they hold the membership before it, so this scores the run against its prior; "
            + "give holdings dated after \(dates.effectiveDate)"
    }

    /// excluded.csv beside the membership file, by ticker upper-cased and by normalised ticker
    /// (the first line for each); empty when there is none.
    private static func excludedReasons(besides membership: String) throws -> [String: (reason: String, detail: String)] {
        let path = FilePaths.join(FilePaths.directory(of: membership), "excluded.csv")
        guard FileChecks.exists(path) else { return [:] }
        let csv = try CSVReader(path: path)
        guard try csv.next() else { return [:] }
        let header = try CSVHeader(reader: csv)
        let symbol = try header.require("symbol", file: path, line: csv.lineNumber, format: "excluded")
        let reason = try header.require("reason", file: path, line: csv.lineNumber, format: "excluded")
        let detail = header.index(of: "detail")
        var reasons: [String: (reason: String, detail: String)] = [:]
        while try csv.next() {
            if csv.isBlankLine { continue }
            let text = try csv.trimmed(symbol)
            let found = (try csv.trimmed(reason), try detail.map { try csv.trimmed($0) } ?? "")
            for key in [text.uppercased(), Ticker.normalize(text)] where reasons[key] == nil { reasons[key] = found }
        }
        return reasons
    }

    // MARK: - Files

    /// `validation.csv`: every miss and false hit, set by set.
    private static func findingsFile(_ scored: [Scored]) -> [UInt8] {
        var csv = CSVWriter(header: ["set", "kind", "symbol", "category", "rank", "index", "prior_index", "detail"])
        for finding in scored.flatMap(\.findings) {
            csv.appendRow([finding.set, finding.kind.rawValue, finding.symbol, finding.category.rawValue,
                           finding.rank.map(String.init) ?? "", finding.index, finding.priorIndex, finding.detail])
        }
        return csv.bytes
    }

    /// `validation-scores.csv`: `set,precision,recall,f1,hits,false_hits,misses,weight_overlap,left_out,matched_by_name`.
    private static func scoresFile(_ scored: [Scored]) -> [UInt8] {
        var csv = CSVWriter(header: ["set", "precision", "recall", "f1", "hits", "false_hits", "misses", "weight_overlap", "left_out",
                                     "matched_by_name"])
        for set in scored {
            let score = set.score
            csv.appendRow([score.name, CSVWriter.number(score.precision, decimals: 4), CSVWriter.number(score.recall, decimals: 4),
                           CSVWriter.number(score.f1, decimals: 4), String(score.truePositives.count),
                           String(score.falseHits.count), String(score.misses.count), CSVWriter.number(set.weightOverlap, decimals: 4),
                           String(set.leftOut), String(set.matchedByName)])
        }
        return csv.bytes
    }

    /// `validation-categories.csv`: how many misses and false hits of each set fall in each category.
    private static func categoriesFile(_ scored: [Scored]) -> [UInt8] {
        var csv = CSVWriter(header: ["set", "kind", "category", "count"])
        for row in categoryCounts(scored) { csv.appendRow([row.set, row.kind.rawValue, row.category.rawValue, String(row.count)]) }
        return csv.bytes
    }

    private static func categoryCounts(_ scored: [Scored]) -> [(set: String, kind: ValidationCategory.Kind, category: ValidationCategory, count: Int)] {
        scored.flatMap { set in
            ValidationCategory.Kind.allCases.flatMap { kind in
                ValidationCategory.allCases.compactMap { category in
                    let count = set.findings.filter { $0.kind == kind && $0.category == category }.count
                    return count == 0 ? nil : (set.score.name, kind, category, count)
                }
            }
        }
    }

    /// The table printed on standard output: the scores, then the errors by category.
    private static func text(_ scored: [Scored]) -> String {
        var lines = ["set        precision  recall     f1      hits  false  missed  weight overlap"]
        for (score, overlap) in scored.map({ ($0.score, $0.weightOverlap) }) {
            lines.append([score.name.padding(10), formatNumber(score.precision, decimals: 3).padding(10),
                          formatNumber(score.recall, decimals: 3).padding(10), formatNumber(score.f1, decimals: 3).padding(7),
                          String(score.truePositives.count).padding(5), String(score.falseHits.count).padding(6),
                          String(score.misses.count).padding(7), overlap.map { formatNumber($0, decimals: 3) } ?? ""]
                .joined(separator: " "))
        }
        for set in scored where set.leftOut > 0 {
            lines.append("\(set.score.name): \(counted(set.leftOut, "ticker")) added after the run left out of the holdings scored (--later-additions)")
        }
        for set in scored where set.matchedByName > 0 {
            lines.append("\(set.score.name): \(set.matchedByName) hits matched by company name, their tickers changed after the run")
        }
        lines.append("")
        lines.append("misses and false hits by category")
        for row in categoryCounts(scored) {
            lines.append("  \(row.set.padding(10)) \(row.kind.rawValue.padding(15)) \(row.category.rawValue.padding(21)) \(row.count)")
        }
        return lines.joined(separator: "\n")
    }
}
