import XCTest
@testable import ReconCore

final class ShareClassMergerTests: XCTestCase {
    private func company(_ universe: [Security]) -> Company {
        let companies = ShareClassMerger.companies(of: universe, indices: Array(universe.indices),
                                                   priorTiers: universe.map { _ in .none },
                                                   priorMicrocap: universe.map { _ in nil })
        XCTAssertEqual(companies.count, 1)
        return companies[0]
    }

    func testSecurityScopedCapsAreSummed() {
        let merged = company([
            TestUniverse.security("A", cap: 300e6, company: "X", volume: 10),
            TestUniverse.security("B", cap: 200e6, company: "X", volume: 20),
        ])
        XCTAssertEqual(merged.totalMarketCap, 500e6)
        XCTAssertEqual(merged.capMethod, .summedClasses)
    }

    func testPricingVehicleIsTheMostTradedClass() {
        var a = TestUniverse.security("A", cap: 300e6, price: 12, company: "X", volume: 10)
        a.averagePrice30Days = 1
        let b = TestUniverse.security("B", cap: 200e6, price: 9, company: "X", volume: 20)
        let merged = company([a, b])
        XCTAssertEqual(merged.pricingVehicle, 1)
        XCTAssertEqual(merged.price, 9)
    }

    /// GOOG and GOOGL each report price × Alphabet's total shares: the implied share counts agree,
    /// so the classes are not summed.
    func testCompanyTotalsAreInferredFromEqualImpliedShares() {
        let merged = company([
            TestUniverse.security("GOOG", cap: 169.59 * 12.135e9, price: 169.59, company: "alphabet", volume: 24.9e6, scope: .unknown),
            TestUniverse.security("GOOGL", cap: 168.47 * 12.135e9, price: 168.47, company: "alphabet", volume: 35.2e6, scope: .unknown),
        ])
        XCTAssertEqual(merged.capMethod, .pricingVehicle)
        XCTAssertEqual(merged.totalMarketCap!, 168.47 * 12.135e9, accuracy: 1)
    }

    func testUnknownScopeWithDifferentShareCountsIsSummed() {
        let merged = company([
            TestUniverse.security("A", cap: 100e6, price: 10, company: "X", volume: 5, scope: .unknown),
            TestUniverse.security("B", cap: 50e6, price: 10, company: "X", volume: 1, scope: .unknown),
        ])
        XCTAssertEqual(merged.capMethod, .summedClasses)
        XCTAssertEqual(merged.totalMarketCap, 150e6)
    }

    func testAClassWithoutCapDoesNotHideTheOther() {
        var heiA = TestUniverse.security("HEI/A", cap: 0, price: 211, company: "heico", volume: 1, scope: .unknown)
        heiA.marketCap = nil
        let merged = company([heiA, TestUniverse.security("HEI", cap: 37e9, price: 268, company: "heico", volume: 2, scope: .unknown)])
        XCTAssertEqual(merged.totalMarketCap, 37e9)
    }
}
