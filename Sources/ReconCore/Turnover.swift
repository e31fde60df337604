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
        let oldTotal = Turnover.sortedSum(old.values), newTotal = Turnover.sortedSum(new.values)
        var difference: [Double] = []
        for key in Set(old.keys).union(new.keys) {
            let before = oldTotal > 0 ? (old[key] ?? 0) / oldTotal : 0
            let after = newTotal > 0 ? (new[key] ?? 0) / newTotal : 0
            difference.append(abs(after - before))
        }
        weightTurnover = Turnover.sortedSum(difference) / 2
    }

    /// A sum that does not depend on dictionary order: values are sorted first (deterministic output).
    static func sortedSum<S: Sequence>(_ values: S) -> Double where S.Element == Double {
        values.sorted().reduce(0, +)
    }
}
