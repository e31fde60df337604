import ReconCore

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
            let runs = try PanelRun.runs(panel: market.panel, path: market.path, synthetic: true, table: table, rulebook: rulebook,
                                         variants: variants, facts: facts, console: console)
            try RunOutput.write(runs, to: staging)
            return runs
        }
        RunOutput.show(runs, directory: out, console: console)
    }
}
