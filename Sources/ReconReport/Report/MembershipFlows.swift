import ReconCore

/// Companies moving between groups at a reconstitution, for the flow chart: Russell 1000,
/// Russell 2000 or out before; Russell 1000, Russell 2000, Microcap only or out after.
///
/// Companies are counted once, by their membership (``RunReportMember/linePerCompany(_:)``).
/// "Microcap" after means in the Microcap and not in the Russell 3000; Microcap members ranked
/// 2,001–3,000 count as Russell 2000. Companies out before and out after are not drawn (they are
/// most of the universe) but are counted in ``outsideBoth``.
public struct MembershipFlows: Sendable, Hashable {
    /// The groups before, top to bottom.
    public static let before = ["Russell 1000", "Russell 2000", "Out"]
    /// The groups after, top to bottom.
    public static let after = ["Russell 1000", "Russell 2000", "Microcap", "Out"]

    /// Positive flows in the order of ``before`` × ``after``, out → out left out.
    public var flows: [FlowChart.Flow]
    /// Companies outside the Russell 3000 and the Microcap before and after.
    public var outsideBoth: Int

    public init(members: [RunReportMember]) {
        var counts: [String: Int] = [:]
        var outsideBoth = 0
        for member in RunReportMember.linePerCompany(members) {
            let from = Self.groupBefore(member), to = Self.groupAfter(member)
            if from == "Out" && to == "Out" {
                outsideBoth += 1
            } else {
                counts[from + "→" + to, default: 0] += 1
            }
        }
        flows = Self.before.flatMap { from in
            Self.after.compactMap { to in
                counts[from + "→" + to].map { FlowChart.Flow(from: from, to: to, count: $0) }
            }
        }
        self.outsideBoth = outsideBoth
    }

    static func groupBefore(_ member: RunReportMember) -> String {
        IndexNames.display(member.priorIndex)
    }

    static func groupAfter(_ member: RunReportMember) -> String {
        if member.index == .none && member.microcap { return "Microcap" }
        return IndexNames.display(member.index)
    }
}
