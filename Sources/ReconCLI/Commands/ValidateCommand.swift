import ReconCore
import ReconEngine
import ReconIO

/// `recon validate`: scores a membership output against FTSE Russell's published lists.
enum ValidateCommand {
    static let spec = CommandSpec(
        name: "validate",
        abstract: "Score a membership.csv against published additions, deletions and index holdings.",
        discussion: """
        Tickers are compared as spelled (any case), then upper-cased with every non-letter, non-digit dropped \
        when only one ticker of each list reads so (BRK/B = BRK.B) and neither is a preferred's (DCOM^ is not \
        DCOM). Predicted additions are lines in the new Russell 3000 that were not prior members; predicted \
        deletions are prior members present in the universe and not in the new Russell 3000. Truth files are \
        CSVs with a symbol (or Ticker) column, or iShares holdings files; the rows they leave out (non-equity \
        lines, a disclaimer) are said. Writes beside the membership file (or to --out), replacing the folder \
        in one step by a copy that has them: validation.csv, each miss and false hit with its category \
        (near_1000, near_3000, country, type, price, share_class, prior, absent_from_universe, …, read from \
        membership.csv and excluded.csv); validation-scores.csv, precision, recall, F1 and, against a holdings \
        file, the weight overlap 1 − ½Σ|w − w_true|; validation-categories.csv, the count of each category. Holdings dated months \
        after the run hold the companies added since: --later-additions leaves the tickers of a published list of such additions \
        out of the holdings an index set is scored against (category added_after_run), and --later-listing, a \
        screener export dated after the holdings, names the false hits delisted since (category not_listed_later; \
        the score is unchanged, as a later listing does not say when a ticker left). Written beside the run, the scores and categories are a section of its next recon report.
        """,
        options: [
            .single("--membership", value: "FILE", help: "A membership.csv written by recon reconstitute.", required: true),
            .single("--additions", value: "FILE", help: "Published Russell 3000 additions."),
            .single("--deletions", value: "FILE", help: "Published Russell 3000 deletions."),
            .single("--r2000", value: "FILE", help: "Russell 2000 holdings after the reconstitution (e.g. an IWM file)."),
            .single("--r1000", value: "FILE", help: "Russell 1000 holdings after the reconstitution (e.g. an IWB file)."),
            .single("--r3000", value: "FILE", help: "Russell 3000 members after the reconstitution: FTSE Russell's membership list "
                        + "(an IWV file holds a sample of the index, which understates precision)."),
            .repeating("--later-additions", value: "FILE", help: "Additions FTSE Russell published after the run took effect, such as "
                           + "the quarterly IPO additions: left out of the index holdings scored, and listed as left_out."),
            .single("--later-listing", value: "FILE", help: "Every ticker listed on a day after the holdings, such as a later "
                        + "Nasdaq screener export: an index set's false hits it lacks are categorised not_listed_later."),
            .single("--out", value: "DIR", help: "Folder for the validation files. Default: the membership file's folder."),
            CommonOptions.quiet,
        ],
        examples: [
            UsageExample("recon validate --membership out/2025/membership.csv --additions ru3000_2025_final_additions.csv --deletions ru3000_2025_final_deletions.csv --r2000 IWM_2025-11-05.csv",
                         "Score the 2025 prediction against FTSE Russell's final lists and a later IWM file."),
            UsageExample("recon validate --membership out/2025/membership.csv --r2000 IWM_2025-11-05.csv --later-additions ru3000_2025_q3_ipo_additions.csv",
                         "The same Russell 2000 without the third quarter's IPO additions, which no June run can name."),
            UsageExample("recon validate --membership out/2025/membership.csv --r2000 IWM_2025-11-05.csv --later-listing nasdaq_screener_2026-06-11.csv",
                         "The same, naming the false hits no longer listed in June 2026 (taken over or delisted since the run)."),
        ])

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        let membership = arguments.string("--membership")!
        let truths = ValidationRun.sets.compactMap { set in arguments.string("--" + set).map { (set: set, path: $0) } }
        guard !truths.isEmpty else {
            throw CommandError("nothing to score: give at least one of --additions, --deletions, --r2000, --r1000, --r3000",
                               help: "recon validate --membership out/2025/membership.csv --additions FILE")
        }
        let out = arguments.string("--out") ?? FilePaths.directory(of: membership)
        try ValidationRun.run(ValidationRun.Request(membership: membership, truths: truths,
                                                    laterAdditions: arguments.strings("--later-additions"),
                                                    laterListing: arguments.string("--later-listing"), out: out), console: console)
    }
}
