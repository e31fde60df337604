import Foundation
import XCTest
@testable import ReconCLI

/// Bad CRSP files in the CIZ layout, as a universe (`reconstitute --universe`), as a replay's
/// panel (`replay --panel`) and to `recon import`: a missing CIZ column, a header of both layouts
/// or neither, a negative MthPrc, a MthCalDt or YYYYMM that is not one, a MthRet with a legacy
/// letter code, negative shares. Each names the file, the line, the column and its header name,
/// what was found and what was expected, exits 1 and writes nothing.
final class BadInputCIZTests: XCTestCase {
    private static let header = "PERMNO,PrimaryExch,ConditionalType,TradingStatusFlg,USIncFlg,IssuerType,SecurityType,SecuritySubType,"
        + "ShareType,Ticker,PERMCO,SICCD,IssuerNm,MthCalDt,MthPrc,MthPrcFlg,MthCap,MthRet,ShrOut"
    private static let row = "10001,N,RW,A,Y,CORP,EQTY,COM,NS,ALFA,500,4911,ALFA CORP,2020-01-31,20.5,TR,20500,0.025,1000"
    private let help = "fix the value, or re-export the file from CRSP"

    /// Refused the same way as a universe, as a replay's panel and by `recon import`.
    private func assertRefusedEverywhere(_ h: BadInputHarness, _ path: String, error: String, help: String,
                                         file: StaticString = #filePath, line: UInt = #line) {
        h.assertRefused(h.reconstitute(path), status: 1, error: error, help: help, file: file, line: line)
        h.assertRefused(CommandRun(["replay", "--from", "2020", "--to", "2020", "--panel", path, "--out", h.out]), status: 1,
                        error: error, help: help, file: file, line: line)
        h.assertRefused(CommandRun(["import", path, "--out", h.folder + "/panel.recon"]), status: 1, error: error, help: help,
                        file: file, line: line)
    }

    /// The row with one field replaced.
    private func row(_ field: Int, _ value: String, in row: String = BadInputCIZTests.row) -> String {
        var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[field] = value
        return fields.joined(separator: ",")
    }

    func testMissingCIZColumn() throws {
        let h = try BadInputHarness()
        let header = Self.header.replacingOccurrences(of: ",ShareType", with: "")
        let path = try h.write("\(header)\n\(row(8, "").replacingOccurrences(of: ",,", with: ","))\n", "msf_v2.csv")
        assertRefusedEverywhere(h, path,
                                error: "\(path):1: missing the required column 'ShareType' of the CRSP CIZ monthly stock file (msf_v2) format; "
                                    + "found columns: \(header.replacingOccurrences(of: ",", with: ", "))",
                                help: "add the column, or pass --format to read the file as another format (see docs/formats.md)")
    }

    func testHeaderMixingBothLayouts() throws {
        let h = try BadInputHarness()
        // A legacy file with a CIZ price column.
        let legacy = try h.write("PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET,SHROUT,MthPrc\n1,1,20200131,11,3,A,A INC,5,0.1,100,5\n", "mixed.csv")
        assertRefusedEverywhere(h, legacy,
                                error: "\(legacy):1:11: found the CIZ column 'MthPrc' in a header with legacy columns ('date', 'SHRCD', 'EXCHCD', …), "
                                    + "expected the columns of one CRSP layout",
                                help: "export the file again with one layout's columns; in the CIZ layout MthRet already includes the delisting "
                                    + "return, so a CIZ file takes no DLRET (see docs/crsp.md)")
        // A CIZ file with the legacy delisting return: it would be compounded a second time.
        let ciz = try h.write("\(Self.header),DLRET\n\(Self.row),-0.3\n", "dlret.csv")
        assertRefusedEverywhere(h, ciz,
                                error: "\(ciz):1:20: found the legacy column 'DLRET' in a header with CIZ columns ('PrimaryExch', 'ConditionalType', "
                                    + "'TradingStatusFlg', …), expected the columns of one CRSP layout",
                                help: "export the file again with one layout's columns; in the CIZ layout MthRet already includes the delisting "
                                    + "return, so a CIZ file takes no DLRET (see docs/crsp.md)")
    }

    func testHeaderOfNeitherLayout() throws {
        let h = try BadInputHarness()
        let path = try h.write("PERMNO,YYYYMM,Ticker,Price,Shares\n1,202001,A,5,100\n", "neither.csv")
        assertRefusedEverywhere(h, path,
                                error: "\(path):1: found none of the columns that tell a CRSP layout apart, expected the legacy layout (PERMNO, "
                                    + "PERMCO, date, SHRCD, EXCHCD, TICKER, COMNAM, PRC, RET, SHROUT) or the CIZ layout (PERMNO, PERMCO, MthCalDt "
                                    + "(or YYYYMM), MthPrc, MthRet, ShrOut, PrimaryExch, ConditionalType, TradingStatusFlg, ShareType, "
                                    + "SecurityType, SecuritySubType, USIncFlg, IssuerType, Ticker, IssuerNm); found columns: PERMNO, YYYYMM, "
                                    + "Ticker, Price, Shares",
                                help: "export the monthly stock file from CRSP with one of these sets of columns (see docs/crsp.md)")
    }

    func testNegativePrice() throws {
        let h = try BadInputHarness()
        for price in ["-20.5", "-0.01"] {
            let path = try h.write("\(Self.header)\n\(row(14, price))\n", "msf_v2.csv")
            assertRefusedEverywhere(h, path, error: "\(path):2:15: column 'MthPrc': found '\(price)', expected a price that is not negative "
                                        + "(blank or 0 for none; MthPrcFlg BA marks a bid/ask midpoint)", help: help)
        }
    }

    func testDateThatIsNotADate() throws {
        let h = try BadInputHarness()
        for date in ["2020-02-30", "20201301", "2020/01/31", "31.01.2020", "abc", "2020-1-31", "202001"] {
            let path = try h.write("\(Self.header)\n\(row(13, date))\n", "msf_v2.csv")
            assertRefusedEverywhere(h, path, error: "\(path):2:14: column 'MthCalDt': found '\(date)', expected a date as YYYY-MM-DD or YYYYMMDD",
                                    help: help)
        }
    }

    func testMonthThatIsNotAMonth() throws {
        let h = try BadInputHarness()
        let header = Self.header.replacingOccurrences(of: "MthCalDt", with: "YYYYMM")
        for month in ["202013", "202000", "2020-01", "20201", "2020011", "abcdef", "2020-01-31"] {
            let path = try h.write("\(header)\n\(row(13, month))\n", "msf_v2.csv")
            assertRefusedEverywhere(h, path, error: "\(path):2:14: column 'YYYYMM': found '\(month)', expected a month as YYYYMM (such as 202001)",
                                    help: help)
        }
    }

    func testReturnsAndSharesThatAreNotNumbers() throws {
        let h = try BadInputHarness()
        let returnExpected = "expected a return as a decimal fraction (≥ −1, the delisting return included) or blank"
        let cases = [
            (row(17, "C"), "2:18: column 'MthRet': found 'C', \(returnExpected)"),
            (row(17, "-99"), "2:18: column 'MthRet': found '-99', \(returnExpected)"),
            (row(17, "-1.5"), "2:18: column 'MthRet': found '-1.5', \(returnExpected)"),
            (row(17, "1e39"), "2:18: column 'MthRet': found '1e39', \(returnExpected)"),
            (row(18, "-5"), "2:19: column 'ShrOut': found '-5', expected shares outstanding in thousands (a number ≥ 0)"),
            (row(14, "NaN"), "2:15: column 'MthPrc': found 'NaN', expected a price that is not negative (blank or 0 for none; "
                + "MthPrcFlg BA marks a bid/ask midpoint)"),
            (row(18, "1e300", in: row(14, "1e300")),
             "2:19: column 'ShrOut': found '1e300', expected a price and shares outstanding whose product MthPrc × ShrOut × 1,000 is a finite market cap"),
            (row(0, "x1"), "2:1: column 'PERMNO': found 'x1', expected a PERMNO (a positive integer)"),
            (row(10, "0"), "2:11: column 'PERMCO': found '0', expected a PERMCO (a positive integer)"),
        ]
        for (index, (text, message)) in cases.enumerated() {
            let path = try h.write("\(Self.header)\n\(text)\n", "msf_v2-\(index).csv")
            assertRefusedEverywhere(h, path, error: "\(path):\(message)", help: help)
        }
    }

    func testRowWidthDuplicateAndHeaderOnly() throws {
        let h = try BadInputHarness()
        let wide = try h.write("\(Self.header)\n\(Self.row.replacingOccurrences(of: "ALFA CORP", with: "ALFA, CORP"))\n", "wide.csv")
        assertRefusedEverywhere(h, wide, error: "\(wide):2: found 20 fields, expected 19 as in the header",
                                help: "check for a missing separator or an unquoted comma in a name")
        let duplicate = try h.write("\(Self.header)\n\(Self.row)\n\(row(13, "2020-01-30"))\n", "duplicate.csv")
        assertRefusedEverywhere(h, duplicate,
                                error: "\(duplicate):3: found a second row for PERMNO 10001 in 2020-01 (lines 2 and 3), expected one row per PERMNO and month",
                                help: "remove the duplicate row; a CRSP monthly export has one row per PERMNO and month-end")
        let headerOnly = try h.write(Self.header + "\n", "header.csv")
        assertRefusedEverywhere(h, headerOnly, error: "\(headerOnly):1: has a header but no rows, expected at least one row of CRSP monthly stock file data",
                                help: "check the file was exported completely")
    }
}
