import XCTest
@testable import ReconReport

/// The report's number formats: the same value is always the same text.
final class ReportNumberTests: XCTestCase {
    func testCountsHaveThousandsSeparators() {
        XCTAssertEqual(ReportNumber.count(1_962), "1,962")
        XCTAssertEqual(ReportNumber.count(0), "0")
        XCTAssertEqual(ReportNumber.count(-12_345), "-12,345")
        XCTAssertEqual(ReportNumber.count(nil), "–")
    }

    func testDollarsKeepThreeSignificantDigits() {
        XCTAssertEqual(ReportNumber.dollars(4_466_800_000), "$4.47B")
        XCTAssertEqual(ReportNumber.dollars(4_600_000_000), "$4.60B")
        XCTAssertEqual(ReportNumber.dollars(641_400_000), "$641M")
        XCTAssertEqual(ReportNumber.dollars(92_100_000), "$92.1M")
        XCTAssertEqual(ReportNumber.dollars(30_181_898_800_000), "$30.2T")
        XCTAssertEqual(ReportNumber.dollars(950), "$950")
        XCTAssertEqual(ReportNumber.dollars(-2_100), "-$2.10K")
        XCTAssertEqual(ReportNumber.dollars(.nan), "–")
    }

    func testDollarsRoundingUpToAThousandMoveToTheNextUnit() {
        XCTAssertEqual(ReportNumber.dollars(999_600_000), "$1.00B")
        XCTAssertEqual(ReportNumber.dollars(999_400_000), "$999M")
    }

    func testWholeDollars() {
        XCTAssertEqual(ReportNumber.wholeDollars(4_466_800_000), "$4,466,800,000")
        XCTAssertEqual(ReportNumber.wholeDollars(-1_500.4), "-$1,500")
        XCTAssertEqual(ReportNumber.wholeDollars(nil), "–")
    }

    func testPercentsFromFractionsAndPercentages() {
        XCTAssertEqual(ReportNumber.percent(0.17596), "17.6%")
        XCTAssertEqual(ReportNumber.percent(0.1, decimals: 2), "10.00%")
        XCTAssertEqual(ReportNumber.percentage(92.463243), "92.46%")
        XCTAssertEqual(ReportNumber.percentage(nil), "–")
    }

    func testSignedPercentsAlwaysShowTheSignExceptForZero() {
        XCTAssertEqual(ReportNumber.signedPercent(0.0128), "+1.28%")
        XCTAssertEqual(ReportNumber.signedPercent(-0.0123), "-1.23%")
        XCTAssertEqual(ReportNumber.signedPercent(0), "0.00%")
        XCTAssertEqual(ReportNumber.signedPercent(-0.00001), "0.00%")
        XCTAssertEqual(ReportNumber.signedPercent(.infinity), "–")
    }

    func testDecimalsAndGrowth() {
        XCTAssertEqual(ReportNumber.decimal(965.1234), "965.1")
        XCTAssertEqual(ReportNumber.decimal(1234.56, decimals: 2), "1,234.56")
        XCTAssertEqual(ReportNumber.growth(2.0719), "$2.07")
    }
}
