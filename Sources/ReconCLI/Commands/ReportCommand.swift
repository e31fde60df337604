import ReconEngine
import ReconIO

/// `recon report DIR`: turns the output folder of a run (or a replay) into `report.md`,
/// `report.html` and the charts' `.svg` files, written into the same folder.
enum ReportCommand {
    static let spec = CommandSpec(
        name: "report",
        abstract: "Write report.md and a self-contained report.html from a run or replay folder.",
        discussion: """
        For a run folder (summary.json, membership.csv, and drag.json and migration.csv when present) the report \
        shows the headline numbers, the flow of companies between indexes, the caps around the #1,000 and #3,000 \
        cuts, the largest migrants, turnover, concentration, the drag and the data used. For a replay folder \
        (history.csv) it shows turnover and drag by year with the start of banding marked, the breakpoints over \
        time, growth of $1 frozen against reconstituted, and the rule variants when variants.csv exists.

        report.html has its CSS and charts inline and fetches nothing: it opens from disk. report.md shows the same \
        numbers and tables and links to the charts, written beside it as report-*.svg (chart files of an earlier \
        report that this one does not draw are removed). The folder is replaced in one step by a copy that has \
        the new report, so it never shows half a report, and the same folder always gives the same bytes. See docs/reports.md.
        """,
        options: [CommonOptions.quiet],
        positionals: [PositionalSpec("DIR", help: "A folder written by recon reconstitute --out or recon replay --out.")],
        examples: [
            UsageExample("recon report out/2025", "Report on the 2025 reconstitution written to out/2025."),
            UsageExample("recon report out/replay", "Report on a replay: history, growth of $1 and rule variants."),
            UsageExample("recon report out/replay/2007-06 --quiet", "Report on one run of a replay, without progress lines."),
        ])

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        let folder = arguments.positional("DIR")!
        let paths = try ReportRun.run(folder: folder, console: console)
        for path in paths.prefix(2) { console.print("wrote \(path)") }
        if paths.count > 2 {
            console.print("wrote \(paths.count - 2) charts beside them: \(FilePaths.join(folder, "report-*.svg"))")
        }
    }
}
