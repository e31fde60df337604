import Foundation
import XCTest
@testable import ReconCLI

/// Runs outside the data: a CRSP file without the month a rank day ranks (as a replay's panel and as
/// a universe) and the embedded market after its last year are refused, rather than ranked on
/// another month-end as if it were the rank day's; the calendar's rule-derived 2027 runs work from
/// a universe snapshot.
final class BadInputDataRangeTests: XCTestCase {
    private let header = BadInputHarness.crspHeader

    /// Two companies' rows at the month-ends of `months` (`2020-01` … `2021-05`).
    private func panel(_ h: BadInputHarness, _ months: [String], name: String) throws -> String {
        let monthEnds = ["2020-01": "20200131", "2020-02": "20200228", "2020-03": "20200331", "2020-04": "20200430",
                         "2020-05": "20200529", "2020-06": "20200630", "2020-12": "20201231", "2021-01": "20210129",
                         "2021-04": "20210430", "2021-05": "20210528"]
        var rows = [header]
        for month in months {
            let date = try XCTUnwrap(monthEnds[month], month)
            rows.append("1,1,\(date),11,3,A,A INC,50,0.01,4000")
            rows.append("2,2,\(date),11,1,B,B INC,20,0.02,3000")
        }
        return try h.write(rows.joined(separator: "\n") + "\n", name)
    }

    /// June 2020 ranks on Friday 2020-05-08, before May's last business day: April's month-end
    /// (russell-rules.md §1.3). A panel that ends in March cannot give it.
    func testPanelEndingBeforeTheRankedMonthIsRefused() throws {
        let h = try BadInputHarness()
        let march = try panel(h, ["2020-01", "2020-02", "2020-03"], name: "msf.csv")
        h.assertRefused(CommandRun(["replay", "--from", "2020", "--to", "2020", "--panel", march, "--out", h.out]), status: 1,
                        error: "the panel has no month-end in 2020-04, which the run 2020-06 ranks on 2020-05-08 (its data runs "
                            + "from 2020-01-31 to 2020-03-31): another month's prices would stand for the rank day's",
                        help: "give a panel with the month-end of 2020-04")
        h.assertRefused(CommandRun(["reconstitute", "--year", "2020", "--universe", march, "--out", h.out]), status: 1,
                        error: "\(march): has no month-end in 2020-04, which the rank day 2020-05-08 ranks (its data runs "
                            + "from 2020-01-31 to 2020-03-31), expected that month's rows",
                        help: "give a CRSP file with that month, or the --year its data covers")
    }

    /// With April's month-end the same runs are made: a panel need not reach past the month it ranks.
    func testPanelHoldingTheRankedMonthRuns() throws {
        let h = try BadInputHarness()
        let april = try panel(h, ["2020-01", "2020-02", "2020-03", "2020-04"], name: "msf.csv")
        let replay = CommandRun(["replay", "--quiet", "--from", "2020", "--to", "2020", "--panel", april, "--out", h.out])
        XCTAssertEqual(replay.status, 0, replay.error)
        let snapshot = CommandRun(["reconstitute", "--quiet", "--year", "2020", "--universe", april, "--out", h.folder + "/snapshot"])
        XCTAssertEqual(snapshot.status, 0, snapshot.error)
    }

    /// A replay that runs past the data, or starts before it, names the years it covers whole.
    func testReplayOutsideTheDataNamesTheYearsItCovers() throws {
        let h = try BadInputHarness()
        let may2020 = try panel(h, ["2020-01", "2020-02", "2020-03", "2020-04", "2020-05"], name: "2020.csv")
        h.assertRefused(CommandRun(["replay", "--from", "2020", "--to", "2021", "--panel", may2020, "--out", h.out]), status: 1,
                        error: "the panel has no month-end in 2021-04, which the run 2021-06 ranks on 2021-05-07 (its data runs "
                            + "from 2020-01-31 to 2020-05-29): another month's prices would stand for the rank day's",
                        help: "replay up to 2020 (--to 2020), or give a panel with the month-end of 2021-04")
        let from2020 = try panel(h, ["2020-04", "2020-05", "2020-06", "2020-12", "2021-01", "2021-04", "2021-05"], name: "2020-2021.csv")
        h.assertRefused(CommandRun(["replay", "--from", "2019", "--to", "2021", "--panel", from2020, "--out", h.out]), status: 1,
                        error: "the panel has no month-end in 2019-04, which the run 2019-06 ranks on 2019-05-10 (its data runs "
                            + "from 2020-04-30 to 2021-05-28): another month's prices would stand for the rank day's",
                        help: "replay from 2020 (--from 2020), or give a panel with the month-end of 2019-04")
    }

    /// Runs before the runs asked for, replayed only to give the first one its prior, start with
    /// the first the panel has data for: June 2020 ranks April 2020, before this panel.
    func testTheWarmUpStartsWithTheFirstRunThePanelHolds() throws {
        let h = try BadInputHarness()
        let fromJune = try panel(h, ["2020-06", "2020-12", "2021-01", "2021-04", "2021-05"], name: "msf.csv")
        let run = CommandRun(["replay", "--quiet", "--from", "2021", "--to", "2021", "--panel", fromJune, "--out", h.out])
        XCTAssertEqual(run.status, 0, run.error)
        let history = try String(contentsOfFile: h.out + "/history.csv", encoding: .utf8)
        XCTAssertTrue(history.contains("\n2021-06,2021-05-07,"), history)
        XCTAssertFalse(history.contains("2020-06"), history)
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
