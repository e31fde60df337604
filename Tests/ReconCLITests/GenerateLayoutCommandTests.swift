import Foundation
import XCTest
@testable import ReconCLI

/// `recon generate --layout`: the legacy file by default, the CIZ layout when asked, a usage
/// error for any other layout, and help that says how.
final class GenerateLayoutCommandTests: XCTestCase {
    private func firstLine(_ path: String) throws -> String {
        String(try String(contentsOfFile: path, encoding: .utf8).prefix { $0 != "\n" })
    }

    func testLegacyByDefaultAndCIZWhenAsked() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let legacy = CommandRun(["generate", "--quiet", "--from", "2019", "--to", "2020", "--firms", "200", "--out", folder + "/legacy.csv"])
        XCTAssertEqual(legacy.status, 0, legacy.error)
        XCTAssertTrue(legacy.out.hasSuffix("(synthetic, seed 1)\n"), legacy.out)
        XCTAssertEqual(try firstLine(folder + "/legacy.csv"), "PERMNO,date,SHRCD,EXCHCD,SICCD,TICKER,COMNAM,PERMCO,DLRET,PRC,RET,SHROUT")
        let ciz = CommandRun(["generate", "--quiet", "--layout", "ciz", "--from", "2019", "--to", "2020", "--firms", "200", "--out", folder + "/ciz.csv"])
        XCTAssertEqual(ciz.status, 0, ciz.error)
        XCTAssertTrue(ciz.out.hasSuffix("(synthetic, seed 1, CIZ layout)\n"), ciz.out)
        XCTAssertEqual(try firstLine(folder + "/ciz.csv"), "PERMNO,PrimaryExch,ConditionalType,TradingStatusFlg,USIncFlg,IssuerType,"
                       + "SecurityType,SecuritySubType,ShareType,Ticker,PERMCO,SICCD,IssuerNm,YYYYMM,MthCalDt,MthPrc,MthPrcFlg,MthCap,MthRet,ShrOut")
        // The same rows: one line each, in the same order.
        let count = { (path: String) in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count }
        XCTAssertEqual(try count(folder + "/ciz.csv"), try count(folder + "/legacy.csv"))
    }

    func testAnotherLayoutIsAUsageError() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = CommandRun(["generate", "--layout", "siz", "--out", folder + "/x.csv"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.hasPrefix("recon: error: --layout expects one of legacy, ciz, found 'siz'"), run.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/x.csv"))
    }

    func testHelpShowsTheCIZExample() {
        let help = CommandRun(["help", "generate"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.out.contains("recon generate --layout ciz --out market-ciz.csv"), help.out)
        XCTAssertTrue(help.out.contains("--layout <LAYOUT>"), help.out)
    }
}
