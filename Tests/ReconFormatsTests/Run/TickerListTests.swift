import XCTest
@testable import ReconFormats

final class TickerListTests: XCTestCase {
    private func read(_ text: String) throws -> TickerList {
        try TickerList.read(bytes: Array(text.utf8), name: "list.csv")
    }

    /// A list converted from a PDF printed in two columns: every record of every row is read,
    /// the header each page repeats is left out, and so are the empty places after the last record.
    func testRecordsSideBySideAreEachRead() throws {
        let list = try read("""
        Company,Ticker,Company,Ticker
        AAON INC,AAON,ABBVIE INC,ABBV
        Company,Ticker,Company,Ticker
        MICROSOFT CORP,MSFT,,

        """)
        XCTAssertEqual(list.tickers, ["AAON", "ABBV", "MSFT"])
        XCTAssertEqual(list.names, ["AAON INC", "ABBVIE INC", "MICROSOFT CORP"])
        XCTAssertEqual(list.dropped.map(\.reason), ["header repeated"], "the row, once")
        XCTAssertFalse(list.isHoldings)
    }

    func testOneRecordARowAsBefore() throws {
        let list = try read("symbol,company,industry\nAARD,AARDVARK THERAPEUTICS,Health Care\n-,NOTHING,\nsymbol,company,industry\n")
        XCTAssertEqual(list.tickers, ["AARD"])
        XCTAssertEqual(list.dropped.map(\.reason), ["no ticker", "header repeated"])
    }

    func testARowShortOfTheRecordsSideBySideIsAnError() {
        XCTAssertThrowsError(try read("Company,Ticker,Company,Ticker\nAAON INC,AAON,ABBVIE INC\n")) { error in
            XCTAssertTrue("\(error)".contains("found 3 fields, expected 4 (2 records of 2 side by side, as the header repeats)"), "\(error)")
        }
    }
}
