import Foundation
import XCTest
@testable import ReconCLI

/// Bad CRSP monthly stock files, as a universe (`reconstitute --universe`) and as a replay's panel
/// (`replay --panel`): a date that is not one, a PERMNO twice in a month, rows of the wrong width,
/// numbers that are not numbers, a missing column and a file with only a header.
final class BadInputCRSPTests: XCTestCase {
    private let header = BadInputHarness.crspHeader
    private let help = "fix the value, or re-export the file from CRSP"

    /// `recon replay --from 2020 --to 2020 --panel FILE --out OUT`.
    private func replay(_ h: BadInputHarness, _ panel: String) -> CommandRun {
        CommandRun(["replay", "--from", "2020", "--to", "2020", "--panel", panel, "--out", h.out])
    }

    /// Refused the same way as a universe and as a panel.
    private func assertRefusedBoth(_ h: BadInputHarness, _ path: String, error: String, help: String,
                                   file: StaticString = #filePath, line: UInt = #line) {
        h.assertRefused(h.reconstitute(path), status: 1, error: error, help: help, file: file, line: line)
        h.assertRefused(replay(h, path), status: 1, error: error, help: help, file: file, line: line)
    }

    func testDateThatIsNotADate() throws {
        let h = try BadInputHarness()
        for date in ["2020-02-30", "20201301", "2020/01/31", "31.01.2020", "abc", "2020-1-31", "00000000"] {
            let path = try h.write("\(header)\n1,1,\(date),11,3,A,A INC,5,0.1,100\n", "msf.csv")
            assertRefusedBoth(h, path, error: "\(path):2:3: column 'date': found '\(date)', expected a date as YYYYMMDD or YYYY-MM-DD", help: help)
        }
    }

    func testDuplicatePermnoAndMonth() throws {
        let h = try BadInputHarness()
        let path = try h.write("""
            \(header)
            7,1,20200131,11,3,A,A INC,5,0.1,100
            8,2,20200131,11,3,B,B INC,5,0.1,100
            7,1,2020-01-30,11,3,A,A INC,5,0.1,100

            """, "dup.csv")
        assertRefusedBoth(h, path, error: "\(path):4: found a second row for PERMNO 7 in 2020-01 (lines 2 and 4), expected one row per PERMNO and month",
                          help: "remove the duplicate row; a CRSP monthly export has one row per PERMNO and month-end")
    }

    func testRowWithTooManyOrTooFewFields() throws {
        let h = try BadInputHarness()
        let many = try h.write("\(header)\n1,1,20200131,11,3,A,ALPHA, INC,5,0.1,100\n", "many.csv")
        assertRefusedBoth(h, many, error: "\(many):2: found 11 fields, expected 10 as in the header",
                          help: "check for a missing separator or an unquoted comma in a name")
        let few = try h.write("\(header)\n1,1,20200131,11,3\n", "few.csv")
        assertRefusedBoth(h, few, error: "\(few):2: found 5 fields, expected 10 as in the header",
                          help: "check for a missing separator or an unquoted comma in a name")
    }

    func testNumbersThatAreNotNumbers() throws {
        let h = try BadInputHarness()
        let cases = [
            ("1,1,20200131,11,3,A,A INC,NaN,0.1,100", "2:8: column 'PRC': found 'NaN', expected a price (negative for a bid/ask midpoint, blank or 0 for none)"),
            ("1,1,20200131,11,3,A,A INC,inf,0.1,100", "2:8: column 'PRC': found 'inf', expected a price (negative for a bid/ask midpoint, blank or 0 for none)"),
            ("1,1,20200131,11,3,A,A INC,5,0.1,-5", "2:10: column 'SHROUT': found '-5', expected shares outstanding in thousands (a number ≥ 0)"),
            ("1,1,20200131,11,3,A,A INC,5,-1.5,100", "2:9: column 'RET': found '-1.5', expected a return as a decimal fraction (≥ −1), blank, or a CRSP missing code such as B or C"),
            ("1,1,20200131,11,3,A,A INC,5,1e39,100", "2:9: column 'RET': found '1e39', expected a return as a decimal fraction (≥ −1), blank, or a CRSP missing code such as B or C"),
            ("1,1,20200131,11,3,A,A INC,1e300,0.1,1e300", "2:10: column 'SHROUT': found '1e300', expected a price and shares outstanding whose product |PRC| × SHROUT × 1,000 is a finite market cap"),
            ("x1,1,20200131,11,3,A,A INC,5,0.1,100", "2:1: column 'PERMNO': found 'x1', expected a PERMNO (a positive integer)"),
            ("-3,1,20200131,11,3,A,A INC,5,0.1,100", "2:1: column 'PERMNO': found '-3', expected a PERMNO (a positive integer)"),
            ("1,1,20200131,1.5,3,A,A INC,5,0.1,100", "2:4: column 'SHRCD': found '1.5', expected a CRSP share code (an integer such as 10 or 11)"),
        ]
        for (index, (row, message)) in cases.enumerated() {
            let path = try h.write("\(header)\n\(row)\n", "msf\(index).csv")
            assertRefusedBoth(h, path, error: "\(path):\(message)", help: help)
        }
    }

    func testMissingColumnAndHeaderOnly() throws {
        let h = try BadInputHarness()
        let missing = try h.write("PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET\n1,1,20200131,11,3,A,A,5,0.1\n", "missing.csv")
        assertRefusedBoth(h, missing,
                          error: "\(missing):1: missing the required column 'SHROUT' of the CRSP monthly stock file format; found columns: PERMNO, PERMCO, date, SHRCD, EXCHCD, TICKER, COMNAM, PRC, RET",
                          help: "add the column, or pass --format to read the file as another format (see docs/formats.md)")
        let headerOnly = try h.write(header + "\n", "header.csv")
        assertRefusedBoth(h, headerOnly, error: "\(headerOnly):1: has a header but no rows, expected at least one row of CRSP monthly stock file data",
                          help: "check the file was exported completely")
    }
}
