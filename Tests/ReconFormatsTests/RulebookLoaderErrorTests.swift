import XCTest
import ReconCore
@testable import ReconIO
@testable import ReconFormats

/// Bad rows of `calendar.csv` and `eras.csv`: each is an `InputError` at its file, line, column and header.
final class RulebookLoaderErrorTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "rules-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private static let calendar = """
        run,rank_day,effective_date,tag,source
        2005-06,2005-05-31,2005-06-24,D,"PS2005 (russell-rules.md §1.3)"
        2006-06,2006-05-31,2006-06-23,D,"rule (russell-rules.md §1.3)"
        2007-06,2007-05-31,2007-06-22,D,"rule (russell-rules.md §1.3)"

        """

    private static let erasHeader = "from_run,to_run,band_1000,microcap_band,has_microcap,min_price,member_price_average_exception,min_total_cap,min_float,min_voting,voting_applies_to_members,bdi_us_hq_eligible,excludes_bdcs,quarterly_ipo_additions,additional_class_min_daily_value,source"

    private static let eras = """
        \(erasHeader)
        2005-06,2006-06,,,true,1,false,30000000,,,false,false,false,true,,"[S] PION2005 (§3.2)"
        2007-06,2007-06,0.025,0.005,true,1,false,30000000,,,false,true,false,true,,"[C] RECAP2023 (§4.2)"

        """

    private static let benefitDriven = """
        country,iso_alpha3,other_names,source
        Bermuda,BMU,,"[C] M7 App. B (russell-rules.md §3.1)"
        Channel Islands,,,"[C] M7 App. B (russell-rules.md §3.1)"
        Turks and Caicos,TCA,Turks and Caicos Islands,"[C] M7 App. B (russell-rules.md §3.1)"

        """

    private func write(calendar: String = calendar, eras: String = eras, benefitDriven: String = benefitDriven) throws {
        try calendar.write(toFile: folder + "/calendar.csv", atomically: true, encoding: .utf8)
        try eras.write(toFile: folder + "/eras.csv", atomically: true, encoding: .utf8)
        try benefitDriven.write(toFile: folder + "/benefit-driven-incorporation-countries.csv", atomically: true, encoding: .utf8)
    }

    /// Replaces line `number` (1-based) of `text`.
    private func replacing(line number: Int, in text: String, with replacement: String) -> String {
        var lines = text.components(separatedBy: "\n")
        lines[number - 1] = replacement
        return lines.joined(separator: "\n")
    }

    /// Loads the folder, expecting an error at `location` (`file:line:col`, file relative to the folder).
    private func expectError(at location: String, column name: String?, containing fragment: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try RulebookLoader.load(directory: folder), file: file, line: line) { error in
            guard let error = error as? InputError else {
                return XCTFail("expected an InputError, got \(error)", file: file, line: line)
            }
            XCTAssertEqual(error.location, folder + "/" + location, file: file, line: line)
            XCTAssertEqual(error.columnName, name, file: file, line: line)
            XCTAssertTrue(error.message.contains(fragment), "message: \(error.message)", file: file, line: line)
            XCTAssertNotNil(error.help, file: file, line: line)
        }
    }

    func testTheFixtureLoads() throws {
        try write()
        let table = try RulebookLoader.load(directory: folder + "/")
        XCTAssertEqual(table.runs(from: 2000, to: 2010).count, 3)
        XCTAssertEqual(try table.rulebook(for: RunID(year: 2007)).band1000, 0.025)
    }

    func testRankDayAfterEffectiveDate() throws {
        try write(calendar: replacing(line: 3, in: Self.calendar, with: "2006-06,2006-06-26,2006-06-23,D,x"))
        expectError(at: "calendar.csv:3:2", column: "rank_day",
                    containing: "found the rank day 2006-06-26 on or after the effective date 2006-06-23")
    }

    func testUnparseableDate() throws {
        try write(calendar: replacing(line: 3, in: Self.calendar, with: "2006-06,2006-05-31,2006-06-31,D,x"))
        expectError(at: "calendar.csv:3:3", column: "effective_date", containing: "found '2006-06-31', expected a date YYYY-MM-DD")
    }

    func testRankDayOnMemorialDay() throws {
        try write(calendar: replacing(line: 2, in: Self.calendar, with: "2005-06,2005-05-30,2005-06-24,D,x"))
        expectError(at: "calendar.csv:2:2", column: "rank_day", containing: "Memorial Day, expected a business day")
    }

    func testRunThatAppearsTwice() throws {
        try write(calendar: replacing(line: 4, in: Self.calendar, with: "2006-06,2006-05-31,2006-06-23,D,x"))
        expectError(at: "calendar.csv:4:1", column: "run",
                    containing: "found the run 2006-06 a second time, expected each run once (see line 3)")
    }

    func testBadRunAndTag() throws {
        try write(calendar: replacing(line: 2, in: Self.calendar, with: "2005-07,2005-05-31,2005-06-24,D,x"))
        expectError(at: "calendar.csv:2:1", column: "run", containing: "found '2005-07', expected a run YYYY-06 or YYYY-12")
        try write(calendar: replacing(line: 2, in: Self.calendar, with: "2005-06,2005-05-31,2005-06-24,X,x"))
        expectError(at: "calendar.csv:2:4", column: "tag", containing: "expected one of C, S, D, R")
        try write(calendar: replacing(line: 2, in: Self.calendar, with: "2005-06,2005-05-31,2005-06-24,D,"))
        expectError(at: "calendar.csv:2:5", column: "source", containing: "expected a citation")
    }

    func testARunWithASignOrOneMonthDigitIsRefused() throws {
        // `Int("+123")` is 123: `+123-06` was read as the June run of the year 123.
        try write(eras: replacing(line: 2, in: Self.eras, with: Self.eras.components(separatedBy: "\n")[1]
            .replacingOccurrences(of: "2005-06,2006-06,", with: "+123-06,2006-06,")))
        expectError(at: "eras.csv:2:1", column: "from_run", containing: "found '+123-06', expected a run YYYY-06 or YYYY-12")
        try write(calendar: replacing(line: 2, in: Self.calendar, with: "2005-+6,2005-05-31,2005-06-24,D,x"))
        expectError(at: "calendar.csv:2:1", column: "run", containing: "found '2005-+6', expected a run YYYY-06 or YYYY-12")
    }

    func testWrongFieldCountAndMissingColumn() throws {
        try write(calendar: replacing(line: 3, in: Self.calendar, with: "2006-06,2006-05-31,2006-06-23,D,rule, with a comma"))
        expectError(at: "calendar.csv:3", column: nil, containing: "found 6 fields, expected 5")
        try write(eras: Self.eras.replacingOccurrences(of: "min_float", with: "minimum_floaty"))
        expectError(at: "eras.csv:1", column: nil, containing: "missing the required column 'min_float'")
    }

    func testBandThatIsNotAFraction() throws {
        try write(eras: replacing(line: 3, in: Self.eras,
                                  with: "2007-06,2007-06,2.5,0.005,true,1,false,30000000,,,false,true,false,true,,x"))
        expectError(at: "eras.csv:3:3", column: "band_1000", containing: "found 2.5, expected a fraction between 0 and 0.5")
        try write(eras: replacing(line: 3, in: Self.eras,
                                  with: "2007-06,2007-06,2.5%,0.005,true,1,false,30000000,,,false,true,false,true,,x"))
        expectError(at: "eras.csv:3:3", column: "band_1000", containing: "found '2.5%', expected a number")
    }

    func testBadFlag() throws {
        try write(eras: replacing(line: 2, in: Self.eras,
                                  with: "2005-06,2006-06,,,yes,1,false,30000000,,,false,false,false,true,,x"))
        expectError(at: "eras.csv:2:5", column: "has_microcap", containing: "found 'yes', expected true, false")
    }

    func testErasThatOverlap() throws {
        try write(eras: replacing(line: 3, in: Self.eras,
                                  with: "2006-06,2007-06,0.025,0.005,true,1,false,30000000,,,false,true,false,true,,x"))
        expectError(at: "eras.csv:3:1", column: "from_run",
                    containing: "found 2006-06, which overlaps the era before it (2005-06 to 2006-06), expected 2007-06")
    }

    func testErasThatLeaveAGap() throws {
        try write(eras: replacing(line: 2, in: Self.eras,
                                  with: "2005-06,2005-06,,,true,1,false,30000000,,,false,false,false,true,,x"))
        expectError(at: "eras.csv:3:1", column: "from_run",
                    containing: "found 2007-06, which leaves a gap: the run 2006-06 in no era, expected 2006-06 (see line 2)")
    }

    func testErasThatEndBeforeTheCalendar() throws {
        try write(calendar: Self.calendar + "2008-06,2008-05-30,2008-06-27,D,x\n")
        expectError(at: "eras.csv:3:2", column: "to_run",
                    containing: "found 2007-06, which leaves the run 2008-06 in no era")
    }

    func testColumnsAreFoundByNameInAnyOrder() throws {
        let reordered = """
            source,tag,effective_date,rank_day,run
            x,D,2005-06-24,2005-05-31,2005-06
            x,D,2006-06-23,2006-06-30,2006-06
            """
        try write(calendar: reordered)
        expectError(at: "calendar.csv:3:4", column: "rank_day", containing: "on or after the effective date")
    }

    // MARK: - benefit-driven-incorporation-countries.csv

    func testBenefitDrivenIncorporationFixtureLoadsIntoEveryRulebook() throws {
        try write()
        let countries = try RulebookLoader.load(directory: folder).rulebook(for: RunID(year: 2007)).benefitDrivenIncorporationCountries
        XCTAssertEqual(countries.countries.map(\.name), ["Bermuda", "Channel Islands", "Turks and Caicos"])
        XCTAssertEqual(countries.countries.map(\.code), [CountryCode("BMU"), nil, CountryCode("TCA")])
        XCTAssertTrue(countries.contains(name: " turks and caicos islands "))
        XCTAssertTrue(countries.contains(CountryCode("TCA")))
        XCTAssertFalse(countries.contains(CountryCode("GBR")))
    }

    func testBenefitDrivenIncorporationCodeThatISODoesNotAssign() throws {
        try write(benefitDriven: "country,iso_alpha3,other_names,source\nBermuda,BMX,,x\n")
        expectError(at: "benefit-driven-incorporation-countries.csv:2:2", column: "iso_alpha3",
                    containing: "found 'BMX', expected an ISO 3166-1 alpha-3 code such as BMU, or blank")
    }

    func testBenefitDrivenIncorporationEmptyCountryNameTwiceAndEmptySource() throws {
        try write(benefitDriven: "country,iso_alpha3,other_names,source\n,BMU,,x\n")
        expectError(at: "benefit-driven-incorporation-countries.csv:2:1", column: "country",
                    containing: "found nothing, expected a country name as App. B spells it")
        try write(benefitDriven: "country,iso_alpha3,other_names,source\nBermuda,BMU,,x\nPanama,PAN,bermuda,x\n")
        expectError(at: "benefit-driven-incorporation-countries.csv:3:3", column: "other_names",
                    containing: "found 'bermuda' again (first on line 2), expected each name once")
        try write(benefitDriven: "country,iso_alpha3,other_names,source\nBermuda,BMU,,\n")
        expectError(at: "benefit-driven-incorporation-countries.csv:2:4", column: "source",
                    containing: "found nothing, expected a citation of russell-rules.md")
    }

    func testBenefitDrivenIncorporationMissingColumnNoRowsAndMissingFile() throws {
        try write(benefitDriven: "country,source\nBermuda,x\n")
        expectError(at: "benefit-driven-incorporation-countries.csv:1", column: nil, containing: "missing the required column 'iso_alpha3'")
        try write(benefitDriven: "country,iso_alpha3,other_names,source\n")
        expectError(at: "benefit-driven-incorporation-countries.csv:1", column: nil,
                    containing: "has a header but no countries, expected one row per country of M7 App. B")
        try write()
        try FileManager.default.removeItem(atPath: folder + "/benefit-driven-incorporation-countries.csv")
        XCTAssertThrowsError(try RulebookLoader.load(directory: folder)) { error in
            XCTAssertEqual((error as? InputError)?.file, folder + "/benefit-driven-incorporation-countries.csv")
        }
    }

    func testMissingFileNamesThePath() {
        XCTAssertThrowsError(try RulebookLoader.load(directory: folder + "/none")) { error in
            XCTAssertEqual((error as? InputError)?.file, folder + "/none/calendar.csv")
        }
    }
}
