/// Why a line of the universe is not eligible. Every excluded row carries exactly one reason:
/// the first screen it fails, in the order of russell-rules.md §9.3 (type and structure,
/// exchange, country, price, total cap, float, voting).
public enum ExclusionReason: Sendable, Hashable, CustomStringConvertible {
    /// Not common stock (M7 §5.11 structures, §5.13 share types).
    case securityType(SecurityType)
    /// Not listed on an eligible US exchange (M7 §5.6–5.7).
    case exchange(String)
    /// Not assigned to the US (M7 §5.3–5.5, App. B); carries the reported country.
    case country(String)
    /// Assigned to another country by the home-country test on the company's facts (M7 §5.3–5.5,
    /// App. B); carries the assignment, whose step names the fact that decided.
    case homeCountry(HomeCountry.Assignment)
    /// Incorporated in a benefit-driven-incorporation country (a fact), in an era before such
    /// companies were eligible (2007, russell-rules.md §3.2); carries the US assignment.
    case benefitDrivenIncorporation(HomeCountry.Assignment)
    /// The source gives no usable market cap or price.
    case missingData(String)
    /// Close under the minimum price, and no member exception (M7 §5.8).
    case priceBelowMinimum(Double)
    /// Total market cap under the minimum (M7 §5.9).
    case capBelowMinimum(Double)
    /// Float under the minimum (M7 §5.10).
    case floatBelowMinimum(Double)
    /// Unrestricted votes under the minimum (M7 §5.15).
    case votingBelowMinimum(Double)
    /// Float under the minimum (M7 §5.10), the float being a company-facts file's; carries the fact.
    case floatFactBelowMinimum(Double, CompanyFacts.Float)
    /// Unrestricted votes under the minimum (M7 §5.15), the votes being a company-facts file's.
    case votingFactBelowMinimum(Double)
    /// A class in no prior Russell index although listed, and its company large, at the previous
    /// reconstitution: an earlier judgement of ineligibility (country, float, votes) the source
    /// cannot re-test; carries the evidence. The whole company's reason when every class has one,
    /// else the line's own (``Eligibility/earlierVerdict(onClass:of:companies:universe:)``).
    case excludedBefore(String)
    /// A share class other than the pricing vehicle that does not qualify as an index line of its
    /// own (M7 §6.5.1); its shares still count in the company's total cap.
    case additionalClass(String)
    /// A duplicate line of a ticker already read.
    case duplicate(String)

    /// A stable machine-readable code for CSV and JSON (`price_below_minimum`, `type:warrant`, …).
    public var code: String {
        switch self {
        case .securityType(let type): return "type:\(type.rawValue)"
        case .exchange: return "exchange"
        case .country: return "country"
        case .homeCountry(let assignment): return "country:\(assignment.step.rawValue)"
        case .benefitDrivenIncorporation: return "country:bdi_incorporation"
        case .missingData: return "missing_data"
        case .priceBelowMinimum: return "price_below_minimum"
        case .capBelowMinimum: return "cap_below_minimum"
        case .floatBelowMinimum: return "float_below_minimum"
        case .votingBelowMinimum: return "voting_below_minimum"
        case .floatFactBelowMinimum(_, let fact): return "float_below_minimum:\(fact.column)"
        case .votingFactBelowMinimum: return "voting_below_minimum:voting_fraction"
        case .excludedBefore: return "excluded_before"
        case .additionalClass: return "additional_class"
        case .duplicate: return "duplicate"
        }
    }

    /// A short human explanation.
    public var description: String {
        switch self {
        case .securityType(let type): return "not common stock (\(type.rawValue))"
        case .exchange(let exchange): return "exchange not eligible (\(exchange))"
        case .country(let country): return "not assigned to the US (country \(country.isEmpty ? "blank" : country))"
        case .homeCountry(let assignment): return "not assigned to the US: the home-country test on the facts gives \(assignment)"
        case .benefitDrivenIncorporation(let assignment):
            return "incorporated in \(assignment.indicators.incorporation?.alpha3 ?? "–"), a benefit-driven-incorporation country, "
                + "before such companies were eligible (2007); the home-country test gives \(assignment)"
        case .missingData(let what): return "missing \(what)"
        case .priceBelowMinimum(let price): return "price \(price) under the minimum"
        case .capBelowMinimum(let cap): return "total market cap \(cap) under the minimum"
        case .floatBelowMinimum(let fraction): return "float \(fraction) under the minimum"
        case .votingBelowMinimum(let fraction): return "unrestricted votes \(fraction) under the minimum"
        case .floatFactBelowMinimum(let fraction, let fact): return "float \(fraction) (the facts' \(fact.column)) under the minimum"
        case .votingFactBelowMinimum(let fraction): return "unrestricted votes \(fraction) (the facts' voting_fraction) under the minimum"
        case .excludedBefore(let why): return "judged ineligible before (\(why))"
        case .additionalClass(let why): return "additional share class not an index line (\(why))"
        case .duplicate(let symbol): return "duplicate of \(symbol)"
        }
    }
}
