import XCTest
import ReconCore
@testable import ReconIO
@testable import ReconFormats

final class NativeUniverseReaderTests: XCTestCase {
    private func read(_ text: String) throws -> [Security] {
        try NativeUniverseReader.read(bytes: Array(text.utf8), name: "universe.csv").securities
    }

    private func assertError(_ text: String, _ location: String, _ fragment: String, line: UInt = #line) {
        XCTAssertThrowsError(try read(text), line: line) { error in
            let error = error as! InputError
            XCTAssertEqual(error.location, location, error.description, line: line)
            XCTAssertTrue(error.description.contains(fragment), error.description, line: line)
        }
    }

    func testMinimalFileAndDefaults() throws {
        let securities = try read("symbol,market_cap\nAAPL,3000000000000\nBRK/B,\n")
        XCTAssertEqual(securities.count, 2)
        let apple = securities[0]
        XCTAssertEqual(apple.name, "AAPL")
        XCTAssertEqual(apple.companyKey, "symbol:AAPL")
        XCTAssertEqual(apple.companyName, "AAPL")
        XCTAssertEqual(apple.type, .commonStock)
        XCTAssertEqual(apple.capScope, .security)
        XCTAssertEqual(apple.marketCap, 3e12)
        XCTAssertNil(securities[1].marketCap)
        XCTAssertEqual(apple.origin, "universe.csv:2")
    }

    func testPriceTimesSharesWhenCapIsBlank() throws {
        let securities = try read("symbol,price,shares_outstanding,cap_scope\nA,10,5,\nB,10,5,company\n")
        XCTAssertEqual(securities[0].marketCap, 50)
        XCTAssertNil(securities[1].marketCap, "a company-scope cap is not the line's price x shares")
    }

    func testExtraColumnsAreIgnoredAndBOMAndCRLFAccepted() throws {
        let securities = try read("\u{FEFF}symbol,note,market_cap,type\r\nX,hello,5,warrant\r\n")
        XCTAssertEqual(securities[0].type, .warrant)
        XCTAssertEqual(securities[0].marketCap, 5)
    }

    func testBadInputs() {
        assertError("", "universe.csv:1", "is empty")
        assertError("symbol,market_cap\n", "universe.csv:1", "no data rows")
        assertError("symbol,price\nA,1\n", "universe.csv:1", "missing the required column 'shares_outstanding'")
        assertError("name,market_cap\nA,1\n", "universe.csv:1", "missing the required column 'symbol'")
        assertError("symbol,market_cap\nA,\"$1,2x\"\n", "universe.csv:2:2", "found '$1,2x'")
        assertError("symbol,market_cap\nA,1\na,2\n", "universe.csv:3:1", "first on line 2")
        assertError("symbol,market_cap,type\nA,1,stock\n", "universe.csv:2:3", "expected one of: common, preferred")
        assertError("symbol,market_cap,float_fraction\nA,1,1.5\n", "universe.csv:2:3", "between 0 and 1")
        assertError("symbol,market_cap,eligible_exchange\nA,1,maybe\n", "universe.csv:2:3", "expected true or false")
        assertError("symbol,market_cap\n,1\n", "universe.csv:2:1", "empty symbol")
        assertError("symbol,market_cap,ipo_year\nA,1,1999.5\n", "universe.csv:2:3", "whole year")
    }
}
