import Foundation
import XCTest
@testable import ReconIO

/// The one step that puts a new folder in place: `renameat2(RENAME_EXCHANGE)` on Linux, two
/// renames elsewhere (and where the file system refuses the exchange).
final class FolderSwapTests: XCTestCase {
    private var fixture: OutputFolderFixture!

    override func setUpWithError() throws { fixture = try OutputFolderFixture() }
    override func tearDown() { fixture.remove() }

    func testTwoFoldersAreExchangedInOneStepOnLinux() throws {
        try fixture.lay(["a.csv": "first"], in: "first")
        try fixture.lay(["b.csv": "second"], in: "second")
        let status = PlatformFileSystem.exchange(fixture.path("first"), fixture.path("second"))
        #if os(Linux)
        XCTAssertEqual(status, 0, String(cString: strerror(errno)))
        XCTAssertEqual(try fixture.tree("first"), ["b.csv": "second"])
        XCTAssertEqual(try fixture.tree("second"), ["a.csv": "first"])
        #else
        XCTAssertEqual(status, -1)
        XCTAssertEqual(errno, ENOSYS)
        #endif
    }

    func testEachMethodLeavesTheNewFolderInPlaceAndSaysWhereTheOldOneIs() throws {
        let siblings = try DestinationSiblings(fixture.path("out"))
        try fixture.lay(["new.csv": "1"], in: ".out.recon-staging-1")
        XCTAssertEqual(try FolderSwap.swap(fixture.path(".out.recon-staging-1"), into: siblings).method, .renamed)

        try fixture.lay(["newer.csv": "2"], in: ".out.recon-staging-2")
        let exchanged = try FolderSwap.swap(fixture.path(".out.recon-staging-2"), into: siblings)
        #if os(Linux)
        XCTAssertEqual(exchanged.method, .exchanged)
        XCTAssertEqual(exchanged.old, fixture.path(".out.recon-staging-2"))
        #else
        XCTAssertEqual(exchanged.method, .movedAside)
        #endif
        XCTAssertEqual(try fixture.tree(FilePaths.fileName(of: exchanged.old!)), ["new.csv": "1"])
        XCTAssertEqual(try fixture.tree("out"), ["newer.csv": "2"])
        FolderTree.remove(exchanged.old!)

        try fixture.lay(["newest.csv": "3"], in: ".out.recon-staging-3")
        let movedAside = try FolderSwap.swap(fixture.path(".out.recon-staging-3"), into: siblings, exchanging: false)
        XCTAssertEqual(movedAside.method, .movedAside)
        XCTAssertEqual(movedAside.old, siblings.aside)
        XCTAssertEqual(try fixture.tree(FilePaths.fileName(of: siblings.aside)), ["newer.csv": "2"])
        XCTAssertEqual(try fixture.tree("out"), ["newest.csv": "3"])
    }
}
