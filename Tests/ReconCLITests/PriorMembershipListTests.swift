import Foundation
import XCTest
@testable import ReconCLI

/// FTSE Russell's membership lists (PDFs of `Company` and `Ticker`, converted to CSV) given as
/// the prior membership with their index: `--prior R2000=FILE`.
final class PriorMembershipListTests: XCTestCase {
    /// Each line's `prior_index` in a run's membership.csv, by symbol.
    private func priorIndexes(_ h: BadInputHarness) throws -> [String: String] {
        let rows = try String(contentsOfFile: h.out + "/membership.csv", encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let column = try XCTUnwrap(rows.first?.firstIndex(of: "prior_index"))
        return Dictionary(uniqueKeysWithValues: rows.dropFirst().map { (String($0[0]), String($0[column])) })
    }

    func testListsGivenWithTheirIndexAreThePriorMembership() throws {
        let h = try BadInputHarness()
        let universe = try h.write(BadInputHarness.screener(count: 30), "universe.csv")
        // As a PDF converts: the header repeated at the top of the next page, a row without a ticker.
        let r2000 = try h.write("Company,Ticker\nCOMPANY 30 INC,S30\nCOMPANY 29 INC,S29\nCompany,Ticker\nCOMPANY 28 INC,S28\nNOTE,\n",
                                "ru2000_membership_2024-06-28.csv")
        let r1000 = try h.write("Company,Ticker\nCOMPANY 1 INC,S1\n", "ru1000_membership_2024-06-28.csv")
        let run = h.reconstitute(universe, ["--prior", "R2000=" + r2000, "--prior", "r1000=" + r1000, "--quiet"])
        XCTAssertEqual(run.status, 0, run.error)
        let prior = try priorIndexes(h)
        XCTAssertEqual([prior["S30"], prior["S29"], prior["S28"], prior["S1"], prior["S5"]], ["R2000", "R2000", "R2000", "R1000", "none"])
        let summary = try String(contentsOfFile: h.out + "/summary.json", encoding: .utf8)
        XCTAssertTrue(summary.contains("\(r2000): 3 tickers read as R2000 (a membership list: no weights or prices)"), summary)
        XCTAssertTrue(summary.contains("\(r1000): 1 ticker read as R1000 (a membership list: no weights or prices)"), summary)
        XCTAssertTrue(summary.contains("\(r2000): 2 rows dropped (header repeated 1, no ticker 1)"), summary)
    }

    func testAListWithoutItsIndexSaysToWriteR2000EqualsFile() throws {
        let h = try BadInputHarness()
        let universe = try h.write(BadInputHarness.screener(count: 30), "universe.csv")
        let list = try h.write("Company,Ticker\nCOMPANY 30 INC,S30\n", "list.csv")
        h.assertRefused(h.reconstitute(universe, ["--prior", list]), status: 2,
                        error: "\(list) is a list of tickers, which does not say which index it holds",
                        help: "--prior R2000=\(list) (or R1000=, R3000=, MICROCAP=)")
        // As a universe a list is no format: a screener export missing its cap column must not read as one.
        h.assertRefused(h.reconstitute(list), status: 1,
                        error: "\(list):1: found the columns 'Company', 'Ticker', which match none of the known formats: "
                            + "nasdaq-screener: Nasdaq stock screener CSV (Symbol, Name, Last Sale, Market Cap, ...); "
                            + "ishares-holdings: iShares fund holdings CSV (Ticker, Name, ..., Asset Class, Market Value, Weight (%), ...); "
                            + "native-universe: recon universe CSV (symbol, market_cap or price and shares_outstanding, ...); "
                            + "native-membership: recon membership CSV (symbol, name, index, ...); "
                            + "membership-list: one index's tickers as --prior R2000=FILE (Ticker or Symbol, Company or Name); "
                            + "crsp: CRSP monthly stock file (PERMNO, date, ... or CIZ: PERMNO, MthCalDt, ...)",
                        help: "pass --format NAME to say which format the file is (NAME one of nasdaq-screener, ishares-holdings, "
                            + "native-universe, native-membership, membership-list, crsp); see docs/formats.md")
    }
}
