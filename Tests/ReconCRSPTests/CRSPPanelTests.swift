import XCTest
import ReconCore
@testable import ReconIO
@testable import ReconCRSP
@testable import ReconSynthetic

final class CRSPPanelTests: XCTestCase {
    private func panel(_ text: String, name: String = "msf.csv") throws -> CRSPPanel {
        try CRSPPanel.load(text: text, name: name)
    }

    private func loadError(_ text: String, name: String = "bad.csv") -> InputError? { CRSPPanel.loadError(text: text, name: name) }

    private func date(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d) }

    /// Mixed-case headers in WRDS's order, both date forms, a bid/ask midpoint, letter codes,
    /// two classes of one company, a unit trust and an OTC line.
    private let sample = """
    permno,date,shrcd,exchcd,siccd,ticker,comnam,permco,dlret,prc,ret,shrout
    10001,19990430,11,3,4911,ALFA,ALFA CORP,500,,20.5,0.025,1000
    10001,1999-05-28,11,3,4911,ALFA,ALFA CORP,500,,-21.0,C,1000
    10002,19990430,11,1,6020,BETA,BETA BANCORP CL A,600,,10,0.01,2000
    10002,19990528,11,1,6020,BETA,BETA BANCORP CL A,600,,11,0.1,2000
    10003,19990430,11,1,6020,BETB,BETA BANCORP CL B,600,,9,0.0,500
    10003,19990528,11,1,6020,BETB,BETA BANCORP CL B,600,,9.9,0.1,500
    10004,19990528,73,1,6792,GAMU,GAMMA UNITS,700,,15,B,300
    10005,19990528,10,4,3571,DLTA,DELTA INC,800,,5,-0.5,100
    10006,19990430,11,3,2834,EPSI,EPSILON PHARMA,900,,4,0.05,800
    10006,19990528,11,3,2834,EPSI,EPSILON PHARMA,900,-0.3,3,-0.25,800
    """

    func testReadsColumnsInAnyCaseAndOrderWithBothDateForms() throws {
        let panel = try panel(sample)
        XCTAssertEqual(panel.rowCount, 10)
        XCTAssertEqual(panel.months, [date(1999, 4, 30), date(1999, 5, 28)])
        XCTAssertEqual(panel.report.rowsRead, 10)
        XCTAssertEqual(panel.report.securities, 6)
        XCTAssertEqual(panel.report.companies, 5)
        XCTAssertEqual(panel.report.midpointPrices, 1)
        XCTAssertEqual(panel.report.missingReturns, 2)

        let may = panel.snapshot(onOrBefore: date(1999, 5, 28))
        XCTAssertEqual(may.map(\.symbol), ["ALFA", "BETA", "BETB", "GAMU", "DLTA", "EPSI"])
        let alfa = may[0]
        XCTAssertEqual(alfa.price, 21, "a negative PRC is a bid/ask midpoint: |PRC|")
        XCTAssertEqual(alfa.marketCap, 21 * 1000 * 1000)
        XCTAssertEqual(alfa.sharesOutstanding, 1_000_000)
        XCTAssertEqual(alfa.type, .commonStock)
        XCTAssertNil(alfa.typeEvidence)
        XCTAssertEqual(alfa.exchange, "NASDAQ")
        XCTAssertEqual(alfa.isOnEligibleExchange, true)
        XCTAssertEqual(alfa.industry, "SIC 4911")
        XCTAssertEqual(alfa.origin, "msf.csv:3")
    }

    func testShareClassesKeepOneCompanyKeyAndSecurityScope() throws {
        let may = try panel(sample).snapshot(onOrBefore: date(1999, 5, 31))
        let beta = may.filter { $0.companyKey == "600" }
        XCTAssertEqual(beta.map(\.symbol), ["BETA", "BETB"])
        XCTAssertTrue(beta.allSatisfy { $0.capScope == .security })
        XCTAssertEqual(beta.map(\.marketCap), [11 * 2_000_000, 9.9 * 500_000])
    }

    func testNonCommonShareCodesAndOtherExchangesAreMarkedByTheRulebook() throws {
        let may = try panel(sample).snapshot(onOrBefore: date(1999, 6, 15))
        let units = try XCTUnwrap(may.first { $0.symbol == "GAMU" })
        XCTAssertEqual(units.type, .exchangeTradedFund)
        XCTAssertEqual(units.typeEvidence, "SHRCD 73 (units, an ETF (an Americus Trust component before 1993))")
        let arca = try XCTUnwrap(may.first { $0.symbol == "DLTA" })
        XCTAssertEqual(arca.type, .commonStock)
        XCTAssertEqual(arca.exchange, "NYSE Arca")
        XCTAssertEqual(arca.isOnEligibleExchange, true, "M7 §5.6 lists NYSE Arca")
    }

    func testTheAcademicConventionKeepsShareCodes10And11OnExchanges1To3() throws {
        let may = try panel(sample).snapshot(onOrBefore: date(1999, 6, 15), convention: .academic)
        let units = try XCTUnwrap(may.first { $0.symbol == "GAMU" })
        XCTAssertEqual(units.type, .otherNonCommon)
        XCTAssertEqual(units.typeEvidence, "SHRCD 73 (units, an ETF (an Americus Trust component before 1993))")
        let arca = try XCTUnwrap(may.first { $0.symbol == "DLTA" })
        XCTAssertEqual(arca.type, .commonStock)
        XCTAssertEqual(arca.isOnEligibleExchange, false)
    }

    func testMidMonthDatesUseThePreviousMonthEnd() throws {
        let panel = try panel(sample)
        // 2017-style rank day inside May: April's cross-section.
        XCTAssertEqual(panel.snapshot(onOrBefore: date(1999, 5, 12)).map(\.symbol), ["ALFA", "BETA", "BETB", "EPSI"])
        XCTAssertEqual(panel.monthIndex(onOrBefore: date(1999, 5, 27)), 0)
        XCTAssertEqual(panel.monthIndex(onOrBefore: date(1999, 5, 28)), 1)
        XCTAssertTrue(panel.snapshot(onOrBefore: date(1999, 4, 29)).isEmpty)
    }

    /// The month a rank day ranks, and whether a panel of April and May 1999 holds it.
    func testARankDayNeedsTheMonthItRanks() throws {
        // May 28, 1999 is the last business day of May (the 31st is Memorial Day): May itself.
        XCTAssertEqual(CRSPPanel.rankedMonth(date(1999, 5, 28)), date(1999, 5, 1))
        // Inside the month: the month before (2017's May 12 ranks April).
        XCTAssertEqual(CRSPPanel.rankedMonth(date(2017, 5, 12)), date(2017, 4, 1))
        // April 28, 2023 is a Friday, the 29th and 30th a weekend: April.
        XCTAssertEqual(CRSPPanel.rankedMonth(date(2023, 4, 28)), date(2023, 4, 1))
        XCTAssertEqual(CRSPPanel.rankedMonth(date(2026, 10, 30)), date(2026, 10, 1))
        XCTAssertEqual(CRSPPanel.rankedMonth(date(2000, 1, 3)), date(1999, 12, 1))

        let panel = try panel(sample)
        XCTAssertEqual(panel.monthRange, "1999-04-30 to 1999-05-28")
        XCTAssertTrue(panel.hasRankedMonth(date(1999, 5, 28)))
        XCTAssertTrue(panel.hasRankedMonth(date(1999, 6, 11)), "ranks May, the panel's last month")
        XCTAssertTrue(panel.hasRankedMonth(date(1999, 4, 30)))
        XCTAssertFalse(panel.hasRankedMonth(date(1999, 6, 30)), "ranks June, after the panel")
        XCTAssertFalse(panel.hasRankedMonth(date(1999, 4, 15)), "ranks March, before the panel")
        XCTAssertFalse(panel.hasRankedMonth(date(2026, 4, 30)))
    }

    func testReturnsFoldInTheDelistingReturn() throws {
        let panel = try panel(sample)
        let delisting = try XCTUnwrap(panel.monthlyReturn(permno: 10006, monthOf: date(1999, 5, 1)))
        XCTAssertEqual(delisting.value!, (1 - 0.25) * (1 - 0.3) - 1, accuracy: 1e-6)
        XCTAssertEqual(delisting.delistingReturn!, -0.3, accuracy: 1e-6)
        XCTAssertNil(panel.monthlyReturn(permno: 10001, monthOf: date(1999, 5, 1))?.value, "RET 'C' is missing")
        XCTAssertNil(panel.monthlyReturn(permno: 10004, monthOf: date(1999, 5, 1))?.value, "RET 'B' is missing")
        XCTAssertEqual(panel.lastMonth(permno: 10006), date(1999, 5, 28))
        XCTAssertEqual(panel.firstMonth(permno: 10004), date(1999, 5, 28))
        XCTAssertNil(panel.lastMonth(permno: 99999))

        let onlyDelisting = try self.panel("""
        PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET,SHROUT,DLRET
        1,1,20200131,11,3,A,A INC,5,0.1,100,
        1,1,20200228,11,3,A,A INC,,,100,-0.3
        2,2,20200131,11,3,B,B INC,5,0.1,100,
        2,2,20200228,11,3,B,B INC,5,0.2,100,
        2,2,20200331,11,3,B,B INC,6,-99,100,
        """)
        XCTAssertEqual(onlyDelisting.monthlyReturn(permno: 1, monthOf: date(2020, 2, 1))?.value ?? 0, -0.3, accuracy: 1e-6)
        XCTAssertNil(onlyDelisting.monthlyReturn(permno: 2, monthOf: date(2020, 3, 1))?.value, "-99 is CRSP's missing code")
        // The months after January through March: B's February and March, A's February (its last).
        let months = onlyDelisting.monthlyReturns(permno: 2, after: date(2020, 1, 15), through: date(2020, 3, 15))
        XCTAssertEqual(months.map(\.monthEnd), [date(2020, 2, 28), date(2020, 3, 31)])
        XCTAssertEqual(months[0].value ?? 0, 0.2, accuracy: 1e-6)
        XCTAssertNil(months[1].value, "-99 is CRSP's missing code")
        XCTAssertEqual(onlyDelisting.monthlyReturns(permno: 1, after: date(2020, 1, 31), through: date(2020, 3, 31)).count, 1)
        XCTAssertEqual(onlyDelisting.monthlyReturns(permno: 3, after: date(2020, 1, 31), through: date(2020, 3, 31)).count, 0)
        let held = try XCTUnwrap(onlyDelisting.compoundReturn(permno: 1, after: date(2019, 12, 31), through: date(2020, 3, 31)))
        XCTAssertEqual(held.value, 1.1 * 0.7 - 1, accuracy: 1e-6)
        XCTAssertEqual(held.endedAt, date(2020, 2, 28))
        let whole = try XCTUnwrap(onlyDelisting.compoundReturn(permno: 2, after: date(2020, 1, 15), through: date(2020, 3, 15)))
        XCTAssertEqual(whole.value, 0.2, accuracy: 1e-6, "February and March; March's return is missing")
        XCTAssertEqual(whole.months, 2)
        XCTAssertEqual(whole.missingMonths, 1)
        XCTAssertNil(whole.endedAt)
    }

    /// Three windows after January: through February, March and May. Security 1 has a gap in
    /// March and a missing return in April; 2 starts in March; 3 left after January; row 1's
    /// line is asked for twice.
    func testWindowReturnsOfManyRowsAreEachRowsCompoundReturns() throws {
        let panel = try self.panel("""
        PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET,SHROUT,DLRET
        1,1,20200131,11,3,A,A INC,5,0.1,100,
        1,1,20200228,11,3,A,A INC,5,0.1,100,
        1,1,20200430,11,3,A,A INC,5,C,100,
        1,1,20200529,11,3,A,A INC,5,-0.5,100,
        2,2,20200131,11,3,B,B INC,5,0.3,100,
        2,2,20200331,11,3,B,B INC,5,0.2,100,
        2,2,20200529,11,3,B,B INC,5,0.25,100,
        3,3,20200131,11,3,C,C INC,5,0.1,100,
        """)
        let january = try XCTUnwrap(panel.monthIndex(onOrBefore: date(2020, 1, 31)))
        let rows = panel.crossSectionRows(month: january)
        XCTAssertEqual(rows.count, 3)
        let ends = [date(2020, 2, 29), date(2020, 3, 31), date(2020, 5, 31)]
        let returns = panel.windowReturns(ofRows: [rows[0], rows[1], rows[2], rows[0]], after: date(2020, 1, 31), through: ends)
        XCTAssertEqual(returns.count, 4)
        // Returns are stored as Float: equal to a millionth.
        for (value, expected) in zip(returns[0], [0.1, 0.1, 1.1 * 0.5 - 1]) {
            XCTAssertEqual(try XCTUnwrap(value), expected, accuracy: 1e-6, "February; no March row; April missing, May −50%")
        }
        XCTAssertNil(returns[1][0], "no row in February")
        XCTAssertEqual(try XCTUnwrap(returns[1][1]), 0.2, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(returns[1][2]), 1.2 * 1.25 - 1, accuracy: 1e-6)
        XCTAssertEqual(returns[2], [nil, nil, nil], "no row after January")
        XCTAssertEqual(returns[3], returns[0])
        // Each value is the single-window return, bit for bit.
        for (row, values) in zip([rows[0], rows[1], rows[2]], returns) {
            XCTAssertEqual(values, ends.map { panel.windowReturn(row: row, after: date(2020, 1, 31), through: $0) })
        }
        XCTAssertEqual(panel.windowReturns(ofRows: [], after: date(2020, 1, 31), through: ends), [])
    }

    /// On a generated market: every line of a June cross-section, the drag's windows (1, 3, 12 and
    /// 60 months), bit for bit the single-window returns.
    func testWindowReturnsMatchSingleWindowsOnAGeneratedMarket() throws {
        let folder = NSTemporaryDirectory() + "recon-window-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try SyntheticMarket.write(to: folder + "/market.csv", configuration: .init(firstYear: 1990, lastYear: 1998, firms: 800, seed: 5))
        let panel = try CRSPPanel.load(path: folder + "/market.csv")
        let start = date(1992, 6, 30)
        let may = try XCTUnwrap(panel.monthIndex(onOrBefore: date(1992, 5, 31)))
        let rows = panel.crossSectionRows(month: may)
        XCTAssertGreaterThan(rows.count, 150)
        let ends = [1, 3, 12, 60].map { start.adding(months: $0).endOfMonth }
        let returns = panel.windowReturns(ofRows: rows, after: start, through: ends)
        var compared = 0
        for (row, values) in zip(rows, returns) {
            let expected = ends.map { panel.windowReturn(row: row, after: start, through: $0) }
            XCTAssertEqual(values, expected, "row \(row)")
            compared += expected.compactMap { $0 }.count
        }
        XCTAssertGreaterThan(compared, rows.count * 3, "most lines have returns in most windows")
    }

    func testCompanyReturnWeightsClassesByCap() throws {
        let panel = try panel(sample)
        let company = try XCTUnwrap(panel.compoundReturn(companyKey: "600", after: date(1999, 4, 30), through: date(1999, 5, 31)))
        // April caps 20M and 4.5M; May returns 10% and 10%.
        XCTAssertEqual(company.value, 0.1, accuracy: 1e-6)
        XCTAssertEqual(panel.permnos(permco: 600), [10002, 10003])
        XCTAssertNil(panel.compoundReturn(companyKey: "12345", after: date(1999, 4, 30), through: date(1999, 5, 31)))
    }

    func testRowsWithoutPriceOrSharesAreCountedNotErrors() throws {
        let panel = try panel("""
        PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET,SHROUT
        1,1,20200131,11,3,A,A INC,,0.1,100
        2,2,20200131,11,3,B,B INC,0,,100
        3,3,20200131,11,3,C,C INC,5,0.2,
        4,4,20200131,11,3,D,D INC,5,0.2,0

        5,5,20200131,11,3,E,E INC,5,0.2,10
        """)
        XCTAssertEqual(panel.report.rowsRead, 5)
        XCTAssertEqual(panel.report.blankLines, 1)
        XCTAssertEqual(panel.report.dropped, [.missingPrice: 2, .missingShares: 2])
        XCTAssertEqual(panel.report.rowsInCrossSections, 1)
        XCTAssertEqual(panel.snapshot(onOrBefore: date(2020, 1, 31)).map(\.symbol), ["E"])
        XCTAssertEqual(panel.monthlyReturn(permno: 1, monthOf: date(2020, 1, 31))?.value ?? 0, 0.1, accuracy: 1e-6,
                       "a row without a price keeps its return")
        XCTAssertTrue(panel.report.description.contains("missing_price 2, missing_shares 2"), panel.report.description)
    }

    func testPermnoMajorFilesAreSortedByMonthAndKeepTheLatestNames() throws {
        let panel = try panel("""
        PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET,SHROUT,NCUSIP
        20,2,20200131,11,3,OLDB,OLD B INC,5,0.1,100,11111111
        20,2,20200228,11,3,NEWB,NEW B INC,5,0.1,100,22222222
        10,1,20200228,11,3,A,A INC,5,0.1,100,
        10,1,20200131,11,3,A,A INC,5,0.1,100,
        """)
        XCTAssertEqual(panel.months.count, 2)
        XCTAssertEqual((0 ..< panel.rowCount).map { panel.row($0).permno }, [10, 20, 10, 20])
        XCTAssertEqual((0 ..< panel.rowCount).map { panel.row($0).line }, [5, 2, 4, 3])
        XCTAssertEqual(panel.names(permno: 20)?.ticker, "NEWB")
        XCTAssertEqual(panel.names(permno: 20)?.name, "NEW B INC")
        XCTAssertEqual(panel.names(permno: 20)?.cusip, "22222222")
        XCTAssertEqual(panel.snapshot(onOrBefore: date(2020, 1, 31)).map(\.symbol), ["A", "NEWB"])
        XCTAssertEqual(panel.rows(permno: 10).map { panel.row($0).date }, [date(2020, 1, 31), date(2020, 2, 28)])
    }

    func testBadFieldNamesLineColumnAndHeader() throws {
        let error = try XCTUnwrap(loadError("""
        PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET,SHROUT
        1,1,20200131,11,3,A,A INC,5,0.1,100
        2,2,20200131,11,3,B,B INC,abc,0.1,100
        """))
        XCTAssertEqual(error.location, "bad.csv:3:8")
        XCTAssertEqual(error.columnName, "PRC")
        XCTAssertTrue(error.message.contains("'abc'"), error.message)
        XCTAssertTrue(error.description.hasPrefix("bad.csv:3:8: column 'PRC': found 'abc', expected a price"), error.description)

        let badDate = try XCTUnwrap(loadError("PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET,SHROUT\n1,1,2020-02-30,11,3,A,A,5,0.1,100\n"))
        XCTAssertEqual(badDate.location, "bad.csv:2:3")
        XCTAssertEqual(badDate.columnName, "date")

        let badReturn = try XCTUnwrap(loadError("PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET,SHROUT\n1,1,20200131,11,3,A,A,5,-1.5,100\n"))
        XCTAssertEqual(badReturn.location, "bad.csv:2:9")
        XCTAssertEqual(badReturn.columnName, "RET")

        let badPermno = try XCTUnwrap(loadError("PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET,SHROUT\nx1,1,20200131,11,3,A,A,5,0.1,100\n"))
        XCTAssertEqual(badPermno.location, "bad.csv:2:1")

        let short = try XCTUnwrap(loadError("PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET,SHROUT\n1,1,20200131,11,3\n"))
        XCTAssertEqual(short.location, "bad.csv:2")
        XCTAssertTrue(short.message.contains("found 5 fields, expected 10"), short.message)
    }

    func testDuplicatePermnoMonthNamesBothLines() throws {
        let error = try XCTUnwrap(loadError("""
        PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET,SHROUT
        7,1,20200131,11,3,A,A INC,5,0.1,100
        8,2,20200131,11,3,B,B INC,5,0.1,100
        7,1,20200131,11,3,A,A INC,5,0.1,100
        """, name: "dup.csv"))
        XCTAssertEqual(error.location, "dup.csv:4")
        XCTAssertTrue(error.message.contains("PERMNO 7 in 2020-01 (lines 2 and 4)"), error.message)
    }

    func testMissingColumnListsTheColumnsFound() throws {
        let error = try XCTUnwrap(loadError("PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET\n1,1,20200131,11,3,A,A,5,0.1\n"))
        XCTAssertEqual(error.location, "bad.csv:1")
        XCTAssertTrue(error.message.contains("missing the required column 'SHROUT'"), error.message)
        XCTAssertTrue(error.message.contains("found columns: PERMNO, PERMCO, date, SHRCD, EXCHCD, TICKER, COMNAM, PRC, RET"), error.message)
    }

    func testEmptyFileAndHeaderOnlyAreClearErrors() throws {
        let empty = try XCTUnwrap(loadError("", name: "empty.csv"))
        XCTAssertTrue(empty.description.hasPrefix("empty.csv: is empty"), empty.description)
        let blank = try XCTUnwrap(loadError("\n\n", name: "blank.csv"))
        XCTAssertTrue(blank.message.hasPrefix("is empty"), blank.message)
        let headerOnly = try XCTUnwrap(loadError("PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET,SHROUT\n", name: "h.csv"))
        XCTAssertTrue(headerOnly.message.contains("has a header but no rows"), headerOnly.message)
    }

    func testLoadsFromAFileWithProgress() throws {
        let path = NSTemporaryDirectory() + "crsp-\(UUID().uuidString).csv"
        try Data(sample.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var fractions: [Double] = []
        let panel = try CRSPPanel.load(path: path) { fractions.append($0) }
        XCTAssertEqual(panel.rowCount, 10)
        XCTAssertEqual(panel.source, path)
        XCTAssertEqual(fractions.last, 1)
        XCTAssertThrowsError(try CRSPPanel.load(path: path + ".missing")) { error in
            XCTAssertTrue("\(error)".contains("cannot open"), "\(error)")
        }
    }

    func testFieldParsingOfCodesAndIntegers() {
        func parse<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> CRSPFieldParsing.Field<T>) -> String {
            var copy = text
            return copy.withUTF8 { "\(body($0))" }
        }
        XCTAssertEqual(parse(" 10 ", CRSPFieldParsing.integer), "value(10)")
        XCTAssertEqual(parse("11.0", CRSPFieldParsing.integer), "value(11)")
        XCTAssertEqual(parse("11.5", CRSPFieldParsing.integer), "invalid")
        XCTAssertEqual(parse("", CRSPFieldParsing.integer), "blank")
        XCTAssertEqual(parse("C", CRSPFieldParsing.return), "missingCode")
        XCTAssertEqual(parse("-88.0", CRSPFieldParsing.return), "missingCode")
        XCTAssertEqual(parse("-1", CRSPFieldParsing.return), "value(-1.0)")
        XCTAssertEqual(parse("BC", CRSPFieldParsing.return), "invalid")
        XCTAssertEqual(parse("20240229", CRSPFieldParsing.date), "value(20240229)")
        XCTAssertEqual(parse("2023-02-29", CRSPFieldParsing.date), "invalid")
        XCTAssertEqual(parse("2024/02/29", CRSPFieldParsing.date), "invalid")
        XCTAssertEqual(parse("2024022900", CRSPFieldParsing.date), "invalid")
        XCTAssertEqual(parse(" 2024-02-29 ", CRSPFieldParsing.date), "value(20240229)")
        XCTAssertEqual(parse("-12", CRSPFieldParsing.integer), "value(-12)")
    }
}
