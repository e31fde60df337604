import XCTest
@testable import ReconReport

final class SVGLinearScaleTests: XCTestCase {
    func testMapsDomainEndpointsToRangeEndpoints() {
        let scale = LinearScale(domain: -10...30, range: 100...500)
        XCTAssertEqual(scale.position(of: -10), 100)
        XCTAssertEqual(scale.position(of: 30), 500)
        XCTAssertEqual(scale.position(of: 10), 300)
    }

    func testReversedScaleMapsTheLowerBoundToTheBottom() {
        let scale = LinearScale(domain: 0...100, range: 20...320, reversed: true)
        XCTAssertEqual(scale.position(of: 0), 320)
        XCTAssertEqual(scale.position(of: 100), 20)
    }

    func testInvertsPositions() {
        for reversed in [false, true] {
            let scale = LinearScale(domain: -3.5...1.2, range: 40...680, reversed: reversed)
            for value in [-3.5, -1, 0, 0.7, 1.2] {
                XCTAssertEqual(scale.value(at: scale.position(of: value)), value, accuracy: 1e-9)
            }
            XCTAssertEqual(scale.value(at: 40), reversed ? 1.2 : -3.5, accuracy: 1e-12)
        }
    }

    func testOnePointDomainMapsToTheMiddle() {
        let scale = LinearScale(domain: 5...5, range: 0...100)
        XCTAssertEqual(scale.position(of: 5), 50)
        XCTAssertEqual(scale.ticks(), [5])
    }

    func testNicedScaleHasRoundEnds() {
        let scale = LinearScale(domain: 0...97, range: 0...300).niced()
        XCTAssertEqual(scale.domain, 0...100)
        XCTAssertEqual(scale.ticks(), [0, 20, 40, 60, 80, 100])
        XCTAssertEqual(scale.position(of: 50), 150)
    }

    func testNonFiniteDomainFallsBackToUnitInterval() {
        XCTAssertEqual(LinearScale(domain: 0...Double.infinity, range: 0...1).domain, 0...1)
    }
}
