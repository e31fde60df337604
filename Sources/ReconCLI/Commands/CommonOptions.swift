import ReconCore
import ReconEngine
import ReconFormats

/// Options and steps several commands share.
enum CommonOptions {
    static let data = OptionSpec.single("--data", value: "DIR",
        help: "Folder of the rules as data (calendar.csv, eras.csv, benefit-driven-incorporation-countries.csv). Default: found beside the recon package, or $RECON_DATA.")
    static let variant = OptionSpec.repeating("--variant", value: "KEY=VALUE",
        help: "Replay under a rule variant as well: band=W, microcap_band=W, rank_shift=N, frequency=annual|semiannual, convention=academic|rulebook; join changes with commas.")
    static let quiet = OptionSpec.flag("--quiet", help: "No progress lines on standard error.")
    static let facts = OptionSpec.single("--facts", value: "FILE",
        help: "Company facts (Compustat, FactSet) by PERMNO, PERMCO or ticker: countries of incorporation, headquarters, assets, revenue (ISO codes), float, unrestricted votes; see docs/formats.md.")

    /// The rules as data, from `--data` or the located `Data/` folder.
    static func rulebookTable(_ arguments: ParsedArguments) throws -> RulebookTable {
        if let directory = arguments.string("--data") { return try RulebookLoader.load(directory: directory) }
        return try RulebookLoader.load()
    }

    /// The variants given with `--variant`.
    static func variants(_ arguments: ParsedArguments) throws -> [RuleVariant] {
        try arguments.strings("--variant").map { text in
            do {
                return try RuleVariant(parsing: text)
            } catch let error as RuleVariant.ParseError {
                throw CommandError("--variant: \(error.message)", help: "for example: --variant band=0.05 or --variant band=0")
            }
        }
    }

    /// The rulebook of a run, with a message that says which runs exist.
    static func rulebook(_ table: RulebookTable, run: RunID) throws -> Rulebook {
        do {
            return try table.rulebook(for: run)
        } catch {
            throw CommandError("\(error)", help: "choose a year from \(table.firstRun.year) to \(table.lastRun.year)")
        }
    }
}
