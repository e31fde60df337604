/// The benefit-driven-incorporation (BDI) countries of M7 App. B (russell-rules.md §3.1): offshore
/// jurisdictions where companies incorporate for tax or legal benefits rather than because they
/// operate there. The home-country test does not take a BDI headquarters at its word (it falls
/// back on the most liquid exchange, HCI step 4), and a company incorporated in one is eligible
/// only from the 2007 reconstitution (`bdi_us_hq_eligible`, russell-rules.md §3.2).
///
/// The list is data: `Data/benefit-driven-incorporation-countries.csv`, read by ReconFormats'
/// `RulebookLoader` into ``RulebookTable`` and handed to each ``Rulebook``. A country is found by
/// its ISO 3166-1 alpha-3 code (a company-facts file) or by a name as sources spell it (a universe
/// file's country field), ignoring case and surrounding spaces.
public struct BenefitDrivenIncorporationCountries: Sendable, Hashable {
    /// One country of the list.
    public struct Country: Sendable, Hashable {
        /// The name App. B gives (`Turks and Caicos`).
        public var name: String
        /// Its ISO code; `nil` for a name ISO does not code (the Channel Islands are Guernsey and
        /// Jersey, each listed on its own). Bonaire, Saba and Sint Eustatius share `BES`.
        public var code: CountryCode?
        /// Other spellings sources use (`Turks and Caicos Islands`).
        public var otherNames: [String]

        public init(name: String, code: CountryCode?, otherNames: [String] = []) {
            self.name = name
            self.code = code
            self.otherNames = otherNames
        }
    }

    /// The countries in file order.
    public let countries: [Country]
    /// Every name and other name, lower-cased and trimmed.
    private let names: Set<String>
    private let codes: Set<CountryCode>

    public init(_ countries: [Country]) {
        self.countries = countries
        names = Set(countries.flatMap { [$0.name] + $0.otherNames }.map { $0.lowercased().trimmingSpaces })
        codes = Set(countries.compactMap(\.code))
    }

    /// No country: a rulebook built in code without the list (tests that do not need it).
    public static let none = BenefitDrivenIncorporationCountries([])

    /// Whether a country name (as a universe file spells it) is on the list.
    public func contains(name: String?) -> Bool {
        guard let name else { return false }
        return names.contains(name.lowercased().trimmingSpaces)
    }

    /// Whether a code is on the list.
    public func contains(_ code: CountryCode?) -> Bool {
        guard let code else { return false }
        return codes.contains(code)
    }

    /// Every name and other name, lower-cased (for tests that pin the list).
    public var allNames: Set<String> { names }

    public static func == (lhs: BenefitDrivenIncorporationCountries, rhs: BenefitDrivenIncorporationCountries) -> Bool {
        lhs.countries == rhs.countries
    }

    /// Hashes the count only: a rulebook is hashed often (replays key shared work by it) and its
    /// list is the same in every run of a command.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(countries.count)
    }
}
