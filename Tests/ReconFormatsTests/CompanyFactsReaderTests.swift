import XCTest
import ReconCore
@testable import ReconIO
@testable import ReconFormats

/// The company-facts reader: each column, each kind of key, dates, and the errors a row can make
/// (the command-line catalogue of bad files is BadInputFactsTests).
final class CompanyFactsReaderTests: XCTestCase {
    private func read(_ text: String) throws -> CompanyFacts {
        try CompanyFactsReader.read(bytes: Array(text.utf8), name: "facts.csv")
    }

    private func code(_ text: String) -> CountryCode { CountryCode(text)! }
    private func date(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    private func assertError(_ text: String, _ location: String, column: String?, _ message: String, help: String? = nil,
                             line: UInt = #line) {
        XCTAssertThrowsError(try read(text), line: line) { error in
            guard let error = error as? InputError else { return XCTFail("expected an InputError, got \(error)", line: line) }
            XCTAssertEqual(error.location, location, error.description, line: line)
            XCTAssertEqual(error.columnName, column, line: line)
            XCTAssertEqual(error.message, message, line: line)
            if let help { XCTAssertEqual(error.help, help, line: line) }
        }
    }

    // MARK: - Columns and keys

    func testPermnoKeyWithEveryCountryColumnFloatFactorAndVotes() throws {
        let facts = try read("""
            gvkey,permno,start,end,incorporation_country,headquarters_country,asset_country,revenue_country,float_factor,voting_fraction,conm
            012141,10107,,,usa,USA,,,0.999,1,MICROSOFT CORP
            099999,12345,2007-01-01,2019-12-31,BMU,USA,GBR,CHN,0.85,0.02097,SOME RE LTD

            """)
        XCTAssertEqual(facts.keyKind, .permno)
        XCTAssertEqual(facts.keyColumn, CompanyFacts.KeyColumn(line: 1, column: 2, name: "permno"))
        XCTAssertEqual(facts.rows.map(\.key), ["10107", "12345"])
        XCTAssertEqual(facts.rows.map(\.line), [2, 3])
        XCTAssertEqual(facts.rows[0].homeCountry, HomeCountry.Indicators(incorporation: .unitedStates, headquarters: .unitedStates))
        XCTAssertEqual(facts.rows[1].homeCountry, HomeCountry.Indicators(incorporation: code("BMU"), headquarters: code("USA"),
                                                                         assets: code("GBR"), revenue: code("CHN")))
        XCTAssertEqual(facts.rows.map(\.float), [.factor(0.999), .factor(0.85)])
        XCTAssertEqual(facts.rows.map(\.votingFraction), [1, 0.02097])
        XCTAssertEqual(facts.rows[1].start, date("2007-01-01"))
        XCTAssertEqual(facts.rows[1].end, date("2019-12-31"))
        XCTAssertNil(facts.rows[0].start)
    }

    func testPermcoKeyWithFloatSharesAndSharesOutstanding() throws {
        let facts = try read("PERMCO,Float_Shares,Shares Outstanding\n8048,\"1,000,000\",4000000\n20678,500,\n")
        XCTAssertEqual(facts.keyKind, .permco)
        XCTAssertEqual(facts.rows.map(\.float), [.shares(1e6, outstanding: 4e6), .shares(500, outstanding: nil)])
        XCTAssertNil(facts.rows[0].homeCountry)
        XCTAssertNil(facts.rows[0].votingFraction)
    }

    func testTickerKeyNormalisedAndCompustatNames() throws {
        let facts = try read("tic,fic,loc\nbrk.b,USA,USA\nBF/B,USA,usa\n")
        XCTAssertEqual(facts.keyKind, .ticker)
        XCTAssertEqual(facts.rows.map(\.key), ["BRKB", "BFB"], "tickers compared as every source's are (Ticker.normalize)")
        XCTAssertEqual(facts.rows[1].homeCountry?.headquarters, .unitedStates)
        let spelled = try read("Ticker,Headquarters_Country\nAAPL,USA\n")
        XCTAssertEqual(spelled.keyKind, .ticker)
    }

    func testBlankFactsAreUnknownAndPermnoLeadingZerosAreDropped() throws {
        let facts = try read("permno,headquarters_country,float_factor,voting_fraction\n00042,,,\n")
        XCTAssertEqual(facts.rows, [CompanyFacts.Row(key: "42", line: 2)])
    }

    func testDatesInBothFormatsOpenEndsAndBlankLines() throws {
        let facts = try read("\u{FEFF}permno,start,end,voting_fraction\r\n7,20200101,2020-12-31,0.5\r\n\r\n7,2021-01-01,,0.6\r\n")
        XCTAssertEqual(facts.rows.map(\.start), [date("2020-01-01"), date("2021-01-01")])
        XCTAssertEqual(facts.rows.map(\.end), [date("2020-12-31"), nil])
        XCTAssertEqual(facts.rows.map(\.line), [2, 4])
        XCTAssertEqual(facts.row(for: "7", at: date("2020-04-30")), 0)
        XCTAssertEqual(facts.row(for: "7", at: date("2026-04-30")), 1)
    }

    // MARK: - Errors

    func testOverlappingDatesNameBothLines() {
        assertError("permno,start,end,voting_fraction\n7,,2020-12-31,0.5\n8,,,0.1\n7,2020-06-30,,0.6\n", "facts.csv:4:2", column: "start",
                    "found PERMNO 7 from 2020-06-30 to open, overlapping line 2 (open to 2020-12-31), expected one fact per PERMNO at any date",
                    help: "end one row before the other starts (lines 2 and 4), or merge them")
        assertError("ticker,voting_fraction\nAAA,0.5\naaa,0.6\n", "facts.csv:3:1", column: "ticker",
                    "found ticker AAA from open to open, overlapping line 2 (open to open), expected one fact per ticker at any date")
    }

    func testEndBeforeStartAndBadDates() {
        assertError("permno,start,end,voting_fraction\n7,2021-01-01,2020-12-31,0.5\n", "facts.csv:2:3", column: "end",
                    "found the end 2020-12-31 before the start 2021-01-01, expected an end on or after the start")
        assertError("permno,start,voting_fraction\n7,2024-13-01,0.5\n", "facts.csv:2:2", column: "start",
                    "found '2024-13-01', expected a date as YYYY-MM-DD or YYYYMMDD, or blank when open",
                    help: "fix the date, or leave it blank for a fact with no start")
    }

    func testCountryNamesAreRefusedWithTheCodeToWrite() {
        assertError("permno,incorporation_country,headquarters_country\n7,Bermuda,USA\n", "facts.csv:2:2", column: "incorporation_country",
                    "found 'Bermuda', expected an ISO 3166-1 alpha-3 country code such as USA or BMU", help: "write BMU for Bermuda")
        assertError("permno,headquarters_country\n7,XYZ\n", "facts.csv:2:2", column: "headquarters_country",
                    "found 'XYZ', expected an ISO 3166-1 alpha-3 country code such as USA or BMU",
                    help: "write the country's ISO 3166-1 alpha-3 code (Compustat's fic and loc are such codes), or leave the field blank")
    }

    func testACountryNeedsTheHeadquarters() {
        assertError("permno,incorporation_country,headquarters_country\n7,BMU,\n", "facts.csv:2:3", column: "headquarters_country",
                    "found no headquarters country beside incorporation_country BMU, expected one")
        assertError("permno,float_factor,asset_country\n7,0.5,USA\n", "facts.csv:1:3", column: "asset_country",
                    "found a country column without 'headquarters_country', expected the headquarters too")
    }

    func testKeysAndNumbersOutOfRange() {
        assertError("permno,voting_fraction\nx1,0.5\n", "facts.csv:2:1", column: "permno",
                    "found 'x1', expected a PERMNO (a whole number from 1)")
        assertError("permco,voting_fraction\n0,0.5\n", "facts.csv:2:1", column: "permco",
                    "found '0', expected a PERMCO (a whole number from 1)")
        assertError("ticker,voting_fraction\n--,0.5\n", "facts.csv:2:1", column: "ticker",
                    "found '--', expected a ticker with a letter or digit")
        assertError("permno,voting_fraction\n7,1.2\n", "facts.csv:2:2", column: "voting_fraction",
                    "found '1.2', expected a fraction of votes between 0 and 1 (0.02097 = 65m of 3.1bn votes)")
        assertError("permno,float_shares,shares_outstanding\n7,5,0\n", "facts.csv:2:3", column: "shares_outstanding",
                    "found '0', expected shares outstanding (a share count above 0)")
        assertError("permno,float_shares\n7,-5\n", "facts.csv:2:2", column: "float_shares",
                    "found '-5', expected float shares (a share count, not negative)")
    }

    func testHeaderProblems() {
        assertError("permno,float_factor,float_shares\n7,0.5,5\n", "facts.csv:1:3", column: "float_shares",
                    "found both 'float_factor' and 'float_shares' (columns 2 and 3), expected one or the other")
        assertError("permno,shares_outstanding,float_factor\n7,5,0.5\n", "facts.csv:1:2", column: "shares_outstanding",
                    "found shares outstanding without a 'float_shares' column, expected them only beside float shares")
        assertError("permno,conm\n7,X\n", "facts.csv:1", column: nil,
                    "found no fact column, expected at least one of incorporation_country, headquarters_country, asset_country, revenue_country, float_factor, float_shares, voting_fraction; found columns: permno, conm")
        assertError("permno,voting_fraction\n", "facts.csv:1", column: nil,
                    "has a company-facts header but no data rows, expected at least one row after it")
    }
}
