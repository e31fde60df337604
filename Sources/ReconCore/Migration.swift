/// The migration class of a line at a reconstitution: who moves, and where to.
///
/// The classes of prior-art.md §C2.1: deletions from the Russell 2000 split into upward migrants
/// (graduates to the Russell 1000), fall-outs to the Microcap or below, and exits (ineligible or
/// gone from the universe); additions split into demotions from the Russell 1000, entries from
/// below, and new listings (IPOs). Russell 1000 lines that leave the Russell 3000 are exits too.
public enum MigrationClass: String, Sendable, Hashable, CaseIterable {
    /// Russell 2000 → Russell 1000 ("graduation").
    case upward
    /// Russell 1000 → Russell 2000.
    case downward
    /// Russell 2000 → ranks 3,001–4,000 (still in the Microcap).
    case fallOutToMicrocap = "fall_out_microcap"
    /// Russell 2000 → eligible but below the Russell 3000E.
    case fallOutBelow = "fall_out_below"
    /// Russell 3000 → screened out (the row's reason says which screen).
    case exitIneligible = "exit_ineligible"
    /// Russell 3000 → absent from the universe (delisted, acquired).
    case exitAbsent = "exit_absent"
    /// Outside → Russell 3000, already listed before.
    case entryFromBelow = "entry_from_below"
    /// Outside → Russell 3000, a new listing since the last reconstitution.
    case ipoEntry = "ipo_entry"
    /// Same index before and after.
    case stay1000 = "stay_r1000"
    case stay2000 = "stay_r2000"
    /// Outside before and after.
    case outside

    /// Classifies one row. `isNewListing` says whether the line listed since the last reconstitution.
    public init(row: MembershipRow, isNewListing: Bool) {
        self.init(prior: row.priorIndex, new: row.index, isInUniverse: row.universeIndex != nil,
                  isExcluded: row.exclusion != nil, isRussell3000E: row.isRussell3000E, isNewListing: isNewListing)
    }

    /// The same from the fields of the row that decide it.
    init(prior: IndexTier, new: IndexTier, isInUniverse: Bool, isExcluded: Bool, isRussell3000E: Bool, isNewListing: Bool) {
        switch (prior, new) {
        case (.r2000, .r1000): self = .upward
        case (.r1000, .r2000): self = .downward
        case (.r1000, .r1000): self = .stay1000
        case (.r2000, .r2000): self = .stay2000
        case (.none, .none): self = .outside
        case (.none, _): self = isNewListing ? .ipoEntry : .entryFromBelow
        case (_, .none):
            if !isInUniverse {
                self = .exitAbsent
            } else if isExcluded {
                self = .exitIneligible
            } else {
                self = isRussell3000E ? .fallOutToMicrocap : .fallOutBelow
            }
        }
    }
}

/// Counts, weights and largest names of each migration class of one reconstitution.
public struct MigrationSummary: Sendable {
    public struct Entry: Sendable {
        public var migrationClass: MigrationClass
        /// Lines in the class.
        public var count: Int
        /// Distinct companies in the class.
        public var companies: Int
        /// Sum of the lines' weights in their prior index: each line's total cap in the universe
        /// over the caps of all its prior index's lines, the old weights of ``Turnover`` (drifted
        /// to the snapshot). 0 for a class of no prior member; `nil` when the class has prior
        /// members but the universe prices none of them (`exit_absent`).
        public var priorWeight: Double?
        /// The largest lines by total market cap (symbol, cap), at most ``MigrationSummary/largestShown``.
        public var largest: [(symbol: String, cap: Double)]
    }

    public static let largestShown = 10

    /// One entry per class that occurs, in the order of ``MigrationClass/allCases``.
    public var entries: [Entry]
    /// The class of every row, in row order.
    public var classes: [MigrationClass]

    /// - Parameter isNewListing: whether the line of a row listed since the last reconstitution
    ///   (asked only of rows that enter the Russell 3000).
    public init(result: ReconstitutionResult, isNewListing: (Int) -> Bool) {
        var classes: [MigrationClass] = []
        classes.reserveCapacity(result.rowCount)
        for row in result.rowIndices {
            let prior = result.priorTier[row], new = result.tier[row]
            classes.append(MigrationClass(prior: prior, new: new, isInUniverse: result.isLine(row),
                                          isExcluded: result.exclusion(row) != nil, isRussell3000E: result.isRussell3000E[row],
                                          isNewListing: prior == .none && new != .none && isNewListing(row)))
        }
        self.classes = classes
        var grouped: [MigrationClass: [Int]] = [:]
        for (row, migrationClass) in classes.enumerated() { grouped[migrationClass, default: []].append(row) }
        var counter = CompanyCounter(result)
        let priorCaps = MigrationSummary.priorIndexCaps(of: result)
        entries = MigrationClass.allCases.compactMap { migrationClass in
            guard let members = grouped[migrationClass] else { return nil }
            return Entry(migrationClass: migrationClass, count: members.count, companies: counter.count(rows: members),
                         priorWeight: MigrationSummary.priorWeight(of: members, in: result, priorIndexCaps: priorCaps),
                         largest: MigrationSummary.largest(members, of: result))
        }
    }

    /// The total cap of each prior index's lines in the universe (a line it does not price adds 0),
    /// summed as ``Turnover`` sums the old weights.
    static func priorIndexCaps(of result: ReconstitutionResult) -> [IndexTier: Double] {
        var caps: [IndexTier: [Double]] = [.r1000: [], .r2000: []]
        for row in result.rowIndices where result.priorTier[row] != .none {
            let cap = result.totalMarketCap[row]
            caps[result.priorTier[row], default: []].append(cap.isNaN ? 0 : cap)
        }
        return caps.mapValues(SortedSum.of)
    }

    /// ``Entry/priorWeight`` of the rows `members`.
    static func priorWeight(of members: [Int], in result: ReconstitutionResult, priorIndexCaps: [IndexTier: Double]) -> Double? {
        var weight = 0.0, hasPriorMember = false, hasPricedPriorMember = false
        for row in members {
            guard let indexCap = priorIndexCaps[result.priorTier[row]], indexCap > 0 else { continue }
            hasPriorMember = true
            let cap = result.totalMarketCap[row]
            guard !cap.isNaN else { continue }
            hasPricedPriorMember = true
            weight += cap / indexCap
        }
        return hasPriorMember && !hasPricedPriorMember ? nil : weight
    }

    /// The ``largestShown`` rows with the largest caps (ties by symbol): the first of them in that
    /// order, kept as they come rather than sorting every row of the class.
    static func largest(_ members: [Int], of result: ReconstitutionResult) -> [(symbol: String, cap: Double)] {
        func precedes(_ a: (symbol: String, cap: Double), _ b: (symbol: String, cap: Double)) -> Bool {
            a.cap != b.cap ? a.cap > b.cap : a.symbol < b.symbol
        }
        var top: [(symbol: String, cap: Double)] = []
        top.reserveCapacity(largestShown + 1)
        for row in members {
            let cap = result.totalMarketCap[row]
            guard !cap.isNaN else { continue }
            if top.count == largestShown, !(cap >= top[largestShown - 1].cap) { continue }
            let candidate = (symbol: result.symbol(row), cap: cap)
            if top.count == largestShown, !precedes(candidate, top[largestShown - 1]) { continue }
            var index = top.count
            while index > 0, precedes(candidate, top[index - 1]) { index -= 1 }
            top.insert(candidate, at: index)
            if top.count > largestShown { top.removeLast() }
        }
        return top
    }

    /// The entry of a class, when it occurs.
    public func entry(_ migrationClass: MigrationClass) -> Entry? { entries.first { $0.migrationClass == migrationClass } }

    /// Lines in a class (0 when none).
    public func count(_ migrationClass: MigrationClass) -> Int { entry(migrationClass)?.count ?? 0 }
}
