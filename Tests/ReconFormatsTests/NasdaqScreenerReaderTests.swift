import XCTest
import ReconCore
@testable import ReconIO
@testable import ReconFormats

final class NasdaqScreenerReaderTests: XCTestCase {
    static let header = "Symbol,Name,Last Sale,Net Change,% Change,Market Cap,Country,IPO Year,Volume,Sector,Industry"

    private func read(_ text: String, name: String = "screener.csv") throws -> UniverseReadResult {
        try NasdaqScreenerReader.read(bytes: Array(text.utf8), name: name)
    }

    private func assertError(_ text: String, line: Int?, column: Int?, contains fragment: String,
                             file: StaticString = #filePath, sourceLine: UInt = #line) {
        XCTAssertThrowsError(try read(text), file: file, line: sourceLine) { error in
            guard let error = error as? InputError else { return XCTFail("not an InputError: \(error)", file: file, line: sourceLine) }
            XCTAssertEqual(error.file, "screener.csv", file: file, line: sourceLine)
            XCTAssertEqual(error.line, line, error.description, file: file, line: sourceLine)
            XCTAssertEqual(error.column, column, error.description, file: file, line: sourceLine)
            XCTAssertTrue(error.description.contains(fragment), error.description, file: file, line: sourceLine)
        }
    }

    func testReadsRowsKeysAndTypes() throws {
        let text = """
        \(Self.header)
        GOOG,Alphabet Inc. Class C Capital Stock,$168.47,0.1,0.1%,2057974650000.00,United States,2004,21000000,Technology,Computer Software: Programming Data Processing
        GOOGL,Alphabet Inc. Class A Common Stock,$167.20,0.1,0.1%,2042462000000.00,United States,,29000000,Technology,Computer Software: Programming Data Processing
        AACBR,Artius II Acquisition Inc. Rights,$0.24,0.00,0.00%,0.00,United States,2025,50800,,
        SFM,"Sprouts Farmers Market, Inc.",$158.47,1,1%,,United States,2013,1000,Consumer Staples,Food Chains

        """
        let result = try read(text)
        XCTAssertEqual(result.format, .nasdaqScreener)
        XCTAssertEqual(result.securities.map(\.symbol), ["GOOG", "GOOGL", "AACBR", "SFM"])
        let goog = result.securities[0], googl = result.securities[1]
        XCTAssertEqual(goog.companyKey, googl.companyKey)
        XCTAssertEqual(goog.companyName, "Alphabet Inc.")
        XCTAssertEqual(goog.price, 168.47)
        XCTAssertEqual(goog.marketCap, 2_057_974_650_000)
        XCTAssertEqual(goog.capScope, .unknown)
        XCTAssertNil(goog.isOnEligibleExchange)
        XCTAssertEqual(goog.ipoYear, 2004)
        XCTAssertNil(googl.ipoYear)
        XCTAssertEqual(goog.volume, 21_000_000)
        XCTAssertEqual(goog.origin, "screener.csv:2")
        XCTAssertEqual(result.securities[2].type, .right)
        XCTAssertNil(result.securities[2].marketCap, "a zero cap is unknown")
        XCTAssertNil(result.securities[2].sector)
        XCTAssertNil(result.securities[3].marketCap, "a blank cap is unknown")
        XCTAssertEqual(result.securities[3].name, "Sprouts Farmers Market, Inc.")
        XCTAssertTrue(result.notes.contains { $0.hasPrefix("2 rows have a blank or zero Market Cap") }, "\(result.notes)")
    }

    /// The 2025 screener writes one name HTML-escaped: decoded, the warrant is its company's.
    func testAnEscapedNameIsDecodedAndKeyedWithItsCompany() throws {
        let text = """
        \(Self.header)
        HOFV,Hall of Fame Resort & Entertainment Company Common Stock,$0.867,0.003,0.347%,5808171.00,United States,,27623,Consumer Discretionary,Services-Misc. Amusement & Recreation
        HOFVW,Hall of Fame Resort &amp; Entertainment Company Warrant,$0.0024,-0.0002,-7.692%,16078.00,United States,,22650,Consumer Discretionary,Services-Misc. Amusement &amp; Recreation

        """
        let result = try read(text)
        XCTAssertEqual(result.securities[1].name, "Hall of Fame Resort & Entertainment Company Warrant")
        XCTAssertEqual(result.securities[1].industry, "Services-Misc. Amusement & Recreation")
        XCTAssertEqual(result.securities[1].type, .warrant)
        XCTAssertEqual(result.securities[0].companyKey, "hall of fame resort entertainment co")
        XCTAssertEqual(result.securities[1].companyKey, result.securities[0].companyKey)
    }

    func testByteOrderMarkAndCRLF() throws {
        let text = "\u{FEFF}\(Self.header)\r\nA,Agilent Technologies Inc. Common Stock,$108.53,-1.15,-1.049%,30942197876.00,United States,1999,1690973,Industrials,Biotechnology\r\n"
        let result = try read(text)
        XCTAssertEqual(result.securities.map(\.symbol), ["A"])
        XCTAssertEqual(result.securities[0].industry, "Biotechnology")
        XCTAssertEqual(result.securities[0].marketCap, 30_942_197_876)
    }

    func testRowWithoutSymbolIsDroppedAndReported() throws {
        let result = try read("\(Self.header)\n,Nameless,$1,0,0%,100,,,,,\nA,Agilent,$1,0,0%,100,,,,,\n")
        XCTAssertEqual(result.securities.count, 1)
        XCTAssertEqual(result.dropped, [DroppedRow(file: "screener.csv", line: 2, symbol: "", reason: "no symbol")])
    }

    func testMissingColumn() {
        assertError("Symbol,Name,Last Sale,Volume\nA,Agilent,$1,5\n", line: 1, column: nil, contains: "missing the required column 'Market Cap'")
    }

    func testBadNumber() {
        assertError("\(Self.header)\nA,Agilent,$1,2x,0,0%,100,,,,,\n", line: 2, column: 12, contains: "fields")
        assertError("\(Self.header)\nA,Agilent,\"$1,2x\",0,0%,100,,,,,\n", line: 2, column: 3, contains: "column 'Last Sale': found '$1,2x', expected a price")
        assertError("\(Self.header)\nA,Agilent,$1,0,0%,-5,,,,,\n", line: 2, column: 6, contains: "not negative")
        assertError("\(Self.header)\nA,Agilent,$1,0,0%,5,,19x9,,,\n", line: 2, column: 8, contains: "expected a year")
    }

    func testEmptyAndHeaderOnly() {
        assertError("", line: 1, column: nil, contains: "is empty")
        assertError("\n\n", line: 1, column: nil, contains: "is empty")
        assertError("\(Self.header)\n", line: 1, column: nil, contains: "no data rows")
    }

    func testWrongFormat() {
        assertError("Ticker,Name,Sector,Asset Class,Market Value,Weight (%)\n\"A\",\"AGILENT\",\"x\",\"Equity\",\"1\",\"0.1\"\n",
                    line: 1, column: nil, contains: "missing the required column 'Symbol'")
    }

    func testDuplicateSymbolNamesBothLines() {
        assertError("\(Self.header)\nA,Agilent,$1,0,0%,100,,,,,\nB,Bee,$1,0,0%,100,,,,,\na,Again,$1,0,0%,100,,,,,\n",
                    line: 4, column: 1, contains: "found the symbol 'a' again (first on line 2)")
    }

    func testShiftedRowIsAnError() {
        assertError("\(Self.header)\nA,Agilent, Inc.,$1,0,0%,100,,,,,\n", line: 2, column: 12, contains: "found 12 fields, expected 11")
    }

    /// Nasdaq's legacy company list (`companylist.csv`, one per exchange, to 2020), in the three
    /// layouts it had: market caps in dollars or rounded with a magnitude suffix, `n/a` for no
    /// value, an `ADR TSO` column in some years, a trailing comma on every line.
    func testLegacyCompanyListLayouts() throws {
        let withADRColumn = """
        "Symbol","Name","LastSale","MarketCap","ADR TSO","IPOyear","Sector","Industry","Summary Quote",
        "YI","111, Inc.","7.4","95513243","12907195","2018","Health Care","Medical/Nursing Services","https://x",
        "ZNGA","Zynga Inc.","6.3","5892281526.6","n/a","2011","Technology","EDP Services","https://x",
        "ABE           ","Aberdeen Emerging Markets Fund","12","n/a","n/a","n/a","n/a","n/a","https://x",

        """
        let old = try read(withADRColumn)
        XCTAssertEqual(old.securities.map(\.symbol), ["YI", "ZNGA", "ABE"])
        XCTAssertEqual(old.securities.map(\.marketCap), [95_513_243, 5_892_281_526.6, nil])
        XCTAssertEqual(old.securities[0].type, .depositaryReceipt)
        XCTAssertEqual(old.securities[0].typeEvidence, "ADR TSO gives its depositary shares outstanding (12907195)")
        XCTAssertEqual(old.securities[1].type, .commonStock, "n/a in ADR TSO: no depositary shares")
        XCTAssertEqual(old.securities[1].ipoYear, 2011)
        XCTAssertEqual(old.securities[2].type, .closedEndFund, "a type the name says stays")
        XCTAssertNil(old.securities[2].ipoYear)
        XCTAssertNil(old.securities[2].sector, "n/a is no sector")
        XCTAssertNil(old.securities[2].industry)
        XCTAssertFalse(old.notes.contains { $0.contains("magnitude suffix") }, "\(old.notes)")

        let suffixed = """
        "Symbol","Name","LastSale","MarketCap","IPOyear","Sector","industry","Summary Quote",
        "TFSC","1347 Capital Corp.","9.89","$58.83M","2014","Finance","Business Services","http://x",
        "TFSCW","1347 Capital Corp.","0.17","n/a","2014","Finance","Business Services","http://x",
        "AAPL","Apple Inc.","110.5","$612.3B","1980","Technology","Computer Manufacturing","http://x",
        "TINY","Tiny Inc.","1.5","$950K","n/a","n/a","n/a","http://x",

        """
        let rounded = try read(suffixed)
        XCTAssertEqual(rounded.securities.map(\.marketCap), [58_830_000, nil, 612_300_000_000, 950_000])
        XCTAssertEqual(rounded.securities[0].industry, "Business Services")
        XCTAssertEqual(rounded.securities[1].type, .warrant, "Nasdaq's fifth letter W: the name is the issuer's alone")
        XCTAssertEqual(rounded.securities[0].companyKey, rounded.securities[1].companyKey)
        XCTAssertTrue(rounded.notes.contains { $0.hasPrefix("3 rows give their Market Cap rounded with a magnitude suffix") }, "\(rounded.notes)")
        XCTAssertTrue(rounded.notes.contains { $0.hasPrefix("1 row has a blank or zero Market Cap") }, "\(rounded.notes)")
    }

    func testBadSuffixedMarketCap() {
        let header = "Symbol,Name,LastSale,MarketCap,IPOyear,Sector,industry,Summary Quote"
        for cap in ["$5.8.3M", "$M", "-$5M", "5,000M", "$1e3B"] {
            assertError("\(header)\nA,Agilent,1,\"\(cap)\",n/a,n/a,n/a,x\n", line: 2, column: 4,
                        contains: "column 'MarketCap': found '\(cap)', expected a market cap in dollars such as $58.83M (digits, a point, K, M or B)")
        }
        let tooLarge = "$" + String(repeating: "9", count: 400) + "B"
        assertError("\(header)\nA,Agilent,1,\(tooLarge),n/a,n/a,n/a,x\n", line: 2, column: 4, contains: "expected a market cap in dollars such as $58.83M")
        assertError("\(header)\nA,Agilent,1,12x,n/a,n/a,n/a,x\n", line: 2, column: 4, contains: "found '12x', expected a market cap")
    }

    /// The real 2025 screener: floors on what is read.
    func testRealScreener2025() throws {
        let data = try RealData.folder()
        let result = try NasdaqScreenerReader.read(path: data + "/2025/nasdaq_screener_2025-05-23.csv")
        let securities = result.securities
        XCTAssertGreaterThanOrEqual(securities.count, 6_900)
        let nonCommon = securities.filter { $0.type != .commonStock }
        XCTAssertGreaterThanOrEqual(nonCommon.count, 300)
        XCTAssertTrue(nonCommon.allSatisfy { $0.typeEvidence != nil })
        func line(_ symbol: String) throws -> Security { try XCTUnwrap(securities.first { $0.symbol == symbol }, symbol) }
        XCTAssertEqual(try line("GOOG").companyKey, try line("GOOGL").companyKey)
        XCTAssertEqual(try line("BRK/A").companyKey, try line("BRK/B").companyKey)
        XCTAssertEqual(try line("HEI").companyKey, try line("HEI/A").companyKey)
        XCTAssertNotEqual(try line("FOX").companyKey, try line("FOXF").companyKey)
        XCTAssertEqual(try line("A").type, .commonStock)
        XCTAssertEqual(try line("PBT").type, .royaltyTrust)
        XCTAssertEqual(try line("ET").type, .limitedPartnership)
        var counts: [SecurityType: Int] = [:]
        for security in securities { counts[security.type, default: 0] += 1 }
        print("2025 screener types: " + SecurityType.allCases.map { "\($0.rawValue)=\(counts[$0] ?? 0)" }.joined(separator: " "))
    }
}
