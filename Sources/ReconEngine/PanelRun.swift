import ReconCore
import ReconIO
import ReconCRSP
import ReconFormats

/// One reconstitution of a CRSP-format panel whose prior membership is the panel's own: every
/// run of the calendar from the panel's first year up to this one is replayed (``HistoryReplay``),
/// so the run is banded against the membership the rules gave the run before, with the quarterly
/// IPO additions and the deletions in between, and its drag is measured on the panel's later
/// returns. `recon reconstitute` on the embedded market, and on a CRSP panel given without
/// `--prior` that reaches back to the run before (``SnapshotRun``).
enum PanelRun {
    /// The run under the published rules, then under each variant, each replayed from the panel's
    /// first year (or the calendar's, if later; a variant takes from the published replay the
    /// steps whose rules it shares). Only the run asked for is measured.
    /// - Parameter facts: company facts (`--facts`) laid over every universe of the replay.
    static func runs(panel: CRSPPanel, path: String, synthetic: Bool, table: RulebookTable, rulebook: Rulebook,
                     variants: [RuleVariant], facts: CompanyFacts?, console: Console) throws -> [(name: String, run: RunWriter.Run)] {
        var runs: [(name: String, run: RunWriter.Run)] = []
        let history = PanelHistory(panel: panel)
        let factsHistory = facts.map { FactsHistory(base: history, facts: $0) }
        var published: HistoryReplay?
        for (name, variant) in [("published", RuleVariant?.none)] + variants.map({ ($0.name, Optional($0)) }) {
            let label = variant.map { " [\($0.name)]" } ?? ""
            let replay = try HistoryReplay(history: history, panelPath: path, synthetic: synthetic, table: table,
                                           from: rulebook.run.year, through: rulebook.run, variant: variant, base: published,
                                           facts: factsHistory) { rules in
                console.progress("reconstituting \(rules.run)\(label)")
            }
            if variant == nil { published = replay }
            guard let last = replay.runs.last, last.summary.run == rulebook.run.description else {
                throw CommandError("\(FilePaths.fileName(of: path)) has no data for \(rulebook.run)")
            }
            runs.append((name, last))
        }
        return runs
    }
}
