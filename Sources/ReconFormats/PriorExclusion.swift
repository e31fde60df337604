import ReconCore

/// Marks the share classes that FTSE Russell already judged ineligible, as the prior membership
/// shows: the classes, listed before the previous reconstitution, of a large company that no prior
/// Russell file holds.
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
/// The verdict is a class's, not its company's: only a class that was itself listed on the previous
/// rank day was there to be judged. "Listed then" is read from each line's own IPO year (the
/// screener gives one per line): for a June run, at least two years before (the previous rank day
/// is in April or May of the year before); for a December run, at least one year before. A blank
/// IPO year says nothing, so it marks nothing. The safeguard: a class listed since (a new class, or
/// one that newly qualifies) is never marked because a sibling was; the company is then judged on
/// it (`Eligibility.companyScreen`), and the marked classes are left out as lines (M7 §6.5.1) while
/// their shares still count in the total cap (§6.5.2). A company every class of which is marked is
/// excluded.
///
/// The rule applies only when the prior names the Russell 1000 (a Russell 1000 or 3000 file): with
/// a Russell 2000 file alone, every large company is absent from it. It never touches a company
/// with a prior line. Known limits: a company whose verdict changed (votes or float raised above 5%,
/// a new country assignment) stays out; a company that merged into a listed blank-cheque company
/// (a SPAC, excluded then) keeps the SPAC's IPO year in the screener and is marked too.
public enum PriorExclusion {
    /// One company with classes marked.
    public struct Finding: Sendable, Hashable {
        /// The ticker of the company's first line marked.
        public var symbol: String
        public var companyKey: String
        /// The earliest IPO year among its lines.
        public var ipoYear: Int
        /// Its rank by total cap among the universe's common-stock companies.
        public var sizeRank: Int
        /// The tickers of its common-stock lines left unmarked (listed after the previous rank day,
        /// or with a blank IPO year): the company is judged on them. Empty when every class is marked.
        public var unmarkedClasses: [String] = []
    }

    /// The universe with ``Security/priorExclusion`` set on each line marked.
    /// - Parameters:
    ///   - run: the reconstitution (its year and month say which IPO years predate the previous rank day).
    ///   - largest: how many of the largest companies can be marked (the Russell 1000 count).
    public static func mark(_ universe: [Security], prior: PriorLines, run: RunID,
                            largest: Int) -> (universe: [Security], findings: [Finding]) {
        var marked = universe
        let findings = mark(&marked, prior: prior, run: run, largest: largest)
        return (marked, findings)
    }

    /// ``mark(_:prior:run:largest:)`` in place: a marked copy of a universe retains every text
    /// field of every line once more.
    public static func mark(_ universe: inout [Security], prior: PriorLines, run: RunID, largest: Int) -> [Finding] {
        guard prior.count(.r1000) > 0 else { return [] }
        let latestIPOYear = run.month == 12 ? run.year - 1 : run.year - 2
        let companies = CompanyLines(universe)
        // Company total caps over common-stock lines: summed when each line covers its own shares,
        // else the largest figure (a screener gives every class the company's total).
        var caps: [(company: Int, cap: Double)] = []
        for company in companies.keys.indices {
            let lines = companies.lines(of: company)
            var summed = 0.0, largestFigure = 0.0, hasFigure = false, everyLineOwnShares = true
            // By index, not by element: a `Security` copied out of the array costs a retain per text field.
            for index in lines where universe[index].type.isEligibleType {
                if universe[index].capScope != .security { everyLineOwnShares = false }
                guard let figure = universe[index].marketCap, figure > 0 else { continue }
                summed += figure
                largestFigure = hasFigure ? max(largestFigure, figure) : figure
                hasFigure = true
            }
            guard hasFigure else { continue }
            caps.append((company, everyLineOwnShares ? summed : largestFigure))
        }
        caps.sort { $0.cap != $1.cap ? $0.cap > $1.cap : companies.keys[$0.company] < companies.keys[$1.company] }

        var findings: [Finding] = []
        for (position, company) in caps.prefix(largest).enumerated() {
            let indices = companies.lines(of: company.company)
            // Any line matching a prior line (even a share-type line under the member's ticker) is membership.
            guard !indices.contains(where: { prior.position(for: universe[$0]) != nil }) else { continue }
            // Each line on its own IPO year: a sibling's listing says nothing of when this class was listed.
            let (listedThen, notListedThen) = indices.partitioned { universe[$0].ipoYear.map { $0 <= latestIPOYear } ?? false }
            guard let first = listedThen.first else { continue }
            for index in listedThen { universe[index].priorExclusion = evidence(listedSince: universe[index].ipoYear!, largest: largest) }
            let unmarked = notListedThen.filter { universe[$0].type.isEligibleType }
            findings.append(Finding(symbol: universe[first].symbol, companyKey: companies.keys[company.company],
                                    ipoYear: listedThen.map { universe[$0].ipoYear! }.min()!, sizeRank: position + 1,
                                    unmarkedClasses: unmarked.map { universe[$0].symbol }))
        }
        return findings
    }

    /// The evidence a marked line carries into `excluded.csv`.
    private static func evidence(listedSince ipoYear: Int, largest: Int) -> String {
        "listed since \(ipoYear), among the \(largest) largest listed companies, in no prior Russell index"
    }

    /// A universe's lines grouped by company key: companies numbered in order of first line,
    /// each company's lines in universe order, all in two flat arrays (no array per company).
    private struct CompanyLines {
        /// Company keys by number.
        private(set) var keys: [String] = []
        /// Line indices, company by company; company `c` has `lineIndices[starts[c] ..< starts[c + 1]]`.
        private var lineIndices: [Int] = []
        private var starts: [Int] = []

        init(_ universe: [Security]) {
            var numbering = UniverseKeys.Builder(capacity: universe.count)
            var companyOfLine: [Int] = []
            companyOfLine.reserveCapacity(universe.count)
            var counts: [Int] = []
            for index in universe.indices {
                let key = universe[index].companyKey
                let number = Int(numbering.company(key))
                if number == keys.count {
                    keys.append(key)
                    counts.append(0)
                }
                counts[number] += 1
                companyOfLine.append(number)
            }
            // A counting sort: each company's slice starts where the one before ends.
            starts = [0]
            starts.reserveCapacity(keys.count + 1)
            for count in counts { starts.append(starts.last! + count) }
            var next = starts
            lineIndices = [Int](repeating: 0, count: universe.count)
            for (index, company) in companyOfLine.enumerated() {
                lineIndices[next[company]] = index
                next[company] += 1
            }
        }

        func lines(of company: Int) -> ArraySlice<Int> { lineIndices[starts[company] ..< starts[company + 1]] }
    }
}

private extension ArraySlice<Int> {
    /// The elements `belongs` picks and the others, each in order.
    func partitioned(by belongs: (Int) -> Bool) -> (picked: [Int], others: [Int]) {
        var picked: [Int] = [], others: [Int] = []
        for element in self {
            if belongs(element) { picked.append(element) } else { others.append(element) }
        }
        return (picked, others)
    }
}
