import ReconCore
import ReconData

/// A reconstitution of the embedded synthetic market: `recon reconstitute` without `--universe`.
public enum EmbeddedMarketRun {
    /// Replays every June of the embedded market of `seed` and `firms` (generated on first use) up
    /// to the run (its prior membership is the market's own), under the rules and each variant,
    /// and writes the run's folder: the folder is locked and checked before the market is loaded.
    /// - Parameter facts: company facts (`--facts`) laid over every universe of the replay.
    public static func run(seed: Int, firms: Int, table: RulebookTable, rulebook: Rulebook,
                           variants: [RuleVariant], out: String, facts: CompanyFacts? = nil, console: Console) throws {
        try EmbeddedMarket.requireCovers(rulebook.run)
        let runs = try OutputDestination.writeFolder(out) { staging in
            let market = try EmbeddedMarket.load(seed: seed, firms: firms, console: console)
            let runs = try replay(market, table: table, rulebook: rulebook, variants: variants, facts: facts, console: console)
            try RunOutput.write(runs, to: staging)
            return runs
        }
        RunOutput.show(runs, directory: out, console: console)
    }

    /// The run under the rules and each variant, each replayed from the market's first year.
    private static func replay(_ market: EmbeddedMarket, table: RulebookTable, rulebook: Rulebook, variants: [RuleVariant],
                               facts: CompanyFacts?, console: Console) throws -> [(name: String, run: RunWriter.Run)] {
        var runs: [(name: String, run: RunWriter.Run)] = []
        let history = PanelHistory(panel: market.panel)
        let factsHistory = facts.map { FactsHistory(base: history, facts: $0) }
        var published: HistoryReplay?
        for (name, variant) in [("published", RuleVariant?.none)] + variants.map({ ($0.name, Optional($0)) }) {
            let label = variant.map { " [\($0.name)]" } ?? ""
            let replay = try HistoryReplay(history: history, panelPath: market.path, synthetic: true, table: table,
                                           from: table.firstRun.year, through: rulebook.run, variant: variant, base: published,
                                           facts: factsHistory) { rules in
                console.progress("reconstituting \(rules.run)\(label)")
            }
            if variant == nil { published = replay }
            guard let last = replay.runs.last else {
                throw CommandError("the embedded market has no data for \(rulebook.run)")
            }
            runs.append((name, last))
        }
        return runs
    }
}
