import XCTest
@testable import ReconCore

final class GraduateContributionTests: XCTestCase {
    /// Two prior Russell 2000 lines: G started at 100 and doubled (cap 200 at rank day, +100%),
    /// S started at 300 and lost 10% (cap 270). Start weights .25/.75; index return
    /// .25·1 + .75·(−.1) = 17.5%; G contributes 25 points: 25/17.5 = 142.9% of the return.
    func testByHand() throws {
        func row(_ symbol: String, cap: Double, index: IndexTier) -> MembershipRow {
            MembershipRow(symbol: symbol, company: symbol, companyKey: symbol, universeIndex: 0, totalMarketCap: cap,
                          rank: 1, cumulativeShare: nil, index: index, priorIndex: .r2000, isRussell3000E: true,
                          isMicrocap: false, priorMicrocap: nil, change: .stay, weight: nil, weightBasis: nil,
                          reason: "rank", exclusion: nil)
        }
        let rows = [row("G", cap: 200, index: .r1000), row("S", cap: 270, index: .r2000)]
        let returns = ["G": 1.0, "S": -0.1]
        let graduates = try XCTUnwrap(GraduateContribution(rows: rows, isGraduate: { $0 == 0 }, windowReturn: { returns[$0.symbol] }))
        XCTAssertEqual(graduates.weight, 0.25, accuracy: 1e-12)
        XCTAssertEqual(graduates.contribution, 0.25, accuracy: 1e-12)
        XCTAssertEqual(graduates.indexReturn, 0.175, accuracy: 1e-12)
        XCTAssertEqual(graduates.shareOfReturn!, 0.25 / 0.175, accuracy: 1e-12)
        XCTAssertNil(GraduateContribution(rows: rows, isGraduate: { _ in true }, windowReturn: { _ in nil }))
    }
}
