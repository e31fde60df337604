import XCTest
@testable import ReconCore

final class ReconstitutionTests: XCTestCase {
    private var small: Rulebook { TestUniverse.small }
    private var ladder: [Security] { TestUniverse.ladder }

    private func tiers(_ result: ReconstitutionResult) -> [String: IndexTier] {
        Dictionary(uniqueKeysWithValues: result.rows.map { ($0.symbol, $0.index) })
    }

    func testBreakpointsCountsAndHardCuts() {
        let result = Reconstitution.run(universe: ladder, prior: PriorLines(), rulebook: small)
        XCTAssertEqual(result.companyCount(in: .r1000), 4)
        XCTAssertEqual(result.companyCount(in: .r2000), 6)
        XCTAssertEqual(result.breakpoints.cap1000, 1100e6)
        XCTAssertEqual(result.breakpoints.cap3000, 500e6)
        XCTAssertEqual(result.breakpoints.eligibleCompanies, 14)
        // R3000E total = 1400 + … + 300 = 10,200M; the last Russell 3000E company closes at 100%.
        XCTAssertEqual(result.breakpoints.russell3000ETotal, 10_200e6)
        XCTAssertEqual(result.rows[11].cumulativeShare!, 1, accuracy: 1e-15)
        XCTAssertNil(result.rows[12].cumulativeShare)
        // Microcap: ranks 8–12.
        XCTAssertEqual(result.rows.filter(\.isMicrocap).map(\.symbol), ["S8", "S9", "S10", "S11", "S12"])
        XCTAssertEqual(result.rows[12].reason, "below_3000e")
        XCTAssertEqual(result.rows[10].reason, "below_3000")
    }

    func testWeightsSumToOnePerIndex() {
        let result = Reconstitution.run(universe: ladder, prior: PriorLines(), rulebook: small)
        for tier in [IndexTier.r1000, .r2000] {
            let sum = result.lines(in: tier).reduce(0) { $0 + ($1.weight ?? 0) }
            XCTAssertEqual(sum, 1, accuracy: 1e-12, "\(tier)")
        }
        XCTAssertEqual(result.rows[0].weight!, 1400.0 / 5000.0, accuracy: 1e-12)
        XCTAssertNil(result.rows[12].weight)
    }

    func testTiesAreBrokenByCompanyKeyWhateverTheInputOrder() {
        let forward = [TestUniverse.security("B", cap: 500e6), TestUniverse.security("A", cap: 500e6)]
        let result = Reconstitution.run(universe: forward, prior: PriorLines(), rulebook: small)
        let reversed = Reconstitution.run(universe: forward.reversed(), prior: PriorLines(), rulebook: small)
        XCTAssertEqual(result.rows.first { $0.symbol == "A" }?.rank, 1)
        XCTAssertEqual(reversed.rows.first { $0.symbol == "A" }?.rank, 1)
    }

    func testEveryEligibleClassOfAMemberIsAMember() {
        var universe = ladder
        universe.append(TestUniverse.security("S1B", cap: 50e6, company: "S1", volume: 0))
        let result = Reconstitution.run(universe: universe, prior: PriorLines(), rulebook: small)
        let classes = result.rows.filter { $0.companyKey == "S1" }
        XCTAssertEqual(classes.map(\.index), [.r1000, .r1000])
        XCTAssertEqual(classes[0].totalMarketCap, 1450e6, "ranked on both classes")
    }

    func testScreensGiveOneReasonPerExcludedLine() {
        var universe = ladder
        universe.append(TestUniverse.security("WT", cap: 900e6, type: .warrant))
        universe.append(TestUniverse.security("PENNY", cap: 900e6, price: 0.5))
        universe.append(TestUniverse.security("TINY", cap: 20e6))
        universe.append(TestUniverse.security("ABROAD", cap: 900e6, country: "Canada"))
        universe.append(TestUniverse.security("BERMUDA", cap: 900e6, country: "Bermuda"))
        var bermudaUSHeadquarters = TestUniverse.security("BMUSHQ", cap: 900e6, country: "Bermuda")
        bermudaUSHeadquarters.headquartersCountry = "United States"
        universe.append(bermudaUSHeadquarters)
        var thinFloat = TestUniverse.security("THIN", cap: 900e6)
        thinFloat.floatFraction = 0.04
        universe.append(thinFloat)
        let result = Reconstitution.run(universe: universe, prior: PriorLines(), rulebook: small)
        let reasons = Dictionary(uniqueKeysWithValues: result.rows.map { ($0.symbol, $0.reason) })
        XCTAssertEqual(reasons["WT"], "type:warrant")
        XCTAssertEqual(reasons["PENNY"], "price_below_minimum")
        XCTAssertEqual(reasons["TINY"], "cap_below_minimum")
        XCTAssertEqual(reasons["ABROAD"], "country")
        XCTAssertEqual(reasons["THIN"], "float_below_minimum")
        XCTAssertEqual(reasons["BERMUDA"], "country", "a BDI incorporation alone is no evidence of a US assignment")
        XCTAssertNil(result.rows.first { $0.symbol == "BMUSHQ" }?.exclusion, "BDI incorporation, US headquarters → US")
        var before2007 = small
        before2007.benefitDrivenIncorporationEligible = false
        let early = Reconstitution.run(universe: universe, prior: PriorLines(), rulebook: before2007)
        XCTAssertEqual(early.rows.first { $0.symbol == "BMUSHQ" }?.reason, "country")
    }

    func testMemberUnderOneDollarStaysOnItsThirtyDayAverage() {
        var penny = TestUniverse.security("PENNY", cap: 900e6, price: 0.9)
        penny.averagePrice30Days = 1.05
        var newcomer = TestUniverse.security("NEWPENNY", cap: 900e6, price: 0.9)
        newcomer.averagePrice30Days = 1.05
        let prior = PriorLines([.init(symbol: "PENNY", name: "", tier: .r2000)])
        let result = Reconstitution.run(universe: ladder + [penny, newcomer], prior: prior, rulebook: small)
        XCTAssertNil(result.rows.first { $0.symbol == "PENNY" }?.exclusion)
        XCTAssertEqual(result.rows.first { $0.symbol == "NEWPENNY" }?.reason, "price_below_minimum")
        var strict = small
        strict.memberPriceAverageException = false
        let noException = Reconstitution.run(universe: ladder + [penny], prior: prior, rulebook: strict)
        XCTAssertEqual(noException.rows.first { $0.symbol == "PENNY" }?.change, .deletion)
    }

    func testChangesAgainstPriorAndAbsentMembers() {
        let prior = PriorLines([
            .init(symbol: "S1", name: "", tier: .r2000),   // grew: moves up (no band)
            .init(symbol: "S5", name: "", tier: .r1000),   // moves down
            .init(symbol: "S12", name: "", tier: .r2000),  // falls below #10: deletion
            .init(symbol: "GONE", name: "Gone Inc", tier: .r2000),
        ])
        let result = Reconstitution.run(universe: ladder, prior: prior, rulebook: small)
        let changes = Dictionary(uniqueKeysWithValues: result.rows.map { ($0.symbol, $0.change) })
        XCTAssertEqual(changes["S1"], .upward)
        XCTAssertEqual(changes["S5"], .downward)
        XCTAssertEqual(changes["S12"], .deletion)
        XCTAssertEqual(changes["S2"], .addition)
        XCTAssertEqual(changes["S14"], MembershipChange.none)
        XCTAssertEqual(result.rows.last?.symbol, "GONE")
        XCTAssertEqual(result.rows.last?.reason, "absent_from_universe")
        XCTAssertEqual(result.rows.last?.change, .deletion)
    }

    /// Rows share a company id exactly when they share a company key: universe lines by their
    /// company's, absent members by their key (a listed company's, or their own). Migration counts
    /// companies by id as counting keys would.
    func testCompanyIDsOfRowsFollowCompanyKeys() {
        var universe = ladder
        universe.append(TestUniverse.security("S3B", cap: 1, company: "S3"))
        let prior = PriorLines([
            .init(symbol: "S3C", name: "", tier: .r2000, companyKey: "S3"),      // absent class of a listed company
            .init(symbol: "GONE", name: "", tier: .r2000, companyKey: "GONE"),
            .init(symbol: "GONE2", name: "", tier: .r2000, companyKey: "GONE"),  // a second absent line of it
            .init(symbol: "AWAY", name: "", tier: .r1000, companyKey: "AWAY"),
        ])
        let result = Reconstitution.run(universe: universe, prior: prior, rulebook: small)
        let rows = result.rows
        XCTAssertEqual(result.company.count, rows.count)
        for i in rows.indices {
            for j in rows.indices {
                XCTAssertEqual(result.company[i] == result.company[j], rows[i].companyKey == rows[j].companyKey,
                               "\(rows[i].symbol) and \(rows[j].symbol)")
            }
        }
        let migration = RunAnalysis(result: result, isNewListing: { _ in false }).migration
        for entry in migration.entries {
            let keys = Set(rows.indices.filter { migration.classes[$0] == entry.migrationClass }.map { rows[$0].companyKey })
            XCTAssertEqual(entry.companies, keys.count, "\(entry.migrationClass)")
        }
        // S3C is the one prior line of company S3, so it matches S3's lines whatever its ticker.
        XCTAssertEqual(rows.filter { $0.reason == "absent_from_universe" }.map(\.symbol), ["GONE", "GONE2", "AWAY"])
    }

    func testNoCompanyIsInTwoIndexesAndRussell3000IsTheTop() {
        var rulebook = small
        rulebook.band1000 = 0.025
        let prior = PriorLines((0..<14).map { .init(symbol: "S\($0 + 1)", name: "", tier: $0 % 2 == 0 ? .r1000 : .r2000) })
        let result = Reconstitution.run(universe: ladder, prior: prior, rulebook: rulebook)
        for key in Set(result.rows.map(\.companyKey)) {
            XCTAssertEqual(Set(result.rows.filter { $0.companyKey == key }.map(\.index)).count, 1)
        }
        XCTAssertEqual(result.companyCount(in: .r1000) + result.companyCount(in: .r2000), 10, "no band at #3,000")
    }

    /// A preferred whose ticker normalises to a member's (`BC^C` → `BCC`) must not take the member's
    /// place, and a member listed under another line's ticker (`CLSKW`) passes to the company.
    func testPriorLinesMatchCommonStockFirst() {
        var universe = ladder
        universe.append(TestUniverse.security("BCC", cap: 800e6, company: "boise"))
        universe.append(TestUniverse.security("BC^C", cap: 800e6, company: "brunswick", type: .preferred))
        universe.append(TestUniverse.security("CLSK", cap: 750e6, company: "cleanspark"))
        universe.append(TestUniverse.security("CLSKW", cap: 0, company: "cleanspark", type: .warrant))
        let prior = PriorLines([.init(symbol: "BCC", name: "", tier: .r2000), .init(symbol: "CLSKW", name: "", tier: .r2000)])
        let result = Reconstitution.run(universe: universe, prior: prior, rulebook: small)
        let rows = Dictionary(uniqueKeysWithValues: result.rows.map { ($0.symbol, $0) })
        XCTAssertEqual(rows["BCC"]?.priorIndex, .r2000)
        XCTAssertEqual(rows["BC^C"]?.priorIndex, IndexTier.none)
        XCTAssertEqual(rows["BC^C"]?.change, MembershipChange.none)
        XCTAssertEqual(rows["CLSK"]?.priorIndex, .r2000, "the company inherits the member line")
        XCTAssertEqual(rows["CLSKW"]?.priorIndex, IndexTier.none, "the warrant itself was never a member")
        XCTAssertFalse(result.rows.contains { $0.reason == "absent_from_universe" })
    }

    /// A company structure inferred from a name gives way to prior membership; a share type does not.
    func testInferredStructureGivesWayToMembership() {
        var fund = TestUniverse.security("OWL", cap: 800e6, type: .businessDevelopmentCompany)
        fund.typeEvidence = "name says \"Capital Inc\""
        var newFund = fund
        newFund.symbol = "HTGC"
        newFund.companyKey = "HTGC"
        let prior = PriorLines([.init(symbol: "OWL", name: "", tier: .r2000)])
        let result = Reconstitution.run(universe: ladder + [fund, newFund], prior: prior, rulebook: small)
        XCTAssertNil(result.rows.first { $0.symbol == "OWL" }?.exclusion)
        XCTAssertEqual(result.rows.first { $0.symbol == "HTGC" }?.reason, "type:bdc")
    }

    /// The voting screen fails only when every listed class is known to carry too few votes.
    func testVotingScreenLooksAtEveryClass() {
        var nonVoting = TestUniverse.security("EZPW", cap: 800e6)
        nonVoting.votingFraction = 0
        var nonVotingA = TestUniverse.security("XA", cap: 800e6, company: "x", volume: 9)
        nonVotingA.votingFraction = 0
        let votingB = TestUniverse.security("XB", cap: 100e6, company: "x", volume: 1)
        let result = Reconstitution.run(universe: ladder + [nonVoting, nonVotingA, votingB], prior: PriorLines(), rulebook: small)
        XCTAssertEqual(result.rows.first { $0.symbol == "EZPW" }?.reason, "voting_below_minimum")
        XCTAssertNil(result.rows.first { $0.symbol == "XA" }?.exclusion, "the B shares carry unknown votes: not tested")
    }

    /// A non-member with a class judged ineligible before (`PriorExclusion`) is judged on its other
    /// classes: the vote screen reads them alone, so unknown votes on the judged class save nothing,
    /// and the company's verdict is every line's. A member's marked class counts as any other.
    func testAClassWithAnEarlierVerdictLeavesTheScreensToItsSiblings() {
        var judged = TestUniverse.security("XA", cap: 800e6, company: "x", volume: 9)   // votes unknown
        judged.priorExclusion = "listed since 2010"
        var nonVoting = TestUniverse.security("XB", cap: 100e6, company: "x", volume: 1)
        nonVoting.votingFraction = 0
        var memberJudged = judged, memberNonVoting = nonVoting
        memberJudged.symbol = "MA"; memberJudged.companyKey = "m"
        memberNonVoting.symbol = "MB"; memberNonVoting.companyKey = "m"
        let prior = PriorLines([.init(symbol: "MB", name: "", tier: .r2000)])
        let result = Reconstitution.run(universe: ladder + [judged, nonVoting, memberJudged, memberNonVoting], prior: prior,
                                        rulebook: small)
        let rows = Dictionary(uniqueKeysWithValues: result.rows.map { ($0.symbol, $0) })
        XCTAssertEqual(rows["XB"]?.exclusion, .votingBelowMinimum(0))
        XCTAssertEqual(rows["XA"]?.exclusion, .votingBelowMinimum(0))
        XCTAssertNil(rows["MA"]?.exclusion, "a member's classes carry no verdict; MA's unknown votes are not tested")
        XCTAssertNil(rows["MB"]?.exclusion)
    }

    /// A member whose source has no market cap keeps its index rather than being dropped on no data.
    func testMemberWithoutCapIsCarriedOver() {
        var blank = TestUniverse.security("BFB", cap: 0)
        blank.marketCap = nil
        var newBlank = blank
        newBlank.symbol = "NEWB"
        newBlank.companyKey = "NEWB"
        let prior = PriorLines([.init(symbol: "BFB", name: "", tier: .r1000)])
        let result = Reconstitution.run(universe: ladder + [blank, newBlank], prior: prior, rulebook: small)
        let row = result.rows.first { $0.symbol == "BFB" }
        XCTAssertEqual(row?.index, .r1000)
        XCTAssertEqual(row?.reason, "carried_over_no_cap")
        XCTAssertEqual(result.rows.first { $0.symbol == "NEWB" }?.reason, "missing_data")
        // Its weight is unknown, not 0: the index's weights sum to 1 over the members with a cap.
        XCTAssertNil(row?.weight)
        XCTAssertNil(row?.weightBasis)
        let r1000Weights = result.rows.filter { $0.index == .r1000 }.compactMap(\.weight)
        XCTAssertEqual(r1000Weights.count, 4)
        XCTAssertEqual(r1000Weights.reduce(0, +), 1, accuracy: 1e-12)
    }

    /// A thinly traded second class (`WLYB`) counts in the company's cap but is not an index line
    /// (M7 §6.5.1); a liquid one (`BRK/A`) is.
    func testAdditionalClassesNeedTheirOwnLiquidity() {
        var rulebook = small
        rulebook.additionalClassMinimumDailyValue = 175_000
        var thin = TestUniverse.security("S1B", cap: 50e6, company: "S1", volume: 100)
        thin.price = 40   // $4,000 a day
        var liquid = TestUniverse.security("S2B", cap: 50e6, company: "S2", volume: 100_000)
        liquid.price = 40 // $4M a day
        let prior = PriorLines([.init(symbol: "S1", name: "", tier: .r1000)])
        var universe = ladder
        universe[0].volume = 1_000_000   // S1's common is the pricing vehicle
        universe[1].volume = 1_000_000
        let result = Reconstitution.run(universe: universe + [thin, liquid], prior: prior, rulebook: rulebook)
        let rows = Dictionary(uniqueKeysWithValues: result.rows.map { ($0.symbol, $0) })
        XCTAssertEqual(rows["S1B"]?.index, IndexTier.none)
        XCTAssertEqual(rows["S1B"]?.reason, "additional_class")
        XCTAssertEqual(rows["S1B"]?.change, MembershipChange.none, "the class itself was never a member")
        XCTAssertEqual(rows["S1"]?.totalMarketCap, 1450e6, "its shares still count in the company's cap")
        XCTAssertEqual(rows["S2B"]?.index, .r1000)
    }
}
