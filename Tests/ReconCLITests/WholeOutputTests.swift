import Foundation
import XCTest

/// Whole outputs or none, seen from outside the process (issue 20): the built `recon` run as a
/// child process on a small embedded market (300 firms), killed with SIGKILL at many points, run
/// twice at once into one folder, and run with a limit on file sizes that makes its writes fail as
/// on a full disk. The output folder is always exactly the old result or exactly the new one.
final class WholeOutputTests: XCTestCase {
    private var folder = ""
    private var out: String { folder + "/out" }

    /// The issue's case: 2010–2016 in the folder, then 2010–2025 with a variant into it.
    private let oldRun = ["replay", "--quiet", "--from", "2010", "--to", "2016", "--firms", "300"]
    private let newRun = ["replay", "--from", "2010", "--to", "2025", "--variant", "band=0", "--firms", "300"]

    override func setUpWithError() throws {
        folder = try TestPaths.temporaryFolder()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Every file under `path` with its bytes.
    private func tree(_ path: String) throws -> [String: Data] { try BadInputHarness.contents(of: path) }

    /// Runs recon to its end and checks it succeeded.
    private func runToEnd(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try ReconChildProcess.run(arguments)
        XCTAssertEqual(run.status, 0, run.error, file: file, line: line)
    }

    func testAReplayKilledAtAnyPointLeavesTheOldResultOrTheNewOne() throws {
        try runToEnd(oldRun + ["--out", out])
        let old = try tree(out)
        try runToEnd(newRun + ["--quiet", "--out", folder + "/new"])
        let new = try tree(folder + "/new")
        XCTAssertNotEqual(old, new)
        XCTAssertTrue(old.keys.contains("2016-06/membership.csv") && new.keys.contains("variants/band-0/history.csv"))

        // Points in the replay, by its progress lines, then by time around its end (where the
        // folders are exchanged), measured on a whole run.
        let started = Date()
        try runToEnd(newRun + ["--quiet", "--out", folder + "/timing"])
        let duration = Date().timeIntervalSince(started)
        let markers = ["loading", "reconstituting 1990-06 (warm-up)", "reconstituting 2010-06", "reconstituting 2016-06",
                       "reconstituting 2025-06", "replaying 1 variant"]
        let delays = [0.5, 0.8, 0.9, 0.95, 1.0, 1.05].map { $0 * duration }
        var seen: [String: Int] = ["old": 0, "new": 0]
        for point in markers.map({ Point.marker($0) }) + delays.map({ Point.delay($0) }) {
            if try tree(out) != old { try runToEnd(oldRun + ["--out", out]) }
            let child = try ReconChildProcess(newRun + ["--out", out])
            switch point {
            case .marker(let marker):
                XCTAssertTrue(child.waitForError(containing: marker), "the replay never said '\(marker)'")
            case .delay(let seconds):
                usleep(UInt32(seconds * 1_000_000))
            }
            child.kill()
            _ = child.wait()
            let now = try tree(out)
            XCTAssertTrue(now == old || now == new, "killed at \(point): \(out) is neither the old result nor the new one")
            seen[now == old ? "old" : "new", default: 0] += 1
        }
        print("killed replays left the old result \(seen["old"]!) times and the new one \(seen["new"]!) times")
        XCTAssertGreaterThan(seen["old"]!, 0)

        // What the killed runs left beside the folder goes with the next run into it.
        try runToEnd(newRun + ["--quiet", "--out", out])
        XCTAssertEqual(try tree(out), new)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["new", "out", "timing"])
    }

    func testASecondWriterIntoTheSameFolderStopsAndNamesTheFirst() throws {
        try runToEnd(oldRun + ["--out", out])
        try runToEnd(newRun + ["--quiet", "--out", folder + "/new"])
        let first = try ReconChildProcess(newRun + ["--out", out])
        // The first holds the folder's lock before it loads anything.
        XCTAssertTrue(first.waitForError(containing: "loading"))
        let second = try ReconChildProcess.run(oldRun + ["--out", out])
        XCTAssertEqual(second.status, 1)
        XCTAssertEqual(second.error, """
            recon: error: \(out): is being written by another recon process (pid \(first.pid)), expected one writer at a time (lock file \(folder)/.out.recon-lock)
            help: wait for pid \(first.pid) to finish, or write to another destination

            """)
        XCTAssertEqual(first.wait().status, 0)
        XCTAssertEqual(try tree(out), try tree(folder + "/new"), "the first writer's result, never interleaved with the second's")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["new", "out"])
    }

    func testWritesThatFailAsOnAFullDiskLeaveTheOldResult() throws {
        try runToEnd(oldRun + ["--out", out])
        let old = try tree(out)
        // 8 blocks of 512 bytes: every membership.csv is larger.
        let failed = try ReconChildProcess.run(newRun + ["--quiet", "--out", out], fileSizeLimit: 8)
        XCTAssertEqual(failed.status, 1, failed.error)
        XCTAssertTrue(failed.error.hasPrefix("recon: error: \(out)/2010-06/membership.csv: cannot write the file (File too large)"), failed.error)
        XCTAssertEqual(try tree(out), old)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["out"])
    }

    private enum Point: CustomStringConvertible {
        case marker(String)
        case delay(Double)

        var description: String {
            switch self {
            case .marker(let marker): return "'\(marker)'"
            case .delay(let seconds): return "\(Int(seconds * 1000)) ms"
            }
        }
    }
}
