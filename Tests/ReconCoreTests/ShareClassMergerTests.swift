import XCTest
@testable import ReconCore

final class ShareClassMergerTests: XCTestCase {
    /// The one company of `securities`: its total cap and cap method, pricing vehicle and price.
    private struct Merged {
        var totalMarketCap: Double?
        var capMethod: CapMethod
        var pricingVehicle: Int
        var price: Double
    }

    private func company(_ securities: [Security]) -> Merged {
        let universe = Universe.numbering(securities).universe
        let companies = ShareClassMerger.companies(of: universe, lines: universe.indices.map(Int32.init),
                                                   priorTiers: securities.map { _ in .none },
                                                   priorMicrocap: securities.map { _ in nil })
        XCTAssertEqual(companies.count, 1)
        let cap = companies.totalMarketCap[0]
        return Merged(totalMarketCap: cap.isNaN ? nil : cap, capMethod: companies.capMethod[0],
                      pricingVehicle: companies.pricingVehicle(0), price: companies.price[0])
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

    /// A class judged ineligible before (`PriorExclusion`) is no index line: the company is priced
    /// by its other class although the judged one trades more, and both still count in its cap.
    func testAClassWithAnEarlierVerdictIsNotThePricingVehicle() {
        var judged = TestUniverse.security("A", cap: 300e6, price: 12, company: "X", volume: 20)
        judged.priorExclusion = "listed since 2010"
        let merged = company([judged, TestUniverse.security("B", cap: 200e6, price: 9, company: "X", volume: 10)])
        XCTAssertEqual(merged.pricingVehicle, 1)
        XCTAssertEqual(merged.price, 9)
        XCTAssertEqual(merged.totalMarketCap, 500e6)
    }
}
