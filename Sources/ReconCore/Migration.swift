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

    /// Whether the class removes a line from the Russell 2000.
    public var isRussell2000Deletion: Bool {
        switch self {
        case .upward, .fallOutToMicrocap, .fallOutBelow, .exitIneligible, .exitAbsent: return true
        default: return false
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
        /// Sum of the lines' starting weights in their prior index (when known).
        public var priorWeight: Double
        /// The largest lines by total market cap (symbol, cap), at most ``MigrationSummary/largestShown``.
        public var largest: [(symbol: String, cap: Double)]
    }

    public static let largestShown = 10

    /// One entry per class that occurs, in the order of ``MigrationClass/allCases``.
    public var entries: [Entry]
    /// The class of every row, in row order.
    public var classes: [MigrationClass]

    /// - Parameters:
    ///   - priorWeights: the starting weight of a row in its prior index, when known.
    public init(rows: [MembershipRow], isNewListing: (MembershipRow) -> Bool, priorWeight: (MembershipRow) -> Double?) {
        self.init(rows: rows, isNewListing: isNewListing, priorWeight: priorWeight, knowsPriorWeights: true)
    }

    /// `knowsPriorWeights` false: no prior weights are known (each class's is then 0, as when
    /// every row's is `nil`), and `priorWeight` is not asked. `companies` numbers the rows'
    /// companies (``ReconstitutionResult/companyOfRow``): they are then counted without hashing keys.
    init(rows: [MembershipRow], isNewListing: (MembershipRow) -> Bool, priorWeight: (MembershipRow) -> Double?,
         knowsPriorWeights: Bool, companies numbering: (ofRow: [Int32], count: Int)? = nil) {
        // (Rows are read in place: copying one retains each of its strings.)
        var classes: [MigrationClass] = []
        classes.reserveCapacity(rows.count)
        for position in rows.indices {
            let prior = rows[position].priorIndex, new = rows[position].index
            // Whether a line is a new listing matters only for entries to the Russell 3000.
            classes.append(MigrationClass(prior: prior, new: new, isInUniverse: rows[position].universeIndex != nil,
                                          isExcluded: rows[position].exclusion != nil,
                                          isRussell3000E: rows[position].isRussell3000E,
                                          isNewListing: prior == .none && new != .none && isNewListing(rows[position])))
        }
        self.classes = classes
        var grouped: [MigrationClass: [Int]] = [:]
        for (position, migrationClass) in classes.enumerated() { grouped[migrationClass, default: []].append(position) }
        var tally = CompanyTally(companies: numbering?.count ?? 0)
        func companyCount(_ members: [Int]) -> Int {
            guard let numbering else {
                var companies = Set<String>(minimumCapacity: members.count)
                for position in members { companies.insert(rows[position].companyKey) }
                return companies.count
            }
            tally.startGroup()
            return members.reduce(0) { $0 + (tally.isNew(numbering.ofRow[$1]) ? 1 : 0) }
        }
        entries = MigrationClass.allCases.compactMap { migrationClass in
            guard let members = grouped[migrationClass] else { return nil }
            let companies = companyCount(members)
            let weight = knowsPriorWeights ? members.reduce(0) { $0 + (priorWeight(rows[$1]) ?? 0) }
                                           : members.reduce(0) { sum, _ in sum + 0 }
            return Entry(migrationClass: migrationClass, count: members.count,
                         companies: companies, priorWeight: weight,
                         largest: MigrationSummary.largest(members, of: rows))
        }
    }

    /// The ``largestShown`` lines with the largest caps (ties by symbol): the first of them in
    /// that order, kept as they come rather than sorting every line of the class.
    static func largest(_ members: [Int], of rows: [MembershipRow]) -> [(symbol: String, cap: Double)] {
        func precedes(_ a: (symbol: String, cap: Double), _ b: (symbol: String, cap: Double)) -> Bool {
            a.cap != b.cap ? a.cap > b.cap : a.symbol < b.symbol
        }
        var top: [(symbol: String, cap: Double)] = []
        top.reserveCapacity(largestShown + 1)
        for position in members {
            guard let cap = rows[position].totalMarketCap else { continue }
            if top.count == largestShown, !(cap > top[largestShown - 1].cap || cap == top[largestShown - 1].cap) { continue }
            let candidate = (symbol: rows[position].symbol, cap: cap)
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
