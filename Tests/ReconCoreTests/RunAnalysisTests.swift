import XCTest
@testable import ReconCore

final class RunAnalysisTests: XCTestCase {
    /// An index without prior members has no turnover: a replay's first run would otherwise count
    /// 0% of names and 50% of weight turned over, and pull every average down.
    func testNoPriorMemberNoTurnover() {
        let fresh = Reconstitution.run(universe: TestUniverse.ladder, prior: PriorLines(), rulebook: TestUniverse.small)
        XCTAssertNil(RunAnalysis(result: fresh, isNewListing: { _ in false }).turnover[.r2000])

        // S5 was the one prior Russell 2000 member: six new members, five of them additions.
        let prior = PriorLines([.init(symbol: "S5", name: "", tier: .r2000)])
        let result = Reconstitution.run(universe: TestUniverse.ladder, prior: prior, rulebook: TestUniverse.small)
        let analysis = RunAnalysis(result: result, isNewListing: { _ in false })
        let turnover = analysis.turnover[.r2000]
        XCTAssertEqual(turnover?.priorMembers, 1)
        XCTAssertEqual(turnover?.additions, 5)
        XCTAssertEqual(turnover?.nameTurnover, 2.5, "(5 + 0) ÷ (2 × 1)")
        XCTAssertNil(analysis.turnover[.r1000], "no prior Russell 1000 member")
    }
}
