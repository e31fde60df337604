/// What a reconstitution changed: migration classes, turnover and concentration per index, and
/// (given returns) the drag of the frozen vs reconstituted Russell 2000.
public struct RunAnalysis: Sendable {
    /// Concentration of an index (the seeds' concentration critique): the weight of the ten largest
    /// lines and the effective number of names, 1 ÷ Σ w².
    public struct Concentration: Sendable, Equatable {
        public var top10Weight: Double
        public var effectiveNames: Double

        public init(weights: [Double]) {
            let sorted = weights.sorted(by: >)
            top10Weight = sorted.prefix(10).reduce(0, +)
            let squares = sorted.map { $0 * $0 }.sorted().reduce(0, +)
            effectiveNames = squares > 0 ? 1 / squares : 0
        }
    }

    public var migration: MigrationSummary
    /// Turnover of the Russell 1000 and the Russell 2000.
    public var turnover: [IndexTier: Turnover]
    public var concentration: [IndexTier: Concentration]

    /// - Parameter isNewListing: whether a line listed since the last reconstitution.
    public init(result: ReconstitutionResult, isNewListing: (MembershipRow) -> Bool) {
        let rows = result.rows
        migration = MigrationSummary(rows: rows, isNewListing: isNewListing, priorWeight: { _ in nil }, knowsPriorWeights: false,
                                     companies: (result.companyOfRow, result.companyNumbers))
        var turnover: [IndexTier: Turnover] = [:]
        var concentration: [IndexTier: Concentration] = [:]
        for tier in [IndexTier.r1000, .r2000] {
            turnover[tier] = RunAnalysis.turnover(of: tier, rows: rows)
            var weights: [Double] = []
            for position in rows.indices where rows[position].index == tier {
                if let weight = rows[position].weight { weights.append(weight) }
            }
            concentration[tier] = Concentration(weights: weights)
        }
        self.turnover = turnover
        self.concentration = concentration
    }

    /// Name and weight turnover of one index, each line weighted by its company's total cap in
    /// the universe (so the old weights are drifted to the snapshot).
    static func turnover(of tier: IndexTier, rows: [MembershipRow]) -> Turnover {
        // Each row is a member of its own (its position tells it apart from every other).
        var members: [(old: Double?, new: Double?)] = []
        for position in rows.indices {
            let wasIn = rows[position].priorIndex == tier, isIn = rows[position].index == tier
            guard wasIn || isIn else { continue }
            let weight = rows[position].totalMarketCap ?? 0
            members.append((old: wasIn ? weight : nil, new: isIn ? weight : nil))
        }
        return Turnover(members: members)
    }

    /// The drag over one window. `windowReturn` gives a row's buy-and-hold return.
    public func drag(rows: [MembershipRow], windowReturn: (MembershipRow) -> Double?) -> [DragAnalysis.Weighting: Drag] {
        DragAnalysis.measure(rows: rows, classes: migration.classes, windowReturn: windowReturn)
    }
}
