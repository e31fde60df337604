import XCTest
@testable import ReconCore

final class GraduateContributionTests: XCTestCase {
    /// Two prior Russell 2000 lines: G started at 100M and doubled (cap 200M at rank day, +100%),
    /// S started at 300M and lost 10% (cap 270M). Start weights .25/.75; index return
    /// .25·1 + .75·(−.1) = 17.5%; G contributes 25 points: 25/17.5 = 142.9% of the return.
    func testByHand() throws {
        var rulebook = TestUniverse.rulebook
        rulebook.russell1000Count = 1
        rulebook.russell3000Count = 2
        rulebook.band1000 = nil
        let universe = [TestUniverse.security("G", cap: 200e6), TestUniverse.security("S", cap: 270e6)]
        let prior = PriorLines([.init(symbol: "G", name: "", tier: .r2000), .init(symbol: "S", name: "", tier: .r2000)])
        let result = Reconstitution.run(universe: universe, prior: prior, rulebook: rulebook)
        XCTAssertEqual(result.rows.map(\.index), [.r2000, .r1000], "S (270) ranks first, G second")
        let returns = ["G": 1.0, "S": -0.1]
        let graduates = try XCTUnwrap(GraduateContribution(result: result, isGraduate: { $0 == 0 },
                                                           windowReturn: { returns[result.symbol($0)] }))
        XCTAssertEqual(graduates.weight, 0.25, accuracy: 1e-12)
        XCTAssertEqual(graduates.contribution, 0.25, accuracy: 1e-12)
        XCTAssertEqual(graduates.indexReturn, 0.175, accuracy: 1e-12)
        XCTAssertEqual(graduates.shareOfReturn!, 0.25 / 0.175, accuracy: 1e-12)
        XCTAssertNil(GraduateContribution(result: result, isGraduate: { _ in true }, windowReturn: { _ in nil }))
    }
}
