import XCTest
@testable import ReconCore

/// `RulebookTable` on small tables built in code: resolution, run lists, IPO dates, invariants.
/// The shipped `Data/` files are tested in ReconFormatsTests (`RulebookLoader*Tests`).
final class RulebookTableTests: XCTestCase {
    private func date(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }
    private func run(_ text: String) -> RunID { RunID(parsing: text)! }

    private func entry(_ runText: String, _ rank: String, _ effective: String) -> RulebookTable.Reconstitution {
        .init(run: run(runText), rankDay: date(rank), effectiveDate: date(effective), tag: .derived, source: "test")
    }

    /// Runs around the dates of interest (years may be missing: the table does not require every year).
    private var calendar: [RulebookTable.Reconstitution] {
        [
            entry("2003-06", "2003-05-30", "2003-06-30"),
            entry("2004-06", "2004-05-28", "2004-06-25"),
            entry("2005-06", "2005-05-31", "2005-06-24"),
            entry("2007-06", "2007-05-31", "2007-06-22"),
            entry("2008-06", "2008-05-30", "2008-06-27"),
            entry("2025-06", "2025-04-30", "2025-06-27"),
            entry("2026-06", "2026-04-30", "2026-06-26"),
            entry("2026-12", "2026-10-30", "2026-12-11"),
        ]
    }

    private var eras: [RulebookTable.Era] {
        [
            .init(from: run("2003-06"), to: run("2003-06"), minimumPrice: 1, source: "before"),
            .init(from: run("2004-06"), to: run("2005-06"), minimumPrice: 1, quarterlyIPOAdditions: true, source: "ipo"),
            .init(from: run("2007-06"), to: run("2026-12"), band1000: 0.025, microcapBand: 0.005, hasMicrocap: true,
                  minimumPrice: 1, minimumTotalCap: 30_000_000, minimumVoting: 0.05, votingAppliesToMembers: true,
                  quarterlyIPOAdditions: true, source: "band"),
        ]
    }

    private func table() throws -> RulebookTable { try RulebookTable(reconstitutions: calendar, eras: eras) }

    private func ipoDates(_ table: RulebookTable, after text: String) -> [String] {
        table.quarterlyIPODates(after: run(text)).map { "\($0.rankDay)/\($0.effectiveDate)" }
    }

    // MARK: - Resolution

    func testRulebookCombinesTheCalendarRowWithItsEra() throws {
        let rulebook = try table().rulebook(for: run("2007-06"))
        XCTAssertEqual(rulebook.run, run("2007-06"))
        XCTAssertEqual(rulebook.rankDay, date("2007-05-31"))
        XCTAssertEqual(rulebook.effectiveDate, date("2007-06-22"))
        XCTAssertEqual(rulebook.band1000, 0.025)
        XCTAssertEqual(rulebook.microcapBand, 0.005)
        XCTAssertTrue(rulebook.hasMicrocap)
        XCTAssertEqual(rulebook.minimumTotalCap, 30_000_000)
        XCTAssertEqual(rulebook.minimumVoting, 0.05)
        XCTAssertTrue(rulebook.votingAppliesToMembers)
        XCTAssertNil(rulebook.minimumFloat)
        XCTAssertTrue(rulebook.source.contains("calendar 2007-06 [D] test"), rulebook.source)
        XCTAssertTrue(rulebook.source.contains("era 2007-06 to 2026-12: band"), rulebook.source)
    }

    func testBlankRulesAreNotInForce() throws {
        let rulebook = try table().rulebook(for: run("2003-06"))
        XCTAssertNil(rulebook.band1000)
        XCTAssertNil(rulebook.microcapBand)
        XCTAssertFalse(rulebook.hasMicrocap)
        XCTAssertEqual(rulebook.minimumTotalCap, 0, "no minimum cap is a minimum of 0")
        XCTAssertEqual(rulebook.minimumPrice, 1)
        XCTAssertNil(rulebook.minimumVoting)
        XCTAssertFalse(rulebook.votingAppliesToMembers)
        XCTAssertFalse(rulebook.excludesBusinessDevelopmentCompanies)
        XCTAssertFalse(rulebook.quarterlyIPOAdditions)
    }

    func testRunOutsideTheCalendarNamesTheRunAndTheRange() throws {
        let table = try table()
        XCTAssertThrowsError(try table.rulebook(for: RunID(year: 1975))) { error in
            XCTAssertEqual("\(error)", "no reconstitution 1975-06 in the calendar; the calendar covers 2003-06 to 2026-12")
        }
        // Inside the range but not a run: no December run before 2026, no row for 2006.
        XCTAssertThrowsError(try table.rulebook(for: run("2025-12"))) { error in
            XCTAssertEqual(error as? RulebookTable.RunNotInCalendar,
                           RulebookTable.RunNotInCalendar(run: self.run("2025-12"), firstRun: self.run("2003-06"), lastRun: self.run("2026-12")))
        }
        XCTAssertThrowsError(try table.rulebook(for: run("2006-06")))
        XCTAssertNil(table.era(for: run("2006-06")))
    }

    func testRunsAreInOrderWithDecemberWhereTheCalendarHasIt() throws {
        let table = try table()
        XCTAssertEqual(table.runs(from: 2025, to: 2030).map(\.description), ["2025-06", "2026-06", "2026-12"])
        XCTAssertEqual(table.runs(from: 2004, to: 2007).map(\.description), ["2004-06", "2005-06", "2007-06"])
        XCTAssertEqual(table.runs(from: 1990, to: 2002), [])
        XCTAssertEqual(table.runs(from: 2010, to: 2005), [])
        XCTAssertEqual(table.run(after: run("2026-06")), run("2026-12"))
        XCTAssertNil(table.run(after: run("2026-12")))
        XCTAssertEqual(table.firstRun, run("2003-06"))
        XCTAssertEqual(table.lastRun, run("2026-12"))
    }

    func testTheReconstitutionBeforeARunIsTheCalendarsPreviousRow() throws {
        let table = try table()
        XCTAssertEqual(table.reconstitution(before: run("2026-12"))?.effectiveDate, date("2026-06-26"))
        // A year missing from the calendar is skipped, not invented.
        XCTAssertEqual(table.reconstitution(before: run("2025-06"))?.run, run("2008-06"))
        XCTAssertNil(table.reconstitution(before: run("2003-06")))
        XCTAssertNil(table.reconstitution(before: run("2030-06")))
    }

    // MARK: - Quarterly IPO dates (russell-rules.md §6.1)

    func testNoQuarterlyIPOsBeforeQ3_2004() throws {
        XCTAssertEqual(ipoDates(try table(), after: "2003-06"), [])
    }

    func testAnnualRegimeAddsIPOsInSeptemberDecemberAndMarch() throws {
        let table = try table()
        // Rank on the last business day of July / October / January; effective the 3rd Friday.
        XCTAssertEqual(ipoDates(table, after: "2004-06"),
                       ["2004-07-30/2004-09-17", "2004-10-29/2004-12-17", "2005-01-31/2005-03-18"])
        XCTAssertEqual(ipoDates(table, after: "2025-06"),
                       ["2025-07-31/2025-09-19", "2025-10-31/2025-12-19", "2026-01-30/2026-03-20"])
    }

    func testAThirdFridayThatIsGoodFridayMovesToTheDayBefore() throws {
        // 2008-03-21 was both the 3rd Friday of March and Good Friday.
        XCTAssertEqual(ipoDates(try table(), after: "2007-06"),
                       ["2007-07-31/2007-09-21", "2007-10-31/2007-12-21", "2008-01-31/2008-03-20"])
    }

    func testSemiAnnualRegimeAddsIPOsInSeptemberAndMarchOnly() throws {
        let table = try table()
        XCTAssertEqual(ipoDates(table, after: "2026-06"), ["2026-07-31/2026-09-18"])
        // The last run: the next run, hence the March additions before it, is not in the calendar.
        XCTAssertEqual(ipoDates(table, after: "2026-12"), [])
        let extended = try RulebookTable(
            reconstitutions: calendar + [entry("2027-06", "2027-04-30", "2027-06-25")],
            eras: Array(eras.dropLast()) + [RulebookTable.Era(from: run("2007-06"), to: run("2027-06"), quarterlyIPOAdditions: true, source: "s")])
        XCTAssertEqual(ipoDates(extended, after: "2026-12"), ["2027-01-29/2027-03-19"])
    }

    func testQuarterlyIPODatesOfAnUnknownRunAreEmpty() throws {
        XCTAssertEqual(ipoDates(try table(), after: "2030-06"), [])
    }

    // MARK: - Invariants

    private func invalid(_ reconstitutions: [RulebookTable.Reconstitution], _ eras: [RulebookTable.Era],
                         file: StaticString = #filePath, line: UInt = #line) -> RulebookTable.InvalidTable? {
        do {
            _ = try RulebookTable(reconstitutions: reconstitutions, eras: eras)
            XCTFail("expected an invalid table", file: file, line: line)
            return nil
        } catch {
            guard let invalid = error as? RulebookTable.InvalidTable else {
                XCTFail("unexpected \(error)", file: file, line: line)
                return nil
            }
            return invalid
        }
    }

    func testCalendarInvariants() {
        var rows = calendar
        rows[2] = entry("2004-06", "2004-05-28", "2004-06-25")
        var error = invalid(rows, eras)
        XCTAssertEqual(error?.list, .reconstitutions)
        XCTAssertEqual(error?.index, 2)
        XCTAssertEqual(error?.field, .run)
        XCTAssertEqual(error?.relatedIndex, 1)
        XCTAssertEqual(error?.message, "found the run 2004-06 a second time, expected each run once")

        rows = calendar
        rows.swapAt(1, 2)
        error = invalid(rows, eras)
        XCTAssertEqual(error?.index, 2)
        XCTAssertEqual(error?.message, "found the run 2004-06 after 2005-06, expected runs in increasing order")

        rows = calendar
        rows[1] = entry("2004-06", "2004-06-28", "2004-06-25")
        error = invalid(rows, eras)
        XCTAssertEqual(error?.field, .rankDay)
        XCTAssertEqual(error?.message, "found the rank day 2004-06-28 on or after the effective date 2004-06-25, expected a rank day before it")

        rows = calendar
        rows[1] = entry("2004-06", "2004-05-31", "2004-06-25")
        XCTAssertEqual(invalid(rows, eras)?.message,
                       "found the rank day 2004-05-31, Memorial Day, expected a business day")

        rows = calendar
        rows[1] = entry("2004-06", "2004-05-28", "2004-06-26")
        XCTAssertEqual(invalid(rows, eras)?.message, "found the effective date 2004-06-26, a Saturday, expected a business day")

        rows = calendar
        rows[1] = entry("2004-06", "2004-05-28", "2004-07-02")
        error = invalid(rows, eras)
        XCTAssertEqual(error?.field, .effectiveDate)
        XCTAssertEqual(error?.message, "found the effective date 2004-07-02 for the run 2004-06, expected a date in the run's month")

        XCTAssertEqual(invalid([], eras)?.index, nil)
        XCTAssertEqual(invalid([], eras)?.list, .reconstitutions)
    }

    func testErasMustCoverEveryRunOnce() {
        var list = eras
        list[1].fromRun = run("2003-06")
        var error = invalid(calendar, list)
        XCTAssertEqual(error?.list, .eras)
        XCTAssertEqual(error?.index, 1)
        XCTAssertEqual(error?.field, .fromRun)
        XCTAssertEqual(error?.relatedIndex, 0)
        XCTAssertEqual(error?.message, "found 2003-06, which overlaps the era before it (2003-06 to 2003-06), expected 2004-06: eras follow each other in run order")

        list = eras
        list[1].toRun = run("2004-06")
        error = invalid(calendar, list)
        XCTAssertEqual(error?.index, 2)
        XCTAssertEqual(error?.message, "found 2007-06, which leaves a gap: the run 2005-06 in no era, expected 2005-06")

        list = eras
        list[0].fromRun = run("2004-06")
        list[0].toRun = run("2004-06")
        error = invalid(calendar, list)
        XCTAssertEqual(error?.index, 0)
        XCTAssertEqual(error?.message, "found 2004-06, which leaves the run 2003-06 in no era, expected the first era to start at the calendar's first run 2003-06")

        list = eras
        list[2].toRun = run("2025-06")
        error = invalid(calendar, list)
        XCTAssertEqual(error?.field, .toRun)
        XCTAssertEqual(error?.message, "found 2025-06, which leaves the runs 2026-06 to 2026-12 in no era, expected the last era to end at the calendar's last run 2026-12")

        list = eras
        list[2].toRun = run("2027-06")
        error = invalid(calendar, list)
        XCTAssertEqual(error?.field, .toRun)
        XCTAssertTrue(error?.message.hasPrefix("found 2027-06, which is not a run of the calendar (2003-06 to 2026-12)") == true)

        list = eras
        list[1].toRun = run("2003-06")
        XCTAssertEqual(invalid(calendar, list)?.message, "found 2003-06 before the era's first run 2004-06, expected a run on or after it")

        XCTAssertEqual(invalid(calendar, [])?.list, .eras)
    }

    func testEraParametersMustBeInRange() {
        func check(_ change: (inout RulebookTable.Era) -> Void, _ field: RulebookTable.Field, _ message: String,
                   file: StaticString = #filePath, line: UInt = #line) {
            var list = eras
            change(&list[2])
            let error = invalid(calendar, list, file: file, line: line)
            XCTAssertEqual(error?.index, 2, file: file, line: line)
            XCTAssertEqual(error?.field, field, file: file, line: line)
            XCTAssertEqual(error?.message, message, file: file, line: line)
        }
        check({ $0.band1000 = 2.5 }, .band1000, "found 2.5, expected a fraction between 0 and 0.5 (0.025 is ±2.5%) (blank when not in force)")
        check({ $0.band1000 = -0.025 }, .band1000, "found -0.025, expected a fraction between 0 and 0.5 (0.025 is ±2.5%) (blank when not in force)")
        check({ $0.microcapBand = .nan }, .microcapBand, "found nan, expected a fraction between 0 and 0.5 (0.005 is ±0.5%) (blank when not in force)")
        check({ $0.minimumFloat = 5 }, .minimumFloat, "found 5.0, expected a fraction between 0 and 1 (0.05 is 5%) (blank when not in force)")
        check({ $0.minimumPrice = -1 }, .minimumPrice, "found -1.0, expected a price in dollars of 0 or more")
        check({ $0.hasMicrocap = false }, .microcapBand, "found a Microcap band in an era without the Microcap, expected has_microcap true or no band")
        check({ $0.minimumVoting = nil }, .votingAppliesToMembers, "found true without a minimum voting share, expected min_voting or false")
        check({ $0.source = "" }, .source, "found no source, expected a citation of russell-rules.md with its tags")
    }

    // MARK: - Business days

    func testBusinessDays() {
        XCTAssertEqual(TradingCalendar.weekday(date("2024-06-28")), .friday)
        XCTAssertEqual(TradingCalendar.weekday(date("1970-01-01")), .thursday)
        XCTAssertEqual(TradingCalendar.weekday(date("1979-06-30")), .saturday)
        XCTAssertEqual(TradingCalendar.goodFriday(2008), date("2008-03-21"))
        XCTAssertEqual(TradingCalendar.goodFriday(2024), date("2024-03-29"))
        XCTAssertEqual(TradingCalendar.goodFriday(2025), date("2025-04-18"))
        XCTAssertEqual(TradingCalendar.goodFriday(2016), date("2016-03-25"))
        XCTAssertEqual(TradingCalendar.goodFriday(2027), date("2027-03-26"))
        XCTAssertEqual(TradingCalendar.holiday(date("1993-05-31")), "Memorial Day")
        XCTAssertEqual(TradingCalendar.holiday(date("2022-06-20")), "Juneteenth", "Sunday 2022-06-19 observed on Monday")
        XCTAssertNil(TradingCalendar.holiday(date("2021-06-18")), "no Juneteenth before 2022")
        XCTAssertEqual(TradingCalendar.holiday(date("2020-07-03")), "Independence Day")
        XCTAssertEqual(TradingCalendar.holiday(date("2021-12-24")), "Christmas")
        XCTAssertNil(TradingCalendar.holiday(date("2021-12-31")), "New Year's Day on a Saturday is not observed")
        XCTAssertEqual(TradingCalendar.holiday(date("2024-11-28")), "Thanksgiving")
        XCTAssertEqual(TradingCalendar.lastBusinessDay(of: date("1993-05-01")), date("1993-05-28"))
        XCTAssertEqual(TradingCalendar.lastBusinessDay(of: date("2026-01-01")), date("2026-01-30"))
        XCTAssertEqual(TradingCalendar.nthWeekday(4, .friday, of: date("2024-06-01")), date("2024-06-28"))
        XCTAssertEqual(TradingCalendar.nthWeekday(2, .friday, of: date("2026-12-01")), date("2026-12-11"))
        XCTAssertEqual(TradingCalendar.lastWeekday(.monday, of: date("2025-05-01")), date("2025-05-26"))
        XCTAssertEqual(TradingCalendar.previousDay(date("2024-03-01")), date("2024-02-29"))
        XCTAssertEqual(TradingCalendar.previousDay(date("2025-01-01")), date("2024-12-31"))
    }
}
