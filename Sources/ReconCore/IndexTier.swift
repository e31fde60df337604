/// The size index a company belongs to after a reconstitution.
///
/// The Russell 3000 is the union of ``r1000`` and ``r2000``; the Russell 3000E and the
/// Microcap are reported alongside (see ``MembershipRow``), because a company can be in
/// the Microcap and the Russell 2000 at once (ranks 2,001–3,000).
/// Rulebook: M7 §4.2.2 and §6.10.1 (russell-rules.md §4.1).
public enum IndexTier: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Russell 1000: ranks 1–1,000, banded at #1,000 from 2007.
    case r1000 = "R1000"
    /// Russell 2000: the Russell 3000 minus the Russell 1000.
    case r2000 = "R2000"
    /// In neither (below #3,000, ineligible, or absent from the universe).
    case none = "none"

    /// Whether the tier is part of the Russell 3000.
    public var isInRussell3000: Bool { self != .none }

    private var order: Int {
        switch self {
        case .r1000: return 0
        case .r2000: return 1
        case .none: return 2
        }
    }

    public static func < (lhs: IndexTier, rhs: IndexTier) -> Bool { lhs.order < rhs.order }
}
