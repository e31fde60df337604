import ReconCore
import ReconData
import ReconEngine

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
        lines, a disclaimer) are said. Misses and false hits are added to the membership file's folder (or \
        --out), which is replaced in one step by a copy that has them.
        """,
        options: [
            .single("--membership", value: "FILE", help: "A membership.csv written by recon reconstitute.", required: true),
            .single("--additions", value: "FILE", help: "Published Russell 3000 additions."),
            .single("--deletions", value: "FILE", help: "Published Russell 3000 deletions."),
            .single("--r2000", value: "FILE", help: "Russell 2000 holdings after the reconstitution (e.g. an IWM file)."),
            .single("--r1000", value: "FILE", help: "Russell 1000 holdings after the reconstitution (e.g. an IWB file)."),
            .single("--out", value: "DIR", help: "Folder for the misses and false hits. Default: the membership file's folder."),
            CommonOptions.quiet,
        ],
        examples: [
            UsageExample("recon validate --membership out/2025/membership.csv --additions ru3000_2025_final_additions.csv --deletions ru3000_2025_final_deletions.csv --r2000 IWM_2025-11-05.csv",
                         "Score the 2025 prediction against FTSE Russell's final lists and a later IWM file."),
        ])

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        let membershipPath = arguments.string("--membership")!
        // (set name, the option naming its truth file)
        let sets = [("additions", "--additions"), ("deletions", "--deletions"), ("r2000", "--r2000"), ("r1000", "--r1000")]
        let truths = sets.compactMap { name, option in arguments.string(option).map { (name: name, path: $0) } }
        guard !truths.isEmpty else {
            throw CommandError("nothing to score: give at least one of --additions, --deletions, --r2000, --r1000",
                               help: "recon validate --membership out/2025/membership.csv --additions FILE")
        }
        let outDirectory = arguments.string("--out") ?? FilePaths.directory(of: membershipPath)
        // The scores are added to a copy of the folder (its other files as hard links), which
        // replaces it in one step: the folder never holds some new files and some old.
        let scores = try OutputDestination.writeFolder(outDirectory, start: .copyOfDestination(leavingOut: { _ in false })) { staging in
            let membership = try MembershipFile.read(path: membershipPath)
            // Every truth file is read before anything is written; the rows each leaves out are said.
            let scores = try truths.map { name, path in
                let truth = try TickerList.read(path: path)
                for note in truth.notes { console.warn(note) }
                return ValidationScore(name: name, predicted: predicted(name, in: membership), truth: truth.tickers)
            }
            for score in scores { try ValidationWriter.writeMisses(score, to: staging) }
            try ValidationWriter.writeScores(scores, to: FilePaths.join(staging, "validation.csv"))
            return scores
        }
        console.print("set        precision  recall     f1      hits  false  missed")
        for score in scores {
            console.print(ValidationWriter.line(score))
        }
        console.print("misses and false hits: \(outDirectory)/validation-<set>-misses.csv, validation-<set>-false-hits.csv")
    }

    /// The tickers a membership predicts for a set.
    static func predicted(_ set: String, in membership: MembershipFile) -> [String] {
        switch set {
        case "additions": return membership.predictedAdditions
        case "deletions": return membership.predictedDeletions
        case "r2000": return membership.symbols(in: .r2000)
        default: return membership.symbols(in: .r1000)
        }
    }
}
