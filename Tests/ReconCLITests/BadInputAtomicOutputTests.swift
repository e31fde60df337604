import Foundation
import XCTest
@testable import ReconCLI

/// Outputs are written whole or not at all, folder by folder: a run writes a staging folder beside
/// its output folder and exchanges the two in one step at the end, so that the output folder is
/// always the complete old result or the complete new one, and nothing is left beside it.
/// (A run killed with SIGKILL, two writers at once and a disk that fills up: `WholeOutputTests`.)
final class BadInputAtomicOutputTests: XCTestCase {
    /// The error lines of a run, without its warnings.
    private func errors(_ run: CommandRun) -> String {
        run.error.split(separator: "\n").filter { !$0.hasPrefix("recon: warning: ") }.joined(separator: "\n")
    }

    /// Runs `universe` into `out` (status checked by the caller).
    private func run(_ universe: String, _ out: String, _ more: [String] = []) -> CommandRun {
        CommandRun(["reconstitute", "--quiet", "--year", "2025", "--universe", universe, "--out", out] + more)
    }

    /// What is beside the output folder (in the harness's folder) that the test did not put there.
    private func besideOut(_ h: BadInputHarness, inputs: Set<String>) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: h.folder).filter { !inputs.contains($0) }.sorted()
    }

    func testAFailedRunLeavesThePreviousFolderAsItWasAndNothingBeside() throws {
        let h = try BadInputHarness()
        let first = try h.write(BadInputHarness.screener(count: 30), "first.csv")
        let bad = try h.write(BadInputHarness.screener(count: 40) + "S99,Bad Inc. Common Stock,$1,2x,0,0%,5,United States,,1,T,S\n", "bad.csv")
        XCTAssertEqual(run(first, h.out).status, 0)
        let before = try BadInputHarness.contents(of: h.out)

        let failed = run(bad, h.out)
        XCTAssertEqual(failed.status, 1, failed.error)
        XCTAssertEqual(try BadInputHarness.contents(of: h.out), before, "the first run's folder, byte for byte")
        XCTAssertEqual(try besideOut(h, inputs: ["first.csv", "bad.csv"]), ["out"], "no staging folder or lock file is left")
    }

    func testAFolderInPlaceOfAnOutputFileIsReplacedWithTheRest() throws {
        // Before issue 20 this made the run fail half-way, some files new and some old.
        let h = try BadInputHarness()
        let first = try h.write(BadInputHarness.screener(count: 30), "first.csv")
        let second = try h.write(BadInputHarness.screener(count: 40), "second.csv")
        XCTAssertEqual(run(first, h.out).status, 0)
        XCTAssertEqual(run(second, h.folder + "/reference").status, 0)
        try FileManager.default.removeItem(atPath: h.out + "/membership.csv")
        try FileManager.default.createDirectory(atPath: h.out + "/membership.csv/blocker", withIntermediateDirectories: true)

        let replaced = run(second, h.out)
        XCTAssertEqual(replaced.status, 0, replaced.error)
        XCTAssertEqual(try BadInputHarness.contents(of: h.out), try BadInputHarness.contents(of: h.folder + "/reference"),
                       "the new run's folder, whole")
        XCTAssertEqual(try besideOut(h, inputs: ["first.csv", "second.csv", "reference"]), ["out"])
    }

    func testAFileInPlaceOfTheOutputFolderIsRefusedBeforeAnythingIsWritten() throws {
        let h = try BadInputHarness()
        let universe = try h.write(BadInputHarness.screener(count: 30), "universe.csv")
        try h.write("not a folder", "out")
        let failed = run(universe, h.out)
        XCTAssertEqual(failed.status, 1)
        XCTAssertEqual(errors(failed), "recon: error: \(h.out): exists and is not a folder, expected an output folder\nhelp: choose another --out, or remove the file")
        XCTAssertEqual(try String(contentsOfFile: h.out, encoding: .utf8), "not a folder")
        XCTAssertEqual(try besideOut(h, inputs: ["universe.csv"]), ["out"])
    }

    func testAFolderHoldingFilesReconDidNotWriteIsNotReplaced() throws {
        let h = try BadInputHarness()
        let universe = try h.write(BadInputHarness.screener(count: 30), "universe.csv")
        XCTAssertEqual(run(universe, h.out).status, 0)
        try h.write("my notes", "out/notes.txt")
        let refused = run(universe, h.out)
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(errors(refused), "recon: error: \(h.out): holds an entry recon does not write ('notes.txt'), expected a new or empty folder, or one recon wrote"
                       + "\nhelp: recon replaces its output folder whole: move those entries elsewhere, or choose another output folder")
        XCTAssertEqual(try String(contentsOfFile: h.out + "/notes.txt", encoding: .utf8), "my notes")
    }

    func testANewRunReplacesTheWholeFolderVariantsAndReportIncluded() throws {
        let h = try BadInputHarness()
        let universe = try h.write(BadInputHarness.screener(count: 30), "universe.csv")
        XCTAssertEqual(run(universe, h.out, ["--variant", "band=0"]).status, 0)
        XCTAssertEqual(CommandRun(["report", "--quiet", h.out]).status, 0)
        XCTAssertTrue(BadInputHarness.files(in: h.out).contains("variants/band-0/membership.csv"))
        XCTAssertTrue(BadInputHarness.files(in: h.out).contains("report.md"))
        XCTAssertEqual(run(universe, h.out).status, 0)
        XCTAssertEqual(BadInputHarness.files(in: h.out), ["excluded.csv", "membership.csv", "migration.csv", "summary.json", "turnover.csv"],
                       "the variant and the report described the old run: they went with it")
    }

    func testAReportAndAValidationSwapInACopyOfTheFolderThatHasThem() throws {
        let h = try BadInputHarness()
        let universe = try h.write(BadInputHarness.screener(count: 30), "universe.csv")
        let truth = try h.write("symbol\nS1\nS2\nS99\n", "additions.csv")
        XCTAssertEqual(run(universe, h.out).status, 0)
        var before = stat()
        XCTAssertEqual(stat(h.out + "/membership.csv", &before), 0)
        let runFiles = try BadInputHarness.contents(of: h.out)

        XCTAssertEqual(CommandRun(["report", "--quiet", h.out]).status, 0)
        let validated = CommandRun(["validate", "--quiet", "--membership", h.out + "/membership.csv", "--additions", truth])
        XCTAssertEqual(validated.status, 0, validated.error)
        let after = try BadInputHarness.contents(of: h.out)
        XCTAssertEqual(after.filter { runFiles[$0.key] != nil }, runFiles, "the run's files are kept, byte for byte")
        XCTAssertEqual(Set(after.keys).subtracting(runFiles.keys).sorted(),
                       ["report-caps-1000.svg", "report-caps-3000.svg", "report-flow.svg", "report.html", "report.md",
                        "validation-categories.csv", "validation-scores.csv", "validation.csv"])
        var linked = stat()
        XCTAssertEqual(stat(h.out + "/membership.csv", &linked), 0)
        XCTAssertEqual(linked.st_ino, before.st_ino, "copied as a hard link, not byte for byte")
        XCTAssertEqual(try besideOut(h, inputs: ["universe.csv", "additions.csv"]), ["out"])
    }

    func testSuccessfulRunsLeaveNothingButTheFolder() throws {
        let h = try BadInputHarness()
        let universe = try h.write(BadInputHarness.screener(count: 30), "universe.csv")
        for _ in 0..<2 { XCTAssertEqual(run(universe, h.out).status, 0) }
        XCTAssertEqual(BadInputHarness.files(in: h.out), ["excluded.csv", "membership.csv", "migration.csv", "summary.json", "turnover.csv"])
        XCTAssertEqual(try besideOut(h, inputs: ["universe.csv"]), ["out"])
    }
}
