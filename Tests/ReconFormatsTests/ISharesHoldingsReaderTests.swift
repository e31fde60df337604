import XCTest
import ReconCore
@testable import ReconIO
@testable import ReconFormats

final class ISharesHoldingsReaderTests: XCTestCase {
    static let header = "Ticker,Name,Sector,Asset Class,Market Value,Weight (%),Notional Value,Quantity,Price,Location,Exchange,Currency,FX Rate,Market Currency,Accrual Date"

    static func preamble(_ fund: String = "iShares Russell 2000 ETF", date: String = "May 13, 2025") -> String {
        """
        \u{FEFF}\(fund)
        Fund Holdings as of,"\(date)"
        Inception Date,"May 22, 2000"
        Shares Outstanding,"303,600,000.00"
        Stock,"-"
        Bond,"-"
        Cash,"-"
        Other,"-"
        \u{A0}

        """
    }

    static let rows = """
    "SFM","SPROUTS FARMERS MARKET INC","Consumer Staples","Equity","409,233,878.82","0.64","409,233,878.82","2,582,406.00","158.47","United States","NASDAQ","USD","1.00","USD","-"
    "BRKB","BERKSHIRE HATHAWAY INC CLASS B","Financials","Equity","266,804,247.00","1.81","266,804,247.00","494,265.00","539.80","United States","New York Stock Exchange Inc.","USD","1.00","USD","-"
    "XTSLA","BLK CSH FND TREASURY SL AGENCY","Cash and/or Derivatives","Money Market","127,043,004.76","0.20","127,043,004.76","127,043,005.00","1.00","United States","-","USD","1.00","USD","-"
    "RTYM5","RUSSELL 2000 EMINI CME JUN 25","Cash and/or Derivatives","Futures","0.00","0.00","3,850,920.00","38.00","2,026.80","-","Chicago Mercantile Exchange","USD","1.00","USD","-"
    "-","OMNIAB INC $12.50 VESTING Prvt","Health Care","Equity","1.31","0.00","1.31","130,676.00","0.00","United States","NO MARKET (E.G. UNLISTED)","USD","1.00","USD","-"
    "ADRO","CHINOOK THERAPEUTICS INC","Health Care","Equity","1,119,088.75","0.00","1,119,088.75","1,316,575.00","0.85","United States","NO MARKET (E.G. UNLISTED)","USD","1.00","USD","-"
    "SFM","SPROUTS FARMERS MARKET INC CVR","Consumer Staples","Equity","1.00","0.00","1.00","1.00","1.00","United States","NASDAQ","USD","1.00","USD","-"
    \u{A0}
    "The content contained herein is owned or licensed by BlackRock.
    Holdings subject to change."
    """

    private func read(_ text: String, name: String = "holdings.csv", index: RussellIndex? = nil) throws -> ISharesHoldings {
        try ISharesHoldingsReader.read(bytes: Array(text.utf8), name: name, index: index)
    }

    func testPreambleGivesIndexAndDate() throws {
        let holdings = try read(Self.preamble() + Self.header + "\n" + Self.rows)
        XCTAssertEqual(holdings.index, .r2000)
        XCTAssertEqual(holdings.indexSource, .fundName("iShares Russell 2000 ETF"))
        XCTAssertEqual(holdings.asOf, CalendarDate(year: 2025, month: 5, day: 13))
        XCTAssertEqual(holdings.holdings.map(\.symbol), ["SFM", "BRKB"])
        XCTAssertEqual(holdings.holdings[0].weight ?? 0, 0.0064, accuracy: 1e-12)
        XCTAssertEqual(holdings.holdings[0].marketValue, 409_233_878.82)
        XCTAssertEqual(holdings.holdings[0].line, 11)
        XCTAssertEqual(holdings.dropped.map(\.reason), [
            "asset class \"Money Market\" is not Equity",
            "asset class \"Futures\" is not Equity",
            "no ticker (OMNIAB INC $12.50 VESTING Prvt)",
            "not listed (exchange \"NO MARKET (E.G. UNLISTED)\")",
            "not a share (name says \"CVR\")",
        ])
        XCTAssertEqual(holdings.dropped.map(\.line), [13, 14, 15, 16, 17])
    }

    /// What takeovers and delistings leave in a fund is no share of its index: CVRs, warrants and
    /// escrow, OTC-quoted or unpriced lines; a company whose name starts with `CVR` is one, and a
    /// line repeating a ticker already read is left out as such.
    func testWhatCorporateActionsLeaveInTheFundIsLeftOut() throws {
        func row(_ ticker: String, _ name: String, price: String = "10.00", exchange: String = "NASDAQ") -> String {
            "\"\(ticker)\",\"\(name)\",\"Health Care\",\"Equity\",\"100.00\",\"0.01\",\"100.00\",\"10.00\",\"\(price)\",\"United States\","
                + "\"\(exchange)\",\"USD\",\"1.00\",\"USD\",\"-\""
        }
        let rows = [
            row("CVI", "CVR ENERGY INC"), row("AKE", "AKERO THERAPEUTICS CVR"), row("WLLBW", "CHORD ENERGY EQUITY WARRANTS SERIE"),
            row("P5N994", "Petrocorp Inc Escrow", exchange: "Non-Nms Quotation Service (Nnqs)"),
            row("TSEOF", "TRINSEO PLC", price: "0.11", exchange: "Non-Nms Quotation Service (Nnqs)"),
            row("PDLI", "PDL BIOPHARMA INC", price: "0.00"), row("CVI", "CVR ENERGY INC"),
        ]
        let holdings = try read(Self.preamble() + Self.header + "\n" + rows.joined(separator: "\n") + "\n")
        XCTAssertEqual(holdings.holdings.map(\.symbol), ["CVI"])
        XCTAssertEqual(holdings.dropped.map(\.reason), [
            "not a share (name says \"CVR\")", "not a share (name says \"WARRANTS\")",
            "not listed (exchange \"Non-Nms Quotation Service (Nnqs)\")", "not listed (exchange \"Non-Nms Quotation Service (Nnqs)\")",
            "not traded (price 0)", "ticker already read on line 11",
        ])
    }

    func testNoPreambleTakesTheIndexAndTheDateFromTheFileName() throws {
        let text = "\u{FEFF}" + Self.header.replacingOccurrences(of: "Weight (%)", with: "Weight") + "\r\n" + Self.rows.replacingOccurrences(of: "\n", with: "\r\n")
        let holdings = try read(text, name: "data/IWV_2025-06-30.csv")
        XCTAssertEqual(holdings.index, .r3000)
        XCTAssertEqual(holdings.indexSource, .fileName)
        XCTAssertEqual(holdings.asOf, CalendarDate(year: 2025, month: 6, day: 30))
        XCTAssertTrue(holdings.notes.contains("dated 2025-06-30 from the file name (it has no 'Fund Holdings as of' line)"), "\(holdings.notes)")
        XCTAssertNil(try read(text, name: "IWV.csv").asOf, "no preamble and no date in the name: undated")
        XCTAssertEqual(holdings.holdings.count, 2)
        XCTAssertEqual(holdings.holdings[1].weight ?? 0, 0.0181, accuracy: 1e-12)
    }

    /// The layout of a file of April 2020 (`Shares`, `SEDOL`, `ISIN`, no blank line before the header),
    /// ended by a row of empty quoted fields: that row is skipped and said, not dropped as a
    /// holding of asset class "".
    func testEarlierLayoutAndItsEmptyLastRow() throws {
        let text = """
        \u{FEFF}iShares Russell 1000 ETF
        Fund Holdings as of,"Apr 16, 2020"
        Inception Date,"May 15, 2000"
        Ticker,Name,Asset Class,Weight (%),Price,Shares,Market Value,Notional Value,Sector,SEDOL,ISIN,Exchange
        "MSFT","MICROSOFT CORP","Equity","5.26","177.04","5,830,318.00","1,032,199,498.72","1,032,199,498.72","Information Technology","2588173","US5949181045","NASDAQ"
        "BRKB","BERKSHIRE HATHAWAY INC CLASS B","Equity","1.44","187.96","1,507,863.00","283,417,929.48","283,417,929.48","Financials","2073390","US0846707026","NYSE"
        "","","","","","","","","","","",""

        """
        let holdings = try read(text)
        XCTAssertEqual(holdings.index, .r1000)
        XCTAssertEqual(holdings.asOf, CalendarDate(year: 2020, month: 4, day: 16))
        XCTAssertEqual(holdings.holdings.map(\.symbol), ["MSFT", "BRKB"])
        XCTAssertEqual(holdings.holdings.map(\.price), [177.04, 187.96])
        XCTAssertEqual(holdings.holdings[1].weight ?? 0, 0.0144, accuracy: 1e-12)
        XCTAssertEqual(holdings.dropped, [])
        XCTAssertTrue(holdings.notes.contains("1 row with every field empty skipped"), "\(holdings.notes)")
        let blankTicker = try read(text.replacingOccurrences(of: "\"MSFT\"", with: "\"\""))
        XCTAssertEqual(blankTicker.dropped.map(\.reason), ["no ticker (MICROSOFT CORP)"], "a row with only its ticker blank is no blank row")
    }

    func testForcedIndexWins() throws {
        let holdings = try read(Self.preamble() + Self.header + "\n" + Self.rows, name: "IWM.csv", index: .microcap)
        XCTAssertEqual(holdings.index, .microcap)
        XCTAssertEqual(holdings.indexSource, .explicit)
    }

    func testUnknownIndexAsksForAnAssignment() {
        XCTAssertThrowsError(try read(Self.header + "\n" + Self.rows, name: "holdings.csv")) { error in
            let error = error as! InputError
            XCTAssertEqual(error.location, "holdings.csv:1")
            XCTAssertTrue(error.help?.contains("R2000=FILE") ?? false, error.description)
        }
        XCTAssertThrowsError(try read(Self.preamble("iShares Russell 2000 Value ETF") + Self.header + "\n" + Self.rows)) { error in
            XCTAssertTrue((error as! InputError).message.contains("'iShares Russell 2000 Value ETF' is not a whole Russell index"))
        }
    }

    func testBadInputs() {
        func assertError(_ text: String, _ location: String, _ fragment: String, line: UInt = #line) {
            XCTAssertThrowsError(try read(text, name: "IWM.csv"), line: line) { error in
                let error = error as! InputError
                XCTAssertEqual(error.location, location, error.description, line: line)
                XCTAssertTrue(error.description.contains(fragment), error.description, line: line)
            }
        }
        assertError("", "IWM.csv:1", "is empty")
        assertError(Self.preamble() + Self.header + "\n", "IWM.csv:10", "no data rows")
        assertError("Ticker,Name,Asset Class\n\"A\",\"B\",\"Equity\"\n", "IWM.csv:1", "missing the required column 'Weight (%)'")
        assertError(Self.header + "\n\"A\",\"B\",\"x\",\"Equity\",\"1\",\"$1,2x\",\"1\",\"1\",\"1\",\"US\",\"NASDAQ\",\"USD\",\"1\",\"USD\",\"-\"\n",
                    "IWM.csv:2:6", "found '$1,2x'")
        assertError(Self.header + "\n\"A\",\"B\",\"x\"\n", "IWM.csv:2:4", "found 3 fields, expected 15")
        assertError("Symbol,Name,Last Sale,Market Cap\nA,B,1,2\n", "IWM.csv:1", "missing the required column 'Ticker'")
    }

    func testHoldingsDates() {
        XCTAssertEqual(ISharesHoldingsReader.parseHoldingsDate("May 02, 2025"), CalendarDate(year: 2025, month: 5, day: 2))
        XCTAssertEqual(ISharesHoldingsReader.parseHoldingsDate("September 16, 2025"), CalendarDate(year: 2025, month: 9, day: 16))
        XCTAssertEqual(ISharesHoldingsReader.parseHoldingsDate("2025-06-30"), CalendarDate(year: 2025, month: 6, day: 30))
        XCTAssertNil(ISharesHoldingsReader.parseHoldingsDate("Feb 30, 2025"))
    }

    func testRealFiles() throws {
        let data = try RealData.folder()
        let iwm = try ISharesHoldingsReader.read(path: data + "/2025/IWM_2025-05-13.csv")
        XCTAssertEqual(iwm.index, .r2000)
        XCTAssertEqual(iwm.asOf, CalendarDate(year: 2025, month: 5, day: 13))
        XCTAssertGreaterThanOrEqual(iwm.holdings.count, 1_900)
        XCTAssertTrue(iwm.dropped.contains { $0.reason.contains("Futures") })
        let iwv = try ISharesHoldingsReader.read(path: data + "/2025/IWV_2025-05-02.csv")
        XCTAssertEqual(iwv.index, .r3000)
        XCTAssertGreaterThanOrEqual(iwv.holdings.count, 2_600)
        let noPreamble = try ISharesHoldingsReader.read(path: data + "/2025/IWV_2025-06-30.csv")
        XCTAssertEqual(noPreamble.indexSource, .fileName)
        XCTAssertGreaterThanOrEqual(noPreamble.holdings.count, 2_600)
        var builder = PriorMembershipBuilder()
        builder.add(iwv)
        builder.add(iwm)
        let prior = try builder.build()
        XCTAssertGreaterThanOrEqual(prior.membership.count(.r2000), 1_900)
        XCTAssertGreaterThanOrEqual(prior.membership.count(.r1000), 700)
        XCTAssertEqual(prior.membership.entry(symbol: "BRK.B")?.tier, .r1000)
        XCTAssertEqual(prior.membership.entry(symbol: "SFM")?.tier, .r2000)
        XCTAssertEqual(prior.asOf, CalendarDate(year: 2025, month: 5, day: 13))
    }
}
