/// Turnover of an index at a reconstitution (prior-art.md §C2.2).
///
/// - Name turnover = (additions + deletions) ÷ (2 × prior members).
/// - One-way weight turnover = ½ Σ |w_new − w_old,drifted| over the union of old and new members,
///   the old weights drifted to the effective date (the caller gives them so).
public struct Turnover: Sendable, Equatable {
    public var priorMembers: Int
    public var newMembers: Int
    public var additions: Int
    public var deletions: Int
    public var nameTurnover: Double
    public var weightTurnover: Double

    /// - Parameters:
    ///   - old: prior member keys with their drifted weights (summing to 1, or any positive total: they are normalised).
    ///   - new: new member keys with their weights (normalised the same way).
    public init(old: [String: Double], new: [String: Double]) {
        priorMembers = old.count
        newMembers = new.count
        additions = new.keys.lazy.filter { old[$0] == nil }.count
        deletions = old.keys.lazy.filter { new[$0] == nil }.count
        nameTurnover = old.isEmpty ? 0 : Double(additions + deletions) / Double(2 * old.count)
        let oldTotal = SortedSum.of(Array(old.values)), newTotal = SortedSum.of(Array(new.values))
        var difference: [Double] = []
        for key in Set(old.keys).union(new.keys) {
            let before = oldTotal > 0 ? (old[key] ?? 0) / oldTotal : 0
            let after = newTotal > 0 ? (new[key] ?? 0) / newTotal : 0
            difference.append(abs(after - before))
        }
        weightTurnover = SortedSum.of(difference) / 2
    }

    /// The same from one entry per member (its old weight when it was a member before, its new
    /// weight when it is one now): what ``init(old:new:)`` computes, without keys to hash.
    public init(members: [(old: Double?, new: Double?)]) {
        var oldWeights: [Double] = [], newWeights: [Double] = []
        var additions = 0, deletions = 0
        for member in members {
            if let weight = member.old { oldWeights.append(weight) }
            if let weight = member.new { newWeights.append(weight) }
            if member.old == nil, member.new != nil { additions += 1 }
            if member.old != nil, member.new == nil { deletions += 1 }
        }
        priorMembers = oldWeights.count
        newMembers = newWeights.count
        self.additions = additions
        self.deletions = deletions
        nameTurnover = oldWeights.isEmpty ? 0 : Double(additions + deletions) / Double(2 * oldWeights.count)
        let oldTotal = SortedSum.of(oldWeights), newTotal = SortedSum.of(newWeights)
        var difference: [Double] = []
        difference.reserveCapacity(members.count)
        for member in members where member.old != nil || member.new != nil {
            let before = oldTotal > 0 ? (member.old ?? 0) / oldTotal : 0
            let after = newTotal > 0 ? (member.new ?? 0) / newTotal : 0
            difference.append(abs(after - before))
        }
        weightTurnover = SortedSum.of(difference) / 2
    }
}

extension Turnover {
    /// The turnover of a year over a series of runs: each calendar year's runs summed, averaged
    /// over the years they fall in. Under annual reconstitution it is the mean per run; under
    /// semi-annual, about twice it. A variant that changes the frequency is compared on this, not
    /// on the mean per run (prior-art.md §C2.2 defines the turnover of one run).
    ///
    /// - Returns: `nil` for no run.
    public static func perYear(_ runs: [(year: Int, turnover: Double)]) -> Double? {
        let years = Set(runs.map(\.year)).count
        return years == 0 ? nil : runs.reduce(0) { $0 + $1.turnover } / Double(years)
    }

    /// ``perYear(_:)`` of runs named as files name them (`2026-06`, `2026-12`); a run without a
    /// turnover, or whose name is not a run, is left out.
    public static func perYear(named runs: [(run: String, turnover: Double?)]) -> Double? {
        perYear(runs.compactMap { run in
            run.turnover.flatMap { turnover in RunID(parsing: run.run).map { (year: $0.year, turnover: turnover) } }
        })
    }
}
