@testable import ReconCore

/// Small hand-made universes for engine tests.
enum TestUniverse {
    /// A rulebook with the current rules (2025) and the real counts; tests scale counts down.
    static let rulebook: Rulebook = {
        var rulebook = Rulebook(run: RunID(year: 2025), rankDay: CalendarDate(year: 2025, month: 4, day: 30),
                                effectiveDate: CalendarDate(year: 2025, month: 6, day: 27))
        rulebook.benefitDrivenIncorporationCountries = benefitDriven
        return rulebook
    }()

    /// Three benefit-driven-incorporation countries of M7 App. B (the shipped list is
    /// `Data/benefit-driven-incorporation-countries.csv`, tested in ReconFormatsTests).
    static let benefitDriven = BenefitDrivenIncorporationCountries([
        .init(name: "Bermuda", code: CountryCode("BMU")),
        .init(name: "Cayman Islands", code: CountryCode("CYM")),
        .init(name: "Turks and Caicos", code: CountryCode("TCA"), otherNames: ["Turks and Caicos Islands"]),
    ])

    /// The rulebook scaled down: R1000 = top 4, R3000 = top 10, R3000E = top 12, Microcap after #7,
    /// no bands.
    static let small: Rulebook = {
        var rulebook = TestUniverse.rulebook
        rulebook.russell1000Count = 4
        rulebook.russell3000Count = 10
        rulebook.russell3000ECount = 12
        rulebook.microcapStartRank = 7
        rulebook.band1000 = nil
        rulebook.microcapBand = nil
        return rulebook
    }()

    /// Fourteen US companies S1…S14 with caps $1,400M, $1,300M, …, $100M at $10.
    static var ladder: [Security] {
        (0..<14).map { security("S\($0 + 1)", cap: Double(14 - $0) * 100e6) }
    }

    /// A US common stock with a given total cap, priced at $10.
    static func security(_ symbol: String, cap: Double, price: Double = 10, company: String? = nil,
                         type: SecurityType = .commonStock, country: String = "United States",
                         volume: Double? = nil, scope: CapScope = .security) -> Security {
        Security(symbol: symbol, name: symbol, companyKey: company ?? symbol, companyName: company ?? symbol,
                 type: type, price: price, marketCap: cap, capScope: scope, country: country, volume: volume)
    }
}
