import ReconCore

/// The largest companies of one class of change (the largest upward migrants, say), as a table.
enum LargestMovers {
    /// How many companies a table lists.
    static let limit = 10

    /// The companies whose change is `change`, largest total cap first (ties by symbol), one line
    /// per company; `nil` when there are none.
    static func table(_ members: [RunReportMember], change: MembershipChange, caption: String) -> ReportTable? {
        let movers = RunReportMember.linePerCompany(members)
            .filter { $0.change == change }
            .sorted { ($0.totalMarketCap ?? -1, $1.symbol) > ($1.totalMarketCap ?? -1, $0.symbol) }
        guard !movers.isEmpty else { return nil }
        var table = ReportTable(
            caption: caption,
            columns: [.text("Symbol"), .text("Company"), .number("Rank"), .number("Total cap"), .text("Before"),
                      .text("After"), .number("Weight after")],
            note: movers.count > limit ? "The \(limit) largest of \(ReportNumber.count(movers.count)) companies." : nil)
        for member in movers.prefix(limit) {
            table.append([
                member.symbol, member.company, ReportNumber.count(member.rank), ReportNumber.dollars(member.totalMarketCap),
                IndexNames.display(member.priorIndex), IndexNames.display(member.index),
                ReportNumber.percent(member.weight, decimals: 3),
            ])
        }
        return table
    }
}
