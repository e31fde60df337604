/// The prior membership as its files list it (iShares holdings, a `membership.csv`): lines with a
/// ticker, a name and an index, and a company key when the file gives one. What the snapshot
/// rules read before a universe is numbered (ticker changes, earlier verdicts); a reconstitution
/// ranks against the same lines numbered into the universe's ids (``PriorMembership``).
///
/// Lines are matched to a universe by company key when they carry one, else by ticker: the exact
/// symbol first, the normalised ticker (`BRKB` for Nasdaq's `BRK/B`) as a fallback that a
/// preferred's spelling (`DCOM^`) never takes (``Ticker``).
public struct PriorLines: Sendable, Hashable {
    /// Two sets of lines are equal when their lines are: the look-ups follow from the lines in order.
    public static func == (a: PriorLines, b: PriorLines) -> Bool { a.entries == b.entries }
    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }

    /// One prior member line.
    public struct Entry: Sendable, Hashable {
        /// Normalised ticker (see ``Ticker/normalize(_:)``).
        public var symbol: String
        /// The ticker as its file spells it, upper-cased (``Ticker/exact(_:)``).
        public var spelling: String
        public var name: String
        public var tier: IndexTier
        /// The company key, when the file comes from the same kind of universe (recon's own output).
        public var companyKey: String?
        /// Whether the line was also in the Microcap, when known.
        public var isMicrocap: Bool?
        /// Its weight in its index, when known (a float-adjusted weight for iShares files).
        public var weight: Double?
        /// The source's permanent identifier of the line (a PERMNO), when the file gives one
        /// (recon's own `membership.csv`, its `security_id`): kept by the member if it is absent.
        public var securityID: String?
        /// The universe company this line belongs to when the universe does not list the line and
        /// the company was a member through another line (``PriorTickerChanges``): absent, the line
        /// counts under that company, so a company whose other class is listed is not deleted.
        public var absentLineOf: String?

        public init(symbol: String, name: String, tier: IndexTier, companyKey: String? = nil,
                    isMicrocap: Bool? = nil, weight: Double? = nil, securityID: String? = nil) {
            self.symbol = Ticker.normalize(symbol)
            spelling = Ticker.exact(symbol)
            self.name = name
            self.tier = tier
            self.companyKey = companyKey
            self.isMicrocap = isMicrocap
            self.weight = weight
            self.securityID = securityID
        }
    }

    /// Lines in a stable order (as added).
    public private(set) var entries: [Entry] = []
    /// The first line of each security key (``Ticker/securityKey(_:)``: `DCOM^` and `DCOM` are two
    /// keys, one normalised ticker), and the lines of each company key, in order.
    private var firstWithKey: [String: Int] = [:]
    private var withCompany: [String: [Int]] = [:]

    public init() {}

    public init(_ entries: [Entry]) {
        for entry in entries { add(entry) }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Adds a line. A line already present (same company key and ticker, or without a key the same
    /// security key) takes what the new line adds: a member's tier over `none` (a member merged with a
    /// line of the same ticker keeps its membership, whichever comes first), and a Russell 2000
    /// file's tier over a Russell 3000 file's inference that a line is in the Russell 1000. Lines
    /// with a company key are told apart by it, so two companies that once used one ticker (or
    /// none) stay distinct; lines without one by their spelling, so `BCC` (Boise Cascade) is not
    /// taken for `BC^C` (Brunswick's notes).
    public mutating func add(_ entry: Entry) {
        let existing = entry.companyKey.map { key in
            (withCompany[key] ?? []).first { entries[$0].symbol == entry.symbol }
        } ?? firstWithKey[entry.securityKey]
        if let existing {
            entries[existing].merge(entry)
            return
        }
        if firstWithKey[entry.securityKey] == nil { firstWithKey[entry.securityKey] = entries.count }
        if let key = entry.companyKey { withCompany[key, default: []].append(entries.count) }
        entries.append(entry)
    }

    /// The prior line with this (raw or normalised) ticker: the first of its security key, so
    /// `BRK/B` finds `BRKB` but `DCOM^` never finds `DCOM`.
    public func entry(symbol: String) -> Entry? {
        position(symbol: symbol).map { entries[$0] }
    }

    private func position(symbol: String) -> Int? { firstWithKey[Ticker.securityKey(symbol)] }

    /// The prior lines of a company key.
    public func entries(companyKey: String) -> [Entry] { (withCompany[companyKey] ?? []).map { entries[$0] } }

    /// The position in ``entries`` of the line matching a universe security: by company key first
    /// (the one line of the company, or the one with the security's ticker, or its first), then by
    /// ticker (``entry(symbol:)``).
    public func position(for security: Security) -> Int? {
        if let ofCompany = withCompany[security.companyKey], let first = ofCompany.first {
            if ofCompany.count == 1 { return first }
            let normalized = Ticker.normalize(security.symbol)
            return ofCompany.first { entries[$0].symbol == normalized } ?? first
        }
        return position(symbol: security.symbol)
    }

    /// The prior line matching a universe security.
    public func entry(for security: Security) -> Entry? { position(for: security).map { entries[$0] } }

    /// Number of prior lines in a tier.
    public func count(_ tier: IndexTier) -> Int { entries.lazy.filter { $0.tier == tier }.count }
}

extension PriorLines.Entry {
    /// ``Ticker/securityKey(_:)`` of the line's ticker.
    public var securityKey: String { Ticker.securityKey(spelling) }

    /// Takes from `other`, a line of the same security or ticker, what it adds (``PriorLines/add(_:)``).
    mutating func merge(_ other: PriorLines.Entry) {
        if tier == .none, other.tier != .none {
            tier = other.tier
            isMicrocap = other.isMicrocap
            weight = other.weight
            return
        }
        if tier == .r1000, other.tier == .r2000 { tier = .r2000 }
        if isMicrocap == nil { isMicrocap = other.isMicrocap }
    }
}
