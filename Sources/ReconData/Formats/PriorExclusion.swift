import ReconCore

/// Marks companies that FTSE Russell already judged ineligible, as the prior membership shows:
/// a large company, listed before the previous reconstitution, that no prior Russell file holds.
///
/// Why: some screens need data a snapshot such as the Nasdaq screener does not carry — the
/// unrestricted share of votes (M7 §5.15), the float (§5.10), and the home-country indicators
/// beyond one country field (§5.3–5.5, App. B). FTSE Russell ran those screens at the previous
/// reconstitution, and its verdicts persist: a dual-class structure, a controlling holder or a
/// foreign headquarters rarely changes within a year. Prior membership is already used as evidence
/// in one direction (a member was assigned to the US, `CountryAssignment`); this is the other
/// direction: a company that was listed on the previous rank day and large enough then, yet is in
/// no prior Russell index, failed a screen — the ranking alone would have placed it.
///
/// "Large enough then" is inferred from its size now: among the 1,000 largest companies the
/// universe lists (``Rulebook/russell1000Count``, ranked by total cap over every common-stock
/// company, eligible or not). Such a company was below the previous #3,000 only if it grew about
/// thirty-fold in a year (the #1,000 breakpoint is about 30 times the #3,000 one: $4.6B and $150M
/// as of April 2024, russell-rules.md §4.3–4.4).
///
/// "Listed on the previous rank day" is read from the IPO year: for a June run, an IPO year at
/// least two years before (the previous rank day is in April or May of the year before); for a
/// December run, at least one year before. A blank IPO year says nothing, so it marks nothing.
///
/// The rule applies only when the prior names the Russell 1000 (a Russell 1000 or 3000 file): with
/// a Russell 2000 file alone, every large company is absent from it. It never touches a prior
/// member. Known limits: a company whose verdict changed (votes or float raised above 5%, a new
/// country assignment) stays out; a company that merged into a listed blank-cheque company
/// (a SPAC, excluded then) keeps the SPAC's IPO year in the screener and is marked too.
public enum PriorExclusion {
    /// One company marked.
    public struct Finding: Sendable, Hashable {
        /// The ticker of the company's first line.
        public var symbol: String
        public var companyKey: String
        /// The earliest IPO year among its lines.
        public var ipoYear: Int
        /// Its rank by total cap among the universe's common-stock companies.
        public var sizeRank: Int
    }

    /// The universe with ``Security/priorExclusion`` set on every line of each company marked.
    /// - Parameters:
    ///   - run: the reconstitution (its year and month say which IPO years predate the previous rank day).
    ///   - largest: how many of the largest companies can be marked (the Russell 1000 count).
    public static func mark(_ universe: [Security], prior: PriorMembership, run: RunID,
                            largest: Int) -> (universe: [Security], findings: [Finding]) {
        guard prior.count(.r1000) > 0 else { return (universe, []) }
        let latestIPOYear = run.month == 12 ? run.year - 1 : run.year - 2

        var lines: [String: [Int]] = [:]
        var order: [String] = []
        // By index, not by element: a `Security` copied out of the array costs a retain per text field.
        for index in universe.indices {
            let key = universe[index].companyKey
            if lines[key] == nil { order.append(key) }
            lines[key, default: []].append(index)
        }
        // Company total caps over common-stock lines: summed when each line covers its own shares,
        // else the largest figure (a screener gives every class the company's total).
        var caps: [(key: String, cap: Double)] = []
        for key in order {
            let common = lines[key]!.filter { universe[$0].type.isEligibleType }
            let figures = common.compactMap { universe[$0].marketCap }.filter { $0 > 0 }
            guard !figures.isEmpty else { continue }
            let summed = common.allSatisfy { universe[$0].capScope == .security }
            caps.append((key, summed ? figures.reduce(0, +) : figures.max()!))
        }
        caps.sort { $0.cap != $1.cap ? $0.cap > $1.cap : $0.key < $1.key }

        var marked = universe
        var findings: [Finding] = []
        for (position, company) in caps.prefix(largest).enumerated() {
            let indices = lines[company.key]!
            // Any line matching a prior line (even a share-type line under the member's ticker) is membership.
            guard !indices.contains(where: { prior.position(for: universe[$0]) != nil }) else { continue }
            guard let ipoYear = indices.compactMap({ universe[$0].ipoYear }).min(), ipoYear <= latestIPOYear else { continue }
            let evidence = "listed since \(ipoYear), among the \(largest) largest listed companies, in no prior Russell index"
            for index in indices { marked[index].priorExclusion = evidence }
            findings.append(Finding(symbol: universe[indices[0]].symbol, companyKey: company.key, ipoYear: ipoYear,
                                    sizeRank: position + 1))
        }
        return (marked, findings)
    }
}
