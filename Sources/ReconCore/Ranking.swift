/// Ranks eligible companies by total market cap and computes each one's cumulative share of the
/// Russell 3000E total.
///
/// Rulebook: M7 §6.11 steps 1–3 — sort the Russell 3000E by descending total cap, sum it, and
/// give each company the cumulative cap from the largest down to and including itself divided by
/// that total. Ties are broken by company key (its place in key order, ``UniverseKeys/companyRank``)
/// so the order never depends on input order.
public struct Ranking: Sendable {
    /// Companies in rank order (rank 1 first): indices into the arrays given to ``init(keyRanks:caps:russell3000ECount:)``.
    public let order: [Int]
    /// Total cap of each ranked company, in rank order.
    public let caps: [Double]
    /// Cumulative share of the Russell 3000E total, in rank order (the Russell 3000E only; `nil`
    /// beyond ``russell3000ECount``).
    public let cumulative: [Double?]
    /// How many companies form the Russell 3000E (the largest 4,000, or all eligible).
    public let russell3000ECount: Int
    /// Sum of the Russell 3000E companies' total caps.
    public let russell3000ETotal: Double

    /// - Parameters:
    ///   - keyRanks: each company's place in company-key order, for the tie-break (distinct).
    ///   - caps: total caps, all positive.
    /// - Complexity: O(n log n).
    public init(keyRanks: [Int32], caps: [Double], russell3000ECount: Int) {
        let order = Ranking.order(caps: caps, keyRanks: keyRanks)
        self.order = order
        self.caps = order.map { caps[$0] }
        let count = min(russell3000ECount, order.count)
        self.russell3000ECount = count
        // Summing in rank order keeps the cumulative figures exact to the last one (= 1).
        var total = 0.0
        for rank in 0..<count { total += self.caps[rank] }
        russell3000ETotal = total
        var running = 0.0
        var cumulative: [Double?] = []
        cumulative.reserveCapacity(order.count)
        for rank in 0..<order.count {
            if rank < count {
                running += self.caps[rank]
                cumulative.append(running / total)
            } else {
                cumulative.append(nil)
            }
        }
        self.cumulative = cumulative
    }

    /// Number of ranked companies.
    public var count: Int { order.count }

    /// The cap of the company at 1-based `rank`, when there is one.
    public func cap(atRank rank: Int) -> Double? { rank >= 1 && rank <= caps.count ? caps[rank - 1] : nil }

    /// The cumulative share at 1-based `rank`, when inside the Russell 3000E.
    public func cumulativeShare(atRank rank: Int) -> Double? {
        rank >= 1 && rank <= cumulative.count ? cumulative[rank - 1] : nil
    }

    /// The indices in rank order: caps descending, ties by key rank ascending.
    ///
    /// A radix sort (``RadixSort``; the order a comparison sort gives, as `RankingTests` checks):
    /// the indices are sorted by key rank, then stably by cap. The bits of a positive `Double`
    /// order as the number does, so the complemented bits order it descending.
    ///
    /// - Complexity: O(n) (at most eleven passes over the indices).
    static func order(caps: [Double], keyRanks: [Int32]) -> [Int] {
        var order = Array(0 ..< caps.count)
        RadixSort.sort(&order, bytes: 4) { UInt64(UInt32(bitPattern: keyRanks[$0])) }
        RadixSort.sort(&order, bytes: 8) { ~caps[$0].bitPattern }
        return order
    }
}
