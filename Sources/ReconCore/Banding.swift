/// The cumulative market-cap band around a breakpoint.
///
/// Rulebook: M7 §6.10.2–6.11 (russell-rules.md §4.2). New members are placed by the breakpoint;
/// existing members of the Russell 3000 keep their index while their cumulative share stays within
/// ± `halfWidth` of the breakpoint company's. With the ±2.5% band at #1,000:
/// - a company new to the Russell 3000 goes to the Russell 1000 when it ranks within the top 1,000;
/// - a Russell 1000 member stays while its cumulative share is at most p* + 2.5%;
/// - a Russell 2000 member moves up only when its cumulative share is below p* − 2.5%.
/// The band edges themselves count as inside (the rulebook does not say; "inside the band, stays"
/// is its wording). With no band (`halfWidth == nil`, before 2007) the cut is hard.
public struct Band: Sendable, Hashable {
    /// Rank of the breakpoint company (1,000 or 2,000).
    public var breakpointRank: Int
    /// Cumulative share of the breakpoint company (p*).
    public var breakpointShare: Double
    /// Half-width (0.025 for ±2.5%), or `nil` for a hard cut.
    public var halfWidth: Double?

    public init(breakpointRank: Int, breakpointShare: Double, halfWidth: Double?) {
        self.breakpointRank = breakpointRank
        self.breakpointShare = breakpointShare
        self.halfWidth = halfWidth
    }

    /// Lower edge p* − w (p* with no band).
    public var lowerEdge: Double { breakpointShare - (halfWidth ?? 0) }
    /// Upper edge p* + w (p* with no band).
    public var upperEdge: Double { breakpointShare + (halfWidth ?? 0) }

    /// Which side of the breakpoint a company belongs on.
    public enum Side: Sendable, Equatable {
        /// Ranks 1…breakpoint (the Russell 1000 for the #1,000 band).
        case above
        /// Below the breakpoint.
        case below
    }

    /// Why a company was placed on its side.
    public enum Placement: String, Sendable, Equatable {
        /// By rank alone: a new member, or a member already on that side.
        case rank
        /// An existing member kept on its side inside the band.
        case bandRetained = "band_retained"
        /// An existing member that moved because it crossed the band's far edge.
        case bandCrossed = "band_crossed"
    }

    /// Places a company.
    /// - Parameters:
    ///   - rank: its 1-based rank.
    ///   - share: its cumulative share.
    ///   - priorSide: its side before, or `nil` for a company not subject to banding (new).
    public func place(rank: Int, share: Double, priorSide: Side?) -> (side: Side, placement: Placement) {
        let byRank: Side = rank <= breakpointRank ? .above : .below
        guard let priorSide, halfWidth != nil else { return (byRank, .rank) }
        switch priorSide {
        case .above:
            if share <= upperEdge { return (.above, byRank == .above ? .rank : .bandRetained) }
            return (.below, .bandCrossed)
        case .below:
            if share < lowerEdge { return (.above, .bandCrossed) }
            return (.below, byRank == .below ? .rank : .bandRetained)
        }
    }
}
