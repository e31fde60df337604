import XCTest
@testable import ReconReport

final class SVGFixedDecimalTests: XCTestCase {
    func testRoundsHalfAwayFromZeroAndTrimsTrailingZeros() {
        XCTAssertEqual(FixedDecimal.string(3.14159, maximumDecimals: 2), "3.14")
        XCTAssertEqual(FixedDecimal.string(2.5, maximumDecimals: 2), "2.5")
        XCTAssertEqual(FixedDecimal.string(300, maximumDecimals: 2), "300")
        XCTAssertEqual(FixedDecimal.string(0.125, maximumDecimals: 2), "0.13")
        XCTAssertEqual(FixedDecimal.string(-0.125, maximumDecimals: 2), "-0.13")
        XCTAssertEqual(FixedDecimal.string(2.5, maximumDecimals: 0), "3")
        XCTAssertEqual(FixedDecimal.string(0.05, maximumDecimals: 3), "0.05")
    }

    func testKeepsMinimumDecimals() {
        XCTAssertEqual(FixedDecimal.string(2, maximumDecimals: 2, minimumDecimals: 1), "2.0")
        XCTAssertEqual(FixedDecimal.string(2.25, maximumDecimals: 2, minimumDecimals: 1), "2.25")
    }

    func testNegativeZeroAndTinyNegativesPrintAsZero() {
        XCTAssertEqual(FixedDecimal.string(-0.0, maximumDecimals: 2), "0")
        XCTAssertEqual(FixedDecimal.string(-0.001, maximumDecimals: 2), "0")
    }

    func testGroupsThousands() {
        XCTAssertEqual(FixedDecimal.string(1_234_567, maximumDecimals: 0, groupsThousands: true), "1,234,567")
        XCTAssertEqual(FixedDecimal.string(-1000, maximumDecimals: 0, groupsThousands: true), "-1,000")
        XCTAssertEqual(FixedDecimal.string(999, maximumDecimals: 0, groupsThousands: true), "999")
        XCTAssertEqual(FixedDecimal.string(12345.5, maximumDecimals: 2, groupsThousands: true), "12,345.5")
    }

    func testNonFiniteAndHugeValues() {
        XCTAssertEqual(FixedDecimal.string(.nan, maximumDecimals: 2), "NaN")
        XCTAssertEqual(FixedDecimal.string(.infinity, maximumDecimals: 2), "inf")
        XCTAssertEqual(FixedDecimal.string(-.infinity, maximumDecimals: 2), "-inf")
        XCTAssertEqual(FixedDecimal.string(1.5e20, maximumDecimals: 2), "1.5e+20")
        XCTAssertEqual(FixedDecimal.string(-2e30, maximumDecimals: 0), "-2e+30")
    }

    func testDecimalsNeededForTickSteps() {
        XCTAssertEqual(FixedDecimal.decimalsNeeded(toShowMultiplesOf: 5), 0)
        XCTAssertEqual(FixedDecimal.decimalsNeeded(toShowMultiplesOf: 2.5), 1)
        XCTAssertEqual(FixedDecimal.decimalsNeeded(toShowMultiplesOf: 0.5), 1)
        XCTAssertEqual(FixedDecimal.decimalsNeeded(toShowMultiplesOf: 0.25), 2)
        XCTAssertEqual(FixedDecimal.decimalsNeeded(toShowMultiplesOf: 0.1 * 3), 1)
        XCTAssertEqual(FixedDecimal.decimalsNeeded(toShowMultiplesOf: 0), 0)
    }
}
