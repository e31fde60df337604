import Foundation
import XCTest
@testable import ReconIO

/// A destination that is one file (`recon import`, `recon generate`, the embedded market's cache):
/// one writer, checked before any work, and the temporary files of killed writers removed.
final class FileDestinationTests: XCTestCase {
    private var fixture: OutputFolderFixture!

    override func setUpWithError() throws { fixture = try OutputFolderFixture() }
    override func tearDown() { fixture.remove() }

    private func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    func testATemporaryFileOfAKilledWriterIsRemovedAndTheFileWrittenWhole() throws {
        let path = fixture.path("panel.recon")
        try Data("half a panel".utf8).write(to: URL(fileURLWithPath: fixture.path(".panel.recon.tmp-Ab12Cd")))
        try Data("another file's".utf8).write(to: URL(fileURLWithPath: fixture.path(".other.recon.tmp-Ab12Cd")))
        let destination = try FileDestination.begin(path)
        XCTAssertEqual(try fixture.entries(), [".other.recon.tmp-Ab12Cd", ".panel.recon.recon-lock"])
        try AtomicFile.write("whole", to: path)
        destination.finish()
        XCTAssertEqual(try fixture.entries(), [".other.recon.tmp-Ab12Cd", "panel.recon"])
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "whole")
    }

    func testAWriterThatStopsHalfWayLeavesNothing() throws {
        let path = fixture.path("panel.recon")
        let destination = try FileDestination.begin(path)
        struct Stopped: Error {}
        XCTAssertThrowsError(try AtomicFile.write(to: path) { pieces in
            try [UInt8]("half".utf8).withUnsafeBytes { try pieces.write($0) }
            throw Stopped()
        })
        destination.finish()
        XCTAssertEqual(try fixture.entries(), [])
    }

    func testADestinationThatCannotBeWrittenIsNamedBeforeAnyWork() throws {
        try FileManager.default.createDirectory(atPath: fixture.path("panel.recon"), withIntermediateDirectories: true)
        XCTAssertEqual(message { _ = try FileDestination.begin(fixture.path("panel.recon")) },
                       "\(fixture.path("panel.recon")): is a folder, expected the name of a file to write")
        XCTAssertEqual(message { _ = try FileDestination.begin(fixture.path("missing/panel.recon")) },
                       "\(fixture.path("missing/panel.recon")): cannot be written: its folder \(fixture.path("missing")) does not exist")
        let first = try FileDestination.begin(fixture.path("market.csv"))
        XCTAssertEqual(message { _ = try FileDestination.begin(fixture.path("market.csv")) },
                       "\(fixture.path("market.csv")): is being written by another recon process (pid \(getpid())), "
                       + "expected one writer at a time (lock file \(fixture.path(".market.csv.recon-lock")))")
        first.finish()
        XCTAssertEqual(try fixture.entries(), ["panel.recon"])
    }

    func testADiskWithoutRoomIsNamedBeforeAnyWork() throws {
        let siblings = try DestinationSiblings(fixture.path("out"))
        XCTAssertNoThrow(try FreeSpace.require(for: siblings))
        let said = try XCTUnwrap(message { try FreeSpace.require(for: siblings, minimum: .max) })
        XCTAssertTrue(said.hasPrefix("\(fixture.path("out")): cannot be written: the disk holding \(fixture.folder) has "), said)
        XCTAssertTrue(said.hasSuffix(" bytes free, expected at least \(UInt64.max)"), said)
    }
}
