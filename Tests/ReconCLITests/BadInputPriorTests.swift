import Foundation
import XCTest
@testable import ReconCLI
import ReconEngine

/// Bad prior-membership files given with `--prior`: an iShares file that names no index, a style
/// fund, a Russell 3000 file alone, holdings without rows or with a negative weight, recon
/// membership files with an unknown index, and files of the wrong kind.
final class BadInputPriorTests: XCTestCase {
    static let holdingsHeader = "Ticker,Name,Sector,Asset Class,Market Value,Weight (%),Price,Exchange"

    /// An iShares holdings file without its preamble: `(ticker, weight %)` rows.
    static func holdings(_ rows: [(String, String)]) -> String {
        ([holdingsHeader] + rows.map { "\"\($0.0)\",\"\($0.0) INC\",\"Tech\",\"Equity\",\"1,000.00\",\"\($0.1)\",\"10.00\",\"NASDAQ\"" })
            .joined(separator: "\n") + "\n"
    }

    /// A universe the prior tests can run against.
    private func universe(_ h: BadInputHarness) throws -> String {
        try h.write(BadInputHarness.screener(count: 30), "universe.csv")
    }

    func testHoldingsFileThatNamesNoIndexSaysToWriteR2000EqualsFile() throws {
        let h = try BadInputHarness()
        let universe = try universe(h)
        let prior = try h.write(Self.holdings([("S30", "0.64"), ("S29", "0.5")]), "holdings.csv")
        h.assertRefused(h.reconstitute(universe, ["--prior", prior]), status: 1,
                        error: "\(prior):1: cannot tell which Russell index this holdings file stands for: the file has no preamble naming the fund, and its name does not start with IWB, IWM, IWV or IWC",
                        help: "write R2000=FILE (or R1000=FILE, R3000=FILE, MICROCAP=FILE) to say which index the file holds")
        let forced = h.reconstitute(universe, ["--prior", "R2000=" + prior, "--quiet"])
        XCTAssertEqual(forced.status, 0, forced.error)
        let membership = try String(contentsOfFile: h.out + "/membership.csv", encoding: .utf8)
        XCTAssertTrue(membership.contains(",R1000,R2000,false,upward,upward,"), membership)
    }

    func testStyleFundIsNotAWholeIndex() throws {
        let h = try BadInputHarness()
        let prior = try h.write("iShares Russell 2000 Value ETF\nFund Holdings as of,\"May 13, 2025\"\n" + Self.holdings([("S30", "0.64")]), "value.csv")
        h.assertRefused(h.reconstitute(try universe(h), ["--prior", prior]), status: 1,
                        error: "\(prior):1: cannot tell which Russell index this holdings file stands for: the fund name 'iShares Russell 2000 Value ETF' is not a whole Russell index, and its name does not start with IWB, IWM, IWV or IWC",
                        help: "write R2000=FILE (or R1000=FILE, R3000=FILE, MICROCAP=FILE) to say which index the file holds")
    }

    func testRussell3000FileAloneCannotBeSplit() throws {
        let h = try BadInputHarness()
        let prior = try h.write(Self.holdings([("S30", "0.64")]), "IWV_2025-05-02.csv")
        h.assertRefused(h.reconstitute(try universe(h), ["--prior", prior]), status: 1,
                        error: "\(prior): a Russell 3000 holdings file cannot be split into Russell 1000 and Russell 2000 on its own",
                        help: "also pass R2000=FILE (iShares IWM holdings): the Russell 1000 is the Russell 3000 minus the Russell 2000")
    }

    func testHoldingsHeaderOnlyMissingWeightAndNegativeWeight() throws {
        let h = try BadInputHarness()
        let universe = try universe(h)
        let headerOnly = try h.write("iShares Russell 2000 ETF\n\n" + Self.holdingsHeader + "\n\" \"\n", "IWM_header.csv")
        h.assertRefused(h.reconstitute(universe, ["--prior", headerOnly]), status: 1,
                        error: "\(headerOnly):3: has a ishares-holdings header but no data rows, expected at least one row after it",
                        help: "check the file was exported completely")
        let noWeight = try h.write("Ticker,Name,Asset Class\n\"A\",\"A INC\",\"Equity\"\n", "IWM_noweight.csv")
        h.assertRefused(h.reconstitute(universe, ["--prior", noWeight]), status: 1,
                        error: "\(noWeight):1: missing the required column 'Weight (%)' of the ishares-holdings format; found columns: Ticker, Name, Asset Class",
                        help: "add the column, or pass --format to read the file as another format (see docs/formats.md)")
        let negative = try h.write(Self.holdings([("S30", "0.64"), ("S29", "-0.5")]), "IWM_negative.csv")
        h.assertRefused(h.reconstitute(universe, ["--prior", negative]), status: 1,
                        error: "\(negative):3:6: column 'Weight (%)': found '-0.5', expected a weight in percent from 0 to 100 such as 0.64",
                        help: "fix the value or leave the field blank")
        let over = try h.write(Self.holdings([("S30", "164")]), "IWM_over.csv")
        h.assertRefused(h.reconstitute(universe, ["--prior", over]), status: 1,
                        error: "\(over):2:6: column 'Weight (%)': found '164', expected a weight in percent from 0 to 100 such as 0.64",
                        help: "fix the value or leave the field blank")
    }

    func testMembershipFileWithAnUnknownIndexOrAnIndexPrefix() throws {
        let h = try BadInputHarness()
        let universe = try universe(h)
        let prior = try h.write("symbol,name,index\nS30,Company 30,R3000\n", "prior.csv")
        h.assertRefused(h.reconstitute(universe, ["--prior", prior]), status: 1,
                        error: "\(prior):2:3: column 'index': found 'R3000', expected one of: R1000, R2000, none",
                        help: "use one of the values listed (see docs/formats.md)")
        let blank = try h.write("symbol,name,index\nS30,Company 30,\n", "blank.csv")
        h.assertRefused(h.reconstitute(universe, ["--prior", blank]), status: 1,
                        error: "\(blank):2:3: column 'index': found an empty index, expected one of: R1000, R2000, none",
                        help: "fill in the index")
        let good = try h.write("symbol,name,index\nS30,Company 30,R2000\n", "good.csv")
        h.assertRefused(h.reconstitute(universe, ["--prior", "R2000=" + good]), status: 2,
                        error: "R2000=\(good): a membership file names each line's index; drop the 'R2000=' prefix",
                        help: "--prior \(good)")
    }

    func testAUniverseGivenAsThePrior() throws {
        let h = try BadInputHarness()
        let universe = try universe(h)
        h.assertRefused(h.reconstitute(universe, ["--prior", universe]), status: 1,
                        error: "\(universe): is a nasdaq-screener file, expected iShares holdings, a membership CSV or a list of tickers",
                        help: "give the universe with --universe and the prior membership with --prior")
    }

    /// The prior files are read on another core while the universe is read; what their reading
    /// prints still comes after the universe's lines and before the prior's error, as when the
    /// two were read in turn.
    func testPriorProgressComesAfterTheUniverseAndBeforeThePriorError() throws {
        let h = try BadInputHarness()
        let universe = try universe(h)
        let missing = h.folder + "/missing.csv"
        let (console, recording) = Console.recording()
        console.showsProgress = true
        let status = ReconCommandLine.run(["reconstitute", "--year", "2025", "--universe", universe, "--prior", missing,
                                           "--out", h.out], console: console)
        XCTAssertEqual(status, 1)
        let lines = recording.error.split(separator: "\n").map(String.init)
        XCTAssertEqual(Array(lines.prefix(3)), ["recon: reading \(universe)", "recon: reading \(missing)",
                                                "recon: error: \(missing): cannot open the file (No such file or directory)"])
    }
}
