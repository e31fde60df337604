/// The parameters in force for one reconstitution: the calendar and the era's rules.
///
/// Values come from `Data/calendar.csv` and `Data/eras.csv` (loaded by ReconFormats'
/// `RulebookLoader`), never from constants scattered in code: the engine asks
/// `rulebook.band1000`, never `if year >= 2007`. A rule variant (`--variant band=0`) is a
/// modified copy. Sources for each field are the rows' citations of russell-rules.md.
public struct Rulebook: Sendable, Hashable {
    public var run: RunID
    /// Rank day: market caps are measured at its close (M7 §5.14; russell-rules.md §1.3).
    public var rankDay: CalendarDate
    /// Reconstitution takes effect after this day's close (M7 §9.3.1).
    public var effectiveDate: CalendarDate

    /// Companies in the Russell 3000E: the largest 4,000, or all eligible (M7 §6.10.1).
    public var russell3000ECount: Int = 4_000
    /// Companies in the Russell 3000: ranks 1–3,000, no band (M7 §6.10).
    public var russell3000Count: Int = 3_000
    /// The Russell 1000 / 2000 breakpoint rank (M7 §6.10).
    public var russell1000Count: Int = 1_000
    /// The Microcap starts after this rank (ranks 2,001–4,000; M7 §6.10.1).
    public var microcapStartRank: Int = 2_000

    /// Half-width of the cumulative-cap band at #1,000 (0.025 since 2007); `nil` is a hard cut (M7 §6.10.2).
    public var band1000: Double?
    /// Half-width of the cumulative-cap band at #2,000 for the Microcap (0.005; M7 §6.10.2–6.10.3).
    public var microcapBand: Double?
    /// Whether the Microcap and Russell 3000E exist (launched June 2005).
    public var hasMicrocap: Bool

    /// Minimum rank-day close (M7 §5.8).
    public var minimumPrice: Double
    /// Whether an existing member under the minimum price stays eligible on its 30-day average (M7 §5.8).
    public var memberPriceAverageException: Bool
    /// Minimum total market cap (M7 §5.9).
    public var minimumTotalCap: Double
    /// Minimum fraction of shares available, when float is known (M7 §5.10); `nil` when not in force.
    public var minimumFloat: Double?
    /// Minimum fraction of votes held by unrestricted holders (M7 §5.15); `nil` when not in force.
    public var minimumVoting: Double?
    /// Whether the voting screen also removes existing members (fully from 2023; M7 §5.15.2).
    public var votingAppliesToMembers: Bool
    /// Whether companies in benefit-driven-incorporation countries may be assigned to the US (2007+; M7 App. B).
    public var benefitDrivenIncorporationEligible: Bool
    /// The benefit-driven-incorporation countries (M7 App. B), from
    /// `Data/benefit-driven-incorporation-countries.csv`; ``BenefitDrivenIncorporationCountries/none``
    /// for a rulebook built in code without it.
    public var benefitDrivenIncorporationCountries: BenefitDrivenIncorporationCountries = .none
    /// Whether business development companies are excluded (from 2014; M7 §5.11).
    public var excludesBusinessDevelopmentCompanies: Bool
    /// Whether IPOs are added quarterly between reconstitutions (from Q3 2004; M7 §6.8–6.9).
    public var quarterlyIPOAdditions: Bool
    /// Minimum daily traded value (price × volume) of a share class other than the pricing vehicle
    /// to be an index line of its own (M7 §6.5.1: ADDTV above the global median); `nil` when not in force.
    public var additionalClassMinimumDailyValue: Double?
    /// Which CRSP share types and exchanges are eligible: FTSE Russell's (the default) or the
    /// academic convention (``ShareTypeConvention``; `--variant convention=academic`).
    public var shareTypeConvention: ShareTypeConvention = .rulebook
    /// The citation of the rows this rulebook was built from.
    public var source: String

    public init(
        run: RunID, rankDay: CalendarDate, effectiveDate: CalendarDate,
        band1000: Double? = 0.025, microcapBand: Double? = 0.005, hasMicrocap: Bool = true,
        minimumPrice: Double = 1, memberPriceAverageException: Bool = true,
        minimumTotalCap: Double = 30_000_000, minimumFloat: Double? = 0.05, minimumVoting: Double? = 0.05,
        votingAppliesToMembers: Bool = true, benefitDrivenIncorporationEligible: Bool = true,
        excludesBusinessDevelopmentCompanies: Bool = true, quarterlyIPOAdditions: Bool = true,
        additionalClassMinimumDailyValue: Double? = nil, source: String = ""
    ) {
        self.run = run
        self.rankDay = rankDay
        self.effectiveDate = effectiveDate
        self.band1000 = band1000
        self.microcapBand = microcapBand
        self.hasMicrocap = hasMicrocap
        self.minimumPrice = minimumPrice
        self.memberPriceAverageException = memberPriceAverageException
        self.minimumTotalCap = minimumTotalCap
        self.minimumFloat = minimumFloat
        self.minimumVoting = minimumVoting
        self.votingAppliesToMembers = votingAppliesToMembers
        self.benefitDrivenIncorporationEligible = benefitDrivenIncorporationEligible
        self.excludesBusinessDevelopmentCompanies = excludesBusinessDevelopmentCompanies
        self.quarterlyIPOAdditions = quarterlyIPOAdditions
        self.additionalClassMinimumDailyValue = additionalClassMinimumDailyValue
        self.source = source
    }
}
