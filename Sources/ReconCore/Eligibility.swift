/// The eligibility screens of a reconstitution, applied in the order of russell-rules.md §9.3:
/// share type and structure, exchange, country, price, total cap, float, voting rights. For a
/// source that cannot run the last ones, an earlier judgement inferred from the prior membership
/// (``Security/priorExclusion``) is tested after the total cap.
///
/// Each function returns the first screen failed, or `nil` when the line or company passes; a test
/// whose input the source does not carry (float, votes, exchange) is skipped, never guessed.
public enum Eligibility {
    /// Share-type and company-structure screen of one line (M7 §5.11, §5.13). BDCs are excluded only
    /// in eras that exclude them (from 2014): before that they are treated as common stock.
    ///
    /// A company structure that was *inferred* from a name (``Security/typeEvidence``) gives way to
    /// better evidence: a line already in a Russell US index was judged an operating company by
    /// FTSE Russell. Share types (preferred, warrant, …) are never overridden.
    public static func typeScreen(type: SecurityType, inferred: Bool, rulebook: Rulebook, isPriorMember: Bool) -> ExclusionReason? {
        switch type {
        case .commonStock:
            return nil
        case .businessDevelopmentCompany where !rulebook.excludesBusinessDevelopmentCompanies:
            return nil
        case let type where type.isCompanyStructure && isPriorMember && inferred:
            return nil
        default:
            return .securityType(type)
        }
    }

    /// Company screens on the pricing vehicle and the company's total cap.
    ///
    /// A non-member some of whose classes carry an earlier verdict (``Universe/hasPriorExclusion``)
    /// is judged on its other classes: one of them is the pricing vehicle (``ShareClassMerger``),
    /// the exchange and vote screens read them alone, and the marked classes are left out as lines
    /// (``earlierVerdict(onClass:of:companies:universe:)``). Every class marked, it is excluded.
    public static func companyScreen(_ company: Int, of companies: Companies, universe: Universe, rulebook: Rulebook) -> ExclusionReason? {
        let vehicle = companies.pricingVehicle(company)
        let isMember = companies.wasInRussell3000(company)
        let classesWithoutVerdict = companies.classesWithoutEarlierVerdict(company, in: universe)
        let everyClassJudgedBefore = !isMember && classesWithoutVerdict.isEmpty
        let classes = isMember || everyClassJudgedBefore ? companies.classes(company) : classesWithoutVerdict

        // Exchange (M7 §5.6–5.7): excluded only when no class is known to be on an eligible exchange
        // and at least one is known not to be.
        var everyClassOffExchange = true
        for line in classes where universe.eligibleExchange[Int(line)] != false { everyClassOffExchange = false }
        if everyClassOffExchange { return .exchange(universe.text.exchange(vehicle) ?? "unknown") }
        // Country (M7 §5.3–5.5): the home-country test on the facts when a facts file gives the
        // company's indicators, else the universe's own country evidence.
        if let indicators = universe.facts?[vehicle].homeCountry {
            if let reason = CountryAssignment.exclusion(indicators, wasPriorMember: isMember, rulebook: rulebook) { return reason }
        } else if !CountryAssignment.isUnitedStates(universe.country[vehicle], wasPriorMember: isMember, rulebook: rulebook) {
            return .country(universe.text.country(vehicle) ?? "")
        }
        let price = companies.price[company], cap = companies.totalMarketCap[company]
        guard price > 0 else { return .missingData("price") }
        guard cap > 0 else { return .missingData("market cap") }
        // Price (M7 §5.8): an existing member under the minimum stays on its 30-day average close.
        // Without a price history the snapshot's close is the best estimate of that average, so the
        // member is tested on it.
        if price < rulebook.minimumPrice {
            let average = universe.averagePrice30Days[vehicle].isNaN ? price : universe.averagePrice30Days[vehicle]
            let excepted = isMember && rulebook.memberPriceAverageException && average >= rulebook.minimumPrice
            if !excepted { return .priceBelowMinimum(price) }
        }
        // Total market cap (M7 §5.9).
        if cap < rulebook.minimumTotalCap { return .capBelowMinimum(cap) }
        // What the source cannot test (the full HCI country test, float, votes): a company the prior
        // Russell files left out although it was large and every class of it listed then (`PriorExclusion`).
        if everyClassJudgedBefore, let evidence = universe.text.priorExclusion(vehicle) { return .excludedBefore(evidence) }
        // Float (M7 §5.10), naming the fact when the float is a facts file's.
        let float = universe.floatFraction[vehicle]
        if let minimum = rulebook.minimumFloat, float < minimum {
            if let fact = universe.facts?[vehicle].float { return .floatFactBelowMinimum(float, fact) }
            return .floatBelowMinimum(float)
        }
        // Voting rights (M7 §5.15): new members always; existing members once the era applies it to
        // them. The public holds votes through any listed class, so the test fails only when every
        // class is known to carry less than the minimum.
        if let minimum = rulebook.minimumVoting, !isMember || rulebook.votingAppliesToMembers,
           !classes.contains(where: { universe.votingFraction[Int($0)].isNaN }),
           let fraction = classes.lazy.map({ universe.votingFraction[Int($0)] }).max(), fraction < minimum {
            let fromFacts = classes.contains { universe.facts?[Int($0)].voting == true && universe.votingFraction[Int($0)] == fraction }
            return fromFacts ? .votingFactBelowMinimum(fraction) : .votingBelowMinimum(fraction)
        }
        return nil
    }

    /// The earlier verdict on one class of a company that passed the company screens: a class the
    /// prior Russell files left out although it was listed then (`PriorExclusion`) is no index line
    /// of its own (M7 §6.5.1), while the company stays through its other classes and its shares
    /// still count in the total cap (§6.5.2). A member's classes carry no verdict.
    public static func earlierVerdict(onClass line: Int, of company: Int, companies: Companies, universe: Universe) -> ExclusionReason? {
        guard !companies.wasInRussell3000(company), universe.hasPriorExclusion[line],
              let evidence = universe.text.priorExclusion(line) else { return nil }
        return .excludedBefore(evidence)
    }

    /// Whether a share class other than the pricing vehicle is an index line of its own (M7 §6.5.1):
    /// its daily traded value (price × volume, the snapshot's proxy for the average daily traded
    /// value) must reach the era's minimum, its float 5% and its own cap $30M, where the source
    /// gives them.
    public static func additionalClassScreen(_ line: Int, universe: Universe, rulebook: Rulebook) -> ExclusionReason? {
        let price = universe.price[line], volume = universe.volume[line]
        if let minimum = rulebook.additionalClassMinimumDailyValue, !price.isNaN, !volume.isNaN, price * volume < minimum {
            return .additionalClass("daily traded value \(Int(price * volume)) under \(Int(minimum))")
        }
        if let minimum = rulebook.minimumFloat, universe.floatFraction[line] < minimum {
            return .additionalClass("float under the minimum")
        }
        if universe.capScope[line] == .security, universe.marketCap[line] < rulebook.minimumTotalCap {
            return .additionalClass("class cap under the minimum")
        }
        return nil
    }
}
