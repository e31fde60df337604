import Foundation
import XCTest
@testable import ReconCLI

/// Bad company-facts files given with `--facts`: each is refused with the file, line, column, what
/// was found and what was expected, a `help:` line, exit status 1 and nothing written. Float
/// shares above the universe's own shares outstanding are a warning instead (the two counts come
/// from different sources and dates): the float is taken as 100% and said.
final class BadInputFactsTests: XCTestCase {
    /// A screener of `S1…S30` ($11…$40, caps $50M…$1,500M) to run the facts against.
    private func universe(_ h: BadInputHarness) throws -> String {
        try h.write(BadInputHarness.screener(count: 30), "universe.csv")
    }

    private func refuse(_ facts: String, _ error: (String) -> String, help: String?, name: String = "facts.csv",
                        file: StaticString = #filePath, line: UInt = #line) throws {
        let h = try BadInputHarness()
        let path = try h.write(facts, name)
        h.assertRefused(h.reconstitute(try universe(h), ["--facts", path]), status: 1, error: error(path), help: help, file: file, line: line)
    }

    func testEmptyFileAndHeaderOnly() throws {
        try refuse("", { "\($0):1: is empty, expected a company-facts CSV file starting with its header row" },
                   help: "check the file was exported completely (see docs/formats.md for the columns)")
        try refuse("\n\n", { "\($0):1: is empty, expected a company-facts CSV file starting with its header row" }, help: nil)
        try refuse("ticker,float_factor\n", { "\($0):1: has a company-facts header but no data rows, expected at least one row after it" },
                   help: "check the file was exported completely")
    }

    func testMissingKeyColumn() throws {
        try refuse("gvkey,float_factor\n012141,0.5\n",
                   { "\($0):1: missing a key column, expected one of 'permno', 'permco' or 'ticker'; found columns: gvkey, float_factor" },
                   help: "add a column naming each row's security (permno, ticker) or company (permco); see docs/formats.md")
    }

    func testTwoKeyColumns() throws {
        try refuse("permno,float_factor,ticker\n10107,0.5,MSFT\n",
                   { "\($0):1:3: column 'ticker': found a second key column (with 'permno', column 1), expected one key column per file" },
                   help: "drop one of the two: a facts file is keyed by PERMNO, PERMCO or ticker, not several")
    }

    func testFloatFactorOutsideZeroToOne() throws {
        try refuse("ticker,float_factor\nS30,1.5\n",
                   { "\($0):2:2: column 'float_factor': found '1.5', expected a float factor between 0 and 1 (0.85 = 85% of shares available)" },
                   help: "fix the value or leave the field blank")
        try refuse("ticker,float_factor\nS30,-0.1\n",
                   { "\($0):2:2: column 'float_factor': found '-0.1', expected a float factor between 0 and 1 (0.85 = 85% of shares available)" },
                   help: "fix the value or leave the field blank")
        try refuse("ticker,float_factor,float_shares\nS30,0.5,\n",
                   { "\($0):1:3: column 'float_shares': found both 'float_factor' and 'float_shares' (columns 2 and 3), expected one or the other" },
                   help: "keep float_factor (a fraction of shares) or float_shares (a share count), not both")
    }

    func testFloatSharesAboveTheFilesSharesOutstandingAreAnError() throws {
        try refuse("ticker,float_shares,shares_outstanding\nS30,\"1,200,000\",1000000\n",
                   { "\($0):2:2: column 'float_shares': found '1,200,000' float shares, above the '1000000' shares outstanding (column 3), expected at most the shares outstanding" },
                   help: "fix one of the two: the float is part of the shares outstanding")
    }

    func testFloatSharesAboveTheUniversesSharesAreAWarningAndAFullFloat() throws {
        // S30: $1,500M at $40 is 37.5M shares; 40M float shares are more.
        let h = try BadInputHarness()
        let facts = try h.write("ticker,float_shares\nS30,40000000\n", "facts.csv")
        let run = h.reconstitute(try universe(h), ["--facts", facts, "--quiet"])
        XCTAssertEqual(run.status, 0, run.error)
        let warning = "\(facts): 1 float_shares above the shares outstanding at 2025-04-30, float taken as 100%: line 2 (S30: 40000000 float shares, 37500000 shares)"
        XCTAssertTrue(run.error.contains("recon: warning: " + warning), run.error)
        let summary = try String(contentsOfFile: h.out + "/summary.json", encoding: .utf8)
        XCTAssertTrue(summary.contains("\"float_above_shares\": 1"), summary)
        XCTAssertTrue(summary.contains(warning), summary)
        let membership = try String(contentsOfFile: h.out + "/membership.csv", encoding: .utf8)
        XCTAssertTrue(membership.contains(",float_shares,rank,S30\n"), "weighted on a float of 100%")
    }

    func testBadDatesAndEndBeforeStart() throws {
        try refuse("ticker,start,end,float_factor\nS30,2024-02-30,,0.5\n",
                   { "\($0):2:2: column 'start': found '2024-02-30', expected a date as YYYY-MM-DD or YYYYMMDD, or blank when open" },
                   help: "fix the date, or leave it blank for a fact with no start")
        try refuse("ticker,start,end,float_factor\nS30,,31.12.2024,0.5\n",
                   { "\($0):2:3: column 'end': found '31.12.2024', expected a date as YYYY-MM-DD or YYYYMMDD, or blank when open" },
                   help: "fix the date, or leave it blank for a fact with no end")
        try refuse("ticker,start,end,float_factor\nS30,2025-01-01,2024-12-31,0.5\n",
                   { "\($0):2:3: column 'end': found the end 2024-12-31 before the start 2025-01-01, expected an end on or after the start" },
                   help: "fix one of the two dates, or leave the end blank for a fact still in force")
    }

    func testOverlappingDatesNameBothLines() throws {
        try refuse("ticker,start,end,float_factor\nS30,2020-01-01,2024-12-31,0.5\nS29,,,0.4\nS30,2024-06-30,,0.6\n",
                   { "\($0):4:2: column 'start': found ticker S30 from 2024-06-30 to open, overlapping line 2 (2020-01-01 to 2024-12-31), expected one fact per ticker at any date" },
                   help: "end one row before the other starts (lines 2 and 4), or merge them")
    }

    func testUnknownCountryCodeAndACountryName() throws {
        try refuse("ticker,incorporation_country,headquarters_country\nS30,USA,XYZ\n",
                   { "\($0):2:3: column 'headquarters_country': found 'XYZ', expected an ISO 3166-1 alpha-3 country code such as USA or BMU" },
                   help: "write the country's ISO 3166-1 alpha-3 code (Compustat's fic and loc are such codes), or leave the field blank")
        try refuse("ticker,incorporation_country,headquarters_country\nS30,Bermuda,USA\n",
                   { "\($0):2:2: column 'incorporation_country': found 'Bermuda', expected an ISO 3166-1 alpha-3 country code such as USA or BMU" },
                   help: "write BMU for Bermuda")
        try refuse("ticker,incorporation_country,headquarters_country\nS30,BMU,\n",
                   { "\($0):2:3: column 'headquarters_country': found no headquarters country beside incorporation_country BMU, expected one" },
                   help: "give the headquarters country (Compustat's loc): the home-country test falls back on it (M7 §5.4)")
    }

    func testPermnoKeysWithAUniverseThatHasNone() throws {
        let h = try BadInputHarness()
        let universe = try universe(h)
        let facts = try h.write("PERMNO,float_factor\n10107,0.5\n", "facts.csv")
        h.assertRefused(h.reconstitute(universe, ["--facts", facts]), status: 1,
                        error: "\(facts):1:1: column 'PERMNO': found PERMNO keys, expected tickers: the universe \(universe) (nasdaq-screener) carries no PERMNO, so no fact could reach a line",
                        help: "key the facts by ticker (a 'ticker' column), or give a CRSP universe")
    }

    func testRowWithTooManyFieldsAndAMissingFile() throws {
        try refuse("ticker,float_factor\nS30,0.5,extra\n",
                   { "\($0):2:3: found 3 fields, expected 2 (one per header column)" },
                   help: "quote fields that contain commas, and give every row the header's columns")
        let h = try BadInputHarness()
        h.assertRefused(h.reconstitute(try universe(h), ["--facts", h.folder + "/none.csv"]), status: 1,
                        error: "\(h.folder)/none.csv: cannot open the file (No such file or directory)", help: nil)
    }

    func testAReplayRefusesABadFactsFileBeforeItLoadsThePanel() throws {
        let h = try BadInputHarness()
        let facts = try h.write("ticker,voting_fraction\nS30,5%\n", "facts.csv")
        let run = CommandRun(["replay", "--from", "2024", "--to", "2024", "--panel", h.folder + "/no-panel.csv",
                              "--facts", facts, "--out", h.out])
        h.assertRefused(run, status: 1,
                        error: "\(facts):2:2: column 'voting_fraction': found '5%', expected a fraction of votes between 0 and 1 (0.02097 = 65m of 3.1bn votes)",
                        help: "fix the value or leave the field blank")
        let embedded = CommandRun(["reconstitute", "--year", "2024", "--facts", facts, "--out", h.out])
        h.assertRefused(embedded, status: 1,
                        error: "\(facts):2:2: column 'voting_fraction': found '5%', expected a fraction of votes between 0 and 1 (0.02097 = 65m of 3.1bn votes)",
                        help: "fix the value or leave the field blank")
    }
}
