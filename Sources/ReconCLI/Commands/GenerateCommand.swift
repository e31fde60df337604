import ReconCore
import ReconEngine
import ReconCRSP
import ReconSynthetic

/// `recon generate`: writes the synthetic market as a CRSP-format panel, in the legacy monthly
/// stock file's layout or in CRSP's current CIZ layout (`--layout ciz`).
enum GenerateCommand {
    static let spec = CommandSpec(
        name: "generate",
        abstract: "Write the synthetic market as a CRSP-format monthly panel (for tests, benchmarks and demos).",
        discussion: """
        The market is deterministic for a seed: firm births and deaths, two-class companies, non-common \
        securities, a fat-tailed cap distribution calibrated to the published #1,000 breakpoints (Data/market-calibration.csv). \
        A larger --firms gives a bigger panel. The file is written to a temporary name and renamed when complete. \
        --layout ciz writes the same market in CRSP's CIZ layout (msf_v2 with stksecurityinfohist: MthCalDt, MthPrc \
        with MthPrcFlg, MthRet with the delisting return in it, ShrOut, and ShareType, PrimaryExch, … in place of \
        SHRCD and EXCHCD); recon reads either layout and replays the same history. See docs/crsp.md.
        """,
        options: [
            .single("--from", value: "YEAR", help: "First year.", default: "1979"),
            .single("--to", value: "YEAR", help: "Last year.", default: "2026"),
            .single("--firms", value: "N", help: "Companies ever listed.", default: String(EmbeddedMarket.defaultFirms)),
            .single("--seed", value: "SEED", help: "Random seed.", default: String(EmbeddedMarket.defaultSeed)),
            .single("--layout", value: "LAYOUT", help: "legacy (PERMNO, date, SHRCD, EXCHCD, …, PRC, RET, DLRET, SHROUT) or ciz (CRSP's current layout: PERMNO, PrimaryExch, …, MthCalDt, MthPrc, MthRet, ShrOut).", default: "legacy"),
            .single("--out", value: "FILE", help: "The CSV file to write.", required: true),
            CommonOptions.quiet,
        ],
        examples: [
            UsageExample("recon generate --out market.csv", "The embedded market, 1979–2026."),
            UsageExample("recon generate --from 1979 --to 2025 --firms 60000 --out big.csv", "A panel of several million rows for benchmarks."),
            UsageExample("recon generate --layout ciz --out market-ciz.csv", "The embedded market in CRSP's CIZ layout, as a WRDS export of msf_v2 has it."),
        ])

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        let from = try arguments.int("--from", in: 1926...2100)!
        let to = try arguments.int("--to", in: 1926...2100)!
        guard from <= to else { throw CommandError("--from \(from) is after --to \(to)", help: "recon generate --from \(to) --to \(from) --out FILE") }
        let configuration = SyntheticMarket.Configuration(firstYear: from, lastYear: to,
                                                          firms: try arguments.int("--firms", in: 50...10_000_000)!,
                                                          seed: UInt64(try arguments.int("--seed", in: 0...Int.max)!))
        let layout = CRSPLayout(rawValue: try arguments.string("--layout", oneOf: CRSPLayout.allCases.map(\.rawValue))!)!
        let path = arguments.string("--out")!
        // The one writer of the file, checked before the market is generated; written whole or not at all.
        let summary = try OutputDestination.writeFile(path) {
            try SyntheticMarket.write(to: path, configuration: configuration, layout: layout, progress: console.percentProgress("generated"))
        }
        let spelled = layout == .ciz ? ", CIZ layout" : ""
        console.print("wrote \(path): \(summary.rows) rows, \(summary.securities) securities, \(summary.companies) companies, \(from)–\(to) (synthetic, seed \(configuration.seed)\(spelled))")
    }
}
