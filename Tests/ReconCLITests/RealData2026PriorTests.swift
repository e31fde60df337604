import Foundation
import XCTest
@testable import ReconCLI
import ReconFormats

/// The June 2026 prediction's prior on real files: the only Russell 3000 holdings are from
/// September 2025 (IWV_2025-09-16, saved without iShares' preamble), the Russell 2000 holdings
/// from November 2025, January and May 2026. Counted from membership.csv's `prior_index`.
final class RealData2026PriorTests: XCTestCase {
    private func priorCounts(_ priors: [String]) throws
        -> (r1000: Int, r2000: Int, deletions: Int, companies: [String: Int], warnings: String, summary: String,
            migration: String) {
        let data = try TestPaths.realData()
        let out = try TestPaths.temporaryFolder()
        let run = CommandRun(["reconstitute", "--year", "2026", "--universe", data + "/2026/nasdaq_screener_2026-06-11.csv"]
                             + priors.flatMap { ["--prior", data + "/" + $0] } + ["--out", out])
        XCTAssertEqual(run.status, 0, run.error)
        let lines = try MembershipFile.read(path: out + "/membership.csv").lines
        var companies: [String: Int] = [:]
        for tier in ["R1000", "R2000"] {
            companies[tier] = Set(lines.filter { $0.index.rawValue == tier }.map(\.companyKey)).count
        }
        return (lines.filter { $0.priorIndex == .r1000 }.count, lines.filter { $0.priorIndex == .r2000 }.count,
                lines.filter { $0.change == "deletion" }.count, companies, run.error, run.out,
                try String(contentsOfFile: out + "/migration.csv", encoding: .utf8))
    }

    /// IWV's September members that left the Russell 2000 by May read as Russell 1000 with the May
    /// IWM alone (the Russell 1000 has about 1,020 lines); the November and January IWM files mark
    /// them as gone. Measured: 1,102 prior Russell 1000 lines and 249 deletions, then 1,025 and 174;
    /// the new indexes are the same size either way (1,009 and 1,993 companies), as the README says.
    func testEarlierRussell2000FilesMarkTheMembersThatLeft() throws {
        let latest = ["2026/IWM_2026-05-05.csv", "2025/IWV_2025-09-16.csv"]
        let before = try priorCounts(latest)
        let after = try priorCounts(latest + ["2025/IWM_2025-11-05.csv", "2026/IWM_2026-01-21.csv"])
        XCTAssertEqual(after.r2000, before.r2000, "the May file alone gives the Russell 2000")
        XCTAssertGreaterThanOrEqual(before.r1000 - after.r1000, 70)
        XCTAssertLessThanOrEqual(after.r1000, 1_040)
        XCTAssertEqual(before.deletions - after.deletions, before.r1000 - after.r1000 - 2,
                       "each line no longer read as Russell 1000 was a deletion, but for two now additions")
        XCTAssertEqual(after.companies, before.companies)
        // The README's prediction, with all four files.
        XCTAssertEqual(after.companies, ["R1000": 1_009, "R2000": 1_993])
        XCTAssertTrue(after.summary.contains("changes      258 additions, 171 deletions (58 not in the universe), 45 up, 32 down"), after.summary)
        XCTAssertTrue(after.summary.contains("breakpoints  #1000 $5.7B, #3000 $155.4M"), after.summary)
        // The 45 moving up are 17.5% of the prior Russell 2000 at June caps (the README's figure).
        XCTAssertTrue(after.migration.contains("\nupward,45,45,0.1748"), after.migration)
        // The September IWV is more than a month older than every IWM file either way: said both times.
        for warnings in [before.warnings, after.warnings] {
            XCTAssertTrue(warnings.contains("IWV_2025-09-16.csv holds the Russell 3000 as of 2025-09-16, before every Russell 2000 file"), warnings)
        }
        // Reverse splits since the older files (agilon health, Traeger, …): their prices and floats
        // are not taken from them; the May file counts every line's shares as the June screener does.
        XCTAssertTrue(after.warnings.contains("IWM_2026-01-21.csv holds 8 lines at more than twice the float a fund can hold"), after.warnings)
        XCTAssertTrue(after.warnings.contains("AGL, ASST, BARK, COOK"), after.warnings)
        XCTAssertFalse(after.warnings.contains("IWM_2026-05-05.csv holds"), after.warnings)
        XCTAssertTrue(after.warnings.contains("IWM_2026-01-21.csv holds the Russell 2000 as of 2026-01-21, before IWM_2026-05-05.csv "
                                              + "(2026-05-05): the prior Russell 2000 is the later file's; 52 lines only the earlier one holds"),
                      after.warnings)
    }
}
