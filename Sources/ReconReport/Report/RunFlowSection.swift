/// Membership before and after as a flow chart, with its numbers in a table.
enum RunFlowSection {
    static func section(_ input: RunReportInput) -> ReportSection {
        let title = "Membership before and after"
        guard let members = input.members else {
            return ReportSection(id: "flow", title: title, blocks: [.notice(.missing(
                "membership.csv", consequence: "The flow of companies between indexes needs it and is left out."))])
        }
        let flows = MembershipFlows(members: members)
        let chart = FlowChart(
            title: "Companies by index, before → after", flows: flows.flows,
            leftNodes: MembershipFlows.before, rightNodes: MembershipFlows.after,
            leftTitle: "Before", rightTitle: "After \(input.summary.run)", size: ReportChartSize.wide)
        var table = ReportTable(caption: "Companies by index before and after",
                                columns: [.text("Before"), .text("After"), .number("Companies")])
        for flow in flows.flows { table.append([flow.from, flow.to, ReportNumber.count(flow.count)]) }
        return ReportSection(id: "flow", title: title, blocks: [
            .charts([ReportChart(
                id: "flow", title: "Companies by index, before → after", chart: chart,
                caption: "Each ribbon is a group of companies; its thickness is their number. Microcap means in the Microcap "
                    + "only; Microcap companies ranked 2,001–3,000 are counted in the Russell 2000.")]),
            .table(table),
            .paragraph("\(ReportNumber.count(flows.outsideBoth)) companies of the file were outside the Russell 3000 and the "
                + "Microcap before and after; they are not drawn. Companies are counted once, whatever their share classes."),
        ])
    }
}
