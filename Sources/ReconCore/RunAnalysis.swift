/// What a reconstitution changed: migration classes, turnover and concentration per index, and
/// (given returns) the drag of the frozen vs reconstituted Russell 2000.
public struct RunAnalysis: Sendable {
    /// Concentration of an index (the seeds' concentration critique): the weight of the ten largest
    /// lines and the effective number of names, 1 ÷ Σ w².
    public struct Concentration: Sendable, Equatable {
        public var top10Weight: Double
        public var effectiveNames: Double

        /// - Parameter weights: non-negative; the figures do not depend on their order.
        public init(weights: [Double]) {
            let ascending = SortedSum.ascending(weights)
            top10Weight = ascending.suffix(10).reversed().reduce(0, +)
            // Squares of non-negative weights in ascending order ascend too: summed smallest first.
            let squares = ascending.reduce(0) { $0 + $1 * $1 }
            effectiveNames = squares > 0 ? 1 / squares : 0
        }
    }

    public var migration: MigrationSummary
    /// Turnover of the Russell 1000 and the Russell 2000; none for an index without prior members
    /// (a replay's first run, a snapshot without a prior): nothing turned over.
    public var turnover: [IndexTier: Turnover]
    public var concentration: [IndexTier: Concentration]

    /// - Parameter isNewListing: whether the line of a row listed since the last reconstitution.
    public init(result: ReconstitutionResult, isNewListing: (Int) -> Bool) {
        migration = MigrationSummary(result: result, isNewListing: isNewListing)
        var turnover: [IndexTier: Turnover] = [:]
        var concentration: [IndexTier: Concentration] = [:]
        for tier in [IndexTier.r1000, .r2000] {
            turnover[tier] = RunAnalysis.turnover(of: tier, result: result)
            var weights: [Double] = []
            for row in result.rowIndices where result.tier[row] == tier && !result.weight[row].isNaN {
                weights.append(result.weight[row])
            }
            concentration[tier] = Concentration(weights: weights)
        }
        self.turnover = turnover
        self.concentration = concentration
    }

    /// Name and weight turnover of one index, each line weighted by its company's total cap in
    /// the universe (so the old weights are drifted to the snapshot); `nil` when the index had no
    /// prior member, where a turnover of 0 names and half the weight would be read as measured.
    static func turnover(of tier: IndexTier, result: ReconstitutionResult) -> Turnover? {
        // Each row is a member of its own (its position tells it apart from every other).
        var members: [(old: Double?, new: Double?)] = []
        var hasPriorMember = false
        for row in result.rowIndices {
            let wasIn = result.priorTier[row] == tier, isIn = result.tier[row] == tier
            guard wasIn || isIn else { continue }
            hasPriorMember = hasPriorMember || wasIn
            let weight = result.totalMarketCap[row].isNaN ? 0 : result.totalMarketCap[row]
            members.append((old: wasIn ? weight : nil, new: isIn ? weight : nil))
        }
        return hasPriorMember ? Turnover(members: members) : nil
    }

    /// The drag over one window of the rows of `result`. `windowReturn` gives a row's buy-and-hold return.
    public func drag(_ result: ReconstitutionResult, windowReturn: (Int) -> Double?) -> [DragAnalysis.Weighting: Drag] {
        DragAnalysis.Portfolios(result: result, classes: migration.classes).measure(windowReturn: windowReturn)
    }
}
