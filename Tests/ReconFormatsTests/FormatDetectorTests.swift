import XCTest
@testable import ReconIO
@testable import ReconFormats

final class FormatDetectorTests: XCTestCase {
    private func detect(_ text: String, name: String = "in.csv", explicit: String? = nil, prior: Bool = false) throws -> FormatDetector.Detection {
        try FormatDetector.detect(bytes: Array(text.utf8), name: name, explicit: explicit, prior: prior)
    }

    func testDetectsEachFormatFromItsHeader() throws {
        XCTAssertEqual(try detect("\u{FEFF}Symbol,Name,Last Sale,Net Change,% Change,Market Cap,Country\nA,B,$1,0,0,1,US\n").format, .nasdaqScreener)
        let legacy = "\"Symbol\",\"Name\",\"LastSale\",\"MarketCap\",\"IPOyear\",\"Sector\",\"industry\",\"Summary Quote\",\n"
        XCTAssertEqual(try detect(legacy).format, .nasdaqScreener, "Nasdaq's legacy company list")
        XCTAssertEqual(try detect("Ticker,Name,Sector,Asset Class,Market Value,Weight (%)\n").format, .isharesHoldings)
        XCTAssertEqual(try detect("PERMNO,date,SHRCD,EXCHCD,PRC,SHROUT\n10001,1990-05-31,11,1,5,100\n").format, .crsp)
        XCTAssertEqual(try detect("symbol,name,index\nAAPL,Apple,R1000\n").format, .nativeMembership)
        XCTAssertEqual(try detect("symbol,company,index,microcap,weight,rank\n").format, .nativeMembership)
        XCTAssertEqual(try detect("symbol,market_cap\nA,1\n").format, .nativeUniverse)
        XCTAssertEqual(try detect("symbol,price,shares_outstanding\nA,1,2\n").format, .nativeUniverse)
    }

    /// A list of tickers is a membership list only where a prior is read: as a universe, a
    /// screener export missing its cap column must still be told it matches no format.
    func testATickerListIsAMembershipListOnlyForAPrior() throws {
        let list = "Company,Ticker\nAPPLE INC,AAPL\n"
        XCTAssertEqual(try detect(list, prior: true).format, .membershipList)
        XCTAssertEqual(try FormatDetector.detect(bytes: Array("Symbol,Name\nA,B\n".utf8), name: "in.csv", prior: true).format, .membershipList)
        XCTAssertThrowsError(try detect(list)) { XCTAssertTrue("\($0)".contains("match none of the known formats"), "\($0)") }
        XCTAssertThrowsError(try detect("Symbol,Name,Last Sale,Volume\nA,B,$1,5\n"))
        XCTAssertEqual(try detect("Ticker,Name,Asset Class,Weight (%)\n", prior: true).format, .isharesHoldings, "holdings stay holdings")
        XCTAssertEqual(try detect("symbol,name,index\n", prior: true).format, .nativeMembership)
    }

    func testSkipsAnISharesPreamble() throws {
        let text = """
        \u{FEFF}iShares Russell 2000 ETF
        Fund Holdings as of,"May 13, 2025"
        Inception Date,"May 22, 2000"
        Shares Outstanding,"303,600,000.00"
        Stock,"-"
        \u{A0}
        Ticker,Name,Sector,Asset Class,Market Value,Weight (%),Notional Value
        "SFM","SPROUTS FARMERS MARKET INC","Consumer Staples","Equity","409,233,878.82","0.64","409,233,878.82"
        """
        let detection = try detect(text)
        XCTAssertEqual(detection.format, .isharesHoldings)
        XCTAssertEqual(detection.headerLine, 7)
    }

    func testExplicitFormatOverrides() throws {
        let detection = try detect("whatever,columns\n", explicit: "Nasdaq-Screener")
        XCTAssertEqual(detection.format, .nasdaqScreener)
        XCTAssertNil(detection.headerLine)
        XCTAssertThrowsError(try detect("a\n", explicit: "excel")) { error in
            let error = error as! InputError
            XCTAssertTrue(error.message.contains("found the format name 'excel'"), error.message)
            XCTAssertTrue(error.message.contains("nasdaq-screener, ishares-holdings, native-universe, native-membership, membership-list, crsp"), error.message)
        }
    }

    func testUnknownFormatListsFormatsAndColumns() {
        XCTAssertThrowsError(try detect("\n date , close , volume \n2025-01-02,1,2\n", name: "prices.csv")) { error in
            let error = error as! InputError
            XCTAssertEqual(error.location, "prices.csv:2")
            XCTAssertTrue(error.message.contains("found the columns 'date', 'close', 'volume'"), error.message)
            for format in UniverseFormat.allCases { XCTAssertTrue(error.message.contains(format.rawValue), format.rawValue) }
            XCTAssertTrue(error.help?.contains("--format NAME") ?? false)
        }
    }

    func testEmptyFileIsAnError() {
        XCTAssertThrowsError(try detect("", name: "empty.csv")) { error in
            XCTAssertEqual((error as! InputError).location, "empty.csv:1")
            XCTAssertTrue((error as! InputError).message.contains("is empty"))
        }
    }

    func testDetectsTheRealFiles() throws {
        let data = try RealData.folder()
        XCTAssertEqual(try FormatDetector.detect(path: data + "/2025/nasdaq_screener_2025-05-23.csv").format, .nasdaqScreener)
        XCTAssertEqual(try FormatDetector.detect(path: data + "/2025/IWM_2025-05-13.csv").headerLine, 10)
        XCTAssertEqual(try FormatDetector.detect(path: data + "/2025/IWV_2025-06-30.csv").headerLine, 1)
    }
}
