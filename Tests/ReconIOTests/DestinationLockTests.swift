import Foundation
import XCTest
@testable import ReconIO

/// One writer per destination: a second writer is refused with the holder's pid, or waits; the
/// lock goes with its holder, file and all; a lock file left by a killed process blocks nobody.
final class DestinationLockTests: XCTestCase {
    private var fixture: OutputFolderFixture!

    override func setUpWithError() throws { fixture = try OutputFolderFixture() }
    override func tearDown() { fixture.remove() }

    func testASecondWriterIsRefusedWithTheHoldersProcessId() throws {
        let siblings = try DestinationSiblings(fixture.path("out"))
        let first = try DestinationLock.acquire(siblings)
        XCTAssertEqual(try String(contentsOfFile: siblings.lock, encoding: .utf8), "\(getpid())\n")
        XCTAssertThrowsError(try DestinationLock.acquire(siblings)) { error in
            let error = error as? InputError
            XCTAssertEqual(error?.description, "\(fixture.path("out")): is being written by another recon process (pid \(getpid())), "
                           + "expected one writer at a time (lock file \(fixture.path(".out.recon-lock")))")
            XCTAssertEqual(error?.help, "wait for pid \(getpid()) to finish, or write to another destination")
        }
        first.release()
        XCTAssertEqual(try fixture.entries(), [], "the lock file goes with the lock")
        let second = try DestinationLock.acquire(siblings)
        second.release()
    }

    func testStagingAFolderTakesItsLock() throws {
        let folder = try StagedFolder.begin(fixture.path("out"))
        XCTAssertThrowsError(try StagedFolder.begin(fixture.path("out"))) { error in
            XCTAssertTrue("\(error)".contains("is being written by another recon process (pid \(getpid()))"), "\(error)")
        }
        try folder.commit()
        try StagedFolder.begin(fixture.path("out")).commit()
    }

    func testAWaitingWriterGetsTheLockOnceTheFirstReleasesIt() throws {
        let siblings = try DestinationSiblings(fixture.path("out"))
        let first = try DestinationLock.acquire(siblings)
        let acquired = expectation(description: "the waiting writer holds the lock")
        let order = LockedBox<[String]>([])
        DispatchQueue.global().async {
            do {
                let second = try DestinationLock.acquire(siblings, waiting: true)
                order.withLock { $0.append("second") }
                XCTAssertEqual(try? String(contentsOfFile: siblings.lock, encoding: .utf8), "\(getpid())\n",
                               "the lock held is the file at the path, made again after the first removed its own")
                second.release()
            } catch {
                XCTFail("\(error)")
            }
            acquired.fulfill()
        }
        usleep(100_000)
        order.withLock { $0.append("first released") }
        first.release()
        wait(for: [acquired], timeout: 10)
        XCTAssertEqual(order.withLock { $0 }, ["first released", "second"])
    }

    func testALockFileLeftByAKilledProcessBlocksNobody() throws {
        let siblings = try DestinationSiblings(fixture.path("out"))
        // A killed holder leaves its file and pid, but the system released its lock.
        try Data("999999\n".utf8).write(to: URL(fileURLWithPath: siblings.lock))
        let lock = try DestinationLock.acquire(siblings)
        XCTAssertEqual(try String(contentsOfFile: siblings.lock, encoding: .utf8), "\(getpid())\n")
        lock.release()
    }

    func testAFolderThatCannotBeWrittenIsNamed() throws {
        let siblings = try DestinationSiblings(fixture.path("missing/out"))
        XCTAssertThrowsError(try DestinationLock.acquire(siblings)) { error in
            XCTAssertEqual((error as? InputError)?.description,
                           "\(fixture.path("missing/out")): cannot be written: cannot create its lock file in \(fixture.path("missing")) (No such file or directory)")
        }
    }
}
