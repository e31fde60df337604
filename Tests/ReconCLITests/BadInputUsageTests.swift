import Foundation
import XCTest
@testable import ReconCLI

/// Bad usage (exit 2): flags that contradict each other, a year outside the calendar, a format
/// name that is not a universe format; and `recon validate` refusing a bad truth file without
/// writing the scores of the good ones (exit 1).
final class BadInputUsageTests: XCTestCase {
    func testFlagsThatContradictEachOther() throws {
        let h = try BadInputHarness()
        let universe = try h.write(BadInputHarness.screener(count: 3), "universe.csv")
        let cases: [([String], String, String)] = [
            (["reconstitute", "--year", "2025", "--prior", "IWM.csv"],
             "--prior needs --universe: the embedded market brings its own prior membership", "add --universe FILE, or drop --prior"),
            (["reconstitute", "--year", "2025", "--forward", universe],
             "--forward needs --universe: without it the run uses the embedded market", "add --universe FILE, or drop --forward"),
            (["reconstitute", "--year", "2025", "--format", "crsp"],
             "--format needs --universe: without it the run uses the embedded market", "add --universe FILE, or drop --format"),
            (["reconstitute", "--year", "2025", "--month", "7", "--universe", universe],
             "--month expects 6 (June) or 12 (December), found '7'", "recon reconstitute --year 2026 --month 12"),
            (["reconstitute", "--year", "2025", "--universe", universe, "--format", "ishares-holdings"],
             "--format expects a universe format, one of nasdaq-screener, native-universe, crsp; found 'ishares-holdings'",
             "drop --format to detect the format from the header, or see docs/formats.md"),
            (["reconstitute", "--year", "2025", "--universe", universe, "--format", "excel"],
             "--format expects a universe format, one of nasdaq-screener, native-universe, crsp; found 'excel'",
             "drop --format to detect the format from the header, or see docs/formats.md"),
            (["replay", "--from", "2020", "--to", "2010"], "--from 2020 is after --to 2010", "recon replay --from 2010 --to 2020"),
            (["generate", "--from", "2020", "--to", "2010", "--out", h.out + "/panel.csv"],
             "--from 2020 is after --to 2010", "recon generate --from 2010 --to 2020 --out FILE"),
            (["reconstitute", "--year", "2025", "--universe", universe, "--variant", "band=9"],
             "--variant: band expects a fraction from 0 to 0.5 (0.025 = ±2.5%), found '9'", "for example: --variant band=0.05 or --variant band=0"),
        ]
        for (arguments, error, help) in cases {
            h.assertRefused(CommandRun(arguments + (arguments.contains("--out") ? [] : ["--out", h.out])), status: 2, error: error, help: help)
        }
    }

    func testYearOutsideTheCalendar() throws {
        let h = try BadInputHarness()
        let universe = try h.write(BadInputHarness.screener(count: 3), "universe.csv")
        for (year, month) in [("1975", "6"), ("2025", "12")] {
            h.assertRefused(CommandRun(["reconstitute", "--year", year, "--month", month, "--universe", universe, "--out", h.out]), status: 2,
                            error: "no reconstitution \(year)-\(month == "6" ? "06" : month) in the calendar; the calendar covers 1979-06 to 2027-12",
                            help: "choose a year from 1979 to 2027")
        }
        h.assertRefused(CommandRun(["reconstitute", "--year", "2101", "--universe", universe, "--out", h.out]), status: 2,
                        error: "--year expects a whole number from 1900 to 2100, found '2101'",
                        help: "--year <YEAR>  Year of the June reconstitution (1979–2027; the embedded market ends in 2026).")
        h.assertRefused(CommandRun(["replay", "--from", "1950", "--to", "2010", "--out", h.out]), status: 2,
                        error: "--from expects a whole number from 1979 to 2027, found '1950'",
                        help: "--from <YEAR>  First June to replay.")
    }

    /// A membership output of a small run, for the validate cases.
    private func membership(_ h: BadInputHarness) throws -> String {
        let universe = try h.write(BadInputHarness.screener(count: 30), "universe.csv")
        let run = CommandRun(["reconstitute", "--quiet", "--year", "2025", "--universe", universe, "--out", h.folder + "/run"])
        XCTAssertEqual(run.status, 0, run.error)
        return h.folder + "/run/membership.csv"
    }

    func testValidateWithNothingToScoreOrABadTruthFileWritesNothing() throws {
        let h = try BadInputHarness()
        let membership = try membership(h)
        h.assertRefused(CommandRun(["validate", "--membership", membership, "--out", h.out]), status: 2,
                        error: "nothing to score: give at least one of --additions, --deletions, --r2000, --r1000, --r3000",
                        help: "recon validate --membership out/2025/membership.csv --additions FILE")
        try FileManager.default.createDirectory(atPath: h.out, withIntermediateDirectories: true)
        let additions = try h.write("symbol,company\nS1,Company 1\n", "additions.csv")
        let deletions = try h.write("company,industry\nCompany 2,Tech\n", "deletions.csv")
        h.assertRefused(CommandRun(["validate", "--membership", membership, "--additions", additions, "--deletions", deletions, "--out", h.out]),
                        status: 1, error: "\(deletions): found no line with a 'symbol' or 'Ticker' column, expected a list of tickers",
                        help: "give a CSV whose header has a symbol column, or an iShares holdings file")
    }

    func testValidateRefusesABadMembershipFile() throws {
        let h = try BadInputHarness()
        let additions = try h.write("symbol\nS1\n", "additions.csv")
        let bad = try h.write("symbol,company,total_market_cap,index,prior_index,change,reason\nS1,C,100,R3000,none,addition,rank\n", "membership.csv")
        h.assertRefused(CommandRun(["validate", "--membership", bad, "--additions", additions, "--out", h.out]), status: 1,
                        error: "\(bad):2:4: column 'index': found 'R3000', expected R1000, R2000 or none",
                        help: "pass the membership.csv that recon reconstitute wrote")
    }
}
