import XCTest
@testable import ReconCore

/// The rules that read a company-facts file, on hand-made universes: the home-country test (M7
/// §5.3–5.5, App. B) with the BDI era rule, the 5% float (§5.10) and voting (§5.15) screens, and
/// float-adjusted weights (§7). Each exclusion names the fact that decided it.
final class FactsScreensTests: XCTestCase {
    private var small: Rulebook { TestUniverse.small }
    private var ladder: [Security] { TestUniverse.ladder }

    private func code(_ text: String) -> CountryCode { CountryCode(text)! }

    private func fact(_ ticker: String, incorporation: String? = nil, headquarters: String? = nil, assets: String? = nil,
                      float: CompanyFacts.Float? = nil, voting: Double? = nil, line: Int = 2) -> CompanyFacts.Row {
        CompanyFacts.Row(key: ticker, homeCountry: headquarters.map {
            HomeCountry.Indicators(incorporation: incorporation.map(code), headquarters: code($0), assets: assets.map(code))
        }, float: float, votingFraction: voting, line: line)
    }

    /// Numbers the universe, lays the ticker facts over it at the rank day and reconstitutes.
    private func run(_ securities: [Security], facts rows: [CompanyFacts.Row], prior: PriorLines = PriorLines(),
                     rulebook: Rulebook? = nil) throws -> ReconstitutionResult {
        let rulebook = rulebook ?? small
        let (universe, membership) = Universe.numbering(securities, prior: prior,
                                                        benefitDrivenIncorporation: rulebook.benefitDrivenIncorporationCountries)
        let facts = try CompanyFacts(file: "facts.csv", keyKind: .ticker, rows: rows)
        let overlaid = FactsOverlay.apply(facts, to: universe, keys: .tickersOnly, at: rulebook.rankDay).universe
        return Reconstitution.run(universe: overlaid, prior: membership, rulebook: rulebook)
    }

    private func row(_ result: ReconstitutionResult, _ symbol: String) -> MembershipRow {
        result.rows.first { $0.symbol == symbol }!
    }

    // MARK: - Home country

    func testBermudaIncorporatedUSHeadquarteredUSListedIsUSFrom2007ByTheBDIRule() throws {
        let bermuda = TestUniverse.security("BMUCO", cap: 950e6, country: "Bermuda")
        let facts = [fact("BMUCO", incorporation: "BMU", headquarters: "USA")]
        XCTAssertEqual(try run(ladder + [bermuda], facts: []).rows.first { $0.symbol == "BMUCO" }?.reason, "country",
                       "without facts a BDI incorporation alone is no evidence of a US assignment")
        let moved = row(try run(ladder + [bermuda], facts: facts), "BMUCO")
        XCTAssertNil(moved.exclusion)
        XCTAssertEqual(moved.rank, 6, "$950M ranks after $1,000M")
        var before2007 = small
        before2007.benefitDrivenIncorporationEligible = false
        let early = row(try run(ladder + [bermuda], facts: facts, rulebook: before2007), "BMUCO")
        XCTAssertEqual(early.reason, "country:bdi_incorporation")
        XCTAssertEqual(early.exclusion?.description,
                       "incorporated in BMU, a benefit-driven-incorporation country, before such companies were eligible (2007); "
                       + "the home-country test gives USA by hci_headquarters (incorporation BMU, headquarters USA, assets –, revenue –, exchange USA)")
        // The same company, now US, leaves by the 5% voting screen with 65m of its 3.1bn votes unrestricted (M7 §5.15).
        let controlled = [fact("BMUCO", incorporation: "BMU", headquarters: "USA", voting: 65e6 / 3.1e9)]
        XCTAssertEqual(row(try run(ladder + [bermuda], facts: controlled), "BMUCO").reason, "voting_below_minimum:voting_fraction")
    }

    func testTheHomeCountryTestNamesTheStepThatExcluded() throws {
        let result = try run(ladder + [
            TestUniverse.security("CANCO", cap: 950e6), TestUniverse.security("BRITCO", cap: 950e6),
            TestUniverse.security("FACTSUS", cap: 950e6, country: "Canada"), TestUniverse.security("IRLCO", cap: 950e6),
        ], facts: [
            fact("CANCO", incorporation: "CAN", headquarters: "CAN", line: 2),
            fact("BRITCO", incorporation: "GBR", headquarters: "USA", assets: "GBR", line: 3),
            fact("FACTSUS", incorporation: "USA", headquarters: "USA", line: 4),
            fact("IRLCO", incorporation: "IRL", headquarters: "IRL", assets: "USA", line: 5),
        ])
        XCTAssertEqual(row(result, "CANCO").reason, "country:hci_headquarters")
        XCTAssertEqual(row(result, "BRITCO").reason, "country:hci_assets")
        XCTAssertNil(row(result, "FACTSUS").exclusion, "the facts stand over the universe's country field")
        XCTAssertNil(row(result, "IRLCO").exclusion, "assets in the US, an HCI (the exchange)")
    }

    func testAPriorMemberKeepsItsUSAssignmentOverTheFacts() throws {
        let result = try run(ladder + [TestUniverse.security("CANCO", cap: 950e6)],
                             facts: [fact("CANCO", incorporation: "CAN", headquarters: "CAN")],
                             prior: PriorLines([.init(symbol: "CANCO", name: "", tier: .r2000)]))
        XCTAssertNil(row(result, "CANCO").exclusion)
        XCTAssertEqual(row(result, "CANCO").change, .stay)
    }

    // MARK: - Votes and float

    func testVotesUnderFivePercentExcludeTheRulebooksWorkedExample() throws {
        // M7 §5.15: 65m unrestricted votes of 3.1bn is 2.097%, ineligible.
        let votes = 65e6 / 3.1e9
        let dual = [TestUniverse.security("DUALA", cap: 600e6, company: "DUAL"), TestUniverse.security("DUALB", cap: 350e6, company: "DUAL")]
        let facts = [fact("DUALA", voting: votes)]
        let excluded = row(try run(ladder + dual, facts: facts), "DUALA")
        XCTAssertEqual(excluded.reason, "voting_below_minimum:voting_fraction")
        XCTAssertEqual(excluded.exclusion, .votingFactBelowMinimum(votes))
        XCTAssertEqual((votes * 100_000).rounded() / 1_000, 2.097)
        XCTAssertEqual(row(try run(ladder + dual, facts: facts), "DUALB").reason, "voting_below_minimum:voting_fraction",
                       "the company's votes reach its other class")
        // A member stays while the screen spares members (2017–2022), and goes when it does not (2023 on).
        let prior = PriorLines([.init(symbol: "DUALA", name: "", tier: .r2000)])
        var grandfathered = small
        grandfathered.votingAppliesToMembers = false
        XCTAssertNil(row(try run(ladder + dual, facts: facts, prior: prior, rulebook: grandfathered), "DUALA").exclusion)
        XCTAssertEqual(row(try run(ladder + dual, facts: facts, prior: prior), "DUALA").change, .deletion)
        XCTAssertNil(row(try run(ladder + dual, facts: [fact("DUALA", voting: 0.05)]), "DUALA").exclusion, "5% passes")
    }

    func testFloatUnderFivePercentIsExcludedNamingTheFact() throws {
        let result = try run(ladder + [
            TestUniverse.security("THIN", cap: 950e6), TestUniverse.security("FIVE", cap: 940e6), TestUniverse.security("SHARES", cap: 930e6),
        ], facts: [
            fact("THIN", float: .factor(0.049999), line: 2),
            fact("FIVE", float: .factor(0.05), line: 3),
            fact("SHARES", float: .shares(4.6e6, outstanding: nil), line: 4),  // of 93M shares: 4.946%
        ])
        XCTAssertEqual(row(result, "THIN").reason, "float_below_minimum:float_factor", "4.9999% fails (M7 §5.10)")
        XCTAssertNil(row(result, "FIVE").exclusion)
        XCTAssertEqual(row(result, "SHARES").reason, "float_below_minimum:float_shares")
        XCTAssertEqual(row(result, "SHARES").exclusion, .floatFactBelowMinimum(4.6e6 / 93e6, .shares(4.6e6, outstanding: nil)))
    }

    // MARK: - Weights

    func testFloatAdjustedWeightsFromTheFactsHandComputed() throws {
        // The Russell 2000 here is S5…S10 ($1,000M … $500M). S5 at a float factor of 0.5 weighs
        // $500M; S6 at 45M float shares of its 90M weighs $450M; S7–S10 at total cap $2,600M.
        // Total $3,550M.
        let result = try run(ladder, facts: [fact("S5", float: .factor(0.5), line: 2),
                                             fact("S6", float: .shares(45e6, outstanding: nil), line: 3)])
        let expected: [String: (Double, WeightBasis)] = [
            "S5": (500 / 3550, .floatFactor), "S6": (450 / 3550, .floatShares), "S7": (800 / 3550, .totalCap),
            "S8": (700 / 3550, .totalCap), "S9": (600 / 3550, .totalCap), "S10": (500 / 3550, .totalCap),
        ]
        for (symbol, (weight, basis)) in expected {
            XCTAssertEqual(row(result, symbol).weight!, weight, accuracy: 1e-12, symbol)
            XCTAssertEqual(row(result, symbol).weightBasis, basis, symbol)
        }
        let r2000 = result.rows.filter { $0.index == .r2000 }
        XCTAssertEqual(r2000.count, 6)
        XCTAssertEqual(r2000.compactMap(\.weight).reduce(0, +), 1, accuracy: 1e-12)
        XCTAssertEqual(row(result, "S1").weightBasis, .totalCap, "the Russell 1000 is weighted apart")
    }

    // MARK: - Invariants

    func testFactsThatNameNothingChangeNothing() throws {
        let universe = ladder + [TestUniverse.security("BMUCO", cap: 950e6, country: "Bermuda")]
        let plain = Reconstitution.run(universe: universe, prior: PriorLines(), rulebook: small)
        let overlaid = try run(universe, facts: [fact("NOSUCH", incorporation: "CAN", headquarters: "CAN", float: .factor(0.01), voting: 0.01)])
        XCTAssertEqual(overlaid.rows, plain.rows)
    }
}
