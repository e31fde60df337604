import ReconCore
import ReconEngine
import ReconIO

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
        Without --panel the embedded synthetic market is used. --facts lays a company-facts file over every \
        rank day's universe and every IPO window (each row in force between its start and end dates): the \
        home-country test, the float and voting screens and the weights take its values.
        """,
        options: [
            .single("--from", value: "YEAR", help: "First June to replay.", required: true),
            .single("--to", value: "YEAR", help: "Last year to replay (its December run too, where there is one).", required: true),
            .single("--panel", value: "FILE", help: "A CRSP monthly stock file, legacy (PERMNO, PERMCO, date, SHRCD, EXCHCD, TICKER, COMNAM, PRC, RET, SHROUT, …) or CIZ (PERMNO, PERMCO, MthCalDt, MthPrc, MthRet, ShrOut, ShareType, PrimaryExch, …), or a panel written from one by recon import."),
            .single("--out", value: "DIR", help: "Output folder.", default: "out/replay"),
            CommonOptions.facts,
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
            UsageExample("recon replay --from 1989 --to 2024 --panel crsp_msf.csv --facts compustat_facts.csv --out out/facts",
                         "Replay with Compustat's fic/loc, float and votes by PERMNO, dated by start and end."),
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
        let variants = try CommonOptions.variants(arguments)
        let market: ReplayRun.Market
        if let path = arguments.string("--panel") {
            market = .panel(path)
        } else {
            market = .embedded(seed: try arguments.int("--seed", in: 0...Int.max)!, firms: try arguments.int("--firms", in: 100...10_000_000)!)
        }
        try ReplayRun.run(ReplayRun.Request(from: from, to: to, market: market, variants: variants,
                                            out: arguments.string("--out")!, writesRuns: !arguments.flag("--history-only"),
                                            table: table, facts: arguments.string("--facts")), console: console)
    }
}
