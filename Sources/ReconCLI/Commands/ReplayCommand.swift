import ReconCore
import ReconData

/// `recon replay`: every reconstitution from one year to another, in order.
enum ReplayCommand {
    static let spec = CommandSpec(
        name: "replay",
        abstract: "Replay every reconstitution from one year to another over a CRSP-format panel (or the embedded market).",
        discussion: """
        Each run's prior membership is the previous result. Between runs, members that leave the panel are \
        deleted and not replaced, and from Q3 2004 new listings are added at the quarterly IPO dates. \
        Writes DIR/history.csv (a line per run), DIR/<run>/ with each run's files, and with --variant \
        DIR/variants.csv comparing turnover and drag under each variant with the published rules. \
        Without --panel the embedded synthetic market is used.
        """,
        options: [
            .single("--from", value: "YEAR", help: "First June to replay.", required: true),
            .single("--to", value: "YEAR", help: "Last year to replay (its December run too, where there is one).", required: true),
            .single("--panel", value: "FILE", help: "A CRSP monthly stock file (PERMNO, PERMCO, date, SHRCD, EXCHCD, TICKER, COMNAM, PRC, RET, SHROUT, …), or a panel written from one by recon import."),
            .single("--out", value: "DIR", help: "Output folder.", default: "out/replay"),
            CommonOptions.variant,
            .flag("--history-only", help: "Write history.csv and variants.csv only, not every run's folder."),
            .single("--seed", value: "SEED", help: "Seed of the embedded market.", default: String(EmbeddedMarket.defaultSeed)),
            .single("--firms", value: "N", help: "Companies ever listed in the embedded market.", default: String(EmbeddedMarket.defaultFirms)),
            CommonOptions.data,
            CommonOptions.quiet,
        ],
        examples: [
            UsageExample("recon replay --from 1989 --to 2026", "Every June 1989–2026 and December 2026 on the embedded market."),
            UsageExample("recon replay --from 1979 --to 2024 --panel crsp_msf.csv --out out/crsp", "Replay a CRSP monthly stock file."),
            UsageExample("recon replay --from 1979 --to 2024 --panel crsp.recon --out out/crsp", "Replay the panel that recon import wrote from it: mapped, not parsed."),
            UsageExample("recon replay --from 1989 --to 2025 --variant band=0 --variant band=0.05", "Compare no band and a ±5% band with the published rules."),
        ])

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        let table = try CommonOptions.rulebookTable(arguments)
        PhaseTimer.mark("read the rules")
        let range = table.firstRun.year...table.lastRun.year
        let from = try arguments.int("--from", in: range)!
        let to = try arguments.int("--to", in: range)!
        guard from <= to else {
            throw CommandError("--from \(from) is after --to \(to)", help: "recon replay --from \(to) --to \(from)")
        }
        let out = arguments.string("--out")!
        let variants = try CommonOptions.variants(arguments)
        let panel: CRSPPanel, panelPath: String, synthetic: Bool
        if let path = arguments.string("--panel") {
            panel = try PanelLoading.load(path: path, console: console)
            panelPath = path
            synthetic = false
        } else {
            let market = try EmbeddedMarket.load(seed: try arguments.int("--seed", in: 0...Int.max)!,
                                                 firms: try arguments.int("--firms", in: 100...10_000_000)!,
                                                 lastYear: table.lastRun.year, console: console)
            panel = market.panel
            panelPath = market.path
            synthetic = true
        }
        PhaseTimer.mark("loaded the panel")
        let last = table.runs(from: to, to: to).last ?? RunID(year: to)
        // One history for every replay: cross-sections and IPO listings are made once.
        let history = PanelHistory(panel: panel)
        defer { ProcessLifetime.keepUntilExit(history) }
        // Each run's folder is made and written as soon as the run is measured, and put in place
        // with history.csv at the end (AtomicFile.Batch): nothing replaces an old file before then.
        let writeRuns = !arguments.flag("--history-only")
        let batch = writeRuns ? AtomicFile.Batch() : nil
        let interrupted = batch.map { batch in InterruptCleanup { batch.discard() } }
        defer { interrupted?.cancel() }
        var stage: (@Sendable (Int, RunWriter.Run) -> Void)?
        if let batch {
            stage = { position, run in ReplayOutput.stageRun(run, position: position, in: out, batch: batch) }
        }
        let published: HistoryReplay
        do {
            published = try HistoryReplay(history: history, panelPath: panelPath, synthetic: synthetic, table: table,
                                          from: from, through: last, variant: nil, onMeasured: stage) { rulebook in
                console.progress("reconstituting \(rulebook.run)\(rulebook.run.year < from ? " (warm-up)" : "")")
            }
        } catch {
            batch?.discard()
            throw error
        }
        defer { ProcessLifetime.keepUntilExit(published) }
        PhaseTimer.mark("replayed the published rules")
        try ReplayOutput.writeHistory(published, to: out, staged: batch)
        PhaseTimer.mark("wrote the history")
        var replays: [(name: String, runs: [VariantTable.Figures])] = [("published", published.runs.map(VariantTable.Figures.init))]
        if !variants.isEmpty {
            // The variants on every core, each taking from the published replay the steps whose
            // rules it shares; a sweep keeps only the figures of its runs.
            console.progress("replaying \(variants.count) variant\(variants.count == 1 ? "" : "s")")
            let replayed = Parallel.map(variants.count) { index in
                Result {
                    try HistoryReplay(history: history, panelPath: panelPath, synthetic: synthetic, table: table, from: from,
                                      through: last, variant: variants[index], base: published, measures: .headline) { _ in }
                        .runs.map(VariantTable.Figures.init)
                }
            }
            for (variant, result) in zip(variants, replayed) { replays.append((variant.name, try result.get())) }
            PhaseTimer.mark("replayed \(variants.count) variants")
            try VariantTable.write(replays, to: FilePaths.join(out, "variants.csv"))
        }
        try ReplayOutput.writeSummary(from: from, to: to, panel: panelPath, synthetic: synthetic,
                                      runs: published.runs.count, variants: variants.map(\.name), to: out)
        console.print(ReplayOutput.text(published.runs, synthetic: synthetic))
        if !variants.isEmpty {
            console.print("")
            console.print(VariantTable.text(replays))
        }
        console.print("wrote \(out)/history.csv\(variants.isEmpty ? "" : ", variants.csv")\(arguments.flag("--history-only") ? "" : " and a folder per run")")
    }
}
