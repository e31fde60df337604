/// What the run read: input files and format, rows read and dropped, lines excluded, warnings.
enum RunDataSection {
    static func section(_ summary: RunReportSummary) -> ReportSection {
        let input = summary.input
        var blocks: [ReportBlock] = [.list(files(summary))]
        blocks.append(.table(reasons(
            input.rowsDropped, caption: "Rows dropped by the reader", unit: "Rows",
            none: "No row was dropped: every row of the universe file was read.")))
        blocks.append(.table(reasons(
            summary.excluded, caption: "Universe lines excluded by the screens", unit: "Lines",
            none: "No line was excluded.")))
        blocks += summary.warnings.map { .notice(ReportNotice(kind: .warning, title: "Warning.", text: $0)) }
        return ReportSection(id: "data", title: "Data used", blocks: blocks)
    }

    private static func files(_ summary: RunReportSummary) -> [String] {
        let input = summary.input
        var items = [
            "Universe: \(input.universe ?? ReportNumber.missing)"
                + (input.format.map { " (format \($0))" } ?? "") + (summary.synthetic ? ", synthetic" : ""),
            "Rows read: \(ReportNumber.count(input.rowsRead))",
            "Prior membership: " + priorMembership(summary),
            "Forward prices: \(input.forward ?? "none")",
        ]
        if let variant = input.variant { items.append("Rule variant: \(variant)") }
        return items
    }

    /// The prior files, or, without any, where the run's prior members came from: a panel's run
    /// (a replay's, or a CRSP universe's or the embedded market's replayed up to it) has the
    /// previous run's result as its prior, and names no file for it.
    static func priorMembership(_ summary: RunReportSummary) -> String {
        guard summary.input.priors.isEmpty else { return summary.input.priors.joined(separator: ", ") }
        let counts = ["R1000", "R2000"].compactMap { key in
            summary.priorCounts[key]?.companies.flatMap { $0 > 0 ? "\(ReportNumber.count($0)) \(IndexNames.display(key))" : nil }
        }
        guard !counts.isEmpty else { return "none: every company is an addition" }
        return "the result of the run before, replayed from the panel (\(counts.joined(separator: ", ")) companies)"
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
