import Foundation
import XCTest
@testable import ReconCLI
import ReconIO

/// Destinations that cannot be written are named before any work starts (issue 20).
final class BadInputDestinationTests: XCTestCase {
    func testAnOutputUnderAFileIsRefusedBeforeTheUniverseIsRead() throws {
        let h = try BadInputHarness()
        let file = try h.write("a file", "file")
        // The universe does not exist: the destination is checked first.
        h.assertRefused(CommandRun(["reconstitute", "--year", "2025", "--universe", h.folder + "/missing.csv", "--out", file + "/out"]),
                        status: 1, error: "\(file)/out: cannot be written: cannot create its lock file in \(file) (Not a directory)",
                        help: "check that \(file) exists and is writable, or write to another destination")
    }

    func testAReadOnlyParentIsRefusedBeforeAnyWork() throws {
        // Root writes anywhere: as root, recon runs as `nobody` in a child process to see the refusal.
        let asNobody = geteuid() == 0
        if asNobody, !FileManager.default.isExecutableFile(atPath: ReconChildProcess.setpriv) {
            throw XCTSkip("running as root without \(ReconChildProcess.setpriv): permissions do not stop root from writing")
        }
        let h = try BadInputHarness()
        let universe = try h.write(BadInputHarness.screener(count: 30), "universe.csv")
        let parent = h.folder + "/read-only"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: parent)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: parent) }
        let arguments = ["reconstitute", "--year", "2025", "--universe", universe, "--out", parent + "/out"]
        let expected = "recon: error: \(parent)/out: cannot be written: cannot create its lock file in \(parent) (Permission denied)\n"
            + "help: check that \(parent) exists and is writable, or write to another destination\n"
        if asNobody {
            let run = try ReconChildProcess.run(arguments, asNobody: true)
            XCTAssertEqual(run.status, 1)
            XCTAssertEqual(run.error, expected)
        } else {
            let run = CommandRun(arguments)
            XCTAssertEqual(run.status, 1)
            XCTAssertEqual(run.error, expected)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent), [])
    }

    func testAnOutputWithoutANameOfItsOwnIsRefused() throws {
        let h = try BadInputHarness()
        let universe = try h.write(BadInputHarness.screener(count: 30), "universe.csv")
        for out in [".", "..", h.folder + "/."] {
            h.assertRefused(CommandRun(["reconstitute", "--year", "2025", "--universe", universe, "--out", out]), status: 1,
                            error: "\(out): names no folder of its own, expected a path ending in a folder name such as out/2025",
                            help: "give the output a name of its own, for example --out out/2025")
        }
    }

    func testAFolderAnotherWriterHoldsIsRefusedWithItsProcessId() throws {
        let h = try BadInputHarness()
        let universe = try h.write(BadInputHarness.screener(count: 30), "universe.csv")
        let other = try StagedFolder.begin(h.out)
        defer { other.abandon() }
        h.assertRefused(h.reconstitute(universe), status: 1,
                        error: "\(h.out): is being written by another recon process (pid \(getpid())), expected one writer at a time (lock file \(h.folder)/.out.recon-lock)",
                        help: "wait for pid \(getpid()) to finish, or write to another destination")
    }

    func testAReportOrAValidationIntoAFolderWithAForeignFolderIsRefused() throws {
        let h = try BadInputHarness()
        let universe = try h.write(BadInputHarness.screener(count: 30), "universe.csv")
        XCTAssertEqual(h.reconstitute(universe, ["--quiet"]).status, 0)
        try FileManager.default.createDirectory(atPath: h.out + "/my-data", withIntermediateDirectories: false)
        let before = try BadInputHarness.contents(of: h.out)
        let report = CommandRun(["report", "--quiet", h.out])
        XCTAssertEqual(report.status, 1)
        XCTAssertEqual(report.error, "recon: error: \(h.out): holds an entry recon does not write ('my-data'), expected a new or empty folder, or one recon wrote\n"
                       + "help: recon replaces its output folder whole: move those entries elsewhere, or choose another output folder\n")
        XCTAssertEqual(try BadInputHarness.contents(of: h.out), before)
    }

    func testGenerateOntoAFolderIsRefused() throws {
        let h = try BadInputHarness()
        try FileManager.default.createDirectory(atPath: h.out, withIntermediateDirectories: false)
        h.assertRefused(CommandRun(["generate", "--firms", "50", "--out", h.out]), status: 1,
                        error: "\(h.out): is a folder, expected the name of a file to write",
                        help: "give a file name, for example --out \(h.out)/panel.recon")
    }
}
