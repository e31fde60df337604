import XCTest
@testable import ReconCore

/// `summary.json`'s company counts per change: a company changes as its membership does, whatever
/// one of its lines does.
final class RunSummaryCountsTests: XCTestCase {
    private let input = RunSummary.Input(universe: "universe.csv", format: "native", priors: ["prior.csv"], synthetic: false, rowsRead: 0, rowsDropped: [:])

    /// S1…S14 of the ladder (S5–S10 the Russell 2000), plus a second class of S6 (`S6B`) whose own cap is under $30M
    /// (no index line of its own, M7 §6.5.1),
    /// a prior line `S7C` the universe does not list, a line of S7 (as ``PriorTickerChanges`` finds
    /// by name), and `GONE`, a member of no listed company.
    func testACompanyWithALineLeftAndAnotherStayingIsNoDeletion() {
        var universe = TestUniverse.ladder
        universe.append(TestUniverse.security("S6B", cap: 5e6, company: "S6"))
        var absentClass = PriorLines.Entry(symbol: "S7C", name: "S7 CLASS C", tier: .r2000)
        absentClass.absentLineOf = "S7"
        let prior = PriorLines([
            .init(symbol: "S6", name: "", tier: .r2000), .init(symbol: "S6B", name: "", tier: .r2000),
            .init(symbol: "S7", name: "", tier: .r2000), absentClass,
            .init(symbol: "GONE", name: "", tier: .r2000),
        ])
        var rulebook = TestUniverse.small
        rulebook.additionalClassMinimumDailyValue = 0
        let result = Reconstitution.run(universe: universe, prior: prior, rulebook: rulebook)
        let changes = Dictionary(uniqueKeysWithValues: result.rows.map { ($0.symbol, $0.change) })
        XCTAssertEqual(changes["S6B"], .deletion, "the line is screened out (additional_class)")
        XCTAssertEqual(changes["S6"], .stay)
        XCTAssertEqual(changes["S7C"], .deletion)
        XCTAssertEqual(changes["GONE"], .deletion)
        XCTAssertEqual(result.rows.first { $0.symbol == "S7C" }?.companyKey, "S7", "the absent line counts under S7")

        let summary = RunSummary(result: result, input: input)
        XCTAssertEqual(summary.changes["deletion"], 1, "GONE alone: S6 and S7 stay through their listed lines")
        XCTAssertEqual(summary.changes["stay"], 2)
        XCTAssertEqual(summary.changes["addition"], 8, "S1–S5 and S8–S10")
        XCTAssertEqual(result.companiesAbsentFromUniverse, 1, "GONE; S7 is listed")
    }
}
