import XCTest
import ReconCore
@testable import ReconFormats

/// The shipped `Data/calendar.csv` and `Data/eras.csv`: they load, every calendar row follows the
/// rule of its era and matches russell-rules.md §1.3, and the eras change where §3.2, §4.2 and
/// §6.1 say.
final class RulebookLoaderShippedDataTests: XCTestCase {
    /// The package's `Data/`, from this file's path (Tests/ReconFormatsTests/ → ../../Data).
    private static let dataPath: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Data"
    }()

    private func table() throws -> RulebookTable { try RulebookLoader.load(directory: Self.dataPath) }
    private func run(_ text: String) -> RunID { RunID(parsing: text)! }
    private func rulebook(_ year: Int) throws -> Rulebook { try table().rulebook(for: RunID(year: year)) }

    func testShippedDataLoadsAndCoversJune1979ToDecember2027() throws {
        let table = try table()
        let runs = table.runs(from: 1900, to: 2100)
        XCTAssertEqual(runs.count, 51)
        XCTAssertEqual(runs.filter { $0.month == 6 }.map(\.year), Array(1979...2027))
        XCTAssertEqual(runs.filter { $0.month == 12 }, [run("2026-12"), run("2027-12")])
        XCTAssertEqual(table.firstRun, run("1979-06"))
        XCTAssertEqual(table.lastRun, run("2027-12"))
        for run in runs { XCTAssertNoThrow(try table.rulebook(for: run), "\(run)") }
    }

    func testDataDirectoryLocatesTheShippedData() throws {
        let found = try DataDirectory.locate()
        XCTAssertTrue(FileManager.default.fileExists(atPath: found.path + "/calendar.csv"), "\(found)")
        XCTAssertNoThrow(try RulebookLoader.load())
    }

    // MARK: - Benefit-driven-incorporation countries

    /// The names the Swift set of CountryAssignment held before the list became data: a universe
    /// file's country is judged as it was.
    private static let namesBeforeTheList: Set<String> = [
        "anguilla", "antigua and barbuda", "aruba", "bahamas", "the bahamas", "barbados", "belize", "bermuda",
        "bonaire", "british virgin islands", "virgin islands (british)", "cayman islands", "channel islands",
        "cook islands", "curacao", "curaçao", "faroe islands", "gibraltar", "guernsey", "isle of man", "jersey",
        "liberia", "marshall islands", "panama", "saba", "sint eustatius", "sint maarten",
        "turks and caicos", "turks and caicos islands",
    ]

    func testBenefitDrivenIncorporationCountriesAreAppendixBWithTheirCodes() throws {
        let countries = try rulebook(2024).benefitDrivenIncorporationCountries
        XCTAssertEqual(countries.allNames, Self.namesBeforeTheList)
        // M7 App. B as russell-rules.md §3.1 quotes it: 25 countries, in its order.
        XCTAssertEqual(countries.countries.map(\.name), [
            "Anguilla", "Antigua and Barbuda", "Aruba", "Bahamas", "Barbados", "Belize", "Bermuda", "Bonaire",
            "British Virgin Islands", "Cayman Islands", "Channel Islands", "Cook Islands", "Curaçao", "Faroe Islands",
            "Gibraltar", "Guernsey", "Isle of Man", "Jersey", "Liberia", "Marshall Islands", "Panama", "Saba",
            "Sint Eustatius", "Sint Maarten", "Turks and Caicos",
        ])
        let codes = Set(countries.countries.compactMap(\.code).map(\.alpha3))
        XCTAssertEqual(codes, ["AIA", "ATG", "ABW", "BHS", "BRB", "BLZ", "BMU", "BES", "VGB", "CYM", "COK", "CUW", "FRO",
                               "GIB", "GGY", "IMN", "JEY", "LBR", "MHL", "PAN", "SXM", "TCA"])
        XCTAssertNil(countries.countries.first { $0.name == "Channel Islands" }?.code, "no ISO code: Guernsey and Jersey")
        // Every run gets the same list, whatever its era.
        XCTAssertEqual(try rulebook(1990).benefitDrivenIncorporationCountries, countries)
        XCTAssertFalse(try rulebook(2006).benefitDrivenIncorporationEligible)
        XCTAssertTrue(try rulebook(2007).benefitDrivenIncorporationEligible)
    }

    // MARK: - Calendar

    /// Hand-checked against russell-rules.md §1.3 (rank day, effective date).
    func testHandCheckedRows() throws {
        let table = try table()
        let expected: [(String, String, String)] = [
            ("2016-06", "2016-05-27", "2016-06-24"),
            ("2020-06", "2020-05-08", "2020-06-26"),
            ("2024-06", "2024-04-30", "2024-06-28"),
            ("2025-06", "2025-04-30", "2025-06-27"),
            ("2026-12", "2026-10-30", "2026-12-11"),
            // Derived by the v7.0 rule (no dated schedule): April 30, 2027 is a Friday, the Fridays
            // of June 2027 are the 4th, 11th, 18th and 25th; October 30-31, 2027 are a weekend, and
            // the Fridays of December 2027 are the 3rd and 10th.
            ("2027-06", "2027-04-30", "2027-06-25"),
            ("2027-12", "2027-10-29", "2027-12-10"),
        ]
        for (runText, rank, effective) in expected {
            let row = try XCTUnwrap(table.reconstitution(for: run(runText)), runText)
            XCTAssertEqual(row.rankDay.description, rank, runText)
            XCTAssertEqual(row.effectiveDate.description, effective, runText)
        }
    }

    /// Every row of the russell-rules.md §1.3 table, 1989–2026, as the document gives it.
    func testEveryRowMatchesTheSection1_3Table() throws {
        let table = try table()
        let document: [(String, String, String)] = [
            ("1989-06", "1989-05-31", "1989-06-30"), ("1990-06", "1990-05-31", "1990-06-29"),
            ("1991-06", "1991-05-31", "1991-06-28"), ("1992-06", "1992-05-29", "1992-06-30"),
            ("1993-06", "1993-05-28", "1993-06-30"), ("1994-06", "1994-05-31", "1994-06-30"),
            ("1995-06", "1995-05-31", "1995-06-30"), ("1996-06", "1996-05-31", "1996-06-28"),
            ("1997-06", "1997-05-30", "1997-06-30"), ("1998-06", "1998-05-29", "1998-06-30"),
            ("1999-06", "1999-05-28", "1999-06-30"), ("2000-06", "2000-05-31", "2000-06-30"),
            ("2001-06", "2001-05-31", "2001-06-29"), ("2002-06", "2002-05-31", "2002-06-28"),
            ("2003-06", "2003-05-30", "2003-06-30"), ("2004-06", "2004-05-28", "2004-06-25"),
            ("2005-06", "2005-05-31", "2005-06-24"), ("2006-06", "2006-05-31", "2006-06-23"),
            ("2007-06", "2007-05-31", "2007-06-22"), ("2008-06", "2008-05-30", "2008-06-27"),
            ("2009-06", "2009-05-29", "2009-06-26"), ("2010-06", "2010-05-28", "2010-06-25"),
            ("2011-06", "2011-05-31", "2011-06-24"), ("2012-06", "2012-05-31", "2012-06-22"),
            ("2013-06", "2013-05-31", "2013-06-28"), ("2014-06", "2014-05-30", "2014-06-27"),
            ("2015-06", "2015-05-29", "2015-06-26"), ("2016-06", "2016-05-27", "2016-06-24"),
            ("2017-06", "2017-05-12", "2017-06-23"), ("2018-06", "2018-05-11", "2018-06-22"),
            ("2019-06", "2019-05-10", "2019-06-28"), ("2020-06", "2020-05-08", "2020-06-26"),
            ("2021-06", "2021-05-07", "2021-06-25"), ("2022-06", "2022-05-06", "2022-06-24"),
            ("2023-06", "2023-04-28", "2023-06-23"), ("2024-06", "2024-04-30", "2024-06-28"),
            ("2025-06", "2025-04-30", "2025-06-27"), ("2026-06", "2026-04-30", "2026-06-26"),
            ("2026-12", "2026-10-30", "2026-12-11"),
        ]
        XCTAssertEqual(table.reconstitutions.filter { (1989...2026).contains($0.run.year) }.count, document.count)
        for (runText, rank, effective) in document {
            let row = try XCTUnwrap(table.reconstitution(for: run(runText)), runText)
            XCTAssertEqual("\(row.rankDay) \(row.effectiveDate)", "\(rank) \(effective)", runText)
        }
    }

    /// Every row against the rule of its era, computed here independently of the library:
    /// weekdays by Sakamoto's method, Memorial Day as the last Monday of May.
    func testEveryRowFollowsTheRuleOfItsEra() throws {
        for row in try table().reconstitutions {
            let run = row.run, rank = row.rankDay, effective = row.effectiveDate
            let label = "\(run): rank \(rank), effective \(effective)"
            XCTAssertTrue(Self.isWeekday(rank), label)
            XCTAssertTrue(Self.isWeekday(effective), label)
            XCTAssertFalse(Self.isMemorialDay(rank), label)
            XCTAssertLessThan(rank, effective, label)

            switch (run.year, run.month) {
            case (...2015, 6):
                // 1979–2015: last business day of May (§1.2–1.3, §9.1).
                XCTAssertEqual(rank, Self.lastBusinessDay(year: run.year, month: 5), label)
            case (2016...2022, 6):
                // Sourced Fridays in May; no rule found (§1.2, §8).
                XCTAssertEqual(rank.month, 5, label)
                XCTAssertEqual(Self.weekday(rank), 5, label)
            case (2023..., 6):
                XCTAssertEqual(rank, Self.lastBusinessDay(year: run.year, month: 4), label)
            default:
                XCTAssertEqual(run.month, 12, label)
                XCTAssertEqual(rank, Self.lastBusinessDay(year: run.year, month: 10), label)
            }

            switch (run.year, run.month) {
            case (...2003, 6):
                // June 30, or the weekday before when it falls on a weekend.
                let june30 = CalendarDate(year: run.year, month: 6, day: 30)
                let expected = Self.weekday(june30) == 6 ? 29 : Self.weekday(june30) == 0 ? 28 : 30
                XCTAssertEqual(effective, CalendarDate(year: run.year, month: 6, day: expected), label)
            case (2004..., 6):
                // 4th Friday of June = last Friday, or the Friday before when that is the 29th or 30th.
                XCTAssertEqual(Self.weekday(effective), 5, label)
                XCTAssertTrue((22...28).contains(effective.day), label)
                let lastFriday = (24...30).first { Self.weekday(CalendarDate(year: run.year, month: 6, day: $0)) == 5 }!
                XCTAssertEqual(effective.day, lastFriday >= 29 ? lastFriday - 7 : lastFriday, label)
            default:
                // 2nd Friday of December (M7 §4.2.3).
                XCTAssertEqual(Self.weekday(effective), 5, label)
                XCTAssertTrue((8...14).contains(effective.day), label)
            }
        }
    }

    func testTagsAndSources() throws {
        let table = try table()
        for row in table.reconstitutions {
            XCTAssertTrue(row.source.contains("russell-rules.md §"), "\(row.run): \(row.source)")
            if row.run.year < 1989 {
                XCTAssertEqual(row.tag, .derived, "\(row.run)")
                XCTAssertTrue(row.source.contains("1984"), "\(row.run) says the indexes launched in 1984")
            }
        }
        XCTAssertEqual(table.reconstitution(for: run("2024-06"))?.tag, .confirmed)
        XCTAssertEqual(table.reconstitution(for: run("2024-06"))?.source, "P2024 (russell-rules.md §1.3)")
        XCTAssertEqual(table.reconstitution(for: run("2019-06"))?.tag, .secondary)
        for era in table.eras {
            XCTAssertTrue(era.source.contains("russell-rules.md §"), "\(era.fromRun): \(era.source)")
            XCTAssertTrue(["[C]", "[S]", "[D]", "[R]"].contains { era.source.contains($0) }, "\(era.fromRun) names a tag")
        }
    }

    // MARK: - Eras

    func testBandAtNumber1000From2007() throws {
        XCTAssertNil(try rulebook(2006).band1000, "hard cut before 2007")
        XCTAssertEqual(try rulebook(2007).band1000, 0.025)
        XCTAssertEqual(try rulebook(2026).band1000, 0.025)
        XCTAssertEqual(try rulebook(2027).band1000, 0.025)
    }

    func testMicrocapFrom2005WithItsBandFrom2007() throws {
        XCTAssertFalse(try rulebook(2004).hasMicrocap)
        XCTAssertTrue(try rulebook(2005).hasMicrocap)
        XCTAssertNil(try rulebook(2006).microcapBand)
        XCTAssertEqual(try rulebook(2007).microcapBand, 0.005)
    }

    func testBusinessDevelopmentCompaniesExcludedFrom2014() throws {
        XCTAssertFalse(try rulebook(2013).excludesBusinessDevelopmentCompanies)
        XCTAssertTrue(try rulebook(2014).excludesBusinessDevelopmentCompanies)
    }

    func testVotingRightsForNewMembersFrom2017AndForMembersFrom2023() throws {
        XCTAssertNil(try rulebook(2016).minimumVoting)
        XCTAssertEqual(try rulebook(2017).minimumVoting, 0.05)
        let r2022 = try rulebook(2022), r2023 = try rulebook(2023)
        XCTAssertEqual(r2022.minimumVoting, 0.05)
        XCTAssertFalse(r2022.votingAppliesToMembers)
        XCTAssertEqual(r2023.minimumVoting, 0.05)
        XCTAssertTrue(r2023.votingAppliesToMembers)
    }

    func testOtherEraBoundaries() throws {
        XCTAssertFalse(try rulebook(2006).benefitDrivenIncorporationEligible)
        XCTAssertTrue(try rulebook(2007).benefitDrivenIncorporationEligible)
        XCTAssertNil(try rulebook(2010).minimumFloat, "announced June 2010, after the 2010 rank day")
        XCTAssertEqual(try rulebook(2011).minimumFloat, 0.05)
        XCTAssertFalse(try rulebook(2010).memberPriceAverageException)
        XCTAssertTrue(try rulebook(2011).memberPriceAverageException)
        XCTAssertEqual(try rulebook(2004).minimumTotalCap, 0)
        XCTAssertEqual(try rulebook(2005).minimumTotalCap, 30_000_000)
        XCTAssertEqual(try rulebook(1979).minimumPrice, 1)
        XCTAssertFalse(try rulebook(2003).quarterlyIPOAdditions)
        XCTAssertTrue(try rulebook(2004).quarterlyIPOAdditions)
        let december = try table().rulebook(for: run("2026-12"))
        XCTAssertEqual(december.rankDay, CalendarDate(year: 2026, month: 10, day: 30))
        XCTAssertEqual(december.band1000, 0.025)
    }

    // MARK: - Quarterly IPO additions

    func testQuarterlyIPODates() throws {
        let table = try table()
        func dates(_ text: String) -> [String] {
            table.quarterlyIPODates(after: run(text)).map { "\($0.rankDay)/\($0.effectiveDate)" }
        }
        XCTAssertEqual(dates("2003-06"), [])
        XCTAssertEqual(dates("2004-06"), ["2004-07-30/2004-09-17", "2004-10-29/2004-12-17", "2005-01-31/2005-03-18"])
        XCTAssertEqual(dates("2025-06"), ["2025-07-31/2025-09-19", "2025-10-31/2025-12-19", "2026-01-30/2026-03-20"])
        XCTAssertEqual(dates("2026-06"), ["2026-07-31/2026-09-18"])
        // Semi-annual: March and September only (M7 §6.8-6.9); January 31, 2027 is a Sunday and
        // July 31, 2027 a Saturday.
        XCTAssertEqual(dates("2026-12"), ["2027-01-29/2027-03-19"])
        XCTAssertEqual(dates("2027-06"), ["2027-07-30/2027-09-17"])
        XCTAssertEqual(dates("2027-12"), [], "the last run of the calendar: the next is unknown")
    }

    func testOutOfRangeRunNamesTheCoveredRange() throws {
        XCTAssertThrowsError(try table().rulebook(for: RunID(year: 1975))) { error in
            XCTAssertEqual("\(error)", "no reconstitution 1975-06 in the calendar; the calendar covers 1979-06 to 2027-12")
        }
        XCTAssertThrowsError(try table().rulebook(for: run("2025-12"))) { error in
            XCTAssertEqual("\(error)", "no reconstitution 2025-12 in the calendar; the calendar covers 1979-06 to 2027-12")
        }
    }

    // MARK: - Independent calendar arithmetic

    /// 0 = Sunday … 6 = Saturday (Sakamoto).
    private static func weekday(_ date: CalendarDate) -> Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let year = date.month < 3 ? date.year - 1 : date.year
        return (year + year / 4 - year / 100 + year / 400 + offsets[date.month - 1] + date.day) % 7
    }

    private static func isWeekday(_ date: CalendarDate) -> Bool { (1...5).contains(weekday(date)) }

    /// Memorial Day is the last Monday of May (since 1971).
    private static func isMemorialDay(_ date: CalendarDate) -> Bool {
        date.month == 5 && weekday(date) == 1 && date.day + 7 > 31
    }

    /// The last weekday of the month that is not Memorial Day (no other holiday ends April, May or October).
    private static func lastBusinessDay(year: Int, month: Int) -> CalendarDate {
        var day = CalendarDate.daysIn(month: month, year: year)
        while !isWeekday(CalendarDate(year: year, month: month, day: day))
                || isMemorialDay(CalendarDate(year: year, month: month, day: day)) {
            day -= 1
        }
        return CalendarDate(year: year, month: month, day: day)
    }
}
