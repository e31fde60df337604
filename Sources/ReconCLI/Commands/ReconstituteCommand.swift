import ReconCore
import ReconData

/// `recon reconstitute`: one reconstitution from a universe file (or the embedded market).
enum ReconstituteCommand {
    static let spec = CommandSpec(
        name: "reconstitute",
        abstract: "Rank a universe by the rulebook of a year and draw the Russell 1000, 2000 and Microcap.",
        discussion: """
        Without --universe the run uses the embedded synthetic market: its CRSP-format panel is generated \
        into .cache/ on first use, every June up to YEAR is replayed so that the prior membership is the \
        market's own, and the outputs say synthetic. With --universe, the format is detected from the \
        header (--format overrides) and --prior gives the membership before the run: iShares holdings \
        (IWM = Russell 2000, IWV = Russell 3000, IWB = Russell 1000; force with R2000=FILE) or a \
        membership.csv. With no prior, every company is treated as new. --forward names a later snapshot \
        whose prices give the drag of the frozen vs reconstituted Russell 2000.
        """,
        options: [
            .single("--year", value: "YEAR", help: "Year of the June reconstitution (1979–2026).", required: true),
            .single("--month", value: "MONTH", help: "6 for June, 12 for the December run (from 2026).", default: "6"),
            .single("--universe", value: "FILE", help: "Universe snapshot: Nasdaq screener export, CRSP monthly file or native universe CSV."),
            .single("--format", value: "NAME", help: "Read --universe as this format: nasdaq-screener, crsp, native-universe."),
            .repeating("--prior", value: "FILE", help: "Prior membership: iShares holdings or membership.csv; R2000=FILE, R1000=FILE, R3000=FILE force the index."),
            .single("--forward", value: "FILE", help: "A later universe snapshot: its prices give the drag until that date."),
            .single("--out", value: "DIR", help: "Output folder.", default: "out/<YEAR>"),
            CommonOptions.variant,
            .single("--seed", value: "SEED", help: "Seed of the embedded market.", default: String(EmbeddedMarket.defaultSeed)),
            .single("--firms", value: "N", help: "Companies ever listed in the embedded market.", default: String(EmbeddedMarket.defaultFirms)),
            CommonOptions.data,
            CommonOptions.quiet,
        ],
        examples: [
            UsageExample("recon reconstitute --year 2024", "June 2024 on the embedded synthetic market, into out/2024."),
            UsageExample("recon reconstitute --year 2025 --universe nasdaq_screener_2025-05-23.csv --prior IWM_2025-05-13.csv --prior IWV_2025-05-02.csv --forward nasdaq_screener_2026-06-11.csv --out out/2025",
                         "June 2025 from a Nasdaq screener export with iShares holdings as the prior membership, and the drag to June 2026."),
            UsageExample("recon reconstitute --year 2025 --universe universe.csv --prior R2000=holdings.csv --variant band=0",
                         "Force a holdings file to be read as the Russell 2000, and compare with no band."),
        ])

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        let year = try arguments.int("--year", in: 1900...2100)!
        let month = try arguments.int("--month", in: 1...12)!
        guard month == 6 || month == 12 else {
            throw CommandError("--month expects 6 (June) or 12 (December), found '\(month)'", help: "recon reconstitute --year 2026 --month 12")
        }
        try checkFormatName(arguments)
        let out = arguments.string("--out").flatMap { $0 == "out/<YEAR>" ? nil : $0 } ?? "out/\(year)"
        let table = try CommonOptions.rulebookTable(arguments)
        let rulebook = try CommonOptions.rulebook(table, run: RunID(year: year, month: month))
        let variants = try CommonOptions.variants(arguments)

        if let universePath = arguments.string("--universe") {
            try runOnSnapshot(universePath: universePath, arguments: arguments, rulebook: rulebook,
                              variants: variants, out: out, console: console)
        } else {
            for option in ["--format", "--forward"] where arguments.string(option) != nil {
                throw CommandError("\(option) needs --universe: without it the run uses the embedded market",
                                   help: "add --universe FILE, or drop \(option)")
            }
            if !arguments.strings("--prior").isEmpty {
                throw CommandError("--prior needs --universe: the embedded market brings its own prior membership",
                                   help: "add --universe FILE, or drop --prior")
            }
            let market = try EmbeddedMarket.load(seed: try arguments.int("--seed", in: 0...Int.max)!,
                                                 firms: try arguments.int("--firms", in: 100...10_000_000)!,
                                                 lastYear: table.lastRun.year, console: console)
            try runOnEmbeddedMarket(market, table: table, rulebook: rulebook, variants: variants, out: out, console: console)
        }
    }

    /// `--format` must name a universe format: a bad name is bad usage, not a bad file.
    static func checkFormatName(_ arguments: ParsedArguments) throws {
        guard let name = arguments.string("--format") else { return }
        let universeFormats = UniverseFormat.allCases.filter(\.isUniverse)
        guard let format = UniverseFormat(rawValue: name.lowercased()), format.isUniverse else {
            throw CommandError("--format expects a universe format, one of \(universeFormats.map(\.rawValue).joined(separator: ", ")); found '\(name)'",
                               help: "drop --format to detect the format from the header, or see docs/formats.md")
        }
    }

    // MARK: - A universe snapshot

    static func runOnSnapshot(universePath: String, arguments: ParsedArguments, rulebook: Rulebook,
                              variants: [RuleVariant], out: String, console: Console) throws {
        console.progress("reading \(universePath)")
        PhaseTimer.mark("read the rules")
        // The prior membership is read on another core while the universe is read: neither needs the other.
        let priorPaths = arguments.strings("--prior")
        let priorConsole = console.held()
        let pendingPrior = BackgroundWork { [priorConsole] in try UniverseLoading.prior(arguments: priorPaths, console: priorConsole.console) }
        var universe: UniverseReadResult
        do {
            universe = try UniverseLoading.universe(path: universePath, format: arguments.string("--format"), rankDay: rulebook.rankDay)
        } catch {
            _ = try? pendingPrior.value()  // a universe error comes first, as when the two were read in turn
            throw error
        }
        PhaseTimer.mark("read the universe")
        // Its lines are shown whether it succeeded or not (`reading FILE` before its error).
        let priorResult = Result { try pendingPrior.value() }
        priorConsole.release()
        let prior = try priorResult.get()
        PhaseTimer.mark("read the prior membership")
        let forward = try arguments.string("--forward").map { path -> ForwardPrices in
            console.progress("reading \(path)")
            return try ForwardPrices.load(path: path, format: arguments.string("--format"), universe: universe.securities)
        }
        // What the prior says that the snapshot cannot: ticker changes and earlier verdicts (docs/methodology.md).
        let matchedPrior = prior.matchingTickerChanges(in: universe)
        // In place: the universe's only copy, so marking it copies no line.
        universe.markPriorExclusions(matchedPrior.membership, rulebook: rulebook)
        let input = RunSummary.Input(
            universe: universePath, format: universe.format.rawValue, priors: priorPaths,
            forward: arguments.string("--forward"), synthetic: false,
            rowsRead: universe.securities.count + universe.dropped.count,
            rowsDropped: DroppedRow.counts(universe.dropped))
        let newListingYear = rulebook.run.year - 1
        let isNewListing = { (row: Int) -> Bool in
            guard row < universe.securities.count, let ipoYear = universe.securities[row].ipoYear else { return false }
            return ipoYear >= newListingYear
        }
        var runs: [(String, RunWriter.Run)] = []
        for (name, rules) in [("published", rulebook)] + variants.map({ ($0.name, $0.apply(to: rulebook)) }) {
            console.progress("reconstituting \(rules.run)\(name == "published" ? "" : " under \(name)")")
            let result = Reconstitution.run(universe: universe.securities, prior: matchedPrior.membership, rulebook: rules)
            let analysis = RunAnalysis(result: result, isNewListing: isNewListing)
            var runInput = input
            runInput.variant = name == "published" ? nil : name
            // With no prior Russell 2000 there is no frozen portfolio to compare with.
            let drag = prior.membership.count(.r2000) == 0 ? nil : forward.map { forward in
                RunWriter.DragWindow(label: "snapshot", source: "snapshot", from: forward.fromLabel, to: forward.toLabel, months: nil,
                                     byWeighting: analysis.drag(result) { forward.windowReturn(result, row: $0) })
            }
            var warnings = universe.notes + DroppedRow.summary(universe.dropped).map { $0 + "; listed in excluded.csv" } + matchedPrior.notes
            if let forward {
                warnings += forward.warnings(for: drag)
                let splits = forward.suspectedSplits(result)
                if !splits.isEmpty {
                    warnings.append("drag: \(splits.count) Russell 2000 lines have price and market-cap relatives more than 3x apart "
                        + "(a split or reverse split the price relative does not see), e.g. \(splits.prefix(5).joined(separator: ", "))")
                }
            }
            runs.append((name, RunWriter.Run(
                result: result, summary: RunSummary(result: result, input: runInput),
                analysis: analysis, dropped: universe.dropped, drag: drag, warnings: warnings)))
        }
        PhaseTimer.mark("reconstituted")
        defer { ProcessLifetime.keepUntilExit((universe, matchedPrior, runs)) }
        try RunOutput.write(runs, to: out, console: console)
        PhaseTimer.mark("wrote the run")
    }

    // MARK: - The embedded market

    static func runOnEmbeddedMarket(_ market: EmbeddedMarket, table: RulebookTable, rulebook: Rulebook,
                                    variants: [RuleVariant], out: String, console: Console) throws {
        var runs: [(String, RunWriter.Run)] = []
        let history = PanelHistory(panel: market.panel)
        var published: HistoryReplay?
        for (name, variant) in [("published", RuleVariant?.none)] + variants.map({ ($0.name, Optional($0)) }) {
            let label = variant.map { " [\($0.name)]" } ?? ""
            let replay = try HistoryReplay(history: history, panelPath: market.path, synthetic: true, table: table,
                                           from: table.firstRun.year, through: rulebook.run, variant: variant, base: published) { rules in
                console.progress("reconstituting \(rules.run)\(label)")
            }
            if variant == nil { published = replay }
            guard let last = replay.runs.last else {
                throw CommandError("the embedded market has no data for \(rulebook.run)")
            }
            runs.append((name, last))
        }
        try RunOutput.write(runs, to: out, console: console)
    }
}
