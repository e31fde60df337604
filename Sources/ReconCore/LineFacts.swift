/// What a company-facts file gave one line of a universe (``FactsOverlay``): the screens and the
/// weights read it to apply the facts' rules and to name the fact that decided
/// (``Eligibility/companyScreen(_:of:universe:rulebook:)``, `IndexWeights`).
public struct LineFacts: Sendable, Hashable {
    /// The company's home-country indicators, for the home-country test (M7 §5.3–5.5).
    public var homeCountry: HomeCountry.Indicators?
    /// The float fact that gave the line's ``Universe/floatFraction`` (M7 §5.10, §7).
    public var float: CompanyFacts.Float?
    /// Whether the line's ``Universe/votingFraction`` is the facts' (M7 §5.15).
    public var voting: Bool

    public init(homeCountry: HomeCountry.Indicators? = nil, float: CompanyFacts.Float? = nil, voting: Bool = false) {
        self.homeCountry = homeCountry
        self.float = float
        self.voting = voting
    }

    /// Nothing from the facts.
    public static let none = LineFacts()
}
