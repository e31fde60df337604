import Foundation
import XCTest
@testable import ReconCLI

/// The ticker lists `recon validate` scores against: a short row is an error, and the rows left
/// out on purpose (single-field rows such as an iShares disclaimer, non-equity lines, `-`) are said.
final class BadInputTickerListTests: XCTestCase {
    func testATickerListRowWithTooFewFieldsIsAnErrorAndSingleFieldRowsAreSaid() throws {
        let h = try BadInputHarness()
        let universe = try h.write(BadInputHarness.screener(count: 30), "universe.csv")
        XCTAssertEqual(h.reconstitute(universe, ["--quiet"]).status, 0)
        // A short row was skipped silently before issue 20.
        let short = try h.write("symbol,company,industry\nS1,COMPANY 1,Tech\nS2,COMPANY 2\n", "additions.csv")
        let refused = CommandRun(["validate", "--membership", h.out + "/membership.csv", "--additions", short, "--out", h.folder + "/validate"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.error, "recon: error: \(short):3:3: found 2 fields, expected 3 (one per header column)\n"
                       + "help: quote fields that contain commas, and give every row the header's columns\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: h.folder + "/validate"))

        // An iShares file's disclaimer (one field) was read as a ticker, and counted as a miss.
        let holdings = BadInputPriorTests.holdings([("S1", "0.6"), ("S2", "0.4"), ("-", "0.0")])
            + "\" \"\n\"The content contained herein is owned or licensed by BlackRock.\"\n"
        let truth = try h.write(holdings, "IWM_2025-11-05.csv")
        let run = CommandRun(["validate", "--membership", h.out + "/membership.csv", "--r2000", truth, "--out", h.folder + "/validate"])
        XCTAssertEqual(run.status, 0, run.error)
        // (Dated November by its name, the file is also said to hold the quarter's IPO additions.)
        XCTAssertEqual(run.error, "recon: warning: \(truth): 3 rows dropped (single-field row 2, no ticker 1)\n"
                       + "recon: warning: --r2000 IWM_2025-11-05.csv: holdings as of 2025-11-05, after the quarterly IPO additions that "
                       + "followed the 2025-06 run (by 2025-09-30): each one they hold scores as a miss no run can avoid; give FTSE "
                       + "Russell's lists of the additions since the run with --later-additions FILE\n")
        let findings = try String(contentsOfFile: h.folder + "/validate/validation.csv", encoding: .utf8)
        XCTAssertFalse(findings.uppercased().contains("CONTENT"), findings)
    }

    /// A fund's holdings scored as an index hold what corporate actions left in the fund (a CVR,
    /// a line priced at 0): no run can predict them and no index holds them, so they are left
    /// out and said, as the prior reader leaves them out.
    func testWhatCorporateActionsLeaveInAFundIsNotScored() throws {
        let h = try BadInputHarness()
        let universe = try h.write(BadInputHarness.screener(count: 30), "universe.csv")
        XCTAssertEqual(h.reconstitute(universe, ["--quiet"]).status, 0)
        let members = (1 ... 20).map { "S\($0)" }
        let rows = members.map { "\"\($0)\",\"\($0) INC\",\"Tech\",\"Equity\",\"1,000.00\",\"0.05\",\"10.00\",\"NASDAQ\"" }
            + ["\"AKE\",\"AKERO THERAPEUTICS CVR\",\"Health Care\",\"Equity\",\"1,000.00\",\"0.00\",\"0.66\",\"NASDAQ\"",
               "\"PDLI\",\"PDL BIOPHARMA INC\",\"Health Care\",\"Equity\",\"0.12\",\"0.00\",\"0.00\",\"NASDAQ\""]
        let truth = try h.write(([BadInputPriorTests.holdingsHeader] + rows).joined(separator: "\n") + "\n", "IWM.csv")
        let run = CommandRun(["validate", "--membership", h.out + "/membership.csv", "--r2000", truth, "--out", h.folder + "/validate"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.error.contains("recon: warning: \(truth): 2 rows dropped (not a share 1, not traded 1)\n"), run.error)
        let findings = try String(contentsOfFile: h.folder + "/validate/validation.csv", encoding: .utf8)
        XCTAssertFalse(findings.contains(",AKE,"), findings)
        XCTAssertFalse(findings.contains(",PDLI,"), findings)
    }
}
