import Foundation
import XCTest
@testable import ReconCLI

/// Runs past the end of the data: a CRSP file that ends before a rank day (as a replay's panel and
/// as a universe) and the embedded market after its last year are refused, rather than ranked on
/// their last month-end as if it were the rank day's; the calendar's rule-derived 2027 runs work
/// from a universe snapshot.
final class BadInputDataRangeTests: XCTestCase {
    private let header = BadInputHarness.crspHeader

    /// Two companies' rows from January 2020 through `lastMonth` (month-ends of 2020).
    private func panel(_ h: BadInputHarness, through lastMonth: Int) throws -> String {
        let monthEnds = ["20200131", "20200228", "20200331", "20200430", "20200529"]
        var rows = [header]
        for date in monthEnds.prefix(lastMonth) {
            rows.append("1,1,\(date),11,3,A,A INC,50,0.01,4000")
            rows.append("2,2,\(date),11,1,B,B INC,20,0.02,3000")
        }
        return try h.write(rows.joined(separator: "\n") + "\n", "msf-\(lastMonth).csv")
    }

    /// June 2020 ranks on Friday 2020-05-08, before May's last business day: April's month-end
    /// (russell-rules.md §1.3). A panel that ends in March cannot give it.
    func testPanelEndingBeforeTheRankDayIsRefused() throws {
        let h = try BadInputHarness()
        let march = try panel(h, through: 3)
        h.assertRefused(CommandRun(["replay", "--from", "2020", "--to", "2020", "--panel", march, "--out", h.out]), status: 1,
                        error: "the panel's data ends with 2020-03-31; the run 2020-06 ranks on 2020-05-08, "
                            + "expected data through the month-end of 2020-04, not an older month's prices",
                        help: "give a panel that reaches 2020-06")
        h.assertRefused(CommandRun(["reconstitute", "--year", "2020", "--universe", march, "--out", h.out]), status: 1,
                        error: "\(march): has data up to 2020-03-31, expected the month-end ranked on the rank day 2020-05-08 (2020-04) or later",
                        help: "give a CRSP file that reaches the rank day, or the --year its data covers")
    }

    /// With April's month-end the same runs are made: a panel need not reach past the month it ranks.
    func testPanelReachingTheRankedMonthRuns() throws {
        let h = try BadInputHarness()
        let april = try panel(h, through: 4)
        let replay = CommandRun(["replay", "--quiet", "--from", "2020", "--to", "2020", "--panel", april, "--out", h.out])
        XCTAssertEqual(replay.status, 0, replay.error)
        let snapshot = CommandRun(["reconstitute", "--quiet", "--year", "2020", "--universe", april, "--out", h.folder + "/snapshot"])
        XCTAssertEqual(snapshot.status, 0, snapshot.error)
    }

    /// A replay that runs past the data names the last year it covers whole.
    func testReplayPastTheDataNamesTheLastYearItCovers() throws {
        let h = try BadInputHarness()
        let may = try panel(h, through: 5)
        h.assertRefused(CommandRun(["replay", "--from", "2020", "--to", "2021", "--panel", may, "--out", h.out]), status: 1,
                        error: "the panel's data ends with 2020-05-29; the run 2021-06 ranks on 2021-05-07, "
                            + "expected data through the month-end of 2021-04, not an older month's prices",
                        help: "replay up to 2020 (--to 2020), or give a panel that reaches 2021-06")
    }

    /// The embedded market is calibrated through 2026: a 2027 run is refused before it is generated.
    func testEmbeddedMarketEndsWithItsCalibration() throws {
        let h = try BadInputHarness()
        let error = "the embedded market covers 1979–2026, not the run 2027-06"
        let help = "choose a year up to 2026, or give data that reaches 2027-06: --universe FILE (reconstitute) or --panel CRSP.csv (replay)"
        h.assertRefused(CommandRun(["reconstitute", "--year", "2027", "--out", h.out]), status: 2, error: error, help: help)
        h.assertRefused(CommandRun(["replay", "--from", "2025", "--to", "2027", "--out", h.out]), status: 2, error: error, help: help)
    }

    /// June 2027 from a universe snapshot: the calendar's rule-derived dates (rank day the last
    /// business day of April, effective the 4th Friday of June; M7 §5.14, App. F).
    func testJune2027FromAUniverse() throws {
        let h = try BadInputHarness()
        let universe = try h.write(BadInputHarness.screener(count: 30), "universe.csv")
        let run = CommandRun(["reconstitute", "--quiet", "--year", "2027", "--universe", universe, "--out", h.out])
        XCTAssertEqual(run.status, 0, run.error)
        let summary = try String(contentsOfFile: h.out + "/summary.json", encoding: .utf8)
        XCTAssertTrue(summary.contains("\"rank_day\": \"2027-04-30\""), summary)
        XCTAssertTrue(summary.contains("\"effective_date\": \"2027-06-25\""), summary)
    }
}
