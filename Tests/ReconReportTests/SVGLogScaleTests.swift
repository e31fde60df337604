import XCTest
@testable import ReconReport

final class SVGLogScaleTests: XCTestCase {
    func testMapsDomainEndpointsToRangeEndpoints() throws {
        let scale = try XCTUnwrap(LogScale(domain: 1...1000, range: 0...300))
        XCTAssertEqual(try XCTUnwrap(scale.position(of: 1)), 0, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(scale.position(of: 1000)), 300, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(scale.position(of: 10)), 100, accuracy: 1e-9)
    }

    func testReversedAndInverted() throws {
        let scale = try XCTUnwrap(LogScale(domain: 1e6...1e12, range: 20...320, reversed: true))
        XCTAssertEqual(try XCTUnwrap(scale.position(of: 1e6)), 320, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(scale.position(of: 1e12)), 20, accuracy: 1e-9)
        for value in [1e6, 4.6e9, 1e12] {
            let position = try XCTUnwrap(scale.position(of: value))
            XCTAssertEqual(scale.value(at: position) / value, 1, accuracy: 1e-9)
        }
    }

    func testZeroNegativeAndNonFiniteValuesHaveNoPosition() throws {
        let scale = try XCTUnwrap(LogScale(domain: 1...100, range: 0...1))
        XCTAssertNil(scale.position(of: 0))
        XCTAssertNil(scale.position(of: -5))
        XCTAssertNil(scale.position(of: .nan))
        XCTAssertNil(scale.position(of: .infinity))
    }

    func testRejectsNonPositiveDomains() {
        XCTAssertNil(LogScale(domain: 0...10, range: 0...1))
        XCTAssertNil(LogScale(domain: -1...10, range: 0...1))
    }

    func testNicedDomainAndTicks() throws {
        let scale = try XCTUnwrap(LogScale(domain: 2.3e8...4.6e11, range: 0...1)).niced()
        XCTAssertEqual(scale.domain, 1e8...1e12)
        XCTAssertEqual(scale.ticks(), [1e8, 1e9, 1e10, 1e11, 1e12])
    }
}
