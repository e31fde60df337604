/// What kind of instrument a listed line is, as far as the eligibility screens care.
///
/// Rulebook: excluded share types M7 §5.13 and excluded company structures M7 §5.11
/// (russell-rules.md §3.1). Each case other than ``commonStock`` maps to one exclusion.
public enum SecurityType: String, Sendable, Hashable, CaseIterable {
    /// Common stock, ordinary shares, capital stock, REIT shares, stapled units of common.
    case commonStock = "common"
    // Excluded share types (§5.13).
    case preferred = "preferred"
    case warrant = "warrant"
    case right = "right"
    case unit = "unit"
    case depositaryReceipt = "depositary_receipt"
    case note = "note"
    case trustReceipt = "trust_receipt"
    // Excluded company structures (§5.11).
    case closedEndFund = "closed_end_fund"
    case businessDevelopmentCompany = "bdc"
    case blankCheck = "spac"
    case limitedPartnership = "limited_partnership"
    case limitedLiabilityCompany = "llc"
    case royaltyTrust = "royalty_trust"
    case exchangeTradedFund = "etf_or_fund"
    /// Anything else a source marks as not common equity (CRSP share codes other than 10/11, for example).
    case otherNonCommon = "other_non_common"

    /// Whether the screens let this type through.
    public var isEligibleType: Bool { self == .commonStock }

    /// Whether the exclusion is of a company structure (§5.11) rather than a share type (§5.13).
    public var isCompanyStructure: Bool {
        switch self {
        case .closedEndFund, .businessDevelopmentCompany, .blankCheck, .limitedPartnership,
             .limitedLiabilityCompany, .royaltyTrust, .exchangeTradedFund:
            return true
        default:
            return false
        }
    }
}
