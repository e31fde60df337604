import XCTest
@testable import ReconIO

final class AtomicFileTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func contents() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder).sorted() }

    func testWritesAndReplacesWithoutLeavingATemporaryFile() throws {
        let path = folder + "/out.csv"
        try AtomicFile.write("old content that is longer\n", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old content that is longer\n")
        try AtomicFile.write(Array("new\n".utf8), to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new\n")
        XCTAssertEqual(try contents(), ["out.csv"])
    }

    func testKeepsTheOldFilesPermissions() throws {
        let path = folder + "/out.csv"
        try AtomicFile.write("a", to: path)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int, 0o644)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try AtomicFile.write("b", to: path)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int, 0o600)
    }

    func testFailureLeavesTheOldFileAndNoTemporaryFile() throws {
        let path = folder + "/out.csv"
        try AtomicFile.write("old", to: path)
        // A folder where the target should be: the rename fails after the temporary file is written.
        let blocked = folder + "/blocked"
        try FileManager.default.createDirectory(atPath: blocked + "/child", withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write("new", to: blocked)) { error in
            XCTAssertEqual((error as? OutputError)?.path, blocked)
            XCTAssertTrue((error as? OutputError)?.message.contains("cannot replace the file") ?? false, "\(error)")
        }
        XCTAssertEqual(try contents(), ["blocked", "out.csv"])
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old")
    }

    func testMissingFolderIsAnOutputError() {
        XCTAssertThrowsError(try AtomicFile.write("x", to: folder + "/no/such/folder/out.csv")) { error in
            XCTAssertTrue((error as? OutputError)?.message.contains("cannot create a temporary file") ?? false, "\(error)")
        }
    }

    // MARK: - Batches

    func testBatchPutsFilesStagedInAnyOrderInPlaceAtCommit() throws {
        try AtomicFile.write("old a", to: folder + "/a.csv")
        let batch = AtomicFile.Batch()
        batch.stage([(folder + "/c.csv", Array("c".utf8))], order: 2)
        batch.stage([(folder + "/a.csv", Array("a".utf8)), (folder + "/b.csv", Array("b".utf8))], order: 0)
        XCTAssertEqual(try String(contentsOfFile: folder + "/a.csv", encoding: .utf8), "old a", "nothing replaced before commit")
        try batch.commit()
        XCTAssertEqual(try contents(), ["a.csv", "b.csv", "c.csv"])
        XCTAssertEqual(try String(contentsOfFile: folder + "/a.csv", encoding: .utf8), "a")
    }

    /// A failure is placed by its order: what comes before it is put in place, nothing after it,
    /// the error is thrown and no temporary file stays.
    func testBatchFailureKeepsWhatComesBeforeIt() throws {
        try AtomicFile.write("old", to: folder + "/late.csv")
        let batch = AtomicFile.Batch()
        struct Refused: Error {}
        batch.stage([(folder + "/late.csv", Array("new".utf8))], order: 2)
        batch.stage([(folder + "/middle.csv", Array("m".utf8))], order: 1) { throw Refused() }
        batch.stage([(folder + "/early.csv", Array("e".utf8))], order: 0)
        XCTAssertThrowsError(try batch.commit()) { XCTAssertTrue($0 is Refused) }
        XCTAssertEqual(try contents(), ["early.csv", "late.csv"])
        XCTAssertEqual(try String(contentsOfFile: folder + "/late.csv", encoding: .utf8), "old")
    }

    func testDiscardedBatchLeavesTheOldFilesAndNoTemporaryFile() throws {
        try AtomicFile.write("old", to: folder + "/a.csv")
        let batch = AtomicFile.Batch()
        batch.stage([(folder + "/a.csv", Array("new".utf8)), (folder + "/b.csv", Array("b".utf8))], order: 0)
        batch.discard()
        XCTAssertEqual(try contents(), ["a.csv"])
        XCTAssertEqual(try String(contentsOfFile: folder + "/a.csv", encoding: .utf8), "old")
    }
}
