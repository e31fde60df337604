/// The membership in force before a reconstitution: which lines were in the Russell 1000 and
/// the Russell 2000 (and, when known, the Microcap).
///
/// Banding needs it (M7 §6.10.2: existing members are reviewed against the band), and so do the
/// price exception for members (§5.8) and the migration classes. Lines are matched to a universe
/// by ``Security/companyKey`` when the prior carries one (a replay), else by normalised ticker.
public struct PriorMembership: Sendable, Hashable {
    /// One prior member line.
    public struct Entry: Sendable, Hashable {
        /// Normalised ticker (see ``Ticker/normalize(_:)``).
        public var symbol: String
        public var name: String
        public var tier: IndexTier
        /// The company key, when the prior came from the same kind of universe (a replay).
        public var companyKey: String?
        /// Whether the line was also in the Microcap, when known.
        public var isMicrocap: Bool?
        /// Its weight in its index, when known (a float-adjusted weight for iShares files).
        public var weight: Double?

        public init(symbol: String, name: String, tier: IndexTier, companyKey: String? = nil,
                    isMicrocap: Bool? = nil, weight: Double? = nil) {
            self.symbol = Ticker.normalize(symbol)
            self.name = name
            self.tier = tier
            self.companyKey = companyKey
            self.isMicrocap = isMicrocap
            self.weight = weight
        }
    }

    /// Lines in a stable order (as added).
    public private(set) var entries: [Entry] = []
    private var indexBySymbol: [String: Int] = [:]
    private var indexByCompany: [String: [Int]] = [:]

    public init() {}

    public init(_ entries: [Entry]) {
        for entry in entries { add(entry) }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Adds a line. A line already present (same ticker, or same company key and ticker) keeps the
    /// more specific tier: a Russell 2000 file wins over a Russell 3000 file's inference that a line
    /// is in the Russell 1000. Lines with a company key are told apart by it, so two companies that
    /// once used one ticker (or none) stay distinct.
    public mutating func add(_ entry: Entry) {
        let existing = entry.companyKey.map { key in
            indexByCompany[key]?.first { entries[$0].symbol == entry.symbol }
        } ?? indexBySymbol[entry.symbol]
        if let existing {
            if entries[existing].tier == .r1000, entry.tier == .r2000 { entries[existing].tier = .r2000 }
            if entries[existing].isMicrocap == nil { entries[existing].isMicrocap = entry.isMicrocap }
            return
        }
        if indexBySymbol[entry.symbol] == nil { indexBySymbol[entry.symbol] = entries.count }
        if let key = entry.companyKey { indexByCompany[key, default: []].append(entries.count) }
        entries.append(entry)
    }

    /// Removes the lines at these positions (ascending), keeping the others in order: the
    /// membership that adding them again in order would build (lines already merged never merge
    /// again), without the look-ups that adding makes.
    public mutating func remove(at positions: [Int]) {
        guard !positions.isEmpty else { return }
        var removed = [Bool](repeating: false, count: entries.count)
        for position in positions { removed[position] = true }
        // Compacted in place: swapping moves an entry without copying its strings.
        var kept = 0
        for position in entries.indices where !removed[position] {
            if kept != position { entries.swapAt(kept, position) }
            kept += 1
        }
        entries.removeLast(entries.count - kept)
        indexBySymbol = [:]
        indexBySymbol.reserveCapacity(entries.count)
        indexByCompany = [:]
        indexByCompany.reserveCapacity(entries.count)
        for position in entries.indices {
            if indexBySymbol[entries[position].symbol] == nil { indexBySymbol[entries[position].symbol] = position }
            if let key = entries[position].companyKey { indexByCompany[key, default: []].append(position) }
        }
    }

    /// The positions in ``entries`` of a company's lines.
    public func positions(companyKey: String) -> [Int] { indexByCompany[companyKey] ?? [] }

    /// The prior line with this (raw or normalised) ticker.
    public func entry(symbol: String) -> Entry? {
        indexBySymbol[Ticker.normalize(symbol)].map { entries[$0] }
    }

    /// The prior lines of a company key.
    public func entries(companyKey: String) -> [Entry] {
        (indexByCompany[companyKey] ?? []).map { entries[$0] }
    }

    /// The prior line matching a universe security: by company key first, then by ticker.
    public func entry(for security: Security) -> Entry? {
        position(for: security).map { entries[$0] }
    }

    /// The position in ``entries`` of the line matching a universe security.
    public func position(for security: Security) -> Int? {
        position(companyKey: security.companyKey, symbol: security.symbol)
    }

    /// The same from the line's company key and (raw) ticker.
    func position(companyKey: String, symbol: String) -> Int? {
        if let byCompany = indexByCompany[companyKey], let first = byCompany.first {
            // One line of the company: it is the match whatever its ticker.
            if byCompany.count == 1 { return first }
            let normalized = Ticker.normalize(symbol)
            return byCompany.first { entries[$0].symbol == normalized } ?? first
        }
        return indexBySymbol[Ticker.normalize(symbol)]
    }

    /// Number of prior lines in a tier.
    public func count(_ tier: IndexTier) -> Int { entries.lazy.filter { $0.tier == tier }.count }
}
