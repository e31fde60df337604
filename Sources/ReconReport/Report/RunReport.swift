/// The report of one reconstitution, from the files `recon reconstitute` wrote (docs/reports.md).
///
///     let report = RunReport(input)
///     let files = RenderedReport(report.document).files   // report.md, report.html, report-*.svg
///
/// Numbers are taken from the files as they are; only the flow chart, the cap distributions
/// and the largest movers are counted from `membership.csv`.
public struct RunReport: Sendable, Hashable {
    public var input: RunReportInput

    public init(_ input: RunReportInput) {
        self.input = input
    }

    /// The report as content.
    public var document: ReportDocument {
        let summary = input.summary
        return ReportDocument(
            title: title,
            subtitle: subtitle,
            notices: notices,
            headline: RunHeadline.metrics(input),
            sections: [
                RunFlowSection.section(input),
                RunDistributionSection.section(input),
                RunChangesSection.section(input),
            ] + (input.validation.map { [RunValidationSection.section($0)] } ?? []) + [
                RunTurnoverSection.section(summary),
                RunDragSection.section(input.drag),
                RunMembersSection.section(summary),
                RunDataSection.section(summary),
            ],
            footer: footer)
    }

    private var title: String {
        var title = "Russell reconstitution \(input.summary.run)"
        if let variant = input.summary.input.variant { title += " · variant \(variant)" }
        return title
    }

    private var subtitle: String {
        let summary = input.summary
        var parts = ["Rank day \(summary.rankDay ?? ReportNumber.missing)",
                     "effective \(summary.effectiveDate ?? ReportNumber.missing)"]
        if let format = summary.input.format { parts.append("universe: \(format)") }
        return parts.joined(separator: " · ")
    }

    private var notices: [ReportNotice] {
        guard input.summary.synthetic else { return [] }
        return [ReportNotice(
            kind: .synthetic, title: "Synthetic data.",
            text: "These numbers come from recon's embedded synthetic market, not from real securities. "
                + "They show how the rules work; they say nothing about the real indexes.")]
    }

    private var footer: String {
        "Written by recon report from the files in \(ReportFolderName.display(input.folder)): summary.json"
            + (input.members == nil ? "" : ", membership.csv") + (input.migration == nil ? "" : ", migration.csv")
            + (input.drag == nil ? "" : ", drag.json") + validationFiles + ". Numbers are those of the files."
    }

    /// The files of `recon validate` the report read, as the footer lists them.
    private var validationFiles: String {
        guard let validation = input.validation else { return "" }
        return ", validation-scores.csv" + (validation.categories.isEmpty ? "" : ", validation-categories.csv")
    }
}
