import Foundation
import XCTest
@testable import ReconCLI
import ReconIO

/// The real command line: declarations, help, usage errors and bad input, end to end.
final class CommandLineTests: XCTestCase {
    func testDeclarationsAreConsistentAndEveryExampleParses() {
        XCTAssertEqual(ReconCommandLine.tool.declarationProblems(), [])
    }

    func testHelpShowsExamples() {
        let overview = CommandRun(["--help"])
        XCTAssertEqual(overview.status, 0)
        for command in ["reconstitute", "validate", "replay", "generate", "report"] {
            XCTAssertTrue(overview.out.contains(command), command)
        }
        let help = CommandRun(["help", "reconstitute"])
        XCTAssertTrue(help.out.contains("recon reconstitute --year 2024"), help.out)
    }

    func testUnknownCommandSuggestsTheNearest() {
        let run = CommandRun(["reconstitue", "--year", "2024"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("did you mean 'reconstitute'"), run.error)
    }

    func testYearOutsideTheCalendarSaysWhichYearsExist() {
        let run = CommandRun(["reconstitute", "--year", "1975", "--universe", "x.csv"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("no reconstitution 1975-06 in the calendar"), run.error)
        XCTAssertTrue(run.error.contains("help: choose a year from 1979 to 2027"), run.error)
    }

    func testContradictoryFlagsAreRefused() {
        let run = CommandRun(["reconstitute", "--year", "2024", "--prior", "IWM.csv"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("--prior needs --universe"), run.error)
        let december = CommandRun(["reconstitute", "--year", "2024", "--month", "7", "--universe", "x.csv"])
        XCTAssertEqual(december.status, 2)
        XCTAssertTrue(december.error.contains("--month expects 6 (June) or 12 (December)"), december.error)
    }

    /// Without `--out`, a December run has a folder of its own: it must not replace its June.
    func testADecemberRunHasItsOwnDefaultFolder() {
        XCTAssertEqual(ReconstituteCommand.defaultOut(year: 2026, month: 6), "out/2026")
        XCTAssertEqual(ReconstituteCommand.defaultOut(year: 2026, month: 12), "out/2026-12")
    }

    /// A replay with a June and a December in a year says the turnover of that year beside the
    /// mean per run: the two runs' turnover summed (history.csv's `turnover_names`).
    func testAReplayWithTwoRunsAYearSaysItsTurnoverAYear() throws {
        let out = try TestPaths.temporaryFolder() + "/replay"
        let run = CommandRun(["replay", "--quiet", "--from", "2026", "--to", "2026", "--history-only", "--out", out])
        XCTAssertEqual(run.status, 0, run.error)
        let rows = try String(contentsOfFile: out + "/history.csv", encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let column = try XCTUnwrap(rows[0].firstIndex(of: "turnover_names"))
        XCTAssertEqual(rows.dropFirst().map { String($0[0]) }, ["2026-06", "2026-12"])
        let turnovers = try rows.dropFirst().map { try XCTUnwrap(Double($0[column])) }
        let mean = formatNumber(turnovers.reduce(0, +) / 2 * 100, decimals: 2)
        let year = formatNumber(turnovers.reduce(0, +) * 100, decimals: 2)
        XCTAssertTrue(run.out.contains("average with banding (2 runs): R2000 name turnover \(mean)% (\(year)% a year), "), run.out)
    }

    /// A replay that starts with the panel has no prior membership in its first run: every company
    /// would be an addition and none would move, so history.csv and variants.csv leave the change
    /// counts empty, like the turnover, and the console's means say over how many runs they are.
    func testAReplaysFirstRunWithoutPriorMembersCountsNoChanges() throws {
        let folder = try TestPaths.temporaryFolder()
        let panel = folder + "/panel.csv", out = folder + "/replay"
        let generate = CommandRun(["generate", "--quiet", "--from", "1979", "--to", "1981", "--firms", "16000", "--out", panel])
        XCTAssertEqual(generate.status, 0, generate.error)
        let run = CommandRun(["replay", "--quiet", "--from", "1979", "--to", "1980", "--panel", panel, "--history-only",
                              "--variant", "band=0", "--out", out])
        XCTAssertEqual(run.status, 0, run.error)
        func table(_ name: String) throws -> [[String: String]] {
            let lines = try String(contentsOfFile: out + "/" + name, encoding: .utf8).split(separator: "\n")
                .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
        }
        let history = try table("history.csv")
        XCTAssertEqual(history.map { $0["run"] }, ["1979-06", "1980-06"])
        for column in ["moved_up", "moved_down", "additions", "deletions", "turnover_names", "turnover_weight"] {
            XCTAssertEqual(history[0][column], "", column)
            XCTAssertNotEqual(history[1][column], "", column)
        }
        XCTAssertNotEqual(history[1]["additions"], "0")
        let variants = try table("variants.csv")
        XCTAssertEqual(variants.filter { $0["run"] == "1979-06" }.map { $0["moved_up"] }, ["", ""])
        let firstRow = try XCTUnwrap(run.out.split(separator: "\n").first { $0.hasPrefix("1979-06 ") })
        XCTAssertTrue(firstRow.contains("n/a n/a   n/a"), String(firstRow))
        XCTAssertTrue(run.out.contains("average before banding (2 runs): R2000 name turnover "), run.out)
        XCTAssertTrue(run.out.contains("% (1 run with a prior), 12-month drag "), run.out)
        XCTAssertTrue(run.out.contains(" cap-weighted (1 run with 12 months of returns)"), run.out)
    }

    /// A run's membership.csv is the next run's prior: its members, not every line it lists. A
    /// company of no index absent from the next universe (under the cap minimum here) is no
    /// absent row and no "not in the universe" count; a member absent from it is both, with the
    /// security_id of its line in the run before.
    func testARunsMembershipIsTheNextRunsPrior() throws {
        let h = try BadInputHarness()
        let companies = (1...20).map { ("S\($0)", "Company \($0) Inc. Common Stock", "$\(10 + $0).00", String($0 * 50_000_000)) }
        let tiny = ("TINY", "Tiny Corp. Common Stock", "$2.00", "10000000")  // under $30M: no index
        let first = try h.write(BadInputHarness.screener(companies + [tiny]), "first.csv")
        let run = h.reconstitute(first, ["--quiet"])
        XCTAssertEqual(run.status, 0, run.error)
        let membership = try String(contentsOfFile: h.out + "/membership.csv", encoding: .utf8)
        XCTAssertTrue(membership.contains("\nTINY,"), membership)
        let prior = try h.write(membership, "prior-membership.csv")
        let second = try h.write(BadInputHarness.screener(Array(companies.prefix(19))), "second.csv")
        let next = CommandRun(["reconstitute", "--year", "2025", "--universe", second, "--prior", prior, "--out", h.folder + "/next"])
        XCTAssertEqual(next.status, 0, next.error)
        let rows = try String(contentsOfFile: h.folder + "/next/membership.csv", encoding: .utf8).split(separator: "\n")
        // The absent member keeps the security_id the first run gave it (a screener's: the ticker).
        XCTAssertEqual(rows.filter { $0.contains(",absent_from_universe,") }.map { String($0.prefix { $0 != "," }) }, ["S20"])
        XCTAssertTrue(rows.contains { $0.hasPrefix("S20,") && $0.hasSuffix(",absent_from_universe,S20") }, "\(rows.suffix(2))")
        XCTAssertTrue(next.out.contains("0 additions, 1 deletions (1 not in the universe)"), next.out)
        XCTAssertFalse(next.error.contains("are not in second.csv"), next.error)
    }

    func testBadVariantSaysWhatToType() {
        let run = CommandRun(["reconstitute", "--year", "2024", "--universe", "x.csv", "--variant", "band=9"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("band expects a fraction from 0 to 0.5"), run.error)
    }

    func testMissingFileIsABadInputNamingIt() {
        let run = CommandRun(["reconstitute", "--year", "2024", "--universe", "/nonexistent/universe.csv", "--out", NSTemporaryDirectory() + "x"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.error.contains("recon: error: /nonexistent/universe.csv: cannot open the file"), run.error)
    }

    func testBadNumberNamesFileLineAndColumn() throws {
        let folder = try TestPaths.temporaryFolder()
        let universe = try TestPaths.write("""
            Symbol,Name,Last Sale,Net Change,% Change,Market Cap,Country,IPO Year,Volume,Sector,Industry
            AAA,Alpha Inc. Common Stock,$10.00,0,0%,1000000000,United States,,100,Technology,Software
            BBB,Beta Inc. Common Stock,$1,2x,0,0%,500000000,United States,,100,Technology,Software
            """, named: "universe.csv", in: folder)
        let run = CommandRun(["reconstitute", "--year", "2025", "--universe", universe, "--out", folder + "/out"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.error.contains("universe.csv:3:"), run.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/out/membership.csv"), "nothing half-written")
    }

    /// A small screener universe end to end, twice: byte-identical outputs.
    func testSmallRunIsDeterministic() throws {
        let folder = try TestPaths.temporaryFolder()
        var lines = ["Symbol,Name,Last Sale,Net Change,% Change,Market Cap,Country,IPO Year,Volume,Sector,Industry"]
        for index in 1...40 {
            lines.append("S\(index),Company \(index) Inc. Common Stock,$\(10 + index).00,0,0%,\(index * 50_000_000),United States,,\(1000 * index),Technology,Software")
        }
        lines.append("S1W,Company 1 Inc. Warrant,$0.50,0,0%,,United States,,10,Technology,Software")
        let universe = try TestPaths.write(lines.joined(separator: "\n") + "\n", named: "universe.csv", in: folder)
        let prior = try TestPaths.write("symbol,name,index\nS40,Company 40,R2000\nS2,Company 2,R1000\n", named: "prior.csv", in: folder)
        var outputs: [[String: Data]] = []
        for attempt in 0..<2 {
            let out = folder + "/out\(attempt)"
            let run = CommandRun(["reconstitute", "--year", "2025", "--universe", universe, "--prior", prior, "--out", out])
            XCTAssertEqual(run.status, 0, run.error)
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: out) {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: out + "/" + name))
            }
            outputs.append(files)
        }
        XCTAssertEqual(outputs[0].keys.sorted(), ["excluded.csv", "membership.csv", "migration.csv", "summary.json", "turnover.csv"])
        XCTAssertEqual(outputs[0], outputs[1])
        let membership = String(decoding: outputs[0]["membership.csv"]!, as: UTF8.self)
        XCTAssertTrue(membership.contains("S40,Company 40 Inc.,co 40 inc,2000000000,1,4.878049,R1000,R2000,false,upward,upward,"), membership)
    }
}
