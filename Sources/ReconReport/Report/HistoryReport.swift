/// The report of a replay, from the files `recon replay` wrote (docs/reports.md): turnover and
/// drag by year, breakpoints over time, growth of $1 frozen against reconstituted, the rule
/// variants compared and every run's numbers.
///
///     let files = RenderedReport(HistoryReport(input).document).files
public struct HistoryReport: Sendable, Hashable {
    public var input: HistoryReportInput

    public init(_ input: HistoryReportInput) {
        self.input = input
    }

    /// The report as content.
    public var document: ReportDocument {
        ReportDocument(
            title: title,
            subtitle: subtitle,
            notices: notices,
            headline: HistoryHeadline.metrics(input),
            sections: [
                HistoryTrendSection.section(input.runs),
                HistoryGrowthSection.section(input),
                HistoryVariantSection.section(input.variants),
                HistoryRunsSection.section(input.runs),
                dataSection,
            ],
            footer: "Written by recon report from the files in \(ReportFolderName.display(input.folder)): history.csv"
                + (input.summary == nil ? "" : ", summary.json") + (input.variants == nil ? "" : ", variants.csv")
                + (input.returns.isEmpty ? "" : ", <run>/drag.json") + ". Numbers are those of the files.")
    }

    private var title: String {
        guard let first = input.runs.first?.run, let last = input.runs.last?.run else { return "Russell reconstitution history" }
        let span = [first, last].map { RunCalendar.year(of: $0).map(String.init) ?? $0 }
        return "Russell reconstitutions \(span[0])–\(span[1])"
    }

    private var subtitle: String {
        var parts = ["\(ReportNumber.count(input.runs.count)) reconstitutions replayed"]
        if let panel = input.summary?.panel { parts.append("returns: \(panel)") }
        return parts.joined(separator: " · ")
    }

    private var notices: [ReportNotice] {
        guard input.summary?.synthetic == true else { return [] }
        return [ReportNotice(
            kind: .synthetic, title: "Synthetic data.",
            text: "This replay runs on recon's embedded synthetic market, not on real securities. "
                + "It shows how the rules behave over time; it says nothing about the real indexes.")]
    }

    private var dataSection: ReportSection {
        var items: [String] = []
        if let summary = input.summary {
            items.append("Years: \(summary.from.map(String.init) ?? ReportNumber.missing)–"
                + "\(summary.to.map(String.init) ?? ReportNumber.missing), \(ReportNumber.count(summary.runs)) runs")
            items.append("Returns: \(summary.panel ?? "none")" + (summary.synthetic ? " (synthetic market)" : ""))
            items.append("Variants: " + (summary.variants.isEmpty ? "none" : summary.variants.joined(separator: ", ")))
        }
        items.append("history.csv: \(ReportNumber.count(input.runs.count)) runs")
        items.append("Runs with 12-month returns (drag.json): \(ReportNumber.count(input.returns.count))")
        var blocks: [ReportBlock] = [.list(items)]
        if input.summary == nil {
            blocks.append(.notice(.missing("summary.json", consequence: "The replay's span, return panel and variants are not shown.")))
        }
        blocks.append(.paragraph("Each run's own report: recon report <folder>/<run>."))
        return ReportSection(id: "data", title: "Data used", blocks: blocks)
    }
}
