import Foundation
import XCTest
@testable import ReconCLI

/// Two runs of the same input write byte-identical files: `recon validate`, a replay over a CRSP
/// panel, and the June 2025 real-data case (skipped without `../shared/data`). The small
/// reconstitute case is in CommandLineTests.
final class BadInputDeterminismTests: XCTestCase {
    /// Runs `arguments` with `--out` set to `out0` then `out1` under `folder`; returns both outputs.
    private func twice(_ arguments: [String], in folder: String, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Data]] {
        try (0..<2).map { attempt in
            let out = folder + "/out\(attempt)"
            let run = CommandRun(arguments + ["--out", out])
            XCTAssertEqual(run.status, 0, run.error, file: file, line: line)
            return try BadInputHarness.contents(of: out)
        }
    }

    func testValidateTwiceWritesTheSameBytes() throws {
        let h = try BadInputHarness()
        let universe = try h.write(BadInputHarness.screener(count: 40), "universe.csv")
        let prior = try h.write("symbol,name,index\nS40,Company 40,R2000\nS2,Company 2,R1000\nS3,Company 3,R2000\n", "prior.csv")
        let run = CommandRun(["reconstitute", "--quiet", "--year", "2025", "--universe", universe, "--prior", prior, "--out", h.folder + "/run"])
        XCTAssertEqual(run.status, 0, run.error)
        let additions = try h.write("symbol,company\nS1,C1\nS5,C5\nZZZ,Missing\n", "additions.csv")
        let deletions = try h.write("symbol\nS3\n", "deletions.csv")
        let r2000 = try h.write(BadInputPriorTests.holdings((1...38).map { ("S\($0)", "0.1") }), "IWM_after.csv")
        let outputs = try twice(["validate", "--quiet", "--membership", h.folder + "/run/membership.csv", "--additions", additions,
                                 "--deletions", deletions, "--r2000", r2000], in: h.folder)
        XCTAssertEqual(outputs[0].keys.sorted(), ["validation-categories.csv", "validation-scores.csv", "validation.csv"])
        XCTAssertEqual(outputs[0], outputs[1])
        let scores = String(decoding: outputs[0]["validation-scores.csv"]!, as: UTF8.self)
        XCTAssertTrue(scores.hasPrefix("set,precision,recall,f1,hits,false_hits,misses,weight_overlap,left_out,matched_by_name\nadditions,"), scores)
    }

    func testReplayTwiceWritesTheSameBytes() throws {
        let h = try BadInputHarness()
        var rows = [BadInputHarness.crspHeader]
        for permno in 10_001...10_060 {
            for year in 2019...2021 {
                for (month, day) in [(1, 31), (2, 28), (3, 31), (4, 30), (5, 31), (6, 30), (7, 31), (8, 31), (9, 30), (10, 31), (11, 30), (12, 31)] {
                    let price = Double(10 + permno % 50) + Double(month) / 10 + Double(year - 2019)
                    rows.append("\(permno),\(permno / 2),\(year)\(month < 10 ? "0" : "")\(month)\(day),11,\(permno % 3 + 1),T\(permno),NAME \(permno),\(price),0.01,\((permno % 40 + 1) * 1_000)")
                }
            }
        }
        let panel = try h.write(rows.joined(separator: "\n") + "\n", "msf.csv")
        let outputs = try twice(["replay", "--quiet", "--from", "2019", "--to", "2021", "--panel", panel, "--variant", "band=0"], in: h.folder)
        XCTAssertTrue(outputs[0].keys.contains("history.csv") && outputs[0].keys.contains("2020-06/membership.csv")
                      && outputs[0].keys.contains("variants.csv"), "\(outputs[0].keys.sorted())")
        XCTAssertEqual(outputs[0], outputs[1])
    }

    func testRealData2025TwiceWritesTheSameBytes() throws {
        let data = try TestPaths.realData()
        let h = try BadInputHarness()
        let outputs = try twice(["reconstitute", "--quiet", "--year", "2025",
                                 "--universe", data + "/2025/nasdaq_screener_2025-05-23.csv",
                                 "--prior", data + "/2025/IWM_2025-05-13.csv", "--prior", data + "/2025/IWV_2025-05-02.csv",
                                 "--forward", data + "/2026/nasdaq_screener_2026-06-11.csv"], in: h.folder)
        XCTAssertEqual(outputs[0].keys.sorted(), ["drag.json", "excluded.csv", "membership.csv", "migration.csv", "summary.json", "turnover.csv"])
        XCTAssertEqual(outputs[0], outputs[1])
    }
}
