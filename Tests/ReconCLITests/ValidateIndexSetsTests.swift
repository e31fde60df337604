import Foundation
import XCTest
@testable import ReconCLI

/// `recon validate` on the index sets: a plain list of tickers is scored like a holdings file
/// (without weights), and `--r3000` is the Russell 1000 and 2000 lines together, with no weight
/// overlap (a membership line's weight is within its own index).
final class ValidateIndexSetsTests: XCTestCase {
    /// Two Russell 1000 lines, two Russell 2000 lines, a Microcap-only line and an excluded one.
    private let membership = """
        symbol,company,total_market_cap,index,prior_index,change,reason,microcap
        AAA,A Corp,9000000000,R1000,R1000,stay,rank,false
        BBB,B Corp,8000000000,R1000,R2000,upward,rank,false
        CCC,C Corp,900000000,R2000,R2000,stay,rank,false
        DDD,D Corp,800000000,R2000,none,addition,rank,false
        EEE,E Corp,90000000,none,none,none,rank,true
        FFF,F Corp,,none,R2000,deletion,price_below_minimum,false

        """

    /// A one-column list was refused for --r2000 and --r1000 ("match none of the known formats",
    /// with a help line naming a --format option validate does not have): only iShares files
    /// were read for the index sets, though the help says any list of tickers is.
    func testAPlainListOfTickersScoresAnIndex() throws {
        let h = try BadInputHarness()
        let path = try h.write(membership, "membership.csv")
        let truth = try h.write("symbol\nCCC\nFFF\n", "r2000.csv")
        let run = CommandRun(["validate", "--quiet", "--membership", path, "--r2000", truth, "--r1000", truth, "--out", h.out])
        XCTAssertEqual(run.status, 0, run.error)
        let scores = try String(contentsOfFile: h.out + "/validation-scores.csv", encoding: .utf8)
        // Russell 2000: CCC, DDD predicted, CCC, FFF true: 1 hit. Russell 1000: AAA, BBB predicted, no hit.
        XCTAssertEqual(scores, "set,precision,recall,f1,hits,false_hits,misses,weight_overlap\n"
                       + "r2000,0.5000,0.5000,0.5000,1,1,1,\nr1000,0.0000,0.0000,0.0000,0,2,2,\n")
    }

    func testTheRussell3000IsTheRussell1000And2000Lines() throws {
        let h = try BadInputHarness()
        let path = try h.write(membership, "membership.csv")
        // Truth: AAA, BBB, CCC and a name the run left out (EEE); DDD is predicted and not in it.
        let truth = try h.write("symbol\nAAA\nBBB\nCCC\nEEE\n", "ru3000_membership.csv")
        let run = CommandRun(["validate", "--quiet", "--membership", path, "--r3000", truth, "--out", h.out])
        XCTAssertEqual(run.status, 0, run.error)
        let scores = try String(contentsOfFile: h.out + "/validation-scores.csv", encoding: .utf8)
        // Precision 3/4, recall 3/4, F1 0.75; no weight overlap.
        XCTAssertEqual(scores, "set,precision,recall,f1,hits,false_hits,misses,weight_overlap\nr3000,0.7500,0.7500,0.7500,3,1,1,\n")
        let findings = try String(contentsOfFile: h.out + "/validation.csv", encoding: .utf8)
        XCTAssertTrue(findings.contains("\nr3000,miss,EEE,"), findings)
        XCTAssertTrue(findings.contains("\nr3000,false_hit,DDD,"), findings)
    }

    func testAnIWVFileScoresWithoutAWeightOverlapAndIsDatedAgainstTheRun() throws {
        let h = try BadInputHarness()
        let path = try h.write(membership, "membership.csv")
        try h.write(#"{"run": "2025-06", "rank_day": "2025-04-30", "effective_date": "2025-06-27"}"#, "summary.json")
        let iwv = try h.write("iShares Russell 3000 ETF\nFund Holdings as of,\"May 02, 2025\"\n"
                              + BadInputPriorTests.holdings([("AAA", "0.5"), ("BBB", "0.3"), ("CCC", "0.2")]), "IWV_2025-05-02.csv")
        let run = CommandRun(["validate", "--membership", path, "--r3000", iwv, "--out", h.out])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.error.contains("--r3000 IWV_2025-05-02.csv: holdings as of 2025-05-02, not after the 2025-06 run took effect"),
                      run.error)
        let scores = try String(contentsOfFile: h.out + "/validation-scores.csv", encoding: .utf8)
        XCTAssertTrue(scores.hasSuffix("\nr3000,0.7500,1.0000,0.8571,3,1,0,\n"), scores)
    }
}
