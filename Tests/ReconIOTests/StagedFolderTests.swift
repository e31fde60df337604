import Foundation
import XCTest
@testable import ReconIO

/// A folder written whole or not at all: the destination is the complete old folder until
/// ``StagedFolder/commit()``, the complete new one after, and nothing of the staging is left.
final class StagedFolderTests: XCTestCase {
    private var fixture: OutputFolderFixture!

    override func setUpWithError() throws { fixture = try OutputFolderFixture() }
    override func tearDown() { fixture.remove() }

    private let old = ["membership.csv": "old", "summary.json": "{\"old\": 1}", "2010-06/summary.json": "old run"]
    private let new = ["membership.csv": "new", "summary.json": "{\"new\": 1}", "history.csv": "run\n"]

    private func write(_ files: [String: String], into staging: String) throws {
        for (name, text) in files {
            let path = staging + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try AtomicFile.write(text, to: path)
        }
    }

    private func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    func testTheDestinationIsTheOldFolderUntilCommitAndTheNewOneAfter() throws {
        try fixture.lay(old, in: "out")
        let folder = try StagedFolder.begin(fixture.path("out"))
        XCTAssertEqual(folder.path, fixture.path(".out.recon-staging-\(getpid())"))
        try write(new, into: folder.path)
        XCTAssertEqual(try fixture.tree("out"), old, "nothing of the new folder shows before the commit")
        XCTAssertEqual(try fixture.entries(), [".out.recon-lock", ".out.recon-staging-\(getpid())", "out"])
        try folder.commit()
        XCTAssertEqual(try fixture.tree("out"), new, "the old run folder 2010-06 went with the old result")
        XCTAssertEqual(try fixture.entries(), ["out"], "no staging, old folder or lock file is left")
    }

    func testTheTwoRenameFallbackGivesTheSameFolder() throws {
        try fixture.lay(old, in: "out")
        let folder = try StagedFolder.begin(fixture.path("out"), exchanging: false)
        try write(new, into: folder.path)
        try folder.commit()
        XCTAssertEqual(try fixture.tree("out"), new)
        XCTAssertEqual(try fixture.entries(), ["out"])
    }

    func testANewDestinationIsRenamedInPlace() throws {
        let folder = try StagedFolder.begin(fixture.path("out"))
        try write(new, into: folder.path)
        try folder.commit()
        XCTAssertEqual(try fixture.tree("out"), new)
        XCTAssertEqual(try fixture.entries(), ["out"])
    }

    func testAbandonLeavesTheDestinationAsItWasAndNothingBeside() throws {
        try fixture.lay(old, in: "out")
        let folder = try StagedFolder.begin(fixture.path("out"))
        try write(new, into: folder.path)
        folder.abandon()
        XCTAssertEqual(try fixture.tree("out"), old)
        XCTAssertEqual(try fixture.entries(), ["out"])
        XCTAssertThrowsError(try folder.commit(), "an abandoned folder is never put in place")
        XCTAssertEqual(try fixture.tree("out"), old)
    }

    func testParentFoldersMadeForAnAbandonedRunAreRemovedAgain() throws {
        let folder = try StagedFolder.begin(fixture.path("a/b/out"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: fixture.path("a/b")))
        folder.abandon()
        XCTAssertEqual(try fixture.entries(), [], "a/ and a/b/ were made for this run only")

        let kept = try StagedFolder.begin(fixture.path("a/b/out"))
        try write(new, into: kept.path)
        try kept.commit()
        XCTAssertEqual(try fixture.tree("a/b/out"), new)
    }

    func testACopyOfTheDestinationKeepsItsOtherFilesAsHardLinks() throws {
        try fixture.lay(["membership.csv": "members", "report.md": "old report", "report-flow.svg": "old chart",
                         "notes.txt": "the user's"], in: "out")
        var before = stat()
        XCTAssertEqual(stat(fixture.path("out/membership.csv"), &before), 0)
        let folder = try StagedFolder.begin(fixture.path("out"), start: .copyOfDestination(leavingOut: { $0.hasPrefix("report") }))
        try write(["report.md": "new report", "report-caps.svg": "new chart"], into: folder.path)
        try folder.commit()
        XCTAssertEqual(try fixture.tree("out"), ["membership.csv": "members", "notes.txt": "the user's",
                                                 "report.md": "new report", "report-caps.svg": "new chart"],
                       "the old chart the new report does not draw is gone with the old report")
        var after = stat()
        XCTAssertEqual(stat(fixture.path("out/membership.csv"), &after), 0)
        XCTAssertEqual(after.st_ino, before.st_ino, "the file was linked, not copied")
        XCTAssertEqual(try fixture.entries(), ["out"])
    }

    func testAFolderHoldingWhatReconDoesNotWriteIsNotReplaced() throws {
        try fixture.lay(["membership.csv": "old", "notes.txt": "mine", "data/universe.csv": "mine too"], in: "out")
        let out = fixture.path("out")
        XCTAssertEqual(message { _ = try StagedFolder.begin(out) },
                       "\(out): holds 2 entries recon does not write ('data', 'notes.txt'), expected a new or empty folder, or one recon wrote")
        XCTAssertEqual(message { _ = try StagedFolder.begin(out, start: .copyOfDestination(leavingOut: { _ in false })) },
                       "\(out): holds an entry recon does not write ('data'), expected a new or empty folder, or one recon wrote",
                       "a copy keeps the user's files, not their folders")
        XCTAssertEqual(try fixture.entries(), ["out"], "no lock or staging is left by a refusal")
    }

    func testAFileInPlaceOfTheFolderAndAPathWithoutANameAreRefused() throws {
        try Data("a file".utf8).write(to: URL(fileURLWithPath: fixture.path("out")))
        XCTAssertEqual(message { _ = try StagedFolder.begin(fixture.path("out")) },
                       "\(fixture.path("out")): exists and is not a folder, expected an output folder")
        XCTAssertEqual(message { _ = try StagedFolder.begin(fixture.path("out/run")) },
                       "\(fixture.path("out/run")): cannot be written: cannot create its lock file in \(fixture.path("out")) (Not a directory)")
        for path in [".", "..", "/", "a/..", fixture.path("x") + "/."] {
            XCTAssertEqual(message { _ = try StagedFolder.begin(path) },
                           "\(path): names no folder of its own, expected a path ending in a folder name such as out/2025")
        }
        XCTAssertEqual(try fixture.entries(), ["out"])
    }

    func testTrailingSlashesNameTheSameFolder() throws {
        let folder = try StagedFolder.begin(fixture.path("out") + "//")
        try write(new, into: folder.path)
        try folder.commit()
        XCTAssertEqual(try fixture.tree("out"), new)
    }

    func testASymbolicLinkToAFolderIsWrittenWhereItPoints() throws {
        try fixture.lay(old, in: "target")
        try FileManager.default.createSymbolicLink(atPath: fixture.path("out"), withDestinationPath: fixture.path("target"))
        let folder = try StagedFolder.begin(fixture.path("out"))
        try write(new, into: folder.path)
        try folder.commit()
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: fixture.path("out")), fixture.path("target"))
        XCTAssertEqual(try fixture.tree("target"), new)
        XCTAssertEqual(try fixture.entries(), ["out", "target"])
    }

    func testWhatKilledRunsLeftBesideTheDestinationIsRemovedByTheNextRun() throws {
        try fixture.lay(old, in: "out")
        try fixture.lay(["membership.csv": "half"], in: ".out.recon-staging-4242")
        try fixture.lay(["membership.csv": "older"], in: ".out.recon-old-4141")
        try fixture.lay(["membership.csv": "another destination's"], in: ".other.recon-staging-4242")
        try Data("stale".utf8).write(to: URL(fileURLWithPath: fixture.path(".out.recon-lock")))
        let folder = try StagedFolder.begin(fixture.path("out"))
        XCTAssertEqual(try fixture.entries(), [".other.recon-staging-4242", ".out.recon-lock", ".out.recon-staging-\(getpid())", "out"])
        folder.abandon()
        XCTAssertEqual(try fixture.tree("out"), old)
        XCTAssertEqual(try fixture.entries(), [".other.recon-staging-4242", "out"])
    }

    func testARunKilledBetweenTheTwoRenamesIsUndoneByTheNextRun() throws {
        // The fallback swap moved the old folder aside and was killed before moving the new one in.
        try fixture.lay(old, in: ".out.recon-old-4242")
        try fixture.lay(new, in: ".out.recon-staging-4242")
        let report = LeftoverCleanup.run(try DestinationSiblings(fixture.path("out")))
        XCTAssertEqual(report, LeftoverCleanup.Report(removed: [".out.recon-staging-4242"], restored: ".out.recon-old-4242"))
        XCTAssertEqual(try fixture.tree("out"), old, "the complete old result is back")
        XCTAssertEqual(try fixture.entries(), ["out"])
    }

    func testTheNewFolderKeepsTheOldFoldersPermissions() throws {
        try fixture.lay(old, in: "out")
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: fixture.path("out"))
        let folder = try StagedFolder.begin(fixture.path("out"))
        try folder.commit()
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: fixture.path("out"))[.posixPermissions] as? Int, 0o750)
    }

    func testAnAbandonFromAnotherThreadNeverTouchesAFolderAlreadyInPlace() throws {
        try fixture.lay(old, in: "out")
        let folder = try StagedFolder.begin(fixture.path("out"))
        try write(new, into: folder.path)
        try folder.commit()
        DispatchQueue.global().sync { folder.abandon() }
        XCTAssertEqual(try fixture.tree("out"), new)
    }
}
