/// How a line's membership changed at a reconstitution.
public enum MembershipChange: String, Sendable, Hashable, CaseIterable {
    /// Into the Russell 3000 from outside it.
    case addition
    /// Out of the Russell 3000.
    case deletion
    /// Russell 2000 → Russell 1000.
    case upward
    /// Russell 1000 → Russell 2000.
    case downward
    /// In the same index before and after.
    case stay
    /// Outside the Russell 3000 before and after.
    case none

    public init(prior: IndexTier, new: IndexTier) {
        switch (prior, new) {
        case (.none, .none): self = .none
        case (.none, _): self = .addition
        case (_, .none): self = .deletion
        case (.r2000, .r1000): self = .upward
        case (.r1000, .r2000): self = .downward
        default: self = .stay
        }
    }
}

/// What an index weight was computed from.
public enum WeightBasis: String, Sendable, Hashable {
    /// The line's cap times its float (M7 §7).
    case floatAdjusted = "float_adjusted"
    /// The line's cap times the float factor of a company-facts file (M7 §7).
    case floatFactor = "float_factor"
    /// The line's cap times a company-facts file's float shares over the shares outstanding (M7 §7).
    case floatShares = "float_shares"
    /// The line's cap times the float inferred from a prior holdings file's weight
    /// (``Universe/holdingsFloat``; a fund weighs its holdings by float-adjusted cap).
    case holdingsFloat = "holdings_float"
    /// The line's total cap: the source gives no float.
    case totalCap = "total_cap"
    /// The company's total cap shared equally among its member lines: the source reports only
    /// company totals (see ``ShareClassMerger``) and no float.
    case companyCapSplit = "company_cap_split"

    /// The float-adjusted basis of a line whose float is known: the fact's when a facts file gave it.
    init(floatFact: CompanyFacts.Float?) {
        switch floatFact {
        case .factor?: self = .floatFactor
        case .shares?: self = .floatShares
        case nil: self = .floatAdjusted
        }
    }
}
