extension Universe {
    /// A universe of `securities` (a snapshot source's lines) and the prior membership of `prior`,
    /// numbered into one set of keys: a prior line takes the ids of the universe's company key and
    /// ticker it names, or new ones.
    ///
    /// - Parameter benefitDrivenIncorporation: the rulebook's list of benefit-driven-incorporation
    ///   countries (``Rulebook/benefitDrivenIncorporationCountries``), read for lines that give a
    ///   headquarters country apart from their country (``CountryEvidence``); a universe without
    ///   such lines does not need it.
    /// - Complexity: O(lines + prior lines), one hash of each key and ticker.
    public static func numbering(_ securities: [Security], prior: PriorLines = PriorLines(),
                                 benefitDrivenIncorporation: BenefitDrivenIncorporationCountries = .none) -> (universe: Universe, prior: PriorMembership) {
        var builder = UniverseKeys.Builder(capacity: securities.count + prior.entries.count)
        let companies = securities.indices.map { builder.company(securities[$0].companyKey) }
        let symbols = securities.indices.map { builder.symbol(securities[$0].symbol) }
        let names = securities.indices.map { builder.name(securities[$0].companyName) }
        let entries = prior.entries.map { entry -> PriorMembership.Entry in
            let company = entry.companyKey.map { builder.company($0) }
            // A line without a company key counts, when absent, under the company it is a line of,
            // else under its ticker read as a key.
            let key = company ?? entry.absentLineOf.map { builder.company($0) } ?? builder.company(entry.symbol)
            return PriorMembership.Entry(symbol: builder.symbol(entry.symbol), company: company ?? -1,
                                         key: key, name: builder.name(entry.name), tier: entry.tier,
                                         isMicrocap: entry.isMicrocap, weight: entry.weight, securityID: entry.securityID)
        }
        var universe = Universe(keys: builder.finish(), text: SecurityTexts(securities))
        universe.reserveCapacity(securities.count)
        for index in securities.indices {
            universe.append(securities[index], company: companies[index], symbol: symbols[index], name: names[index],
                            benefitDrivenIncorporation: benefitDrivenIncorporation)
        }
        return (universe, PriorMembership(entries))
    }

    /// Appends a line with its ids.
    mutating func append(_ security: Security, company: Int32, symbol: Int32, name: Int32,
                         benefitDrivenIncorporation: BenefitDrivenIncorporationCountries) {
        append(company: company, symbol: symbol, name: name, type: security.type, typeInferred: security.typeEvidence != nil,
               price: security.price ?? .nan, averagePrice30Days: security.averagePrice30Days ?? .nan,
               marketCap: security.marketCap ?? .nan, capScope: security.capScope,
               floatFraction: security.floatFraction ?? .nan, votingFraction: security.votingFraction ?? .nan,
               volume: security.volume ?? .nan, eligibleExchange: security.isOnEligibleExchange,
               country: CountryEvidence(country: security.country, headquarters: security.headquartersCountry,
                                        benefitDrivenIncorporation: benefitDrivenIncorporation),
               ipoYear: Int32(clamping: security.ipoYear ?? 0), hasPriorExclusion: security.priorExclusion != nil)
    }
}

/// The texts of a universe read from `Security` values.
struct SecurityTexts: UniverseText {
    let securities: [Security]

    init(_ securities: [Security]) { self.securities = securities }

    func symbol(_ line: Int) -> String { securities[line].symbol }
    func id(_ line: Int) -> String { securities[line].id }
    func name(_ line: Int) -> String { securities[line].name }
    func typeEvidence(_ line: Int) -> String? { securities[line].typeEvidence }
    func exchange(_ line: Int) -> String? { securities[line].exchange }
    func country(_ line: Int) -> String? { securities[line].country }
    func priorExclusion(_ line: Int) -> String? { securities[line].priorExclusion }
    func origin(_ line: Int) -> String { securities[line].origin }
}

extension Reconstitution {
    /// A reconstitution of snapshot lines against prior lines (``Universe/numbering(_:prior:)``).
    public static func run(universe securities: [Security], prior: PriorLines = PriorLines(), rulebook: Rulebook) -> ReconstitutionResult {
        let (universe, membership) = Universe.numbering(securities, prior: prior,
                                                        benefitDrivenIncorporation: rulebook.benefitDrivenIncorporationCountries)
        return run(universe: universe, prior: membership, rulebook: rulebook)
    }
}

/// Dated snapshots of `Security` lines as a ``MarketHistory``: every snapshot numbered into one
/// set of keys, so that a replay follows companies and tickers across dates.
public struct SecurityHistory: MarketHistory, Sendable {
    public let keys: UniverseKeys
    private let universes: [(date: CalendarDate, universe: Universe)]

    /// - Parameters:
    ///   - byDate: snapshots in date order.
    ///   - benefitDrivenIncorporation: as for ``Universe/numbering(_:prior:benefitDrivenIncorporation:)``.
    public init(_ byDate: [(date: CalendarDate, securities: [Security])],
                benefitDrivenIncorporation: BenefitDrivenIncorporationCountries = .none) {
        var builder = UniverseKeys.Builder()
        let ids = byDate.map { snapshot in
            snapshot.securities.map { (builder.company($0.companyKey), builder.symbol($0.symbol), builder.name($0.companyName)) }
        }
        let keys = builder.finish()
        self.keys = keys
        universes = zip(byDate, ids).map { snapshot, ids in
            var universe = Universe(keys: keys, text: SecurityTexts(snapshot.securities))
            for (security, id) in zip(snapshot.securities, ids) {
                universe.append(security, company: id.0, symbol: id.1, name: id.2, benefitDrivenIncorporation: benefitDrivenIncorporation)
            }
            return (snapshot.date, universe)
        }
    }

    /// The lines say their own types, so `convention` (a reading of CRSP codes) changes nothing.
    public func universe(onOrBefore date: CalendarDate, convention: ShareTypeConvention) -> Universe {
        universes.last { $0.date <= date }?.universe ?? Universe(keys: keys, text: SecurityTexts([]))
    }
}
