import XCTest
import ReconCore
@testable import ReconIO
@testable import ReconCRSP
@testable import ReconFormats
@testable import ReconSynthetic

/// The binary panel (`recon import`): a CSV's panel written and mapped back is the same panel,
/// bit for bit; a damaged, truncated, older or inconsistent file is an error that says so.
final class PanelFileTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "panel-file-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A small synthetic market as a CSV and its imported panel.
    private func imported(firms: Int = 300) throws -> (csv: String, panel: String, summary: PanelImport.Summary) {
        let csv = folder + "/market.csv", panel = folder + "/market.recon"
        _ = try SyntheticMarket.write(to: csv, configuration: .init(firstYear: 1995, lastYear: 2000, firms: firms, seed: 5))
        return (csv, panel, try PanelImport.run(source: csv, destination: panel))
    }

    private func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    private func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func openError(_ path: String, file: StaticString = #filePath, line: UInt = #line) -> InputError? {
        do {
            _ = try CRSPPanel.load(path: path)
            XCTFail("opened \(path)", file: file, line: line)
            return nil
        } catch {
            return error as? InputError
        }
    }

    func testXXH64MatchesThePublishedVectors() {
        func hash(_ text: String, seed: UInt64 = 0) -> UInt64 { Array(text.utf8).withUnsafeBytes { Checksum.xxh64($0, seed: seed) } }
        XCTAssertEqual(hash(""), 0xEF46_DB37_51D8_E999)
        XCTAssertEqual(hash("a"), 0xD24E_C4F1_A98C_6E5B)
        XCTAssertEqual(hash("abc"), 0x44BC_2CF5_AD77_0999)
        XCTAssertEqual(hash("Nobody inspects the spammish repetition"), 0xFBCE_A83C_8A37_8BF1)
        // The block checksum: the same whatever the split, different for different bytes.
        let big = (0 ..< (Checksum.blockSize + 1000)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let whole = big.withUnsafeBytes { Checksum.blocks($0) }
        var changed = big
        changed[Checksum.blockSize + 10] ^= 1
        XCTAssertNotEqual(whole, changed.withUnsafeBytes { Checksum.blocks($0) })
        XCTAssertEqual(whole, big.withUnsafeBytes { Checksum.blocks(of: [$0, $0]) }[1])
    }

    func testImportedPanelIsTheCSVsPanel() throws {
        let (csv, panel, summary) = try imported()
        let fromCSV = try CRSPPanel.load(path: csv)
        let mapped = try CRSPPanel.load(path: panel)
        assertSamePanel(mapped, fromCSV, "panel file")
        XCTAssertEqual(mapped.securityFirstMonthKey, fromCSV.securityFirstMonthKey)
        XCTAssertEqual(mapped.securitiesOfCompany, fromCSV.securitiesOfCompany)
        XCTAssertEqual(summary.rows, fromCSV.rowCount)
        let info = try PanelFile.info(path: panel)
        XCTAssertEqual(info.version, PanelFile.version)
        XCTAssertEqual(info.sourceSize, try bytes(csv).count)
        XCTAssertEqual(info.sourceChecksum, try bytes(csv).withUnsafeBytes { Checksum.blocks($0) })
        XCTAssertEqual(info.fileSize, try bytes(panel).count)
        // Cross-sections, returns and the format detector see the same market.
        let may = CalendarDate(year: 1999, month: 5, day: 31)
        XCTAssertEqual(mapped.snapshot(onOrBefore: may), fromCSV.snapshot(onOrBefore: may))
        XCTAssertEqual(try FormatDetector.detect(path: panel).format, .crsp)
    }

    func testImportingTwiceWritesTheSameBytes() throws {
        let (csv, panel, _) = try imported()
        let again = folder + "/again.recon"
        _ = try PanelImport.run(source: csv, destination: again)
        XCTAssertEqual(try bytes(panel), try bytes(again))
        XCTAssertThrowsError(try PanelImport.run(source: panel, destination: folder + "/x.recon")) { error in
            XCTAssertEqual((error as? InputError)?.message, "is already a recon panel file, expected a CRSP CSV to import")
        }
    }

    func testDamagedTruncatedAndOlderFilesAreRefused() throws {
        let (_, panel, _) = try imported()
        let good = try bytes(panel)
        let help = "import the CSV again: recon import CRSP.csv --out "

        // A byte of a price flipped: its section's checksum says so.
        let layout = try PanelFile.Layout(file: XCTUnwrap(MappedFile(path: panel, sequential: false)), path: panel)
        var flipped = good
        flipped[layout.sections[.rowPrice]!.offset + 8 * 17 + 3] ^= 0x40
        let damagedPath = try write(flipped, "damaged.recon")
        let damaged = openError(damagedPath)
        XCTAssertEqual(damaged?.message, "is damaged: its section rowPrice does not match its checksum")
        XCTAssertEqual(damaged?.help, help + damagedPath)

        // Cut short.
        let truncatedPath = try write(Array(good.prefix(good.count / 2)), "truncated.recon")
        XCTAssertEqual(openError(truncatedPath)?.message, "has \(good.count / 2) bytes, its header says \(good.count): the file was cut short or added to")

        // A byte of the directory changed: the header checksum.
        var directory = good
        directory[PanelFile.headerSize + 9] ^= 0x01
        XCTAssertEqual(openError(try write(directory, "directory.recon"))?.message,
                       "is damaged: its header does not match its checksum, expected a recon panel file as `recon import` writes it")

        // Another format version.
        var older = good
        older[8] = 0
        let olderPath = try write(older, "older.recon")
        XCTAssertEqual(openError(olderPath)?.message,
                       "is a recon panel of format version 0, expected version \(PanelFile.version), the one this recon reads")
        XCTAssertEqual(openError(olderPath)?.help, "import the CSV again with this recon: recon import CRSP.csv --out \(olderPath)")

        // The magic alone: too short to be a panel.
        XCTAssertEqual(openError(try write(Array("RECONPNL".utf8), "magic.recon"))?.message,
                       "does not start with RECONPNL, expected a recon panel file")
    }

    func testAnIndexOutsideItsColumnIsRefusedEvenWithGoodChecksums() throws {
        let (_, panel, _) = try imported()
        var bytes = try self.bytes(panel)
        // The first row's security set past the last security, then the checksums made to match.
        let layout = try PanelFile.Layout(file: XCTUnwrap(MappedFile(path: panel, sequential: false)), path: panel)
        let offset = layout.sections[.rowSecurity]!.offset
        bytes.replaceSubrange(offset ..< offset + 4, with: [0xFF, 0xFF, 0xFF, 0x7F])
        let path = try write(PanelFileTests.resealed(bytes), "inconsistent.recon")
        XCTAssertEqual(openError(path)?.message, "is inconsistent: an index points outside its column, expected a recon panel file as `recon import` writes it")
        // An entry of the security index past the last row.
        var index = try self.bytes(panel)
        let rows = layout.sections[.securityRows]!.offset
        index.replaceSubrange(rows ..< rows + 4, with: [0xFF, 0xFF, 0xFF, 0x7F])
        XCTAssertEqual(openError(try write(PanelFileTests.resealed(index), "index.recon"))?.message,
                       "is inconsistent: an index points outside its column, expected a recon panel file as `recon import` writes it")
    }

    /// A row whose PERMCO the company section does not list (found by the panel-file fuzz target:
    /// it crashed a snapshot of the forged panel) is refused when the file is opened.
    func testARowOfAnUnlistedCompanyIsRefusedEvenWithGoodChecksums() throws {
        let (_, panel, _) = try imported()
        var bytes = try self.bytes(panel)
        let layout = try PanelFile.Layout(file: XCTUnwrap(MappedFile(path: panel, sequential: false)), path: panel)
        let offset = layout.sections[.rowCompany]!.offset
        bytes.replaceSubrange(offset ..< offset + 4, with: [0xFF, 0xFF, 0xFF, 0x7F])
        let path = try write(PanelFileTests.resealed(bytes), "unlisted.recon")
        XCTAssertEqual(openError(path)?.message,
                       "is inconsistent: a row names a PERMCO that its section companyPermco does not list, expected a recon panel file as `recon import` writes it")
        // A negative PERMCO in the company section (it also crashed the fuzz target).
        var negative = try self.bytes(panel)
        let companies = layout.sections[.companyPermco]!.offset
        negative.replaceSubrange(companies ..< companies + 4, with: [0xFF, 0xFF, 0xFF, 0xFF])
        XCTAssertEqual(openError(try write(PanelFileTests.resealed(negative), "negative.recon"))?.message,
                       "is inconsistent: its section companyPermco lists PERMCO -1 (negative), expected a recon panel file as `recon import` writes it")
    }

    /// `bytes` with every checksum recomputed (the way the fuzz target reaches the checks behind them).
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        let count = Int(UInt32(bytes[12]) | UInt32(bytes[13]) << 8)
        func read64(_ at: Int) -> Int { (0 ..< 8).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        func put64(_ value: UInt64, _ at: Int) { for k in 0 ..< 8 { bytes[at + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(k))) } }
        for index in 0 ..< count {
            let at = PanelFile.headerSize + index * PanelFile.entrySize
            let size = Int(bytes[at + 4]), offset = read64(at + 8), elements = read64(at + 16)
            put64(bytes[offset ..< offset + size * elements].withUnsafeBytes { Checksum.blocks($0) }, at + 24)
        }
        var covered = Array(bytes[0 ..< 40])
        covered += bytes[PanelFile.headerSize ..< PanelFile.headerSize + count * PanelFile.entrySize]
        put64(covered.withUnsafeBytes { Checksum.xxh64($0) }, 40)
        return bytes
    }
}
