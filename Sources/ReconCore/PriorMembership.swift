/// The membership in force before a reconstitution, keyed by the universe's ids: which lines
/// were in the Russell 1000 and the Russell 2000 (and, when known, the Microcap).
///
/// Banding needs it (M7 §6.10.2: existing members are reviewed against the band), and so do the
/// price exception for members (§5.8) and the migration classes. A line of the universe matches
/// an entry of its company (the one entry, or the one with its ticker, or the first), else the
/// first entry with its ticker (``position(company:symbol:)``). A replay carries it from one run
/// to the next; a snapshot run gets it from its prior files (``PriorLines``) numbered into the
/// universe's ids.
///
/// Look-ups are lists threaded through arrays indexed by id: the entries of a company, or with a
/// ticker, are found without hashing.
public struct PriorMembership: Sendable, Hashable {
    /// Two memberships are equal when their entries are: the look-ups follow from them in order.
    public static func == (a: PriorMembership, b: PriorMembership) -> Bool { a.entries == b.entries }
    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }

    /// One prior member line.
    public struct Entry: Sendable, Hashable {
        /// Its normalised ticker, a ticker id of the universe's keys.
        public var symbol: Int32
        /// The company it matches by, a company id; -1 for a line its file gave no company key
        /// (matched by ticker only).
        public var company: Int32
        /// The company id its row counts under when it is absent from the universe: ``company``,
        /// or for a line without one the id of its ticker read as a company key.
        public var key: Int32
        /// The company's display name (a name id of the universe's keys), for the row of a
        /// member absent from the universe.
        public var name: Int32
        public var tier: IndexTier
        /// Whether the line was also in the Microcap, when known.
        public var isMicrocap: Bool?
        /// Its weight in its index, when known.
        public var weight: Double?
        /// The source's permanent id of the line (a CRSP PERMNO), when the prior comes from a run
        /// that knew it (a replay's previous result); `nil` from a prior file.
        public var securityID: String?

        public init(symbol: Int32, company: Int32, key: Int32? = nil, name: Int32, tier: IndexTier,
                    isMicrocap: Bool? = nil, weight: Double? = nil, securityID: String? = nil) {
            self.symbol = symbol
            self.company = company
            self.key = key ?? company
            self.name = name
            self.tier = tier
            self.isMicrocap = isMicrocap
            self.weight = weight
            self.securityID = securityID
        }
    }

    /// Lines in a stable order (as added).
    public private(set) var entries: [Entry] = []
    /// By company id and by ticker id: the first entry of each list (-1: none) and its last, for
    /// appending; by entry: the next entry of its company and with its ticker.
    private var companyFirst: [Int32] = [], companyLast: [Int32] = [], companyNext: [Int32] = []
    private var symbolFirst: [Int32] = [], symbolLast: [Int32] = [], symbolNext: [Int32] = []

    public init() {}

    public init(_ entries: [Entry]) {
        reserveCapacity(entries.count)
        for entry in entries { add(entry) }
    }

    /// Makes room for `count` lines, and for company and ticker ids below `companies` and `symbols`.
    public mutating func reserveCapacity(_ count: Int, companies: Int = 0, symbols: Int = 0) {
        entries.reserveCapacity(count)
        companyNext.reserveCapacity(count)
        symbolNext.reserveCapacity(count)
        PriorMembership.grow(&companyFirst, &companyLast, to: companies)
        PriorMembership.grow(&symbolFirst, &symbolLast, to: symbols)
    }

    private static func grow(_ first: inout [Int32], _ last: inout [Int32], to count: Int) {
        guard count > first.count else { return }
        first += repeatElement(-1, count: count - first.count)
        last += repeatElement(-1, count: count - last.count)
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Adds a line. A line already present (same ticker, or same company and ticker) takes what the
    /// new line adds: a member's tier over `none`, whichever comes first (`DCOM^`, a preferred
    /// outside the indexes, and `DCOM`, the member, share a ticker id), and a Russell 2000 file's
    /// tier over a Russell 3000 file's inference that a line is in the Russell 1000. Lines with a
    /// company are told apart by it, so two companies that once used one ticker stay distinct.
    public mutating func add(_ entry: Entry) {
        let existing = entry.company >= 0
            ? positions(company: entry.company).first { entries[$0].symbol == entry.symbol }
            : first(entry.symbol, in: symbolFirst)
        if let existing {
            if entries[existing].tier == .none, entry.tier != .none {
                entries[existing].tier = entry.tier
                entries[existing].isMicrocap = entry.isMicrocap
                entries[existing].weight = entry.weight
                return
            }
            if entries[existing].tier == .r1000, entry.tier == .r2000 { entries[existing].tier = .r2000 }
            if entries[existing].isMicrocap == nil { entries[existing].isMicrocap = entry.isMicrocap }
            return
        }
        let position = Int32(entries.count)
        entries.append(entry)
        companyNext.append(-1)
        symbolNext.append(-1)
        if entry.company >= 0 { PriorMembership.link(position, id: entry.company, &companyFirst, &companyLast, &companyNext) }
        PriorMembership.link(position, id: entry.symbol, &symbolFirst, &symbolLast, &symbolNext)
    }

    private static func link(_ position: Int32, id: Int32, _ first: inout [Int32], _ last: inout [Int32], _ next: inout [Int32]) {
        let slot = Int(id)
        if slot >= first.count { grow(&first, &last, to: max(slot + 1, first.count * 2)) }
        if first[slot] < 0 { first[slot] = position } else { next[Int(last[slot])] = position }
        last[slot] = position
    }

    private func first(_ id: Int32, in heads: [Int32]) -> Int? {
        Int(id) < heads.count && heads[Int(id)] >= 0 ? Int(heads[Int(id)]) : nil
    }

    /// Removes the lines at these positions (ascending), keeping the others in order: the
    /// membership that adding them again in order would build (lines already merged never merge
    /// again).
    public mutating func remove(at positions: [Int]) {
        guard !positions.isEmpty else { return }
        var removed = [Bool](repeating: false, count: entries.count)
        for position in positions { removed[position] = true }
        // The lists are rebuilt: the ids of every line before are reset first.
        for entry in entries {
            if entry.company >= 0 { companyFirst[Int(entry.company)] = -1 }
            symbolFirst[Int(entry.symbol)] = -1
        }
        // Compacted in place, in order (moving a line does not copy its fields).
        var kept = 0
        for position in entries.indices where !removed[position] {
            if kept != position { entries.swapAt(kept, position) }
            kept += 1
        }
        entries.removeLast(entries.count - kept)
        companyNext.removeAll(keepingCapacity: true)
        symbolNext.removeAll(keepingCapacity: true)
        for position in entries.indices {
            let entry = entries[position]
            companyNext.append(-1)
            symbolNext.append(-1)
            if entry.company >= 0 { PriorMembership.link(Int32(position), id: entry.company, &companyFirst, &companyLast, &companyNext) }
            PriorMembership.link(Int32(position), id: entry.symbol, &symbolFirst, &symbolLast, &symbolNext)
        }
    }

    /// The positions in ``entries`` of a company's lines, in order.
    public func positions(company: Int32) -> ThreadedList {
        ThreadedList(start: first(company, in: companyFirst).map(Int32.init) ?? -1, next: companyNext)
    }

    /// The positions of the lines with a ticker id, in order.
    public func positions(symbol: Int32) -> ThreadedList {
        ThreadedList(start: first(symbol, in: symbolFirst).map(Int32.init) ?? -1, next: symbolNext)
    }

    /// The entries threaded through one list, walked without making an array.
    public struct ThreadedList: Sequence, IteratorProtocol {
        private var position: Int32
        private let following: [Int32]

        fileprivate init(start: Int32, next: [Int32]) {
            position = start
            following = next
        }

        public mutating func next() -> Int? {
            guard position >= 0 else { return nil }
            defer { position = following[Int(position)] }
            return Int(position)
        }
    }

    /// The position of the line matching a universe line of `company` with ticker `symbol`: the
    /// company's one line, or its line with that ticker, or its first; else the first line with
    /// that ticker.
    public func position(company: Int32, symbol: Int32) -> Int? {
        var ofCompany = positions(company: company)
        if let first = ofCompany.next() {
            // One line of the company: it is the match whatever its ticker.
            guard let second = ofCompany.next() else { return first }
            if entries[first].symbol == symbol { return first }
            if entries[second].symbol == symbol { return second }
            return ofCompany.first { entries[$0].symbol == symbol } ?? first
        }
        return first(symbol, in: symbolFirst)
    }

    /// Number of prior lines in a tier.
    public func count(_ tier: IndexTier) -> Int { entries.lazy.filter { $0.tier == tier }.count }
}
