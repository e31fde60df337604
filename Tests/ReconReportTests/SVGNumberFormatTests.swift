import XCTest
@testable import ReconReport

final class SVGNumberFormatTests: XCTestCase {
    func testCompactLabels() {
        XCTAssertEqual(NumberFormat.compact.string(for: 1234), "1.2K")
        XCTAssertEqual(NumberFormat.compact.string(for: 150e6), "150M")
        XCTAssertEqual(NumberFormat.compact.string(for: 4.6e9), "4.6B")
        XCTAssertEqual(NumberFormat.compact.string(for: 2.25e12), "2.3T")
        XCTAssertEqual(NumberFormat.compact.string(for: 12), "12")
        XCTAssertEqual(NumberFormat.compact.string(for: 0), "0")
        XCTAssertEqual(NumberFormat.compact.string(for: -1500), "-1.5K")
    }

    func testCompactMovesToTheNextSuffixWhenRoundingReachesAThousand() {
        XCTAssertEqual(NumberFormat.compact.string(for: 999_960), "1M")
        XCTAssertEqual(NumberFormat.compact.string(for: 999.97), "1K")
    }

    func testCurrencyLabels() {
        XCTAssertEqual(NumberFormat.currency.string(for: 4.6e9), "$4.6B")
        XCTAssertEqual(NumberFormat.currency.string(for: 150e6), "$150M")
        XCTAssertEqual(NumberFormat.currency.string(for: 4_630_000_000), "$4.6B")
        XCTAssertEqual(NumberFormat.currency.string(for: -2100), "-$2.1K")
        XCTAssertEqual(NumberFormat.currency.string(for: 0), "$0")
    }

    func testPercentLabels() {
        XCTAssertEqual(NumberFormat.percent.string(for: 0.12), "12%")
        XCTAssertEqual(NumberFormat.percent.string(for: -0.035), "-3.5%")
        XCTAssertEqual(NumberFormat.percent.string(for: 0.1234), "12.3%")
    }

    func testPlainGroupedAndYearLabels() {
        XCTAssertEqual(NumberFormat.year.string(for: 2007), "2007")
        XCTAssertEqual(NumberFormat.plain.string(for: 3.14159), "3.14")
        XCTAssertEqual(NumberFormat.plain.string(for: 1000), "1000")
        XCTAssertEqual(NumberFormat.grouped.string(for: 1000), "1,000")
        XCTAssertEqual(NumberFormat.grouped.string(for: .nan), "n/a")
    }

    func testTickLabelsShowAsManyDecimalsAsTheStepNeeds() {
        let millions = [0, 2.5e6, 5e6, 7.5e6, 10e6, 12.5e6]
        XCTAssertEqual(
            millions.map { NumberFormat.compact.label(for: $0, tickStep: 2.5e6) },
            ["0", "2.5M", "5M", "7.5M", "10M", "12.5M"])
        XCTAssertEqual(
            [0, 500_000, 1e6, 1.5e6].map { NumberFormat.currency.label(for: $0, tickStep: 500_000) },
            ["$0", "$500K", "$1M", "$1.5M"])
        XCTAssertEqual(
            [-0.05, -0.025, 0, 0.025].map { NumberFormat.percent.label(for: $0, tickStep: 0.025) },
            ["-5%", "-2.5%", "0%", "2.5%"])
        XCTAssertEqual(
            [0.1, 0.2, 0.30000000000000004].map { NumberFormat.plain.label(for: $0, tickStep: 0.1) },
            ["0.1", "0.2", "0.3"])
    }
}
