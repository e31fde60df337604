import XCTest
@testable import ReconReport

final class SVGNiceTicksTests: XCTestCase {
    func testStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        XCTAssertEqual(NiceTicks.step(spanning: 97, count: 5), 20)
        XCTAssertEqual(NiceTicks.step(spanning: 1, count: 5), 0.2)
        XCTAssertEqual(NiceTicks.step(spanning: 36, count: 5), 10)
        XCTAssertEqual(NiceTicks.step(spanning: 30, count: 5), 5)
        XCTAssertEqual(NiceTicks.step(spanning: 4.6e9, count: 5), 1e9)
        XCTAssertEqual(NiceTicks.step(spanning: 0, count: 5), 0)
    }

    func testZeroToNinetySevenNicesToZeroToOneHundredBy20() {
        let domain = NiceTicks.niceDomain(0...97)
        XCTAssertEqual(domain, 0...100)
        XCTAssertEqual(NiceTicks.ticks(in: domain), [0, 20, 40, 60, 80, 100])
    }

    func testTicksStayInsideTheDomain() {
        XCTAssertEqual(NiceTicks.ticks(in: 0...97), [0, 20, 40, 60, 80])
        XCTAssertEqual(NiceTicks.ticks(in: 1989...2025), [1990, 2000, 2010, 2020])
        XCTAssertEqual(NiceTicks.ticks(in: -3.5...1.2), [-3, -2, -1, 0, 1])
    }

    func testFractionalTicksComeOutExact() {
        XCTAssertEqual(NiceTicks.ticks(in: 0...1), [0, 0.2, 0.4, 0.6, 0.8, 1])
        XCTAssertEqual(NiceTicks.ticks(in: 0.1...0.5, count: 4), [0.1, 0.2, 0.3, 0.4, 0.5])
    }

    func testNiceDomainOfNegativeAndDegenerateDomains() {
        XCTAssertEqual(NiceTicks.niceDomain(-0.037...0.012), -0.04...0.02)
        XCTAssertEqual(NiceTicks.niceDomain(0...0), 0...1)
        XCTAssertEqual(NiceTicks.niceDomain(5...5), 2...8)
        XCTAssertEqual(NiceTicks.niceDomain(-.infinity...1), 0...1)
        XCTAssertEqual(NiceTicks.ticks(in: 7...7), [7])
    }

    func testLogTicksArePowersOfTen() {
        XCTAssertEqual(NiceTicks.logTicks(in: 1...1000), [1, 10, 100, 1000])
        XCTAssertEqual(NiceTicks.logTicks(in: 3e7...4e12), [1e8, 1e9, 1e10, 1e11, 1e12])
        XCTAssertEqual(NiceTicks.logTicks(in: 1...1e12, count: 5), [1, 1e3, 1e6, 1e9, 1e12])
    }

    func testShortLogDomainsGetTwoAndFiveMultiples() {
        XCTAssertEqual(NiceTicks.logTicks(in: 10...100), [10, 20, 50, 100])
        XCTAssertEqual(NiceTicks.logTicks(in: 0.5...3), [0.5, 1, 2])
    }

    func testLogTicksFallBackToLinearTicksWhenFewerThanThreeFit() {
        XCTAssertEqual(NiceTicks.logTicks(in: 30...40), NiceTicks.ticks(in: 30...40))
        XCTAssertEqual(NiceTicks.logTicks(in: 2e7...5e7), [2e7, 2.5e7, 3e7, 3.5e7, 4e7, 4.5e7, 5e7])
    }

    func testLogTicksOfANonPositiveDomainAreEmpty() {
        XCTAssertEqual(NiceTicks.logTicks(in: 0...100), [])
        XCTAssertEqual(NiceTicks.logTicks(in: -5...100), [])
    }

    func testNiceLogDomainWidensToPowersOfTenAcrossTwoDecadesOrMore() {
        XCTAssertEqual(NiceTicks.niceLogDomain(2.3e8...4.6e11), 1e8...1e12)
        XCTAssertEqual(NiceTicks.niceLogDomain(1...100), 1...100)
        XCTAssertNil(NiceTicks.niceLogDomain(0...10))
    }

    func testNiceLogDomainOfAShortDomainStopsAtOneTwoOrFive() {
        XCTAssertEqual(NiceTicks.niceLogDomain(20...800), 20...1000)
        XCTAssertEqual(NiceTicks.niceLogDomain(0.93...15.2), 0.5...20)
        XCTAssertEqual(NiceTicks.niceLogDomain(3.3e7...5.1e7), 2e7...1e8)
        XCTAssertEqual(NiceTicks.niceLogDomain(100...100), 50...200)
        XCTAssertEqual(NiceTicks.logTicks(in: 0.5...20), [0.5, 1, 2, 5, 10, 20])
    }
}
