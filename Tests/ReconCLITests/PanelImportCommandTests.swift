import Foundation
import XCTest
@testable import ReconCLI
import ReconIO
import ReconCRSP
import ReconSynthetic

/// `recon import` end to end: a replay and a reconstitution from the imported panel write the
/// files the CSV gives (history.csv byte for byte; the run folders too, but for the input path
/// that summary.json names), and a bad panel file is refused with what to type.
final class PanelImportCommandTests: XCTestCase {
    /// Every file under `folder`, by relative path.
    private func files(_ folder: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)!
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder)
            if exists, !isFolder.boolValue { out[relative] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + relative)) }
        }
        return out
    }

    func testReplayAndReconstitutionFromThePanelMatchTheCSV() throws {
        let folder = try TestPaths.temporaryFolder()
        let csv = folder + "/market.csv", panel = folder + "/market.recon"
        _ = try SyntheticMarket.write(to: csv, configuration: .init(firstYear: 1995, lastYear: 2008, firms: 4_000, seed: 3))
        let imported = CommandRun(["import", csv, "--out", panel])
        XCTAssertEqual(imported.status, 0, imported.error)
        XCTAssertTrue(imported.out.hasPrefix("wrote \(panel): "), imported.out)

        for (name, source) in [("csv", csv), ("panel", panel)] {
            let replay = CommandRun(["replay", "--from", "1996", "--to", "2008", "--panel", source, "--out", "\(folder)/replay-\(name)",
                                     "--variant", "band=0"])
            XCTAssertEqual(replay.status, 0, replay.error)
            let run = CommandRun(["reconstitute", "--year", "2008", "--universe", source, "--out", "\(folder)/run-\(name)"])
            XCTAssertEqual(run.status, 0, run.error)
        }
        for kind in ["replay", "run"] {
            let fromCSV = try files("\(folder)/\(kind)-csv"), fromPanel = try files("\(folder)/\(kind)-panel")
            XCTAssertEqual(fromCSV.keys.sorted(), fromPanel.keys.sorted())
            XCTAssertGreaterThan(fromCSV.count, 4)
            for (path, bytes) in fromCSV {
                // The input a run names is the file given; origins (`FILE:LINE`) name the CSV's lines either way.
                var expected = String(decoding: bytes, as: UTF8.self)
                if path.hasSuffix("summary.json") {
                    for key in ["universe", "panel"] {
                        expected = expected.replacingOccurrences(of: "\"\(key)\": \"\(csv)\"", with: "\"\(key)\": \"\(panel)\"")
                    }
                    // The input that priced the lines is named by its file name.
                    expected = expected.replacingOccurrences(of: "\"source\": \"\(FilePaths.fileName(of: csv))\"",
                                                             with: "\"source\": \"\(FilePaths.fileName(of: panel))\"")
                    // So is the panel in the banded runs' warning that its history starts after 1979.
                    expected = expected.replacingOccurrences(of: "earlier than \(FilePaths.fileName(of: csv)) ",
                                                             with: "earlier than \(FilePaths.fileName(of: panel)) ")
                }
                XCTAssertEqual(String(decoding: fromPanel[path]!, as: UTF8.self), expected, "\(kind)/\(path)")
            }
        }
        XCTAssertEqual(try files("\(folder)/replay-csv")["history.csv"], try files("\(folder)/replay-panel")["history.csv"])
    }

    func testBadPanelFilesAreRefusedWithWhatToType() throws {
        let h = try BadInputHarness()
        let csv = h.folder + "/market.csv", panel = h.folder + "/market.recon"
        _ = try SyntheticMarket.write(to: csv, configuration: .init(firstYear: 2018, lastYear: 2020, firms: 300, seed: 3))
        XCTAssertEqual(CommandRun(["import", csv, "--out", panel]).status, 0)
        let good = Array(try Data(contentsOf: URL(fileURLWithPath: panel)))
        let truncated = try h.write(bytes: Array(good.prefix(1000)), "truncated.recon")
        h.assertRefused(CommandRun(["replay", "--from", "2020", "--to", "2020", "--panel", truncated, "--out", h.out]), status: 1,
                        error: "\(truncated): has 1000 bytes, its header says \(good.count): the file was cut short or added to",
                        help: "import the CSV again: recon import CRSP.csv --out \(truncated)")
        var older = good
        older[8] = 0
        let olderPath = try h.write(bytes: older, "older.recon")
        h.assertRefused(h.reconstitute(olderPath), status: 1,
                        error: "\(olderPath): is a recon panel of format version 0, expected version \(PanelFile.version), the one this recon reads",
                        help: "import the CSV again with this recon: recon import CRSP.csv --out \(olderPath)")
        var damaged = good
        damaged[good.count - 10] ^= 0x10
        let damagedPath = try h.write(bytes: damaged, "damaged.recon")
        let run = CommandRun(["replay", "--from", "2020", "--to", "2020", "--panel", damagedPath, "--out", h.out])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.error.contains("\(damagedPath): is damaged: its section "), run.error)
        h.assertNothingWritten()
        // Importing a panel, or into a folder that does not exist (said before the CSV is read), or
        // onto a folder.
        h.assertRefused(CommandRun(["import", panel, "--out", h.folder + "/x.recon"]), status: 1,
                        error: "\(panel): is already a recon panel file, expected a CRSP CSV to import",
                        help: "give the panel to recon replay --panel \(panel) as it is")
        h.assertRefused(CommandRun(["import", csv, "--out", h.folder + "/no/such/folder/x.recon"]), status: 1,
                        error: "\(h.folder)/no/such/folder/x.recon: cannot be written: its folder \(h.folder)/no/such/folder does not exist",
                        help: "create the folder first, or write the file elsewhere")
        try FileManager.default.createDirectory(atPath: h.folder + "/folder.recon", withIntermediateDirectories: false)
        h.assertRefused(CommandRun(["import", csv, "--out", h.folder + "/folder.recon"]), status: 1,
                        error: "\(h.folder)/folder.recon: is a folder, expected the name of a file to write",
                        help: "give a file name, for example --out \(h.folder)/folder.recon/panel.recon")
        XCTAssertFalse(FileManager.default.fileExists(atPath: h.folder + "/x.recon"))
        XCTAssertEqual(BadInputHarness.files(in: h.folder).filter { $0.contains(".recon-lock") || $0.contains(".tmp-") }, [])
    }
}
