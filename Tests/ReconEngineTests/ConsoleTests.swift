import XCTest
@testable import ReconEngine

/// A held console passes on what its work wrote only when released, in the order written.
final class ConsoleTests: XCTestCase {
    func testHeldLinesWaitForReleaseAndKeepTheirOrder() {
        let (console, recording) = Console.recording()
        console.showsProgress = true
        let held = console.held()
        held.console.progress("reading prior.csv")
        held.console.warn("2 rows dropped")
        held.console.print("a result")
        console.progress("reading universe.csv")
        XCTAssertEqual(recording.error, "recon: reading universe.csv\n", "nothing held is shown before the release")
        XCTAssertEqual(recording.out, "")
        held.release()
        XCTAssertEqual(recording.error, "recon: reading universe.csv\nrecon: reading prior.csv\nrecon: warning: 2 rows dropped\n")
        XCTAssertEqual(recording.out, "a result\n")
        held.release()
        XCTAssertEqual(recording.out, "a result\n", "a second release writes nothing again")
    }

    func testHeldConsoleFollowsTheQuietSetting() {
        let (console, recording) = Console.recording()
        let held = console.held()  // progress off, as with --quiet
        held.console.progress("reading prior.csv")
        held.console.warn("kept")
        held.release()
        XCTAssertEqual(recording.error, "recon: warning: kept\n")
    }
}
