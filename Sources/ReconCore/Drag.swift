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
        self.init(sortedHoldings: holdings.sorted { $0.key < $1.key })
    }

    /// The same, for holdings already in key order (the order every sum below runs in).
    init(sortedHoldings all: [Holding]) {
        // Totals over all holdings, those left out, and those used.
        var frozenAll = 0.0, reconstitutedAll = 0.0, missingFrozen = 0.0, missingReconstituted = 0.0
        var frozenTotal = 0.0, reconstitutedTotal = 0.0
        var missingCount = 0, frozenUsed = 0, reconstitutedUsed = 0
        for holding in all {
            frozenAll += holding.frozenWeight ?? 0
            reconstitutedAll += holding.reconstitutedWeight ?? 0
            if holding.windowReturn == nil {
                missingCount += 1
                missingFrozen += holding.frozenWeight ?? 0
                missingReconstituted += holding.reconstitutedWeight ?? 0
            } else {
                frozenTotal += holding.frozenWeight ?? 0
                reconstitutedTotal += holding.reconstitutedWeight ?? 0
                if holding.frozenWeight != nil { frozenUsed += 1 }
                if holding.reconstitutedWeight != nil { reconstitutedUsed += 1 }
            }
        }
        leftOut = missingCount
        leftOutFrozenWeight = frozenAll > 0 ? missingFrozen / frozenAll : 0
        leftOutReconstitutedWeight = reconstitutedAll > 0 ? missingReconstituted / reconstitutedAll : 0
        frozenCount = frozenUsed
        reconstitutedCount = reconstitutedUsed

        // Re-weight over the holdings with a return.
        func frozen(_ holding: Holding) -> Double { frozenTotal > 0 ? (holding.frozenWeight ?? 0) / frozenTotal : 0 }
        func reconstituted(_ holding: Holding) -> Double {
            reconstitutedTotal > 0 ? (holding.reconstitutedWeight ?? 0) / reconstitutedTotal : 0
        }
        var frozenReturn = 0.0, reconstitutedReturn = 0.0
        var stayersFrozenWeight = 0.0, stayersReconstitutedWeight = 0.0, stayersFrozenSum = 0.0, stayersSum = 0.0
        for holding in all {
            guard let value = holding.windowReturn else { continue }
            frozenReturn += frozen(holding) * value
            reconstitutedReturn += reconstituted(holding) * value
            if holding.frozenWeight != nil && holding.reconstitutedWeight != nil {
                stayersFrozenWeight += frozen(holding)
                stayersReconstitutedWeight += reconstituted(holding)
                stayersFrozenSum += frozen(holding) * value
                stayersSum += reconstituted(holding) * value
            }
        }
        self.frozenReturn = frozenReturn
        self.reconstitutedReturn = reconstitutedReturn
        gap = frozenReturn - reconstitutedReturn
        let stayersFrozenReturn = stayersFrozenWeight > 0 ? stayersFrozenSum / stayersFrozenWeight : 0
        let stayersReturn = stayersReconstitutedWeight > 0 ? stayersSum / stayersReconstitutedWeight : 0

        // A handful of components: a list searched in place beats hashing each holding's name.
        var values: [(name: String, value: Double)] = []
        for holding in all where holding.frozenWeight == nil || holding.reconstitutedWeight == nil {
            guard let value = holding.windowReturn else { continue }
            let term = holding.reconstitutedWeight == nil
                ? frozen(holding) * (value - stayersReturn) : -(reconstituted(holding) * (value - stayersReturn))
            if let index = values.firstIndex(where: { $0.name == holding.component }) {
                values[index].value += term
            } else {
                values.append((holding.component, 0 + term))
            }
        }
        let stayersValue = stayersFrozenWeight * (stayersFrozenReturn - stayersReturn)
        if let index = values.firstIndex(where: { $0.name == Drag.stayersComponent }) {
            values[index].value = stayersValue
        } else {
            values.append((Drag.stayersComponent, stayersValue))
        }
        components = values.sorted { $0.name < $1.name }
    }

    /// The value of a component (0 when absent).
    public func component(_ name: String) -> Double { components.first { $0.name == name }?.value ?? 0 }
}
