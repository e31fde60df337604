import XCTest
import ReconCore
@testable import ReconIO
@testable import ReconCRSP
@testable import ReconFormats

/// A CIZ file (CRSP's current monthly layout: msf_v2 with stksecurityinfohist) read by the CRSP
/// load path, with every expectation worked out by hand from the rows below: the legacy codes of
/// each attribute set, a bid/ask midpoint, halted, suspended and when-issued rows, the delisting
/// month (whose MthRet already holds the delisting return), YYYYMM-only files, both date
/// spellings and any header case.
final class CIZLayoutTests: XCTestCase {
    private static let header = "PERMNO,PrimaryExch,ConditionalType,TradingStatusFlg,USIncFlg,IssuerType,SecurityType,SecuritySubType,"
        + "ShareType,Ticker,PERMCO,SICCD,IssuerNm,MthCalDt,MthPrc,MthPrcFlg,MthCap,MthRet,ShrOut"

    /// Lines 2–14 (line 1 is the header).
    private static let rows = [
        "10001,N,RW,A,Y,CORP,EQTY,COM,NS,ALFA,500,4911,ALFA CORP,2020-01-31,20.5,TR,20500,0.025,1000",
        "10001,N,RW,A,Y,CORP,EQTY,COM,NS,ALFA,500,4911,ALFA CORP,2020-02-28,21,TR,21000,0.05,1000",
        // ALFA's last month: −30% with the delisting return in it.
        "10001,N,RW,A,Y,CORP,EQTY,COM,NS,ALFA,500,4911,ALFA CORP,2020-03-31,15,TR,15000,-0.3,1000",
        // A bid/ask midpoint, no return in its first month.
        "10002,Q,RW,A,Y,ACOR,EQTY,COM,NS,BETA,600,3571,BETA INC,2020-01-31,4.25,BA,8500,,2000",
        "10003,N,RW,H,Y,CORP,EQTY,COM,NS,GAMA,700,2834,GAMMA PHARMA,2020-01-31,10,TR,5000,0.01,500",
        "10004,A,RW,S,Y,CORP,EQTY,COM,NS,DLTA,800,1311,DELTA OIL,2020-01-31,8,TR,2400,0.02,300",
        "10005,Q,WI,A,Y,CORP,EQTY,COM,NS,EPSW,900,7372,EPSILON SOFTWARE,2020-01-31,30,TR,30000,,1000",
        "10006,N,NW,A,Y,CORP,EQTY,COM,NS,ZETW,1000,6022,ZETA BANCORP,2020-01-31,12,TR,12000,,1000",
        "10007,X,NT,,Y,CORP,EQTY,COM,NS,ETA,1100,5812,ETA FOODS,2020-01-31,2,TR,200,0.1,100",
        "10008,N,RW,A,Y,REIT,EQTY,COM,NS,THRE,1200,6798,THETA REALTY,2020-01-31,25,TR,25000,0.005,1000",
        "10009,Q,RW,A,Y,CORP,EQTY,COM,NS,IOTA,1300,3674,IOTA MICRO,2020-01-31,,MP,,,500",
        "10010,Q,RW,A,Y,CORP,EQTY,COM,NS,KAPA,1400,3841,KAPPA MEDICAL,2020-01-31,7,TR,,0.03,",
        "10002,Q,RW,A,Y,ACOR,EQTY,COM,NS,BETA,600,3571,BETA INC,2020-04-30,4.5,TR,9000,0.0588,2000",
    ]

    private static var sample: String { ([header] + rows).joined(separator: "\n") + "\n" }

    private func load(_ text: String, name: String = "ciz.csv") throws -> CRSPPanel {
        try CRSPPanel.load(text: text, name: name)
    }

    private func loadError(_ text: String, name: String = "ciz.csv") -> InputError? { CRSPPanel.loadError(text: text, name: name) }

    private func date(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d) }

    /// The one row of a PERMNO in a month.
    private func row(_ panel: CRSPPanel, _ permno: Int, _ month: CalendarDate) throws -> CRSPPanel.Row {
        let rows = panel.rows(permno: permno).map(panel.row).filter { $0.date == month }
        return try XCTUnwrap(rows.first, "no row of \(permno) on \(month)")
    }

    func testCodesPricesAndCountsOfEachRow() throws {
        let panel = try load(Self.sample)
        let january = date(2020, 1, 31)
        XCTAssertEqual(panel.months, [january, date(2020, 2, 28), date(2020, 3, 31), date(2020, 4, 30)])
        // (PERMNO, SHRCD, EXCHCD) as crsp-ciz.md's tables give them.
        let codes = [(10001, 11, 1), (10002, 10, 3), (10003, 11, -2), (10004, 11, -1), (10005, 11, 33), (10006, 11, 31),
                     (10007, 11, 0), (10008, 18, 1), (10009, 11, 3), (10010, 11, 3)]
        for (permno, shareCode, exchangeCode) in codes {
            let row = try row(panel, permno, january)
            XCTAssertEqual(row.shareCode, shareCode, "SHRCD of \(permno)")
            XCTAssertEqual(row.exchangeCode, exchangeCode, "EXCHCD of \(permno)")
        }
        XCTAssertEqual(panel.report.rowsRead, 13)
        XCTAssertEqual(panel.report.rowsInCrossSections, 11)
        XCTAssertEqual(panel.report.dropped, [.missingPrice: 1, .missingShares: 1])
        XCTAssertEqual(panel.report.midpointPrices, 1)
        XCTAssertEqual(panel.report.missingReturns, 4, "lines 5, 8, 9 and 12 have no MthRet")
        XCTAssertEqual(panel.report.securities, 10)
        XCTAssertEqual(panel.names(permno: 10002)?.name, "BETA INC")
        XCTAssertEqual(panel.names(permno: 10002)?.industryCode, 3571)
    }

    func testBidAskMidpointIsAPositivePriceWithTheMidpointFlag() throws {
        let panel = try load(Self.sample)
        let beta = try XCTUnwrap(panel.snapshot(onOrBefore: date(2020, 1, 31)).first { $0.symbol == "BETA" })
        XCTAssertEqual(beta.price, 4.25)
        XCTAssertEqual(beta.marketCap, 4.25 * 2_000 * 1_000)
        XCTAssertEqual(beta.exchange, "NASDAQ")
        XCTAssertEqual(beta.isOnEligibleExchange, true)
        XCTAssertEqual(panel.report.midpointPrices, 1, "BA on line 5 only; TR and MP are not midpoints")
        // Without the MthPrcFlg column no price is a midpoint.
        let withoutFlag = Self.sample.replacingOccurrences(of: "MthPrcFlg", with: "PriceFlagIgnored")
        XCTAssertEqual(try load(withoutFlag).report.midpointPrices, 0)
    }

    func testHaltedSuspendedWhenIssuedAndUnlistedRowsAreNotOnAnEligibleExchange() throws {
        let panel = try load(Self.sample)
        let january = panel.snapshot(onOrBefore: date(2020, 1, 31))
        func line(_ symbol: String) throws -> Security { try XCTUnwrap(january.first { $0.symbol == symbol }, symbol) }
        XCTAssertEqual(january.map(\.symbol), ["ALFA", "BETA", "GAMA", "DLTA", "EPSW", "ZETW", "ETA", "THRE"],
                       "IOTA has no price and KAPA no shares: left out of the cross-section")
        for (symbol, exchange) in [("GAMA", "EXCHCD -2 (halted)"), ("DLTA", "EXCHCD -1 (suspended)"), ("EPSW", "EXCHCD 33"),
                                   ("ZETW", "EXCHCD 31"), ("ETA", "EXCHCD 0 (not on NYSE, AMEX or NASDAQ)")] {
            XCTAssertEqual(try line(symbol).exchange, exchange, symbol)
            XCTAssertEqual(try line(symbol).isOnEligibleExchange, false, symbol)
        }
        XCTAssertEqual(try line("ALFA").exchange, "NYSE")
        XCTAssertEqual(try line("ALFA").isOnEligibleExchange, true)
    }

    /// MthRet already holds the delisting return: the panel has no delisting return to compound
    /// with it, so the delisting month's return is MthRet, alone.
    func testDelistingMonthIsNotCompoundedTwice() throws {
        let panel = try load(Self.sample)
        let march = try XCTUnwrap(panel.monthlyReturn(permno: 10001, monthOf: date(2020, 3, 31)))
        XCTAssertEqual(march.value, Double(Float(-0.3)))
        XCTAssertNil(march.delistingReturn)
        XCTAssertTrue((0 ..< panel.rowCount).allSatisfy { panel.row($0).delistingReturn == nil }, "a CIZ panel has no DLRET")
        let delistingMonth = try XCTUnwrap(panel.compoundReturn(permno: 10001, after: date(2020, 2, 28), through: date(2020, 3, 31)))
        XCTAssertEqual(delistingMonth.value, Double(Float(-0.3)), "the compound return over the delisting month is MthRet")
        // January to April: 1.025 × 1.05 × 0.7 − 1, held as cash after March.
        let held = try XCTUnwrap(panel.compoundReturn(permno: 10001, after: date(2019, 12, 31), through: date(2020, 4, 30)))
        XCTAssertEqual(held.value, 1.025 * 1.05 * 0.7 - 1, accuracy: 1e-6)
        XCTAssertEqual(held.endedAt, date(2020, 3, 31))
        XCTAssertEqual(held.months, 3)
    }

    /// A CIZ file that also carries DLRET is refused: its MthRet already holds the delisting
    /// return, and reading both would count it twice.
    func testACIZFileWithDLRETIsRefused() {
        let text = Self.header + ",DLRET\n" + Self.rows[0] + ",-0.3\n"
        XCTAssertEqual(loadError(text), InputError(
            file: "ciz.csv", line: 1, column: 20,
            message: "found the legacy column 'DLRET' in a header with CIZ columns ('PrimaryExch', 'ConditionalType', 'TradingStatusFlg', …), "
                + "expected the columns of one CRSP layout",
            help: "export the file again with one layout's columns; in the CIZ layout MthRet already includes the delisting return, "
                + "so a CIZ file takes no DLRET (see docs/crsp.md)"))
    }

    func testYearMonthOnlyFileIsReadAsTheMonthsLastBusinessDay() throws {
        var text = Self.sample.replacingOccurrences(of: "MthCalDt", with: "YYYYMM")
        for (day, month) in [("2020-01-31", "202001"), ("2020-02-28", "202002"), ("2020-03-31", "202003"), ("2020-04-30", "202004")] {
            text = text.replacingOccurrences(of: day, with: month)
        }
        assertSamePanel(try load(text), try load(Self.sample), "YYYYMM instead of MthCalDt")
        // A month whose last weekday is a holiday (Memorial Day 2021), and one whose last day is a Saturday.
        let odd = Self.header.replacingOccurrences(of: "MthCalDt", with: "YYYYMM") + "\n"
            + Self.rows[0].replacingOccurrences(of: "2020-01-31", with: "202105") + "\n"
            + Self.rows[0].replacingOccurrences(of: "2020-01-31", with: "202212") + "\n"
        XCTAssertEqual(try load(odd).months, [date(2021, 5, 28), date(2022, 12, 30)])
        // With both columns, MthCalDt gives the day.
        let both = Self.header.replacingOccurrences(of: "MthCalDt", with: "YYYYMM,MthCalDt") + "\n"
            + Self.rows[0].replacingOccurrences(of: "2020-01-31", with: "202001,2020-01-30") + "\n"
        XCTAssertEqual(try load(both).months, [date(2020, 1, 30)])
    }

    func testMonthEndTableMatchesTheCalendar() {
        for (year, month, expected) in [(2021, 5, 20210528), (2020, 2, 20200228), (2016, 4, 20160429), (2001, 9, 20010928),
                                         (2022, 12, 20221230), (1925, 1, 19250130), (2100, 12, 21001231)] {
            XCTAssertEqual(CIZMonthEnd.yyyymmdd(year: year, month: month), expected, "\(year)-\(month)")
        }
        // Outside the table, computed the same way (years 0 and 9999 included, without a trap).
        for year in [0, 1, 1899, 1924, 2101, 9999] {
            let value = CIZMonthEnd.yyyymmdd(year: year, month: 6)
            XCTAssertEqual(value / 100, year * 100 + 6, "\(year)")
            XCTAssertGreaterThanOrEqual(value % 100, 26)
        }
    }

    func testISOAndYYYYMMDDDatesGiveTheSamePanel() throws {
        var compact = Self.sample
        for (iso, digits) in [("2020-01-31", "20200131"), ("2020-02-28", "20200228"), ("2020-03-31", "20200331"), ("2020-04-30", "20200430")] {
            compact = compact.replacingOccurrences(of: iso, with: digits)
        }
        assertSamePanel(try load(compact), try load(Self.sample), "YYYYMMDD dates")
    }

    func testHeaderInAnyCaseAndOrderGivesTheSamePanel() throws {
        let lines = Self.sample.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for header in [lines[0].uppercased(), lines[0].lowercased(), lines[0].replacingOccurrences(of: "MthCalDt", with: "mth_cal_dt")] {
            let text = ([header] + lines.dropFirst()).joined(separator: "\n")
            assertSamePanel(try load(text), try load(Self.sample), header)
        }
        // The columns in another order (reversed), values moved with them.
        let reversed = lines.filter { !$0.isEmpty }.map { $0.split(separator: ",", omittingEmptySubsequences: false).reversed().joined(separator: ",") }
        let panel = try load(reversed.joined(separator: "\n") + "\n")
        XCTAssertEqual(panel.months, try load(Self.sample).months)
        XCTAssertEqual(panel.rowShareCode.map { $0 }, try load(Self.sample).rowShareCode.map { $0 })
        XCTAssertEqual(panel.rowExchangeCode.map { $0 }, try load(Self.sample).rowExchangeCode.map { $0 })
    }

    func testAttributesInLowerCaseWithSpacesReadTheSame() throws {
        let lines = Self.sample.split(separator: "\n").map(String.init)
        let loose = [lines[0]] + lines.dropFirst().map { line -> String in
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            for index in 1 ... 8 { fields[index] = " " + fields[index].lowercased() + " " }
            fields[15] = fields[15].lowercased()
            return fields.joined(separator: ",")
        }
        assertSamePanel(try load(loose.joined(separator: "\n") + "\n"), try load(Self.sample), "lower case, spaces")
    }

    func testFormatDetectionTakesACIZHeaderForCRSP() throws {
        XCTAssertEqual(try FormatDetector.detect(bytes: Array(Self.sample.utf8), name: "ciz.csv").format, .crsp)
        XCTAssertEqual(FormatDetector.format(ofHeader: ["permno", "yyyymm", "mthprc"]), .crsp)
        XCTAssertEqual(FormatDetector.format(ofHeader: ["PERMNO", "MTHCALDT"]), .crsp)
    }

    func testBadCIZFieldsAreRefusedWithLineColumnAndWhatWasExpected() {
        let help = "fix the value, or re-export the file from CRSP"
        func refused(_ row: String, column: Int, name: String, message: String, header: String = CIZLayoutTests.header) {
            XCTAssertEqual(loadError(header + "\n" + row + "\n"),
                           InputError(file: "ciz.csv", line: 2, column: column, columnName: name, message: message, help: help), row)
        }
        let good = Self.rows[0]
        refused(good.replacingOccurrences(of: ",20.5,", with: ",-20.5,"), column: 15, name: "MthPrc",
                message: "found '-20.5', expected a price that is not negative (blank or 0 for none; MthPrcFlg BA marks a bid/ask midpoint)")
        refused(good.replacingOccurrences(of: "2020-01-31", with: "2020-02-30"), column: 14, name: "MthCalDt",
                message: "found '2020-02-30', expected a date as YYYY-MM-DD or YYYYMMDD")
        refused(good.replacingOccurrences(of: ",0.025,", with: ",C,"), column: 18, name: "MthRet",
                message: "found 'C', expected a return as a decimal fraction (≥ −1, the delisting return included) or blank")
        refused(good.replacingOccurrences(of: ",0.025,", with: ",-99,"), column: 18, name: "MthRet",
                message: "found '-99', expected a return as a decimal fraction (≥ −1, the delisting return included) or blank")
        refused(good.replacingOccurrences(of: "2020-01-31", with: "202013"), column: 14, name: "YYYYMM",
                message: "found '202013', expected a month as YYYYMM (such as 202001)",
                header: Self.header.replacingOccurrences(of: "MthCalDt", with: "YYYYMM"))
        refused(good.replacingOccurrences(of: ",1000", with: ",1e300").replacingOccurrences(of: ",20.5,", with: ",1e300,"),
                column: 19, name: "ShrOut",
                message: "found '1e300', expected a price and shares outstanding whose product MthPrc × ShrOut × 1,000 is a finite market cap")
    }

    func testHeadersOfNeitherLayoutOrMissingACIZColumnAreRefused() {
        XCTAssertEqual(loadError("PERMNO,PERMCO,Ticker,ShrOut\n1,1,A,100\n"), InputError(
            file: "ciz.csv", line: 1,
            message: "found none of the columns that tell a CRSP layout apart, expected the legacy layout (PERMNO, PERMCO, date, SHRCD, "
                + "EXCHCD, TICKER, COMNAM, PRC, RET, SHROUT) or the CIZ layout (PERMNO, PERMCO, MthCalDt (or YYYYMM), MthPrc, MthRet, "
                + "ShrOut, PrimaryExch, ConditionalType, TradingStatusFlg, ShareType, SecurityType, SecuritySubType, USIncFlg, "
                + "IssuerType, Ticker, IssuerNm); found columns: PERMNO, PERMCO, Ticker, ShrOut",
            help: "export the monthly stock file from CRSP with one of these sets of columns (see docs/crsp.md)"))
        let withoutShareType = Self.header.replacingOccurrences(of: ",ShareType", with: "")
        XCTAssertEqual(loadError(withoutShareType + "\n1\n"), InputError(
            file: "ciz.csv", line: 1,
            message: "missing the required column 'ShareType' of the CRSP CIZ monthly stock file (msf_v2) format; found columns: "
                + withoutShareType.replacingOccurrences(of: ",", with: ", "),
            help: "add the column, or pass --format to read the file as another format (see docs/formats.md)"))
        XCTAssertEqual(loadError(Self.header.replacingOccurrences(of: "MthCalDt", with: "Month") + "\n1\n")?.message,
                       "missing the required column 'MthCalDt' of the CRSP CIZ monthly stock file (msf_v2) format; found columns: "
                        + Self.header.replacingOccurrences(of: "MthCalDt", with: "Month").replacingOccurrences(of: ",", with: ", "))
    }
}
