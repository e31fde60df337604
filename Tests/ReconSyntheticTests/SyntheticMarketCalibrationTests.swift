import XCTest
import ReconCore
@testable import ReconIO
@testable import ReconCRSP
@testable import ReconSynthetic

/// The synthetic market's calibration (Data/market-calibration.csv), measured the way the engine
/// sees a panel: the screens of M7 §5.6–5.9 (SHRCD 10/11, EXCHCD 1–3, price ≥ $1, company total
/// cap ≥ $30M, classes summed by PERMCO) at the last month-end on or before each June rank day
/// (russell-rules.md §1.3).
///
/// Two markets are built once for the class (lazily initialised constants, no mutable state):
/// the default market, measured by the generator on the values it would write (writing and
/// re-reading 3M rows takes over 30 s in a debug build), and an eighth-size market written to a
/// file and read back through ``CRSPPanel``, which must measure exactly what the generator did.
final class SyntheticMarketCalibrationTests: XCTestCase {
    static let market: Result<SyntheticMarket.Summary, Error> = Result { try SyntheticMarket.measure() }

    /// The eighth-size market, written and read back.
    struct Written: Sendable {
        var summary: SyntheticMarket.Summary
        var panel: CRSPPanel
    }

    static let written: Result<Written, Error> = Result {
        let path = NSTemporaryDirectory() + "synthetic-small-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let summary = try SyntheticMarket.write(to: path, configuration: .init(firms: SyntheticMarket.defaultFirms / 8))
        return Written(summary: summary, panel: try CRSPPanel.load(path: path))
    }

    /// The eligible companies of a panel at a rank day, largest first: (PERMCO, total cap). The
    /// generator calibrates the companies of the academic convention (`SyntheticFirm.isEligibleType`).
    static func eligibleCompanies(panel: CRSPPanel, rankDay: CalendarDate) -> [(permco: Int, cap: Double)] {
        var caps: [String: Double] = [:]
        for security in panel.snapshot(onOrBefore: rankDay, convention: .academic)
        where security.type == .commonStock && security.isOnEligibleExchange == true && (security.price ?? 0) >= 1 {
            caps[security.companyKey, default: 0] += security.marketCap ?? 0
        }
        return caps.filter { $0.value >= 30_000_000 }.map { (Int($0.key)!, $0.value) }
            .sorted { $0.cap > $1.cap || ($0.cap == $1.cap && $0.permco < $1.permco) }
    }

    private func market() throws -> [Int: SyntheticMarket.YearStatistics] {
        Dictionary(uniqueKeysWithValues: try SyntheticMarketCalibrationTests.market.get().years.map { ($0.year, $0) })
    }

    func testEveryPublishedBreakpointIsWithinFifteenPercent() throws {
        let market = try market()
        var checked = 0
        for row in MarketCalibration.embedded.years {
            guard let published = row.breakpoint, ["C", "S", "D"].contains(row.breakpointBasis) else { continue }
            let generated = try XCTUnwrap(market[row.year]?.totalCap(rank: 1_000), "\(row.year): fewer than 1,000 eligible")
            XCTAssertEqual(generated / published, 1, accuracy: 0.15, "\(row.year): #1,000 \(generated) vs published \(published)")
            checked += 1
        }
        XCTAssertEqual(checked, 19)
    }

    func testSmallestPublishedMembersAreOfTheRightSize() throws {
        // The smallest Russell 3000 member after a reconstitution is near company #3,000 at the rank day.
        let market = try market()
        for row in MarketCalibration.embedded.years {
            guard let published = row.smallestMember else { continue }
            let generated = try XCTUnwrap(market[row.year]?.totalCap(rank: 3_000), "\(row.year): fewer than 3,000 eligible")
            XCTAssertEqual(generated / published, 1, accuracy: 0.5, "\(row.year): #3,000 \(generated) vs published \(published)")
        }
    }

    func testEligibleCompaniesPerEra() throws {
        let market = try market()
        func check(_ years: ClosedRange<Int>, _ range: ClosedRange<Int>) throws {
            for year in years {
                let count = try XCTUnwrap(market[year]).eligibleCompanies
                XCTAssertTrue(range.contains(count), "\(year): \(count) eligible companies, expected \(range)")
            }
        }
        try check(1979 ... 1990, 2_500 ... 4_800)
        try check(1996 ... 2000, 4_300 ... 6_500)    // well above 4,000 at the late-1990s peak
        try check(2003 ... 2008, 3_500 ... 4_800)
        try check(2019 ... 2025, 3_000 ... 4_000)    // the Microcap held only ~1,400–1,500 names (§4.1)
        let peak = (1995 ... 2001).map { market[$0]!.eligibleCompanies }.max()!
        XCTAssertGreaterThan(peak, 5_000)
        XCTAssertGreaterThan(Double(peak) / Double(market[2024]!.eligibleCompanies), 1.3)
        for year in market.values {
            XCTAssertEqual(Double(year.eligibleCompanies) / year.eligibleTarget, 1, accuracy: 0.2, "\(year.year)")
        }
    }

    func testCompaniesCrossTheCutsEveryYear() throws {
        let market = try market()
        var yearsWith3000Cut: [Int] = []
        for year in 1980 ... 2026 {
            let now = try XCTUnwrap(market[year]).companies.map(\.permco)
            let before = try XCTUnwrap(market[year - 1]).companies.map(\.permco)
            let rankNow = Dictionary(uniqueKeysWithValues: now.enumerated().map { ($1, $0 + 1) })
            let rankBefore = Dictionary(uniqueKeysWithValues: before.enumerated().map { ($1, $0 + 1) })
            let both = rankNow.keys.filter { rankBefore[$0] != nil }
            // Early years have fewer than 3,000 eligible companies (2,700 assumed for 1979 at a $30M
            // floor in 1979 dollars): all are in the Russell 3000 and there is no #3,000 cut.
            for cut in [1_000, 3_000] where now.count > cut && before.count > cut {
                if cut == 3_000 { yearsWith3000Cut.append(year) }
                XCTAssertTrue(both.contains { rankBefore[$0]! > cut && rankNow[$0]! <= cut }, "\(year): nobody rose across #\(cut)")
                XCTAssertTrue(both.contains { rankBefore[$0]! <= cut && rankNow[$0]! > cut }, "\(year): nobody fell across #\(cut)")
            }
        }
        XCTAssertTrue(Set(yearsWith3000Cut).isSuperset(of: 1984 ... 2026), "years with a #3,000 cut: \(yearsWith3000Cut)")
    }

    func testSizeAndShapeOfTheDefaultMarket() throws {
        let summary = try SyntheticMarketCalibrationTests.market.get()
        XCTAssertTrue((2_000_000 ... 3_500_000).contains(summary.rows), "\(summary.rows) rows")
        XCTAssertTrue((22_000 ... 34_000).contains(summary.securities), "\(summary.securities) PERMNOs")
        // About 2–3% of companies list two classes.
        XCTAssertEqual(Double(summary.securities - summary.companies) / Double(summary.companies), 0.025, accuracy: 0.01)
        // Listings come in the waves of the calibration table.
        let listings = Dictionary(uniqueKeysWithValues: summary.years.map { ($0.year, $0.listings) })
        for (wave, calm) in [(1983, 1982), (1986, 1989), (1996, 1990), (1999, 2002), (2021, 2019)] {
            XCTAssertGreaterThan(listings[wave]!, listings[calm]!, "listings \(wave) vs \(calm)")
        }
        // A fat right tail: the largest company is hundreds of times the breakpoint.
        let june = try XCTUnwrap(market()[2024])
        XCTAssertGreaterThan(june.companies[0].totalCap / june.breakpoint, 100)
    }

    func testTheReaderMeasuresWhatTheGeneratorMeasured() throws {
        let written = try SyntheticMarketCalibrationTests.written.get()
        XCTAssertEqual(written.panel.rowCount, written.summary.rows)
        XCTAssertEqual(written.panel.securityCount, written.summary.securities)
        XCTAssertEqual(written.summary.years.count, 48)
        for year in written.summary.years {
            let rankDay = MarketCalibration.embedded.rankDay(year: year.year)
            XCTAssertEqual(written.panel.months[written.panel.monthIndex(onOrBefore: rankDay)!], year.monthEnd)
            let measured = SyntheticMarketCalibrationTests.eligibleCompanies(panel: written.panel, rankDay: rankDay)
            XCTAssertEqual(measured.map(\.permco), year.companies.map(\.permco), "\(year.year)")
            for (read, generated) in zip(measured, year.companies) where abs(read.cap / generated.totalCap - 1) > 1e-9 {
                XCTFail("\(year.year) PERMCO \(read.permco): read \(read.cap), generated \(generated.totalCap)")
                break
            }
            // A smaller market puts its proportional rank (here #125) on the breakpoint.
            XCTAssertEqual(year.calibrationRank, 125)
            XCTAssertEqual(year.breakpoint / year.targetBreakpoint, 1, accuracy: 0.15, "\(year.year)")
        }
    }

    func testReturnsAreFiniteAndDelistingsBothWays() throws {
        let panel = try SyntheticMarketCalibrationTests.written.get().panel
        var positive = 0, negative = 0, returns = 0
        for index in 0 ..< panel.rowCount {
            let row = panel.row(index)
            if let value = row.return {
                XCTAssert(value.isFinite && value >= -1 && value < 100, "line \(row.line): RET \(value)")
                returns += 1
            }
            if let delisting = row.delistingReturn {
                XCTAssert(delisting.isFinite && delisting >= -1 && delisting < 1)
                if delisting > 0.04 { positive += 1 } else if delisting < -0.1 { negative += 1 }
            }
        }
        XCTAssertGreaterThan(Double(returns) / Double(panel.rowCount), 0.98)
        XCTAssertGreaterThan(positive, 100, "acquisitions at a premium")
        XCTAssertGreaterThan(negative, 100, "failures")
        XCTAssertGreaterThan(panel.report.dropped[.missingPrice] ?? 0, 0)
        XCTAssertGreaterThan(panel.report.midpointPrices, 0)
    }

    func testEmbeddedCalibrationIsTheDataFile() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data/market-calibration.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertEqual(MarketCalibration.embeddedText, text,
                       "Data/market-calibration.csv changed: paste it into Sources/ReconSynthetic/EmbeddedMarketCalibration.swift")
        let table = MarketCalibration.embedded
        XCTAssertEqual(table.years.first?.year, 1979)
        XCTAssertEqual(table.years.last?.year, 2026)
        XCTAssertEqual(table.breakpoint(year: 2021), 5.2e9, accuracy: 1)
        XCTAssertEqual(table.breakpoint(year: 2023), 4.2e9, accuracy: 1)
        // Interpolated log-linearly between published years.
        XCTAssertEqual(table.breakpoint(year: 1991), 255e6 * pow(1_404 / 255.0, 7.0 / 14), accuracy: 1)
        for row in table.years where row.breakpoint != nil || row.eligibleCompanies != nil {
            XCTAssertFalse(row.source.isEmpty, "\(row.year) has a value and no source")
        }
    }

    func testCalibrationFileErrorsNameTheLine() {
        let header = "year,rank_day,breakpoint_1000_musd,breakpoint_basis,smallest_r3000_musd,smallest_basis,eligible_companies,eligible_basis,new_listings,new_listing_median_musd,source\n"
        XCTAssertThrowsError(try MarketCalibration.parse(bytes: Array((header + "1990,1990-05-31,abc,C,,,3000,A,1,50,x\n").utf8), name: "c.csv")) { error in
            XCTAssertEqual((error as? InputError)?.location, "c.csv:2:3")
        }
        XCTAssertThrowsError(try MarketCalibration.parse(bytes: Array((header + "1990,1990-05-31,100,C,,,3000,A,1,50,x\n1992,1992-05-29,100,C,,,3000,A,1,50,x\n").utf8), name: "c.csv")) { error in
            XCTAssertEqual((error as? InputError)?.location, "c.csv:3:1")
        }
    }
}
