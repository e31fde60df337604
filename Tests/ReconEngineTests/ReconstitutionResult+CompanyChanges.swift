import ReconCore

extension ReconstitutionResult {
    /// The reference definition of `summary.json`'s company counts per change: a company's rows
    /// grouped by company id, its index before the best of its rows' prior indexes and its index
    /// now the best of its rows' indexes (the Russell 1000 first), so that a company whose class B
    /// left while its class A stays is no deletion.
    func companyCount(changed change: MembershipChange) -> Int {
        var before: [Int32: IndexTier] = [:], now: [Int32: IndexTier] = [:]
        for row in rowIndices {
            before[company[row]] = min(before[company[row]] ?? .none, priorTier[row])
            now[company[row]] = min(now[company[row]] ?? .none, tier[row])
        }
        return before.keys.filter { MembershipChange(prior: before[$0]!, new: now[$0]!) == change }.count
    }
}
