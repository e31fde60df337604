/// What the run read: input files and format, rows read and dropped, lines excluded, warnings.
enum RunDataSection {
    static func section(_ summary: RunReportSummary) -> ReportSection {
        let input = summary.input
        var blocks: [ReportBlock] = [.list(files(input, synthetic: summary.synthetic))]
        blocks.append(.table(reasons(
            input.rowsDropped, caption: "Rows dropped by the reader", unit: "Rows",
            none: "No row was dropped: every row of the universe file was read.")))
        blocks.append(.table(reasons(
            summary.excluded, caption: "Universe lines excluded by the screens", unit: "Lines",
            none: "No line was excluded.")))
        blocks += summary.warnings.map { .notice(ReportNotice(kind: .warning, title: "Warning.", text: $0)) }
        return ReportSection(id: "data", title: "Data used", blocks: blocks)
    }

    private static func files(_ input: RunReportSummary.Input, synthetic: Bool) -> [String] {
        var items = [
            "Universe: \(input.universe ?? ReportNumber.missing)"
                + (input.format.map { " (format \($0))" } ?? "") + (synthetic ? ", synthetic" : ""),
            "Rows read: \(ReportNumber.count(input.rowsRead))",
            "Prior membership: " + (input.priors.isEmpty ? "none" : input.priors.joined(separator: ", ")),
            "Forward prices: \(input.forward ?? "none")",
        ]
        if let variant = input.variant { items.append("Rule variant: \(variant)") }
        return items
    }

    private static func reasons(
        _ counts: [RunReportSummary.ReasonCount], caption: String, unit: String, none: String
    ) -> ReportTable {
        var table = ReportTable(caption: caption, columns: [.text("Reason"), .number(unit)])
        for count in counts { table.append([count.reason, ReportNumber.count(count.count)]) }
        if counts.isEmpty {
            table.note = none
        } else {
            table.append(["Total", ReportNumber.count(counts.reduce(0) { $0 + $1.count })])
        }
        return table
    }
}
