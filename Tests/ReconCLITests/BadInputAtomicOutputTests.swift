import Foundation
import XCTest
@testable import ReconCLI

/// Outputs are written atomically, file by file (a temporary file in the same folder, then a
/// rename): a run that fails while writing leaves every file either as it was or whole and new,
/// and no temporary file behind.
final class BadInputAtomicOutputTests: XCTestCase {
    /// Temporary files AtomicFile would leave: `.NAME.tmp-XXXXXX`.
    private func temporaryFiles(_ folder: String) -> [String] {
        BadInputHarness.files(in: folder).filter { $0.contains(".tmp-") }
    }

    /// The error lines of a run, without its warnings.
    private func errors(_ run: CommandRun) -> String {
        run.error.split(separator: "\n").filter { !$0.hasPrefix("recon: warning: ") }.joined(separator: "\n")
    }

    /// Runs `universe` into `out` (status checked by the caller).
    private func run(_ universe: String, _ out: String) -> CommandRun {
        CommandRun(["reconstitute", "--quiet", "--year", "2025", "--universe", universe, "--out", out])
    }

    /// Replaces the file `name` of `folder` by a folder of that name, so writing it fails.
    private func blockWithFolder(_ folder: String, _ name: String) throws {
        try FileManager.default.removeItem(atPath: folder + "/" + name)
        try FileManager.default.createDirectory(atPath: folder + "/" + name + "/blocker", withIntermediateDirectories: true)
    }

    func testAFailedFirstWriteLeavesThePreviousOutputsAsTheyWere() throws {
        let h = try BadInputHarness()
        let first = try h.write(BadInputHarness.screener(count: 30), "first.csv")
        let second = try h.write(BadInputHarness.screener(count: 40), "second.csv")
        XCTAssertEqual(run(first, h.out).status, 0)
        let before = try BadInputHarness.contents(of: h.out)
        try blockWithFolder(h.out, "membership.csv")

        let failed = run(second, h.out)
        XCTAssertEqual(failed.status, 1)
        XCTAssertEqual(errors(failed), "recon: error: \(h.out)/membership.csv: cannot replace the file (Is a directory)")
        let after = try BadInputHarness.contents(of: h.out)
        XCTAssertEqual(after, before.filter { $0.key != "membership.csv" }, "the other files are the first run's, byte for byte")
        XCTAssertEqual(temporaryFiles(h.out), [])
    }

    func testAFailedLaterWriteLeavesWholeFilesAndNoTemporaryFile() throws {
        let h = try BadInputHarness()
        let first = try h.write(BadInputHarness.screener(count: 30), "first.csv")
        let second = try h.write(BadInputHarness.screener(count: 40), "second.csv")
        XCTAssertEqual(run(first, h.out).status, 0)
        let before = try BadInputHarness.contents(of: h.out)
        XCTAssertEqual(run(second, h.folder + "/reference").status, 0)
        let reference = try BadInputHarness.contents(of: h.folder + "/reference")
        try blockWithFolder(h.out, "turnover.csv")

        let failed = run(second, h.out)
        XCTAssertEqual(failed.status, 1)
        XCTAssertEqual(errors(failed), "recon: error: \(h.out)/turnover.csv: cannot replace the file (Is a directory)")
        let after = try BadInputHarness.contents(of: h.out)
        for name in ["membership.csv", "excluded.csv", "summary.json", "migration.csv"] {
            XCTAssertEqual(after[name], reference[name], "\(name) is the second run's, whole")
        }
        XCTAssertNotEqual(after["membership.csv"], before["membership.csv"])
        XCTAssertNotEqual(after["summary.json"], before["summary.json"])
        XCTAssertEqual(temporaryFiles(h.out), [])
    }

    func testAFolderInPlaceOfTheOutputFolderIsRefusedBeforeAnythingIsWritten() throws {
        let h = try BadInputHarness()
        let universe = try h.write(BadInputHarness.screener(count: 30), "universe.csv")
        try h.write("not a folder", "out")
        let failed = run(universe, h.out)
        XCTAssertEqual(failed.status, 1)
        XCTAssertEqual(errors(failed), "recon: error: \(h.out): exists and is not a folder, expected an output folder\nhelp: choose another --out, or remove the file")
        XCTAssertEqual(try String(contentsOfFile: h.out, encoding: .utf8), "not a folder")
    }

    func testSuccessfulRunsLeaveNoTemporaryFile() throws {
        let h = try BadInputHarness()
        let universe = try h.write(BadInputHarness.screener(count: 30), "universe.csv")
        for _ in 0..<2 { XCTAssertEqual(run(universe, h.out).status, 0) }
        XCTAssertEqual(BadInputHarness.files(in: h.out), ["excluded.csv", "membership.csv", "migration.csv", "summary.json", "turnover.csv"])
    }
}
