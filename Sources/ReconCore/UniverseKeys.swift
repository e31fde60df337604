/// The id spaces of one market: its company keys, its normalised tickers and its company display
/// names, each numbered densely, with their texts. Every universe of the market, and the prior membership it is ranked
/// against, number into the same spaces, so that a company is the same id at every date.
///
/// Ties between companies are broken by key text (``Ranking``), and a replay lists new companies
/// in key order: ``companyRank`` gives each company id its place in key order, so those orders
/// compare integers.
public final class UniverseKeys: Sendable {
    /// The key text of each company id (a CRSP PERMCO as text, a normalised issuer name, …).
    public let companyKeys: [String]
    /// Each company id's place in the order of ``companyKeys`` (ascending text).
    public let companyRank: [Int32]
    /// The normalised ticker of each ticker id.
    public let symbols: [String]
    /// The company display name of each name id (ids need not be unique to a text).
    public let names: [String]

    /// Keys, tickers and names in the order of their ids; `companyRank` computed when `nil`.
    public init(companyKeys: [String], symbols: [String], names: [String], companyRank: [Int32]? = nil) {
        self.companyKeys = companyKeys
        self.symbols = symbols
        self.names = names
        if let companyRank {
            self.companyRank = companyRank
        } else {
            var rank = [Int32](repeating: 0, count: companyKeys.count)
            for (place, id) in companyKeys.indices.sorted(by: { companyKeys[$0] < companyKeys[$1] }).enumerated() {
                rank[id] = Int32(place)
            }
            self.companyRank = rank
        }
    }

    public var companyCount: Int { companyKeys.count }
    public var symbolCount: Int { symbols.count }

    /// Numbers texts into ids as they are met.
    public struct Builder: Sendable {
        private var companyIDs: [String: Int32] = [:]
        private var symbolIDs: [String: Int32] = [:]
        private var nameIDs: [String: Int32] = [:]
        private(set) var companyKeys: [String] = []
        private(set) var symbols: [String] = []
        private(set) var names: [String] = []

        public init(capacity: Int = 0) {
            companyIDs.reserveCapacity(capacity)
            symbolIDs.reserveCapacity(capacity)
        }

        /// The id of a company key, new when the key is.
        public mutating func company(_ key: String) -> Int32 {
            if let known = companyIDs[key] { return known }
            let id = Int32(companyKeys.count)
            companyIDs[key] = id
            companyKeys.append(key)
            return id
        }

        /// The id of a ticker (normalised here), new when the ticker is.
        public mutating func symbol(_ raw: String) -> Int32 {
            let normalized = Ticker.normalize(raw)
            if let known = symbolIDs[normalized] { return known }
            let id = Int32(symbols.count)
            symbolIDs[normalized] = id
            symbols.append(normalized)
            return id
        }

        /// The id of a company display name, new when the name is.
        public mutating func name(_ text: String) -> Int32 {
            if let known = nameIDs[text] { return known }
            let id = Int32(names.count)
            nameIDs[text] = id
            names.append(text)
            return id
        }

        /// How many company keys were met.
        public var companyCount: Int { companyKeys.count }

        public func finish() -> UniverseKeys { UniverseKeys(companyKeys: companyKeys, symbols: symbols, names: names) }
    }
}
