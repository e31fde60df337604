import XCTest
@testable import ReconIO

final class FormatNumberTests: XCTestCase {
    func testShortestRoundTrip() {
        XCTAssertEqual(formatNumber(0.1), "0.1")
        XCTAssertEqual(formatNumber(30_942_197_876), "30942197876")
        XCTAssertEqual(formatNumber(1e20), "100000000000000000000")
        XCTAssertEqual(formatNumber(1.5e-7), "0.00000015")
        XCTAssertEqual(formatNumber(-2.5), "-2.5")
        XCTAssertEqual(formatNumber(0), "0")
        XCTAssertEqual(formatNumber(-0.0), "0")
        XCTAssertEqual(formatNumber(1.0 / 3.0), "0.3333333333333333")
        for value in [0.1, 1.0 / 3.0, 123_456.789, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, 2_057_974_650_000.5] {
            XCTAssertEqual(Double(formatNumber(value)), value, "\(value) reads back")
        }
    }

    func testFixedDecimalsRoundHalfAwayFromZero() {
        XCTAssertEqual(formatNumber(1.005, decimals: 2), "1.01")
        XCTAssertEqual(formatNumber(2.5, decimals: 0), "3")
        XCTAssertEqual(formatNumber(-2.5, decimals: 0), "-3")
        XCTAssertEqual(formatNumber(0.125, decimals: 2), "0.13")
        XCTAssertEqual(formatNumber(9.996, decimals: 2), "10.00")
        XCTAssertEqual(formatNumber(0.05, decimals: 1), "0.1")
        XCTAssertEqual(formatNumber(0.04, decimals: 1), "0.0")
        XCTAssertEqual(formatNumber(0.0004, decimals: 2), "0.00")
        XCTAssertEqual(formatNumber(-0.0004, decimals: 2), "0.00")
        XCTAssertEqual(formatNumber(2, decimals: 2), "2.00")
        XCTAssertEqual(formatNumber(1e20, decimals: 1), "100000000000000000000.0")
        XCTAssertEqual(formatNumber(123.456, decimals: 0), "123")
    }

    func testTrimmingTrailingZeros() {
        XCTAssertEqual(formatNumber(2, decimals: 2, trimTrailingZeros: true), "2")
        XCTAssertEqual(formatNumber(2.5, decimals: 3, trimTrailingZeros: true), "2.5")
        XCTAssertEqual(formatNumber(100, decimals: 0, trimTrailingZeros: true), "100")
        XCTAssertEqual(formatNumber(0.0001, decimals: 2, trimTrailingZeros: true), "0")
    }

    func testNotFiniteIsEmpty() {
        XCTAssertEqual(formatNumber(.nan), "")
        XCTAssertEqual(formatNumber(.infinity, decimals: 2), "")
    }
}
