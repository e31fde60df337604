import XCTest
import ReconCore

/// How one file's facts are found for another file's symbol: exact first, then a normalised
/// ticker one entry alone has, never through a preferred's spelling.
final class TickerTableTests: XCTestCase {
    func testExactSymbolFirstInAnyCase() {
        let table = TickerTable([(symbol: "BRK/B", value: 1), (symbol: "BRKB", value: 2)])
        XCTAssertEqual(table.value(for: "BRK/B"), 1)
        XCTAssertEqual(table.value(for: "brk/b"), 1)
        XCTAssertEqual(table.value(for: "BRKB"), 2)
        XCTAssertNil(table.value(for: "BRK.B"), "two entries normalise to BRKB")
        XCTAssertEqual(table.count, 2)
    }

    func testANormalisedTickerOneEntryHasIsFound() {
        let table = TickerTable([(symbol: "BRKB", value: 5), (symbol: "AAPL", value: 7)])
        XCTAssertEqual(table.value(for: "BRK/B"), 5)
        XCTAssertEqual(table.value(for: "BRK.B"), 5)
        XCTAssertNil(table.value(for: "MSFT"))
    }

    /// `BC^C` (Brunswick's notes) normalises to Boise Cascade's `BCC`, `DCOM^` to Dime's common.
    func testAPreferredsSpellingMatchesOnlyItself() {
        let table = TickerTable([(symbol: "BC^C", value: 1), (symbol: "DCOM", value: 2)])
        XCTAssertNil(table.value(for: "BCC"))
        XCTAssertEqual(table.value(for: "BC^C"), 1)
        XCTAssertNil(table.value(for: "DCOM^"))
        XCTAssertEqual(table.value(for: "DCOM"), 2)
    }

    func testALaterEntryWithTheSameSymbolReplacesTheEarlier() {
        let table = TickerTable([(symbol: "AAA", value: 1), (symbol: "aaa", value: 2)])
        XCTAssertEqual(table.value(for: "AAA"), 2)
        XCTAssertEqual(table.count, 1)
    }
}
