/// Every run's counts, breakpoints, changes, turnover and drag, as `history.csv` gives them.
enum HistoryRunsSection {
    static func section(_ runs: [HistoryReportRun]) -> ReportSection {
        var members = ReportTable(
            caption: "Members and breakpoints",
            columns: [.text("Run"), .text("Rank day"), .number("Russell 1000"), .number("Russell 2000"),
                      .number("Russell 3000"), .number("Microcap"), .number("#1,000 cap"), .number("#3,000 cap"),
                      .number("Band low"), .number("Band high")],
            note: "Companies. Band low and high are the total caps at the band's edges; empty before banding.")
        var changes = ReportTable(
            caption: "Changes, turnover and drag",
            columns: [.text("Run"), .number("Moved up"), .number("Moved down"), .number("Additions"), .number("Deletions"),
                      .number("IPO adds before"), .number("Deletions before"), .number("Turnover (names)"),
                      .number("Turnover (weight)"), .number("Drag 12m (cap)"), .number("Drag 12m (equal)")],
            note: "\"Before\" columns count changes between the last reconstitution and this one. Drag is empty where the data end.")
        for run in runs {
            members.append([
                run.run, run.rankDay ?? ReportNumber.missing, ReportNumber.count(run.r1000Count),
                ReportNumber.count(run.r2000Count), ReportNumber.count(run.r3000Count), ReportNumber.count(run.microcapCount),
                ReportNumber.dollars(run.breakpoint1000), ReportNumber.dollars(run.breakpoint3000),
                ReportNumber.dollars(run.bandLow), ReportNumber.dollars(run.bandHigh),
            ])
            changes.append([
                run.run, ReportNumber.count(run.movedUp), ReportNumber.count(run.movedDown), ReportNumber.count(run.additions),
                ReportNumber.count(run.deletions), ReportNumber.count(run.ipoAdditionsBefore),
                ReportNumber.count(run.deletionsBefore), ReportNumber.percent(run.turnoverNames),
                ReportNumber.percent(run.turnoverWeight), ReportNumber.signedPercent(run.drag12mCap),
                ReportNumber.signedPercent(run.drag12mEqual),
            ])
        }
        return ReportSection(id: "runs", title: "Run by run", blocks: [.table(members), .table(changes)])
    }
}
