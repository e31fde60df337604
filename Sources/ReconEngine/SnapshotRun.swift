import ReconCore
import ReconIO
import ReconCRSP
import ReconFormats

/// One reconstitution of a universe snapshot (a Nasdaq screener export, a native universe, a
/// CRSP file's cross-section) against the prior membership its files give: `recon reconstitute
/// --universe FILE`. A CRSP panel given without `--prior` and `--forward` that holds the run
/// before's rank month brings its own prior membership instead: its history is replayed up to the
/// run (``PanelRun``), as the embedded market's is.
public enum SnapshotRun {
    /// What a snapshot run reads and writes.
    public struct Request: Sendable {
        /// The universe file, and its format when not detected from the header.
        public var universe: String
        public var format: String?
        /// Prior membership files (`FILE` or `R2000=FILE`, …) and a later snapshot for the drag.
        public var priors: [String]
        public var forward: String?
        /// A company-facts file (`--facts`), laid over the universe at the rank day.
        public var facts: String?
        /// The rules of every run (a CRSP panel's history is replayed by them) and of this one.
        public var table: RulebookTable
        public var rulebook: Rulebook
        public var variants: [RuleVariant]
        /// The output folder.
        public var out: String

        /// The calendar's reconstitution before this one: a prior dated before it took effect
        /// misses its changes.
        var previous: RulebookTable.Reconstitution? { table.reconstitution(before: rulebook.run) }

        public init(universe: String, format: String?, priors: [String], forward: String?, facts: String? = nil, table: RulebookTable,
                    rulebook: Rulebook, variants: [RuleVariant], out: String) {
            self.universe = universe
            self.format = format
            self.priors = priors
            self.forward = forward
            self.facts = facts
            self.table = table
            self.rulebook = rulebook
            self.variants = variants
            self.out = out
        }
    }

    /// Reads the universe and the prior, reconstitutes under the rules and each variant, writes
    /// the run's folder (whole, once every run is made: ``OutputDestination``) and prints its summary.
    public static func run(_ request: Request, console: Console) throws {
        let runs = try OutputDestination.writeFolder(request.out) { staging in
            let runs = try reconstitute(request, console: console)
            try RunOutput.write(runs, to: staging)
            PhaseTimer.mark("wrote the run")
            return runs
        }
        RunOutput.show(runs, directory: request.out, console: console)
    }

    /// The runs of a request: the published rules, then each variant.
    private static func reconstitute(_ request: Request, console: Console) throws -> [(name: String, run: RunWriter.Run)] {
        let universePath = request.universe, rulebook = request.rulebook, variants = request.variants
        console.progress("reading \(universePath)")
        PhaseTimer.mark("read the rules")
        let panel = try panelBringingItsPrior(request)
        if let panel, let previous = request.previous, panel.hasRankedMonth(previous.rankDay) {
            console.progress("no --prior: replaying \(FilePaths.fileName(of: universePath)) from its first run, so that the prior "
                             + "membership is the panel's own")
            let facts = try request.facts.map { path -> CompanyFacts in
                console.progress("reading \(path)")
                return try CompanyFactsReader.read(path: path)
            }
            return try PanelRun.runs(panel: panel, path: universePath, synthetic: false, table: request.table, rulebook: rulebook,
                                     variants: variants, facts: facts, console: console)
        }
        // The prior membership is read on another core while the universe is read: neither needs the other.
        let priorPaths = request.priors
        let priorConsole = console.held()
        let pendingPrior = BackgroundWork { [priorConsole] in try UniverseLoading.prior(arguments: priorPaths, console: priorConsole.console) }
        let loaded: UniverseLoading.Loaded
        do {
            loaded = try UniverseLoading.universe(path: universePath, format: request.format, rankDay: rulebook.rankDay,
                                                  convention: rulebook.shareTypeConvention, loadedPanel: panel)
        } catch {
            _ = try? pendingPrior.value()  // a universe error comes first, as when the two were read in turn
            throw error
        }
        PhaseTimer.mark("read the universe")
        // Its lines are shown whether it succeeded or not (`reading FILE` before its error).
        let priorResult = Result { try pendingPrior.value() }
        priorConsole.release()
        var prior = try priorResult.get()
        if let panel, let previous = request.previous {
            // A panel that does not reach the run before cannot give its own prior (above).
            prior.notes = ["no prior membership: every company treated as new, as \(FilePaths.fileName(of: universePath)) "
                + "(\(panel.monthRange)) has no month for the \(previous.run) run's rank day \(previous.rankDay) to replay from; "
                + "give --prior, or a panel that reaches back to it"]
        }
        PhaseTimer.mark("read the prior membership")
        let forward = try request.forward.map { path -> ForwardPrices in
            console.progress("reading \(path)")
            // The same lines, in the same order, under either convention: their prices are the start prices.
            return try ForwardPrices.load(path: path, format: request.format, universe: loaded.result.securities)
        }
        let facts = try request.facts.map { path -> CompanyFacts in
            console.progress("reading \(path)")
            return try FactsLoading.facts(path: path, for: loaded.result, universePath: universePath)
        }
        // What the prior says that the snapshot cannot: ticker changes and earlier verdicts (docs/methodology.md).
        // Each line priced by the input dated nearest the rank day (``RankDayPrices``), the prior
        // matched to it, and the lines numbered once for every variant of one convention, with the
        // facts laid over them at the rank day.
        func prepared(_ read: UniverseReadResult) -> Prepared {
            var universe = read
            // Before repricing, which keeps each line's shares (cap over price).
            let holdings = HoldingsFloat.Evidence(read.securities, holdings: prior.holdings)
            let priced = RankDayPrices.apply(to: &universe, named: FilePaths.fileName(of: universePath), sources: prior.prices,
                                             sharesApart: holdings.sharesApart, rankDay: rulebook.rankDay)
            let matchedPrior = prior.matchingTickerChanges(in: universe)
            // In place: the universe's only copy, so marking it copies no line.
            universe.markPriorExclusions(matchedPrior.membership, rulebook: rulebook)
            let numbering = Universe.numbering(universe.securities, prior: matchedPrior.membership,
                                               benefitDrivenIncorporation: rulebook.benefitDrivenIncorporationCountries)
            var numbered = numbering.universe
            if !prior.holdings.isEmpty {
                numbered.holdingsFloat = holdings.floats(rankDay: rulebook.rankDay)
            }
            var factsReport: FactsOverlay.Report?
            if let facts {
                (numbered, factsReport) = FactsOverlay.apply(facts, to: numbered, keys: FactsLoading.lineKeys(of: universe),
                                                             at: rulebook.rankDay)
            }
            return Prepared(read: universe, matchedPrior: matchedPrior, numbered: numbered, prior: numbering.prior,
                            priced: priced, sharesApart: holdings.warnings(read.securities, universe: FilePaths.fileName(of: universePath)),
                            facts: factsReport)
        }
        let published = prepared(loaded.result)
        let universe = published.read, matchedPrior = published.matchedPrior, factsReport = published.facts
        var byConvention = [rulebook.shareTypeConvention: published]
        var input = RunSummary.Input(
            universe: universePath, format: universe.format.rawValue, priors: priorPaths,
            forward: request.forward, synthetic: false,
            rowsRead: universe.securities.count + universe.dropped.count,
            rowsDropped: DroppedRow.counts(universe.dropped),
            prices: published.priced.map { RunSummary.PriceSource(source: $0.source, date: $0.date?.description, lines: $0.lines) })
        input.facts = factsReport
        let newListingYear = rulebook.run.year - 1
        let isNewListing = { (row: Int) -> Bool in
            guard row < universe.securities.count, let ipoYear = universe.securities[row].ipoYear else { return false }
            return ipoYear >= newListingYear
        }
        var runs: [(name: String, run: RunWriter.Run)] = []
        for (name, rules) in [("published", rulebook)] + variants.map({ ($0.name, $0.apply(to: rulebook)) }) {
            console.progress("reconstituting \(rules.run)\(name == "published" ? "" : " under \(name)")")
            // A CRSP panel's codes read by another convention give another universe; other formats say their own types.
            if byConvention[rules.shareTypeConvention] == nil, let panel = loaded.panel {
                byConvention[rules.shareTypeConvention] = prepared(UniverseLoading.crossSection(
                    panel, convention: rules.shareTypeConvention, rankDay: rulebook.rankDay))
            }
            let lines = byConvention[rules.shareTypeConvention] ?? published
            let result = Reconstitution.run(universe: lines.numbered, prior: lines.prior, rulebook: rules)
            let analysis = RunAnalysis(result: result, isNewListing: isNewListing)
            var runInput = input
            runInput.variant = name == "published" ? nil : name
            // With no prior Russell 2000 there is no frozen portfolio to compare with.
            let drag = prior.membership.count(.r2000) == 0 ? nil : forward.map { forward in
                RunWriter.DragWindow(label: "snapshot", source: "snapshot", from: forward.fromLabel, to: forward.toLabel, months: nil,
                                     byWeighting: analysis.drag(result) { forward.windowReturn(result, row: $0) })
            }
            var warnings = universe.notes + DroppedRow.summary(universe.dropped).map { $0 + "; listed in excluded.csv" } + matchedPrior.notes
                + prior.dateWarnings(for: rulebook, previous: request.previous)
                + universeDateWarnings(universe, path: universePath, rulebook: rulebook, previous: request.previous)
                + lines.sharesApart + absentMemberWarnings(result, universePath: universePath)
                + recentListingWarnings(result, universe: universe, path: universePath) + (factsReport?.warnings ?? [])
            if let forward { warnings += forward.warnings(for: drag, result: result) }
            runs.append((name, RunWriter.Run(
                result: result, summary: RunSummary(result: result, input: runInput),
                analysis: analysis, dropped: universe.dropped, drag: drag, warnings: warnings)))
        }
        PhaseTimer.mark("reconstituted")
        return runs
    }

    /// The CRSP panel of a request that gives no prior membership and no forward snapshot (whose
    /// history may then be replayed for both), loaded and checked for the rank day's month; `nil`
    /// for any other request or format.
    private static func panelBringingItsPrior(_ request: Request) throws -> CRSPPanel? {
        guard request.priors.isEmpty, request.forward == nil,
              try FormatDetector.detect(path: request.universe, explicit: request.format).format == .crsp else { return nil }
        return try UniverseLoading.panel(path: request.universe, rankDay: request.rulebook.rankDay)
    }

    /// A universe dated (its CRSP month-end, else the date in its name) outside the span its run
    /// ranks: after the run took effect, its listings and prices are those after the
    /// reconstitution; on or before the previous run took effect, those of the period before it.
    private static func universeDateWarnings(_ universe: UniverseReadResult, path: String, rulebook: Rulebook,
                                             previous: RulebookTable.Reconstitution?) -> [String] {
        guard let date = universe.asOf ?? FileNameDate.date(ofFile: path) else { return [] }
        let name = FilePaths.fileName(of: path), nearRankDay = "give a universe taken near the rank day \(rulebook.rankDay)"
        if date > rulebook.effectiveDate {
            return ["\(name) is of \(date), after the \(rulebook.run) run took effect (\(rulebook.effectiveDate)): "
                + "its listings and prices are those after the reconstitution; \(nearRankDay)"]
        }
        if let previous, date <= previous.effectiveDate {
            return ["\(name) is of \(date), before the \(previous.run) run took effect (\(previous.effectiveDate)): "
                + "its listings and prices are those of the period before it; \(nearRankDay)"]
        }
        return []
    }

    /// A prior line the universe does not list is deleted as gone (absent_from_universe): a few
    /// a year are takeovers and delistings (25 of about 2,940 in the 2025 run, 144 of about 3,020 on
    /// the 2026 inputs with a nine-month-old IWV). More than a tenth of them is said: an export
    /// filtered or cut short deletes members that are still listed.
    private static func absentMemberWarnings(_ result: ReconstitutionResult, universePath: String) -> [String] {
        let absent = result.rowCount - result.universe.count, prior = result.prior.entries.count
        guard prior > 0, absent * 10 > prior else { return [] }
        return ["\(absent) of the \(prior) prior lines (\(formatNumber(Double(absent) / Double(prior) * 100, decimals: 1))%) are not in "
            + "\(FilePaths.fileName(of: universePath)) and are deleted as no longer listed: a universe filtered or cut short deletes "
            + "members that are still listed; give the whole export (every exchange, every row)"]
    }

    /// Additions listed in the rank day's year, from a universe dated after the rank day: a company
    /// must trade on the rank day to be ranked, and one listed after it joins at the next quarter's
    /// IPO window (russell-rules.md §6.1), but an IPO year cannot tell before from after. Said with
    /// the count and the tickers, so the prediction's most doubtful additions can be checked
    /// (2026 inputs: 28 of 259, the screener taken 42 days after the rank day).
    private static func recentListingWarnings(_ result: ReconstitutionResult, universe: UniverseReadResult, path: String) -> [String] {
        let rankDay = result.rulebook.rankDay
        guard let date = universe.asOf ?? FileNameDate.date(ofFile: path), date > rankDay else { return [] }
        let additions = result.rowIndices.filter { result.isLine($0) && result.change($0) == .addition }
        let listedThisYear = additions.filter { $0 < universe.securities.count && universe.securities[$0].ipoYear == rankDay.year }
        guard !listedThisYear.isEmpty else { return [] }
        let named = listedThisYear.prefix(30).map(result.symbol).joined(separator: ", ") + (listedThisYear.count > 30 ? ", …" : "")
        return ["\(listedThisYear.count) of the \(counted(additions.count, "line")) added \(listedThisYear.count == 1 ? "was" : "were") listed in \(rankDay.year) (their IPO year), and "
            + "\(FilePaths.fileName(of: path)) is of \(date), \(date.dayNumber - rankDay.dayNumber) days after the rank day "
            + "(\(rankDay)): a company listed after the rank day joins at the next quarter's IPO window, not this run, and the IPO "
            + "year cannot tell which did; check \(named)"]
    }

    /// A universe as a snapshot run reconstitutes it: priced, its prior matched, numbered, facts laid over.
    private struct Prepared {
        var read: UniverseReadResult
        var matchedPrior: UniverseLoading.Prior
        var numbered: Universe
        var prior: PriorMembership
        var priced: [RankDayPrices.Priced]
        /// What the prior's holdings files count apart from the universe (``HoldingsFloat/Evidence``).
        var sharesApart: [String]
        var facts: FactsOverlay.Report?
    }
}
