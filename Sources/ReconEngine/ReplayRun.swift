import ReconCore
import ReconIO
import ReconCRSP
import ReconFormats

/// Every reconstitution from one year to another over a market's history, under the published
/// rules and each variant (a sweep), each run measured and written as the replay goes:
/// `recon replay`.
public enum ReplayRun {
    /// Where the history comes from.
    public enum Market: Sendable {
        /// A CRSP monthly stock file, or a panel `recon import` wrote from one.
        case panel(String)
        /// The embedded synthetic market.
        case embedded(seed: Int, firms: Int)
    }

    /// What a replay runs and writes.
    public struct Request: Sendable {
        public var from: Int
        public var to: Int
        public var market: Market
        public var variants: [RuleVariant]
        /// The output folder, and whether every run's folder is written (else history.csv and variants.csv only).
        public var out: String
        public var writesRuns: Bool
        public var table: RulebookTable
        /// A company-facts file (`--facts`), laid over every universe of the replay.
        public var facts: String?

        public init(from: Int, to: Int, market: Market, variants: [RuleVariant], out: String, writesRuns: Bool, table: RulebookTable,
                    facts: String? = nil) {
            self.from = from
            self.to = to
            self.market = market
            self.variants = variants
            self.out = out
            self.writesRuns = writesRuns
            self.table = table
            self.facts = facts
        }
    }

    /// Replays, writes the folder (whole, once the replay is done: ``OutputDestination``) and prints
    /// the per-run table (and the variants' table).
    public static func run(_ request: Request, console: Console) throws {
        if case .embedded = request.market { try EmbeddedMarket.requireCovers(RunID(year: request.to)) }
        // A bad facts file is said before a large panel is loaded.
        let facts = try request.facts.map { path -> CompanyFacts in
            console.progress("reading \(path)")
            return try CompanyFactsReader.read(path: path)
        }
        // Each run's folder is made and written as soon as the run is measured, into the staging
        // folder (AtomicFile.Batch), and put in place with history.csv at the end.
        let batch = request.writesRuns ? AtomicFile.Batch() : nil
        let written = try OutputDestination.writeFolder(request.out, onInterrupt: { batch?.discard() }) { staging -> Written in
            try replay(request, facts: facts, into: staging, batch: batch, console: console)
        }
        let out = request.out, variants = request.variants
        console.print(ReplayOutput.text(written.published.runs, synthetic: written.synthetic))
        if !variants.isEmpty {
            console.print("")
            console.print(VariantTable.text(written.replays))
        }
        console.print("wrote \(out)/history.csv\(variants.isEmpty ? "" : ", variants.csv, variants/NAME/history.csv")"
                      + (request.writesRuns ? " and a folder per run" : ""))
    }

    /// What a replay wrote, for the tables printed once its folder is in place.
    private struct Written {
        var published: HistoryReplay
        var replays: [(name: String, runs: [VariantTable.Figures])]
        var synthetic: Bool
    }

    /// Replays the published rules and each variant and writes every file into `out` (the staging
    /// folder); the run folders through `batch` as the replay goes, when there is one.
    private static func replay(_ request: Request, facts: CompanyFacts?, into out: String, batch: AtomicFile.Batch?,
                               console: Console) throws -> Written {
        let variants = request.variants, table = request.table, from = request.from, to = request.to
        let panel: CRSPPanel, panelPath: String, synthetic: Bool
        switch request.market {
        case .panel(let path):
            panel = try PanelLoading.load(path: path, console: console)
            panelPath = path
            synthetic = false
        case .embedded(let seed, let firms):
            let market = try EmbeddedMarket.load(seed: seed, firms: firms, console: console)
            panel = market.panel
            panelPath = market.path
            synthetic = true
        }
        PhaseTimer.mark("loaded the panel")
        let last = table.runs(from: to, to: to).last ?? RunID(year: to)
        // One history for every replay: cross-sections and IPO listings are made once.
        let history = PanelHistory(panel: panel)
        let factsHistory = facts.map { FactsHistory(base: history, facts: $0) }
        let writeRuns = request.writesRuns
        var stage: (@Sendable (Int, RunWriter.Run) -> Void)?
        if let batch {
            stage = { position, run in ReplayOutput.stageRun(run, position: position, in: out, batch: batch) }
        }
        let published: HistoryReplay
        do {
            // Without the run folders only the headline figures are written (history.csv, variants.csv).
            published = try HistoryReplay(history: history, panelPath: panelPath, synthetic: synthetic, table: table,
                                          from: from, through: last, variant: nil, measures: writeRuns ? .all : .headline,
                                          facts: factsHistory, onMeasured: stage) { rulebook in
                console.progress("reconstituting \(rulebook.run)\(rulebook.run.year < from ? " (warm-up)" : "")")
            }
        } catch {
            batch?.discard()
            throw error
        }
        PhaseTimer.mark("replayed the published rules")
        if published.runs.contains(where: { $0.summary.bandHalfWidth != nil }),
           let note = published.shortHistory {
            console.warn(writeRuns ? note + " (said in the summary.json of every banded run)" : note)
        }
        try ReplayOutput.writeHistory(published, to: out, staged: batch)
        PhaseTimer.mark("wrote the history")
        var replays: [(name: String, runs: [VariantTable.Figures])] = [("published", published.runs.map(VariantTable.Figures.init))]
        if !variants.isEmpty {
            // The variants on every core, each taking from the published replay the steps whose
            // rules it shares; a sweep keeps only the figures of its runs.
            console.progress("replaying \(counted(variants.count, "variant"))")
            // Each variant keeps its figures and its history.csv rows, not its runs.
            let replayed = Parallel.map(variants.count) { index in
                Result {
                    let replay = try HistoryReplay(history: history, panelPath: panelPath, synthetic: synthetic, table: table,
                                                   from: from, through: last, variant: variants[index], base: published,
                                                   measures: .headline, facts: factsHistory) { _ in }
                    return (figures: replay.runs.map(VariantTable.Figures.init), history: ReplayOutput.historyBytes(replay))
                }
            }
            var histories: [[UInt8]] = []
            for (variant, result) in zip(variants, replayed) {
                let (figures, history) = try result.get()
                replays.append((variant.name, figures))
                histories.append(history)
            }
            PhaseTimer.mark("replayed \(variants.count) variants")
            let paths = variants.map { ReplayOutput.variantHistoryPath($0.name, in: out) }
            for path in paths { try Directories.create(FilePaths.directory(of: path)) }
            try AtomicFile.write(zip(paths, histories).map { (path: $0, bytes: $1) }
                                 + [(path: FilePaths.join(out, "variants.csv"), bytes: VariantTable.bytes(replays))])
        }
        for warning in FactsWarnings.acrossRuns(published.runs) { console.warn(warning) }
        try ReplayOutput.writeSummary(from: from, to: to, panel: panelPath, synthetic: synthetic,
                                      runs: published.runs.count, variants: variants.map(\.name), to: out)
        return Written(published: published, replays: replays, synthetic: synthetic)
    }
}
