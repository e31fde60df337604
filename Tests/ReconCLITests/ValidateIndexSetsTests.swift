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
        XCTAssertEqual(scores, "set,precision,recall,f1,hits,false_hits,misses,weight_overlap,left_out,matched_by_name\n"
                       + "r2000,0.5000,0.5000,0.5000,1,1,1,,0,0\nr1000,0.0000,0.0000,0.0000,0,2,2,,0,0\n")
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
        XCTAssertEqual(scores, "set,precision,recall,f1,hits,false_hits,misses,weight_overlap,left_out,matched_by_name\nr3000,0.7500,0.7500,0.7500,3,1,1,,0,0\n")
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
        XCTAssertTrue(scores.hasSuffix("\nr3000,0.7500,1.0000,0.8571,3,1,0,,0,0\n"), scores)
    }

    // MARK: - Later additions

    /// Holdings dated after a quarter's IPO additions hold them, which no June run can name: the
    /// list of those additions takes them out of the holdings scored (XXX, a miss without it) and
    /// out of the weights; a line the run predicted and FTSE Russell added later (DDD) is still a
    /// false hit, in its own category. The additions set, June's own list, is scored as before.
    func testLaterAdditionsLeaveTheHoldingsScored() throws {
        let h = try BadInputHarness()
        let path = try h.write("""
            symbol,company,total_market_cap,index,prior_index,change,reason,microcap,weight
            AAA,A Corp,9000000000,R1000,R1000,stay,rank,false,1
            CCC,C Corp,900000000,R2000,R2000,stay,rank,false,0.6
            DDD,D Corp,800000000,R2000,none,addition,rank,false,0.4

            """, "membership.csv")
        let iwm = try h.write("iShares Russell 2000 ETF\nFund Holdings as of,\"Nov 05, 2025\"\n"
                              + BadInputPriorTests.holdings([("CCC", "0.5"), ("DDD", "0.25"), ("XXX", "0.25")]), "IWM_2025-11-05.csv")
        let additions = try h.write("symbol\nDDD\n", "ru3000_2025_final_additions.csv")
        let later = try h.write("symbol,company\nxxx,X Corp\nDDD,D Corp\n", "ru3000_2025_q3_ipo_additions.csv")
        let without = CommandRun(["validate", "--quiet", "--membership", path, "--r2000", iwm, "--out", h.out + "-without"])
        XCTAssertEqual(without.status, 0, without.error)
        // Predicted CCC, DDD; held CCC, DDD, XXX: 2 hits, 1 miss. Weights 0.6/0.4 against the holdings' equal
        // market values, 1/3 each: 1 − ½(0.6 − 1/3 + 0.4 − 1/3 + 1/3) = 2/3.
        let scoresWithout = try String(contentsOfFile: h.out + "-without/validation-scores.csv", encoding: .utf8)
        XCTAssertTrue(scoresWithout.hasSuffix("\nr2000,1.0000,0.6667,0.8000,2,0,1,0.6667,0,0\n"), scoresWithout)

        let run = CommandRun(["validate", "--membership", path, "--r2000", iwm, "--additions", additions,
                              "--later-additions", later, "--out", h.out])
        XCTAssertEqual(run.status, 0, run.error)
        // Russell 2000: held CCC alone (DDD and XXX were added later): 1 hit, DDD a false hit, no miss.
        // Weights 0.6/0.4 against CCC's 1: 1 − ½(0.4 + 0.4) = 0.6. Additions: DDD predicted and published, 1 hit.
        let scores = try String(contentsOfFile: h.out + "/validation-scores.csv", encoding: .utf8)
        XCTAssertEqual(scores, "set,precision,recall,f1,hits,false_hits,misses,weight_overlap,left_out,matched_by_name\n"
                       + "additions,1.0000,1.0000,1.0000,1,0,0,,0,0\nr2000,0.5000,1.0000,0.6667,1,1,0,0.6000,2,0\n")
        let findings = try String(contentsOfFile: h.out + "/validation.csv", encoding: .utf8)
        XCTAssertTrue(findings.contains(
            "\nr2000,false_hit,DDD,added_after_run,,R2000,none,\"in ru3000_2025_q3_ipo_additions.csv: added after the run took effect, not by it\"\n"),
            findings)
        XCTAssertTrue(findings.contains("\nr2000,left_out,XXX,added_after_run,,,,\"in ru3000_2025_q3_ipo_additions.csv: "
                                        + "added after the run took effect, so left out of the holdings scored\"\n"), findings)
        XCTAssertFalse(findings.contains("\nadditions,"), "DDD is a hit of the additions set: \(findings)")
        XCTAssertTrue(findings.contains("\nr2000,left_out,DDD,added_after_run,,R2000,none,"), findings)
        XCTAssertTrue(run.out.contains("r2000: 2 tickers added after the run left out of the holdings scored"), run.out)
    }

    // MARK: - Ticker changes since the run

    /// A company whose ticker changed between the run and the holdings (KIND, held as NXDR) is a
    /// hit, found by its name and listed; a second class of a predicted company (GGGB) and a
    /// company renamed as well (OLD, held as NUW) stay a miss and a false hit.
    func testATickerChangedSinceTheRunIsAHitFoundByName() throws {
        let h = try BadInputHarness()
        let path = try h.write("""
            symbol,company,total_market_cap,index,prior_index,change,reason,microcap,weight
            CCC,C Corp,900000000,R2000,R2000,stay,rank,false,0.4
            KIND,Nextdoor Holdings Inc. Class A Common Stock,800000000,R2000,R2000,stay,rank,false,0.3
            GGG,Greif Inc. Class A Common Stock,700000000,R2000,R2000,stay,rank,false,0.2
            OLD,Old Name Inc.,600000000,R2000,R2000,stay,rank,false,0.1

            """, "membership.csv")
        let rows = [("CCC", "C CORP", "4,000.00"), ("NXDR", "NEXTDOOR HOLDINGS INC CLASS A", "3,000.00"),
                    ("GGG", "GREIF INC CLASS A", "1,000.00"), ("GGGB", "GREIF INC CLASS B", "1,000.00"), ("NUW", "NEW NAME INC", "1,000.00")]
        let iwm = try h.write("iShares Russell 2000 ETF\nFund Holdings as of,\"Nov 05, 2025\"\n"
                              + ([BadInputPriorTests.holdingsHeader] + rows.map { "\"\($0.0)\",\"\($0.1)\",\"Tech\",\"Equity\",\"\($0.2)\",\"0.1\",\"10.00\",\"NASDAQ\"" })
                                .joined(separator: "\n") + "\n", "IWM_2025-11-05.csv")
        let run = CommandRun(["validate", "--membership", path, "--r2000", iwm, "--out", h.out])
        XCTAssertEqual(run.status, 0, run.error)
        // Predicted CCC, KIND, GGG, OLD; held CCC, NXDR (= KIND), GGG, GGGB, NUW: 3 hits, 1 false hit, 2 misses.
        // Weights 0.4/0.3/0.2/0.1 against 0.4/0.3/0.1/0.1/0.1: 1 − ½(0.1 + 0.1 + 0.1 + 0.1) = 0.8.
        let scores = try String(contentsOfFile: h.out + "/validation-scores.csv", encoding: .utf8)
        XCTAssertTrue(scores.hasSuffix("\nr2000,0.7500,0.6000,0.6667,3,1,2,0.8000,0,1\n"), scores)
        let findings = try String(contentsOfFile: h.out + "/validation.csv", encoding: .utf8)
        XCTAssertTrue(findings.contains("\nr2000,matched_by_name,KIND,ticker_changed,,R2000,R2000,\"held as NXDR (NEXTDOOR HOLDINGS INC CLASS A): "
                                        + "the same company by name, its ticker changed after the run; scored as a hit\"\n"), findings)
        XCTAssertTrue(findings.contains("\nr2000,miss,GGGB,"), findings)
        XCTAssertTrue(findings.contains("\nr2000,miss,NUW,"), findings)
        XCTAssertTrue(findings.contains("\nr2000,false_hit,OLD,"), findings)
        XCTAssertTrue(run.out.contains("r2000: 1 hits matched by company name, their tickers changed after the run"), run.out)
    }

    func testALaterAdditionsFileWithoutATickerColumnIsRefused() throws {
        let h = try BadInputHarness()
        let path = try h.write(membership, "membership.csv")
        let truth = try h.write("symbol\nCCC\n", "r2000.csv")
        let later = try h.write("company\nX Corp\n", "later.csv")
        let run = CommandRun(["validate", "--quiet", "--membership", path, "--r2000", truth, "--later-additions", later, "--out", h.out])
        XCTAssertEqual(run.status, 1, run.error)
        XCTAssertTrue(run.error.contains("later.csv"), run.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: h.out + "/validation-scores.csv"))
    }

    /// Holdings given as the later additions would take every member out of the score.
    func testHoldingsGivenAsLaterAdditionsAreRefused() throws {
        let h = try BadInputHarness()
        let path = try h.write(membership, "membership.csv")
        let iwm = try h.write(BadInputPriorTests.holdings([("CCC", "0.5")]), "IWM_2025-11-05.csv")
        let run = CommandRun(["validate", "--quiet", "--membership", path, "--r2000", iwm, "--later-additions", iwm, "--out", h.out])
        XCTAssertEqual(run.status, 1, run.error)
        XCTAssertTrue(run.error.contains("recon: error: \(iwm): is a fund's holdings (it has an Asset Class column), expected a list of the "
                                         + "additions published after the run"), run.error)
        XCTAssertTrue(run.error.contains("help: give the holdings with --r2000, --r1000 or --r3000, and the additions list with --later-additions"),
                      run.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: h.out + "/validation-scores.csv"))
    }

    /// Holdings from after the quarter that follows the run hold its IPO additions: without their
    /// list, validate says so; with it, or with holdings from within the quarter, it does not.
    func testHoldingsAfterTheQuarterAskForTheLaterAdditions() throws {
        let h = try BadInputHarness()
        let path = try h.write(membership, "membership.csv")
        try h.write(#"{"run": "2025-06", "rank_day": "2025-04-30", "effective_date": "2025-06-27"}"#, "summary.json")
        func warned(_ date: String, _ extra: [String] = []) throws -> Bool {
            let iwm = try h.write("iShares Russell 2000 ETF\nFund Holdings as of,\"\(date)\"\n"
                                  + BadInputPriorTests.holdings([("CCC", "0.5")]), "IWM.csv")
            let run = CommandRun(["validate", "--membership", path, "--r2000", iwm, "--out", h.out] + extra)
            XCTAssertEqual(run.status, 0, run.error)
            return run.error.contains("after the quarterly IPO additions that followed the 2025-06 run (by 2025-09-30)")
        }
        XCTAssertTrue(try warned("Oct 01, 2025"))
        XCTAssertFalse(try warned("Sep 30, 2025"))
        let later = try h.write("symbol\nXXX\n", "later.csv")
        XCTAssertFalse(try warned("Nov 05, 2025", ["--later-additions", later]))
    }

    /// A listing from after the holdings names the false hits of an index set it no longer lists
    /// (`not_listed_later`), whatever they would be otherwise, without changing the score; the
    /// additions and deletions sets, dated at the run, keep their categories; a listing dated on or
    /// before the run took effect is said to show no deletion since.
    func testALaterListingNamesTheFalseHitsDelistedSince() throws {
        let h = try BadInputHarness()
        let path = try h.write(membership, "membership.csv")
        try h.write(#"{"run": "2025-06", "rank_day": "2025-04-30", "effective_date": "2025-06-27"}"#, "summary.json")
        // The holdings lack AAA, BBB (Russell 1000 lines) and DDD; the listing lacks DDD and BBB.
        let r2000 = try h.write("symbol\nCCC\n", "r2000.csv")
        let additions = try h.write("symbol\nBBB\n", "additions.csv")
        let listing = try h.write("Symbol,Name\nAAA,A Corp\nCCC,C Corp\nDDD^,D Corp Preferred\nEEE,E Corp\n",
                                  "nasdaq_screener_2026-06-11.csv")
        func validate(_ extra: [String]) throws -> (findings: String, scores: String, error: String) {
            let run = CommandRun(["validate", "--membership", path, "--r2000", r2000, "--r1000", r2000, "--additions", additions,
                                  "--out", h.out] + extra)
            XCTAssertEqual(run.status, 0, run.error)
            return (try String(contentsOfFile: h.out + "/validation.csv", encoding: .utf8),
                    try String(contentsOfFile: h.out + "/validation-scores.csv", encoding: .utf8), run.error)
        }
        let without = try validate([])
        let with = try validate(["--later-listing", listing])
        XCTAssertEqual(with.scores, without.scores)
        // DDD^ is a preferred's spelling: it does not list DDD.
        XCTAssertTrue(with.findings.contains("\nr2000,false_hit,DDD,not_listed_later,,R2000,none,\"not in "
                                             + "nasdaq_screener_2026-06-11.csv: delisted, taken over or renamed after the run"), with.findings)
        XCTAssertTrue(with.findings.contains("\nr1000,false_hit,AAA,other,"), with.findings)
        XCTAssertTrue(with.findings.contains("\nr1000,false_hit,BBB,not_listed_later,"), with.findings)
        // The additions are dated at the run: DDD stays a false addition of its own category.
        XCTAssertTrue(with.findings.contains("\nadditions,false_hit,DDD,other,"), with.findings)
        XCTAssertFalse(with.error.contains("--later-listing"), with.error)
        let additionsOnly = CommandRun(["validate", "--membership", path, "--additions", additions, "--later-listing", listing,
                                        "--out", h.out])
        XCTAssertEqual(additionsOnly.status, 0, additionsOnly.error)
        XCTAssertTrue(additionsOnly.error.contains("--later-listing explains the false hits of index holdings, and none was given"),
                      additionsOnly.error)
        let early = try h.write("Symbol\nAAA\n", "nasdaq_screener_2025-05-23.csv")
        XCTAssertTrue(try validate(["--later-listing", early]).error.contains(
            "--later-listing nasdaq_screener_2025-05-23.csv: dated 2025-05-23 by its name, not after the 2025-06 run took effect "
            + "(2025-06-27): it cannot show the companies delisted since"))
    }

    /// Holdings given as the later listing would call every company outside the index delisted.
    func testHoldingsGivenAsTheLaterListingAreRefused() throws {
        let h = try BadInputHarness()
        let path = try h.write(membership, "membership.csv")
        let iwm = try h.write(BadInputPriorTests.holdings([("CCC", "0.5")]), "IWM_2025-11-05.csv")
        let run = CommandRun(["validate", "--quiet", "--membership", path, "--r2000", iwm, "--later-listing", iwm, "--out", h.out])
        XCTAssertEqual(run.status, 1, run.error)
        XCTAssertTrue(run.error.contains("recon: error: \(iwm): is a fund's holdings (it has an Asset Class column), expected a listing"),
                      run.error)
        XCTAssertTrue(run.error.contains("help: give the holdings with --r2000, --r1000 or --r3000, and a later screener export with "
                                         + "--later-listing"), run.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: h.out + "/validation-scores.csv"))
    }
}
