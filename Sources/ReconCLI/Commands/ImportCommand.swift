import ReconEngine
import ReconCRSP

/// `recon import`: a CRSP CSV to a binary panel that replays map instead of parsing.
enum ImportCommand {
    static let spec = CommandSpec(
        name: "import",
        abstract: "Read a CRSP monthly stock file once and write it as a binary panel that later runs map without parsing.",
        discussion: """
        The panel (format version \(PanelFile.version)) holds the CSV's rows sorted by month and PERMNO, their indexes, \
        each PERMNO's latest names, and the size and checksum of the CSV. recon replay --panel and recon reconstitute \
        --universe take it wherever they take the CSV and give the same results. A damaged, truncated or older \
        panel is refused with what to type. The file is written to a temporary name and renamed when complete. \
        See docs/crsp.md.
        """,
        options: [
            .single("--out", value: "FILE", help: "The panel file to write (e.g. panel.recon).", required: true),
            CommonOptions.quiet,
        ],
        positionals: [PositionalSpec("CSV", help: "A CRSP monthly stock file, legacy (PERMNO, PERMCO, date, SHRCD, EXCHCD, TICKER, COMNAM, PRC, RET, SHROUT, …) or CIZ (msf_v2 with stksecurityinfohist: PERMNO, PERMCO, MthCalDt, MthPrc, MthRet, ShrOut, ShareType, PrimaryExch, …).")],
        examples: [
            UsageExample("recon import crsp_msf.csv --out crsp.recon", "Import a CRSP export once; then recon replay --panel crsp.recon maps it."),
            UsageExample("recon import /dev/stdin --out crsp.recon --quiet", "Import from a pipe (read whole), without progress lines."),
        ])

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        let source = arguments.positional("CSV")!, destination = arguments.string("--out")!
        console.progress("importing \(source)")
        // The one writer of the panel, checked before the CSV is read; written whole or not at all.
        let summary = try OutputDestination.writeFile(destination) { try PanelImport.run(source: source, destination: destination) }
        console.print("wrote \(destination): \(summary.rows) rows, \(summary.securities) securities, \(summary.months) months, "
            + "\(summary.panelSize) bytes (panel format \(PanelFile.version)); source \(summary.sourceSize) bytes, "
            + "checksum \(String(summary.sourceChecksum, radix: 16))")
    }
}
