/// Decides whether a company is assigned to the US, from what a universe file carries, or from
/// a company-facts file's home-country indicators when one is given.
///
/// Rulebook: M7 §5.3–5.5 and App. B (russell-rules.md §3.1). FTSE Russell weighs incorporation,
/// headquarters, listing, assets and revenue (home-country indicators); a snapshot carries one
/// country field, so recon applies the parts it can:
/// 1. A company already in a prior Russell US index was assigned to the US by FTSE Russell:
///    that assignment stands (the data README's note on evidence). It stands over the facts too:
///    a facts file often lacks the asset and revenue locations that keep a company incorporated
///    and headquartered abroad in the US (steps 2–3 of the test).
/// 2. With facts (``LineFacts/homeCountry``), the home-country test (``HomeCountry``) decides;
///    a company it assigns to the US while incorporated in a benefit-driven-incorporation country
///    is eligible only in eras where such companies are (from 2007).
/// 3. The United States and its territories (Puerto Rico, Guam, US Virgin Islands) are US (App. B).
/// 4. A benefit-driven-incorporation country (Bermuda, Cayman Islands, …; the rulebook's list from
///    `Data/benefit-driven-incorporation-countries.csv`) gives way to the country of the most
///    liquid exchange — the US for a US listing — only when the company's headquarters are known
///    to be in the US, in eras where such companies are eligible (from 2007; HCI step 4). A single
///    country field names the incorporation for these companies, not the headquarters, so a BDI
///    country alone is not evidence of a US assignment.
/// 5. Anything else, including a blank country, is not assigned to the US.
public enum CountryAssignment {
    /// US names as sources spell them, lower-cased.
    static let unitedStates: Set<String> = [
        "united states", "united states of america", "usa", "us", "u.s.", "u.s.a.",
        "puerto rico", "guam", "us virgin islands", "u.s. virgin islands", "virgin islands (u.s.)",
        "united states virgin islands", "northern mariana islands", "american samoa",
    ]

    /// The outcome with the rule that decided it.
    public enum Decision: Equatable, Sendable {
        case unitedStates(rule: String)
        case notUnitedStates
    }

    /// - Parameter headquarters: the headquarters country when the source gives it apart from `country`.
    public static func decide(country: String?, headquarters: String? = nil, wasPriorMember: Bool,
                              rulebook: Rulebook) -> Decision {
        decide(country: country, headquarters: headquarters, wasPriorMember: wasPriorMember,
               benefitDrivenIncorporation: rulebook.benefitDrivenIncorporationCountries,
               benefitDrivenIncorporationEligible: rulebook.benefitDrivenIncorporationEligible)
    }

    static func decide(country: String?, headquarters: String?, wasPriorMember: Bool,
                       benefitDrivenIncorporation: BenefitDrivenIncorporationCountries,
                       benefitDrivenIncorporationEligible: Bool) -> Decision {
        if wasPriorMember { return .unitedStates(rule: "prior_member") }
        // The spelling CRSP cross-sections carry, decided without lower-casing it.
        if country == "United States" { return .unitedStates(rule: "country") }
        let name = (country ?? "").lowercased().trimmingSpaces
        if unitedStates.contains(name) { return .unitedStates(rule: "country") }
        let headquartersName = (headquarters ?? "").lowercased().trimmingSpaces
        if benefitDrivenIncorporationEligible, benefitDrivenIncorporation.contains(name: name),
           unitedStates.contains(headquartersName) {
            return .unitedStates(rule: "benefit_driven_incorporation")
        }
        return .notUnitedStates
    }

    /// The same from a line's evidence (``CountryEvidence``, its country fields read once).
    public static func isUnitedStates(_ evidence: CountryEvidence, wasPriorMember: Bool, rulebook: Rulebook) -> Bool {
        switch evidence {
        case _ where wasPriorMember: return true
        case .unitedStates: return true
        case .benefitDrivenWithUSHeadquarters: return rulebook.benefitDrivenIncorporationEligible
        case .other: return false
        }
    }

    /// Why a company whose facts give its home-country indicators is not assigned to the US, `nil`
    /// when it is: the home-country test (M7 §5.3–5.5, App. B), then the era rule for companies
    /// incorporated in a benefit-driven-incorporation country (eligible from 2007, russell-rules.md §3.2).
    public static func exclusion(_ indicators: HomeCountry.Indicators, wasPriorMember: Bool, rulebook: Rulebook) -> ExclusionReason? {
        if wasPriorMember { return nil }
        let countries = rulebook.benefitDrivenIncorporationCountries
        let assignment = HomeCountry.assign(indicators, benefitDriven: countries)
        guard assignment.isUnitedStates else { return .homeCountry(assignment) }
        if !rulebook.benefitDrivenIncorporationEligible, countries.contains(indicators.incorporation) {
            return .benefitDrivenIncorporation(assignment)
        }
        return nil
    }
}

extension String {
    /// The text without leading or trailing spaces and tabs.
    var trimmingSpaces: String {
        guard let first = firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(self[first...last])
    }
}
