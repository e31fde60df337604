/// How a source's market capitalisation relates to a company with several share classes.
public enum CapScope: String, Sendable, Hashable {
    /// The figure covers this line's own shares only (CRSP: |PRC| × SHROUT): classes are summed.
    case security
    /// The figure is this line's price times the company's shares of every class (the Nasdaq
    /// screener does this): classes are not summed; the pricing vehicle's figure is the company's.
    case company
    /// The source does not say; ``ShareClassMerger`` infers it from the implied share counts.
    case unknown
}

/// One listed line of a universe snapshot: a share class of a company, or a non-equity
/// instrument that the screens will remove.
///
/// Values are in US dollars. Optional fields are those a source may not carry; the screens
/// skip a test whose input is unknown and the output says so.
public struct Security: Sendable, Hashable {
    /// The ticker as the source spells it (`BRK/B`, `BRKB`, `BRK.B` are all kept as given).
    public var symbol: String
    /// A permanent identifier of the line when the source has one (CRSP PERMNO); else the symbol.
    public var id: String
    /// The line's own name as the source gives it.
    public var name: String
    /// Identifies the company: share classes with the same key are merged (CRSP PERMCO, or a
    /// normalised issuer name). Never empty.
    public var companyKey: String
    /// The company's display name (the issuer, without class descriptors).
    public var companyName: String
    /// What the line is. Screens exclude every type but common stock.
    public var type: SecurityType
    /// Why ``type`` was inferred (for example `name says "Warrant"`), when it was.
    public var typeEvidence: String?
    /// Close on the rank day (or the snapshot's last sale).
    public var price: Double?
    /// Average daily close over the 30 days before rank day, when a price history is given (§5.8).
    public var averagePrice30Days: Double?
    /// Market capitalisation as the source reports it; see ``capScope``.
    public var marketCap: Double?
    /// What ``marketCap`` covers.
    public var capScope: CapScope
    /// Shares outstanding of this line, when known.
    public var sharesOutstanding: Double?
    /// Fraction of shares available to the public (0...1), when known.
    public var floatFraction: Double?
    /// Fraction of votes held by unrestricted holders (0...1), when known.
    public var votingFraction: Double?
    /// Country as the source reports it (free text; `nil` when blank).
    public var country: String?
    /// Headquarters country, when the source gives it apart from ``country``.
    public var headquartersCountry: String?
    /// Listing exchange as the source reports it, when known.
    public var exchange: String?
    /// Whether the exchange is one of those the rulebook allows, when known (§5.6–5.7).
    public var isOnEligibleExchange: Bool?
    public var sector: String?
    public var industry: String?
    /// Trading volume (shares), used to choose the pricing vehicle among share classes (§6.5.3).
    public var volume: Double?
    public var ipoYear: Int?
    /// Evidence, inferred from the prior membership, that FTSE Russell already judged this class
    /// ineligible on a screen the source cannot run (``Eligibility/companyScreen(_:of:universe:rulebook:)``);
    /// `nil` when there is none. Set by `PriorExclusion` for snapshot sources, on each class listed
    /// on the previous rank day.
    public var priorExclusion: String? = nil
    /// Where the line came from (`file:line`), for messages.
    public var origin: String

    public init(
        symbol: String, id: String? = nil, name: String, companyKey: String, companyName: String,
        type: SecurityType = .commonStock, typeEvidence: String? = nil,
        price: Double? = nil, averagePrice30Days: Double? = nil,
        marketCap: Double? = nil, capScope: CapScope = .security,
        sharesOutstanding: Double? = nil, floatFraction: Double? = nil, votingFraction: Double? = nil,
        country: String? = nil, exchange: String? = nil, isOnEligibleExchange: Bool? = nil,
        sector: String? = nil, industry: String? = nil, volume: Double? = nil, ipoYear: Int? = nil,
        origin: String = ""
    ) {
        self.symbol = symbol
        self.id = id ?? symbol
        self.name = name
        self.companyKey = companyKey
        self.companyName = companyName
        self.type = type
        self.typeEvidence = typeEvidence
        self.price = price
        self.averagePrice30Days = averagePrice30Days
        self.marketCap = marketCap
        self.capScope = capScope
        self.sharesOutstanding = sharesOutstanding
        self.floatFraction = floatFraction
        self.votingFraction = votingFraction
        self.country = country
        self.exchange = exchange
        self.isOnEligibleExchange = isOnEligibleExchange
        self.sector = sector
        self.industry = industry
        self.volume = volume
        self.ipoYear = ipoYear
        self.origin = origin
    }
}

/// Ticker normalisation shared by every comparison between sources.
///
/// Files of one format spell a ticker the same way, and normalising drops what tells securities
/// apart (`DCOM` and `DCOM^`, Dime's common and preferred, both normalise to `DCOM`; `BC^C`,
/// Brunswick's notes, to Boise Cascade's `BCC`): lines of one file are told apart by
/// ``securityKey(_:)``, and two files of one format are matched by ``exact(_:)`` symbol first, by
/// normalised ticker only as a fallback that a symbol of ``isPreferredSpelling(_:)`` never takes
/// (``TickerMatch``).
public enum Ticker {
    /// A symbol as compared exactly: upper-cased (the readers refuse a symbol repeated in any case).
    public static func exact(_ symbol: String) -> String {
        symbol.utf8.contains(where: { (0x61...0x7A).contains($0) }) ? symbol.uppercased() : symbol
    }

    /// Whether a symbol is spelled as Nasdaq spells a preferred or a note (`DCOM^`, `BC^C`): its
    /// normalised form is its issuer's common ticker, or another issuer's, never its own.
    public static func isPreferredSpelling(_ symbol: String) -> Bool { symbol.utf8.contains(UInt8(ascii: "^")) }

    /// The key under which one file lists a security once: the normalised ticker (`BRK.B`, `BRK/B`
    /// and `BRKB` are one security spelled three ways), but a preferred's spelling as it is
    /// (``exact(_:)``): `DCOM^` is not `DCOM`, nor `BC^C` Boise Cascade's `BCC`.
    public static func securityKey(_ symbol: String) -> String {
        isPreferredSpelling(symbol) ? exact(symbol) : normalize(symbol)
    }

    /// Upper-cases and keeps ASCII letters and digits only.
    public static func normalize(_ symbol: String) -> String {
        // Most tickers already are (`AAPL`, `BRKB`): nothing to build.
        if symbol.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }) { return symbol }
        var out = ""
        out.reserveCapacity(symbol.utf8.count)
        for scalar in symbol.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A: out.unicodeScalars.append(scalar)
            case 0x61...0x7A: out.unicodeScalars.append(Unicode.Scalar(scalar.value - 32)!)
            default: continue
            }
        }
        return out
    }
}
