import ReconCore
import ReconEngine
import ReconFormats

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
        (IWM = Russell 2000, IWV = Russell 3000, IWB = Russell 1000; force with R2000=FILE), a \
        membership.csv, or a list of one index's tickers given as R2000=FILE (FTSE Russell's membership \
        lists, converted from their PDFs). A CRSP panel given without --prior and --forward brings its own: its runs up to YEAR \
        are replayed, as the embedded market's are, when it reaches back to the run before. With no prior, \
        every company is treated as new. --forward names a later snapshot \
        whose prices give the drag of the frozen vs reconstituted Russell 2000. --facts lays a company-facts \
        file over the universe at the rank day: the home-country test (M7 §5.3–5.5), the 5% float and voting \
        screens and float-adjusted weights take its values, and excluded.csv and membership.csv name the fact \
        used; PERMNO and PERMCO keys need a CRSP universe or the embedded market.
        """,
        options: [
            .single("--year", value: "YEAR", help: "Year of the June reconstitution (1979–2027; the embedded market ends in 2026).", required: true),
            .single("--month", value: "MONTH", help: "6 for June, 12 for the December run (from 2026).", default: "6"),
            .single("--universe", value: "FILE", help: "Universe snapshot: Nasdaq screener export, CRSP monthly file or native universe CSV."),
            .single("--format", value: "NAME", help: "Read --universe as this format: nasdaq-screener, crsp, native-universe."),
            .repeating("--prior", value: "FILE", help: "Prior membership: iShares holdings, membership.csv or a list of tickers; R2000=FILE, R1000=FILE, R3000=FILE say the index."),
            .single("--forward", value: "FILE", help: "A later universe snapshot: its prices give the drag until that date."),
            CommonOptions.facts,
            .single("--out", value: "DIR", help: "Output folder (out/<YEAR>-12 for a December run).", default: "out/<YEAR>"),
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
            UsageExample("recon reconstitute --year 2020 --universe crsp_msf.csv --out out/2020",
                         "June 2020 from a CRSP monthly stock file, its prior membership replayed from the file's first year."),
            UsageExample("recon reconstitute --year 2015 --universe companylist_2015-05-29.csv --prior R1000=ru1000_membership_2014-06-27.csv --prior R2000=ru2000_membership_2014-06-27.csv --facts facts.csv",
                         "June 2015 from Nasdaq's legacy company list, with FTSE Russell's membership lists of 2014 (converted to CSV) as the prior and company facts for the countries the list lacks."),
            UsageExample("recon reconstitute --year 2025 --universe universe.csv --prior R2000=holdings.csv --variant band=0",
                         "Force a holdings file to be read as the Russell 2000, and compare with no band."),
            UsageExample("recon reconstitute --year 2025 --universe nasdaq_screener_2025-05-23.csv --prior IWM_2025-05-13.csv --facts facts.csv",
                         "Lay company facts keyed by ticker (countries, float, votes) over the screener for the screens and weights."),
        ])

    /// The output folder without `--out`: `out/2026` for June, `out/2026-12` for December, so a
    /// December run does not replace its June (the Makefile's `OUT` says the same).
    static func defaultOut(year: Int, month: Int) -> String {
        month == 12 ? "out/\(year)-12" : "out/\(year)"
    }

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        let year = try arguments.int("--year", in: 1900...2100)!
        let month = try arguments.int("--month", in: 1...12)!
        guard month == 6 || month == 12 else {
            throw CommandError("--month expects 6 (June) or 12 (December), found '\(month)'", help: "recon reconstitute --year 2026 --month 12")
        }
        try checkFormatName(arguments)
        let out = arguments.string("--out").flatMap { $0 == "out/<YEAR>" ? nil : $0 } ?? defaultOut(year: year, month: month)
        let table = try CommonOptions.rulebookTable(arguments)
        let rulebook = try CommonOptions.rulebook(table, run: RunID(year: year, month: month))
        let variants = try CommonOptions.variants(arguments)

        if let universePath = arguments.string("--universe") {
            let request = SnapshotRun.Request(universe: universePath, format: arguments.string("--format"),
                                              priors: arguments.strings("--prior"), forward: arguments.string("--forward"),
                                              facts: arguments.string("--facts"), table: table, rulebook: rulebook,
                                              variants: variants, out: out)
            try SnapshotRun.run(request, console: console)
        } else {
            for option in ["--format", "--forward"] where arguments.string(option) != nil {
                throw CommandError("\(option) needs --universe: without it the run uses the embedded market",
                                   help: "add --universe FILE, or drop \(option)")
            }
            if !arguments.strings("--prior").isEmpty {
                throw CommandError("--prior needs --universe: the embedded market brings its own prior membership",
                                   help: "add --universe FILE, or drop --prior")
            }
            // A bad facts file is said before the market is generated or loaded.
            let facts = try arguments.string("--facts").map { path -> CompanyFacts in
                console.progress("reading \(path)")
                return try CompanyFactsReader.read(path: path)
            }
            try EmbeddedMarketRun.run(seed: try arguments.int("--seed", in: 0...Int.max)!,
                                      firms: try arguments.int("--firms", in: 100...10_000_000)!,
                                      table: table, rulebook: rulebook, variants: variants, out: out, facts: facts, console: console)
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
}
