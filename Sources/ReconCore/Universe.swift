/// The lines of one universe snapshot as columns: each line's company and ticker are dense
/// integer ids, its figures are numbers in arrays, and its texts (tickers, names, keys, origins)
/// sit beside them in ``text``, read by the output and by the few rules that order by text.
///
/// A figure the source does not carry is NaN (a price, a cap, a float); a screen whose input is
/// NaN is skipped, never guessed, as for a `nil` in ``Security``.
///
/// The ids of every universe of one market (a replay's panel, a snapshot and its prior) come
/// from one ``UniverseKeys``, so that a company or a ticker is the same number at every date and
/// in the prior membership: the engine groups, matches and counts by array index.
public struct Universe: Sendable {
    /// The company of each line (an id of ``keys``).
    public var company: [Int32]
    /// The normalised ticker of each line (an id of ``keys``, ``Ticker/normalize(_:)``).
    public var symbol: [Int32]
    /// The company's display name as each line gives it (a name id of ``keys``).
    public var name: [Int32]
    public var type: [SecurityType]
    /// Whether ``type`` was inferred (``Security/typeEvidence``), so that better evidence overrides it.
    public var typeInferred: [Bool]
    public var price: [Double]
    /// The 30-day average close before the rank day (M7 §5.8), NaN when no price history is given.
    public var averagePrice30Days: [Double]
    public var marketCap: [Double]
    public var capScope: [CapScope]
    public var floatFraction: [Double]
    public var votingFraction: [Double]
    public var volume: [Double]
    /// Whether the listing exchange is eligible (M7 §5.6–5.7), `nil` when unknown.
    public var eligibleExchange: [Bool?]
    /// What the line's country fields say for the home-country screen (M7 §5.3–5.5).
    public var country: [CountryEvidence]
    /// The IPO year, 0 when unknown.
    public var ipoYear: [Int32]
    /// Whether the line carries evidence of an earlier verdict of ineligibility (``Security/priorExclusion``).
    public var hasPriorExclusion: [Bool]
    /// What a company-facts file gave each line (``FactsOverlay``), so that a screen or a weight
    /// can name the fact it used; `nil` when no facts were overlaid.
    public var facts: [LineFacts]? = nil
    /// The float each line's weight in a prior holdings file implies, NaN where none does; `nil`
    /// when no holdings file was read. Used for index weights only, never for the 5% float screen
    /// (an estimate, and a fund's weight covers its listed class only).
    public var holdingsFloat: [Double]? = nil
    /// The id spaces and texts of companies and tickers, shared with the universe's market.
    public let keys: UniverseKeys
    /// The texts of the lines.
    public let text: any UniverseText

    /// Number of lines.
    public var count: Int { company.count }
    public var indices: Range<Int> { 0 ..< count }

    /// An empty universe numbering into `keys`.
    public init(keys: UniverseKeys, text: any UniverseText) {
        company = []; symbol = []; name = []; type = []; typeInferred = []; price = []; averagePrice30Days = []; marketCap = []
        capScope = []; floatFraction = []; votingFraction = []; volume = []; eligibleExchange = []; country = []
        ipoYear = []; hasPriorExclusion = []
        self.keys = keys
        self.text = text
    }

    /// A universe of whole columns (each with one element per line).
    public init(keys: UniverseKeys, text: any UniverseText, company: [Int32], symbol: [Int32], name: [Int32],
                type: [SecurityType], typeInferred: [Bool], price: [Double], averagePrice30Days: [Double], marketCap: [Double],
                capScope: [CapScope], floatFraction: [Double], votingFraction: [Double], volume: [Double],
                eligibleExchange: [Bool?], country: [CountryEvidence], ipoYear: [Int32], hasPriorExclusion: [Bool]) {
        let counts: [Int] = [symbol.count, name.count, type.count, typeInferred.count, price.count, averagePrice30Days.count,
                             marketCap.count, capScope.count, floatFraction.count, votingFraction.count, volume.count,
                             eligibleExchange.count, country.count, ipoYear.count, hasPriorExclusion.count]
        precondition(counts.allSatisfy { $0 == company.count }, "a universe's columns have one element per line")
        self.keys = keys
        self.text = text
        self.company = company; self.symbol = symbol; self.name = name; self.type = type; self.typeInferred = typeInferred
        self.price = price; self.averagePrice30Days = averagePrice30Days; self.marketCap = marketCap; self.capScope = capScope
        self.floatFraction = floatFraction; self.votingFraction = votingFraction; self.volume = volume
        self.eligibleExchange = eligibleExchange; self.country = country; self.ipoYear = ipoYear
        self.hasPriorExclusion = hasPriorExclusion
    }

    /// Makes room for `count` lines.
    public mutating func reserveCapacity(_ count: Int) {
        company.reserveCapacity(count); symbol.reserveCapacity(count); name.reserveCapacity(count); type.reserveCapacity(count)
        typeInferred.reserveCapacity(count); price.reserveCapacity(count); averagePrice30Days.reserveCapacity(count)
        marketCap.reserveCapacity(count); capScope.reserveCapacity(count); floatFraction.reserveCapacity(count)
        votingFraction.reserveCapacity(count); volume.reserveCapacity(count); eligibleExchange.reserveCapacity(count)
        country.reserveCapacity(count); ipoYear.reserveCapacity(count); hasPriorExclusion.reserveCapacity(count)
    }

    /// Appends one line's ids and figures (its texts are ``text``'s).
    public mutating func append(company: Int32, symbol: Int32, name: Int32, type: SecurityType, typeInferred: Bool, price: Double,
                                averagePrice30Days: Double = .nan, marketCap: Double, capScope: CapScope,
                                floatFraction: Double = .nan, votingFraction: Double = .nan, volume: Double = .nan,
                                eligibleExchange: Bool?, country: CountryEvidence, ipoYear: Int32, hasPriorExclusion: Bool = false) {
        self.company.append(company)
        self.symbol.append(symbol)
        self.name.append(name)
        self.type.append(type)
        self.typeInferred.append(typeInferred)
        self.price.append(price)
        self.averagePrice30Days.append(averagePrice30Days)
        self.marketCap.append(marketCap)
        self.capScope.append(capScope)
        self.floatFraction.append(floatFraction)
        self.votingFraction.append(votingFraction)
        self.volume.append(volume)
        self.eligibleExchange.append(eligibleExchange)
        self.country.append(country)
        self.ipoYear.append(ipoYear)
        self.hasPriorExclusion.append(hasPriorExclusion)
    }

    /// Whether a line can be the common equity of its company, as the prior match sees it: not a
    /// share type (preferred, warrant, …) of an issuer; company structures count as the issuer's.
    @inline(__always)
    func isShareType(_ line: Int) -> Bool {
        !type[line].isEligibleType && !type[line].isCompanyStructure
    }
}

/// The texts of a universe's lines, for output and for the rules that read a name or order by
/// text; the engine itself works on ids and numbers.
public protocol UniverseText: Sendable {
    /// The ticker as the source spells it.
    func symbol(_ line: Int) -> String
    /// The source's permanent identifier of the line (a CRSP PERMNO), else its ticker
    /// (``Security/id``): a CRSP line's ticker is its security's latest, not the one of its date.
    func id(_ line: Int) -> String
    /// The line's own name.
    func name(_ line: Int) -> String
    /// Why the line's type was inferred, when it was.
    func typeEvidence(_ line: Int) -> String?
    /// The listing exchange as the source reports it.
    func exchange(_ line: Int) -> String?
    /// The country as the source reports it.
    func country(_ line: Int) -> String?
    /// The evidence of an earlier verdict of ineligibility (``Security/priorExclusion``).
    func priorExclusion(_ line: Int) -> String?
    /// Where the line came from (`file:line`).
    func origin(_ line: Int) -> String
}

/// What a line's country fields say for the home-country screen, worked out once from their text
/// (``CountryAssignment``): the screen itself then compares no text.
public enum CountryEvidence: UInt8, Sendable, Hashable {
    /// The country is the United States or one of its territories.
    case unitedStates
    /// A benefit-driven-incorporation country with headquarters in the United States.
    case benefitDrivenWithUSHeadquarters
    /// Anything else, a blank country included.
    case other

    /// - Parameter benefitDrivenIncorporation: the rulebook's list (``Rulebook/benefitDrivenIncorporationCountries``),
    ///   read only when the source gives a headquarters country.
    public init(country: String?, headquarters: String?, benefitDrivenIncorporation: BenefitDrivenIncorporationCountries) {
        switch CountryAssignment.decide(country: country, headquarters: headquarters, wasPriorMember: false,
                                        benefitDrivenIncorporation: benefitDrivenIncorporation,
                                        benefitDrivenIncorporationEligible: true) {
        case .unitedStates(rule: "benefit_driven_incorporation"): self = .benefitDrivenWithUSHeadquarters
        case .unitedStates: self = .unitedStates
        case .notUnitedStates: self = .other
        }
    }
}

extension Universe {
    /// The lines at `lines`, in that order, numbering into the same keys (a replay screens an IPO
    /// window's new lines alone).
    public func subset(_ lines: [Int]) -> Universe {
        var subset = Universe(keys: keys, text: SubsetText(base: text, lines: lines))
        subset.reserveCapacity(lines.count)
        for line in lines {
            subset.append(company: company[line], symbol: symbol[line], name: name[line], type: type[line], typeInferred: typeInferred[line],
                          price: price[line], averagePrice30Days: averagePrice30Days[line], marketCap: marketCap[line],
                          capScope: capScope[line], floatFraction: floatFraction[line], votingFraction: votingFraction[line],
                          volume: volume[line], eligibleExchange: eligibleExchange[line], country: country[line],
                          ipoYear: ipoYear[line], hasPriorExclusion: hasPriorExclusion[line])
        }
        subset.facts = facts.map { facts in lines.map { facts[$0] } }
        subset.holdingsFloat = holdingsFloat.map { floats in lines.map { floats[$0] } }
        return subset
    }
}

/// The texts of some lines of another universe.
private struct SubsetText: UniverseText {
    let base: any UniverseText
    let lines: [Int]

    func symbol(_ line: Int) -> String { base.symbol(lines[line]) }
    func id(_ line: Int) -> String { base.id(lines[line]) }
    func name(_ line: Int) -> String { base.name(lines[line]) }
    func typeEvidence(_ line: Int) -> String? { base.typeEvidence(lines[line]) }
    func exchange(_ line: Int) -> String? { base.exchange(lines[line]) }
    func country(_ line: Int) -> String? { base.country(lines[line]) }
    func priorExclusion(_ line: Int) -> String? { base.priorExclusion(lines[line]) }
    func origin(_ line: Int) -> String { base.origin(lines[line]) }
}
