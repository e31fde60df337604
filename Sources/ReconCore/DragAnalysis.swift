/// Builds the frozen and reconstituted Russell 2000 portfolios of a reconstitution and measures
/// the gap between them (``Drag``), cap-weighted and equal-weighted.
///
/// F holds the prior Russell 2000 lines, N the new ones. Cap weights are each line's company
/// total market cap as the membership output gives it (`total_market_cap`), so anyone can
/// recompute the figures from `membership.csv`; lines without a cap (prior members absent from the
/// universe) or without a return over the window are left out and reported.
public enum DragAnalysis {
    /// How the portfolios are weighted.
    public enum Weighting: String, Sendable, CaseIterable {
        case cap
        case equal
    }

    /// The component a line belongs to when it is in one portfolio only.
    public static func component(of migrationClass: MigrationClass) -> String {
        switch migrationClass {
        case .upward: return "deletions_upward"
        case .fallOutToMicrocap, .fallOutBelow: return "deletions_fall_out"
        case .exitIneligible, .exitAbsent: return "deletions_other"
        case .downward: return "additions_from_r1000"
        case .entryFromBelow: return "additions_from_below"
        case .ipoEntry: return "additions_ipo"
        case .stay1000, .stay2000, .outside: return Drag.stayersComponent
        }
    }

    /// The holdings of F and N.
    /// - Parameters:
    ///   - classes: the migration class of each row (``MigrationSummary/classes``).
    ///   - windowReturn: a row's buy-and-hold return over the window, `nil` when unknown.
    public static func holdings(rows: [MembershipRow], classes: [MigrationClass], weighting: Weighting,
                                windowReturn: (MembershipRow) -> Double?) -> [Drag.Holding] {
        var holdings: [Drag.Holding] = []
        for (position, row) in rows.enumerated() {
            let inFrozen = row.priorIndex == .r2000
            let inReconstituted = row.index == .r2000
            guard inFrozen || inReconstituted else { continue }
            let basis: Double?
            switch weighting {
            case .cap: basis = row.totalMarketCap.flatMap { $0 > 0 ? $0 : nil }
            case .equal: basis = 1
            }
            // A line with no cap cannot be cap-weighted: it is left out like one without a return.
            let lineReturn = basis == nil ? nil : windowReturn(row)
            holdings.append(Drag.Holding(
                key: "\(row.companyKey)|\(row.symbol)|\(position)",
                frozenWeight: inFrozen ? (basis ?? 0) : nil,
                reconstitutedWeight: inReconstituted ? (basis ?? 0) : nil,
                component: inFrozen && inReconstituted ? Drag.stayersComponent : component(of: classes[position]),
                windowReturn: lineReturn))
        }
        return holdings
    }

    /// The gap under both weightings.
    public static func measure(rows: [MembershipRow], classes: [MigrationClass],
                               windowReturn: (MembershipRow) -> Double?) -> [Weighting: Drag] {
        var out: [Weighting: Drag] = [:]
        for weighting in Weighting.allCases {
            out[weighting] = Drag(holdings: holdings(rows: rows, classes: classes, weighting: weighting, windowReturn: windowReturn))
        }
        return out
    }
}
