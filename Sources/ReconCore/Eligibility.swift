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
    public static func typeScreen(_ security: Security, rulebook: Rulebook, isPriorMember: Bool = false) -> ExclusionReason? {
        typeScreen(type: security.type, inferred: security.typeEvidence != nil, rulebook: rulebook, isPriorMember: isPriorMember)
    }

    /// The same from the line's type and whether it was inferred (no `Security` to copy).
    static func typeScreen(type: SecurityType, inferred: Bool, rulebook: Rulebook, isPriorMember: Bool) -> ExclusionReason? {
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
    public static func companyScreen(_ company: Company, universe: [Security], rulebook: Rulebook) -> ExclusionReason? {
        // The pricing vehicle and the classes are read in place (copying a `Security` retains each of its strings).
        let vehicle = company.pricingVehicle
        let isMember = company.wasInRussell3000

        // Exchange (M7 §5.6–5.7): excluded only when no class is known to be on an eligible exchange
        // and at least one is known not to be.
        if company.classes.allSatisfy({ universe[$0].isOnEligibleExchange == false }) {
            return .exchange(universe[vehicle].exchange ?? "unknown")
        }
        // Country (M7 §5.3–5.5).
        if case .notUnitedStates = CountryAssignment.decide(country: universe[vehicle].country,
                                                               headquarters: universe[vehicle].headquartersCountry,
                                                               wasPriorMember: isMember, rulebook: rulebook) {
            return .country(universe[vehicle].country ?? "")
        }
        guard let price = company.price, price > 0 else { return .missingData("price") }
        guard let cap = company.totalMarketCap, cap > 0 else { return .missingData("market cap") }
        // Price (M7 §5.8): an existing member under the minimum stays on its 30-day average close.
        // Without a price history the snapshot's close is the best estimate of that average, so the
        // member is tested on it.
        if price < rulebook.minimumPrice {
            let average = universe[vehicle].averagePrice30Days ?? price
            let excepted = isMember && rulebook.memberPriceAverageException && average >= rulebook.minimumPrice
            if !excepted { return .priceBelowMinimum(price) }
        }
        // Total market cap (M7 §5.9).
        if cap < rulebook.minimumTotalCap { return .capBelowMinimum(cap) }
        // What the source cannot test (the full HCI country test, float, votes): a company the prior
        // Russell files left out although it was listed and large then (`PriorExclusion`).
        if !isMember, let evidence = company.classes.lazy.compactMap({ universe[$0].priorExclusion }).first {
            return .excludedBefore(evidence)
        }
        // Float (M7 §5.10).
        if let minimum = rulebook.minimumFloat, let fraction = universe[vehicle].floatFraction, fraction < minimum {
            return .floatBelowMinimum(fraction)
        }
        // Voting rights (M7 §5.15): new members always; existing members once the era applies it to
        // them. The public holds votes through any listed class, so the test fails only when every
        // class is known to carry less than the minimum.
        if let minimum = rulebook.minimumVoting {
            let votes = company.classes.map { universe[$0].votingFraction }
            if !votes.contains(where: { $0 == nil }), let fraction = votes.compactMap({ $0 }).max(), fraction < minimum,
               !isMember || rulebook.votingAppliesToMembers {
                return .votingBelowMinimum(fraction)
            }
        }
        return nil
    }

    /// Whether a share class other than the pricing vehicle is an index line of its own (M7 §6.5.1):
    /// its daily traded value (price × volume, the snapshot's proxy for the average daily traded
    /// value) must reach the era's minimum, its float 5% and its own cap $30M, where the source
    /// gives them.
    public static func additionalClassScreen(_ security: Security, rulebook: Rulebook) -> ExclusionReason? {
        if let minimum = rulebook.additionalClassMinimumDailyValue, let price = security.price, let volume = security.volume,
           price * volume < minimum {
            return .additionalClass("daily traded value \(Int(price * volume)) under \(Int(minimum))")
        }
        if let minimum = rulebook.minimumFloat, let fraction = security.floatFraction, fraction < minimum {
            return .additionalClass("float under the minimum")
        }
        if security.capScope == .security, let cap = security.marketCap, cap < rulebook.minimumTotalCap {
            return .additionalClass("class cap under the minimum")
        }
        return nil
    }
}
