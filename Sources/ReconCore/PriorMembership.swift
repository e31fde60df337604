/// The membership in force before a reconstitution: which lines were in the Russell 1000 and
/// the Russell 2000 (and, when known, the Microcap).
///
/// Banding needs it (M7 §6.10.2: existing members are reviewed against the band), and so do the
/// price exception for members (§5.8) and the migration classes. Lines are matched to a universe
/// by ``Security/companyKey`` when the prior carries one (a replay), else by normalised ticker.
public struct PriorMembership: Sendable, Hashable {
    /// Two memberships are equal when their lines are: the look-ups follow from the lines in order.
    public static func == (a: PriorMembership, b: PriorMembership) -> Bool { a.entries == b.entries }
    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }

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
    // The look-ups hold each entry's number (in order of adding, never reused) rather than its
    // position, so that removing lines (a replay removes members at every IPO window) re-hashes
    // only the removed lines' keys, not every key: positions come from `positionOfNumber`.
    /// The number of the entry at each position, and the position of each number (-1 once removed).
    private var numberAt: [Int32] = []
    private var positionOfNumber: [Int32] = []
    /// The entries with each ticker, and with each company key, in order.
    private var bySymbol = NumberChains()
    private var byCompany = NumberChains()

    public init() {}

    public init(_ entries: [Entry]) {
        reserveCapacity(entries.count)
        for entry in entries { add(entry) }
    }

    /// Makes room for `count` lines.
    public mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
        numberAt.reserveCapacity(count)
        positionOfNumber.reserveCapacity(count)
        bySymbol.reserveCapacity(count)
        byCompany.reserveCapacity(count)
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Adds a line. A line already present (same ticker, or same company key and ticker) keeps the
    /// more specific tier: a Russell 2000 file wins over a Russell 3000 file's inference that a line
    /// is in the Russell 1000. Lines with a company key are told apart by it, so two companies that
    /// once used one ticker (or none) stay distinct.
    public mutating func add(_ entry: Entry) {
        let existing = entry.companyKey.map { key in
            companyNumbers(key).lazy.map(position(of:)).first { entries[$0].symbol == entry.symbol }
        } ?? bySymbol.first(entry.symbol).map(position(of:))
        if let existing {
            if entries[existing].tier == .r1000, entry.tier == .r2000 { entries[existing].tier = .r2000 }
            if entries[existing].isMicrocap == nil { entries[existing].isMicrocap = entry.isMicrocap }
            return
        }
        let number = Int32(positionOfNumber.count)
        numberAt.append(number)
        positionOfNumber.append(Int32(entries.count))
        bySymbol.append(number, key: entry.symbol)
        byCompany.append(number, key: entry.companyKey)
        entries.append(entry)
    }

    /// Removes the lines at these positions (ascending), keeping the others in order: the
    /// membership that adding them again in order would build (lines already merged never merge
    /// again), without the look-ups that adding makes.
    public mutating func remove(at positions: [Int]) {
        guard !positions.isEmpty else { return }
        var removed = [Bool](repeating: false, count: entries.count)
        for position in positions { removed[position] = true }
        // Every removed number marked first, so that a chain's new first line is a live one.
        for position in positions { positionOfNumber[Int(numberAt[position])] = -1 }
        for position in positions {
            let number = numberAt[position]
            bySymbol.remove(number, key: entries[position].symbol, positions: positionOfNumber)
            if let key = entries[position].companyKey { byCompany.remove(number, key: key, positions: positionOfNumber) }
        }
        // Compacted in place: swapping moves an entry without copying its strings.
        var kept = 0
        for position in entries.indices where !removed[position] {
            if kept != position {
                entries.swapAt(kept, position)
                numberAt[kept] = numberAt[position]
            }
            positionOfNumber[Int(numberAt[kept])] = Int32(kept)
            kept += 1
        }
        entries.removeLast(entries.count - kept)
        numberAt.removeLast(numberAt.count - kept)
    }

    @inline(__always)
    private func position(of number: Int32) -> Int { Int(positionOfNumber[Int(number)]) }

    /// The live entry numbers of a company, in order.
    private func companyNumbers(_ key: String) -> NumberChains.Chain {
        byCompany.numbers(key, positions: positionOfNumber)
    }

    /// The positions in ``entries`` of a company's lines.
    public func positions(companyKey: String) -> [Int] { companyNumbers(companyKey).map(position(of:)) }

    /// The prior line with this (raw or normalised) ticker.
    public func entry(symbol: String) -> Entry? {
        bySymbol.first(Ticker.normalize(symbol)).map { entries[position(of: $0)] }
    }

    /// The prior lines of a company key.
    public func entries(companyKey: String) -> [Entry] {
        companyNumbers(companyKey).map { entries[position(of: $0)] }
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
        var ofCompany = companyNumbers(companyKey)
        if let first = ofCompany.next().map(position(of:)) {
            // One line of the company: it is the match whatever its ticker.
            guard let second = ofCompany.next().map(position(of:)) else { return first }
            let normalized = Ticker.normalize(symbol)
            if entries[first].symbol == normalized { return first }
            if entries[second].symbol == normalized { return second }
            return ofCompany.lazy.map(position(of:)).first { entries[$0].symbol == normalized } ?? first
        }
        return bySymbol.first(Ticker.normalize(symbol)).map(position(of:))
    }

    /// Number of prior lines in a tier.
    public func count(_ tier: IndexTier) -> Int { entries.lazy.filter { $0.tier == tier }.count }
}
