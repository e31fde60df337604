/// Turnover and concentration of the Russell 2000 and 1000, from `summary.json`.
enum RunTurnoverSection {
    static func section(_ summary: RunReportSummary) -> ReportSection {
        var turnover = ReportTable(
            caption: "Turnover",
            columns: [.text("Index"), .number("Prior members"), .number("New members"), .number("Additions"),
                      .number("Deletions"), .number("Name turnover"), .number("Weight turnover")],
            note: "Lines, not companies. Name turnover = (additions + deletions) ÷ (2 × prior members); "
                + "one-way weight turnover = ½ Σ |w new − w old|, both weights from the universe's caps.")
        var concentration = ReportTable(
            caption: "Concentration",
            columns: [.text("Index"), .number("Top-10 weight"), .number("Effective names")],
            note: "Effective number of names = 1 ÷ Σ w², the count of equal weights that would be as concentrated.")
        for key in orderedKeys(Array(summary.turnover.keys) + Array(summary.concentration.keys)) {
            if let measure = summary.turnover[key] {
                turnover.append([
                    IndexNames.display(key), ReportNumber.count(measure.priorMembers), ReportNumber.count(measure.newMembers),
                    ReportNumber.count(measure.additions), ReportNumber.count(measure.deletions),
                    ReportNumber.percent(measure.name), ReportNumber.percent(measure.weight),
                ])
            }
            if let measure = summary.concentration[key] {
                concentration.append([IndexNames.display(key), ReportNumber.percent(measure.top10Weight),
                                      ReportNumber.decimal(measure.effectiveNames)])
            }
        }
        return ReportSection(id: "turnover", title: "Turnover and concentration",
                             blocks: [.table(turnover), .table(concentration)])
    }

    /// The Russell 2000, the Russell 1000, then any other key, each once.
    private static func orderedKeys(_ keys: [String]) -> [String] {
        let unique = Set(keys)
        return IndexNames.measuredKeys.filter(unique.contains) + unique.subtracting(IndexNames.measuredKeys).sorted()
    }
}
