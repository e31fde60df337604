/// The reconstitution gap and its exact decomposition (prior-art.md §C2.3).
///
/// The frozen portfolio F is the prior Russell 2000 held as it was; the reconstituted portfolio N
/// is the new Russell 2000. Both are held from the effective date over the same window. The gap
/// G = R_F − R_N. With d the weight of deletions in F, a the weight of additions in N, R_S^F and
/// R_S^N the stayers' returns under F's and N's weights:
///
///     G = Σ_k d_k (R_{D_k} − R_S^N) − Σ_k a_k (R_{A_k} − R_S^N) + (1 − d)(R_S^F − R_S^N)
///
/// over deletion classes k (upward migrants, fall-outs, others) and addition classes. The last
/// (stayers) term is zero when both portfolios weight stayers in the same proportions (cap
/// weights from one source, or equal weights) and is kept so the identity is exact whatever the
/// weights. The upward-migration drag is the first deletion term, d_up (R_{D_up} − R_S^N).
public struct Drag: Sendable {
    /// One holding of F, N or both.
    public struct Holding: Sendable {
        public var key: String
        /// Weight basis in F (`nil` when not in F): a cap, or 1 for equal weights.
        public var frozenWeight: Double?
        /// Weight basis in N (`nil` when not in N).
        public var reconstitutedWeight: Double?
        /// The component the holding belongs to when in one portfolio only (e.g. `deletions_upward`).
        public var component: String
        /// Buy-and-hold return over the window, or `nil` when the source has none (left out and reported).
        public var windowReturn: Double?

        public init(key: String, frozenWeight: Double?, reconstitutedWeight: Double?, component: String, windowReturn: Double?) {
            self.key = key
            self.frozenWeight = frozenWeight
            self.reconstitutedWeight = reconstitutedWeight
            self.component = component
            self.windowReturn = windowReturn
        }
    }

    public var frozenReturn: Double
    public var reconstitutedReturn: Double
    /// G = R_F − R_N.
    public var gap: Double
    /// Component name → value; the values sum to ``gap``. Names sorted.
    public var components: [(name: String, value: Double)]
    /// Holdings left out because they had no return, and their share of each portfolio's weight.
    public var leftOut: Int
    public var leftOutFrozenWeight: Double
    public var leftOutReconstitutedWeight: Double
    /// Holdings used.
    public var frozenCount: Int
    public var reconstitutedCount: Int

    /// The name of the stayers' term.
    public static let stayersComponent = "stayers"

    public init(holdings: [Holding]) {
        let all = holdings.sorted { $0.key < $1.key }
        let frozenAll = all.reduce(0) { $0 + ($1.frozenWeight ?? 0) }
        let reconstitutedAll = all.reduce(0) { $0 + ($1.reconstitutedWeight ?? 0) }
        let used = all.filter { $0.windowReturn != nil }
        let missing = all.filter { $0.windowReturn == nil }
        leftOut = missing.count
        leftOutFrozenWeight = frozenAll > 0 ? missing.reduce(0) { $0 + ($1.frozenWeight ?? 0) } / frozenAll : 0
        leftOutReconstitutedWeight = reconstitutedAll > 0 ? missing.reduce(0) { $0 + ($1.reconstitutedWeight ?? 0) } / reconstitutedAll : 0

        // Re-weight over the holdings with a return.
        let frozenTotal = used.reduce(0) { $0 + ($1.frozenWeight ?? 0) }
        let reconstitutedTotal = used.reduce(0) { $0 + ($1.reconstitutedWeight ?? 0) }
        func frozen(_ holding: Holding) -> Double { frozenTotal > 0 ? (holding.frozenWeight ?? 0) / frozenTotal : 0 }
        func reconstituted(_ holding: Holding) -> Double {
            reconstitutedTotal > 0 ? (holding.reconstitutedWeight ?? 0) / reconstitutedTotal : 0
        }
        frozenCount = used.filter { $0.frozenWeight != nil }.count
        reconstitutedCount = used.filter { $0.reconstitutedWeight != nil }.count

        frozenReturn = used.reduce(0) { $0 + frozen($1) * $1.windowReturn! }
        reconstitutedReturn = used.reduce(0) { $0 + reconstituted($1) * $1.windowReturn! }
        gap = frozenReturn - reconstitutedReturn

        let stayers = used.filter { $0.frozenWeight != nil && $0.reconstitutedWeight != nil }
        let stayersFrozenWeight = stayers.reduce(0) { $0 + frozen($1) }
        let stayersReconstitutedWeight = stayers.reduce(0) { $0 + reconstituted($1) }
        let stayersFrozenReturn = stayersFrozenWeight > 0
            ? stayers.reduce(0) { $0 + frozen($1) * $1.windowReturn! } / stayersFrozenWeight : 0
        let stayersReturn = stayersReconstitutedWeight > 0
            ? stayers.reduce(0) { $0 + reconstituted($1) * $1.windowReturn! } / stayersReconstitutedWeight : 0

        var values: [String: Double] = [:]
        for holding in used where holding.frozenWeight == nil || holding.reconstitutedWeight == nil {
            if holding.reconstitutedWeight == nil {
                values[holding.component, default: 0] += frozen(holding) * (holding.windowReturn! - stayersReturn)
            } else {
                values[holding.component, default: 0] -= reconstituted(holding) * (holding.windowReturn! - stayersReturn)
            }
        }
        values[Drag.stayersComponent] = stayersFrozenWeight * (stayersFrozenReturn - stayersReturn)
        components = values.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
    }

    /// The value of a component (0 when absent).
    public func component(_ name: String) -> Double { components.first { $0.name == name }?.value ?? 0 }

    /// The sum of the components, which equals ``gap`` up to rounding.
    public var componentSum: Double { components.reduce(0) { $0 + $1.value } }
}
