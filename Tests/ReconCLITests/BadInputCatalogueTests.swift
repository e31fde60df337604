import Foundation
import XCTest
@testable import ReconCLI

/// The catalogue of bad universe files (issue 7), end to end through `recon reconstitute`: each
/// case asserts the exact error (file, line, column, what was found, what was expected), the help
/// line, exit status 1, and an output folder left empty. docs/robustness.md lists the same cases.
/// CRSP files, prior memberships, encodings, usage and streaming have their own `BadInput…` files.
final class BadInputCatalogueTests: XCTestCase {
    private let screenerFound = "found the columns 'date', 'close', 'volume', which match none of the known formats: "
        + "nasdaq-screener: Nasdaq stock screener CSV (Symbol, Name, Last Sale, Market Cap, ...); "
        + "ishares-holdings: iShares fund holdings CSV (Ticker, Name, ..., Asset Class, Market Value, Weight (%), ...); "
        + "native-universe: recon universe CSV (symbol, market_cap or price and shares_outstanding, ...); "
        + "native-membership: recon membership CSV (symbol, name, index, ...); "
        + "membership-list: one index's tickers as --prior R2000=FILE (Ticker or Symbol, Company or Name); "
        + "crsp: CRSP monthly stock file (PERMNO, date, ... or CIZ: PERMNO, MthCalDt, ...)"

    func testEmptyFile() throws {
        let h = try BadInputHarness()
        for (name, text) in [("empty.csv", ""), ("blank.csv", "\n\r\n\n")] {
            let path = try h.write(text, name)
            h.assertRefused(h.reconstitute(path), status: 1, error: "\(path):1: is empty, expected a CSV file starting with its header row",
                            help: "check the file was downloaded completely")
        }
        let empty = try h.write("", "forced.csv")
        h.assertRefused(h.reconstitute(empty, ["--format", "nasdaq-screener"]), status: 1,
                        error: "\(empty):1: is empty, expected a nasdaq-screener CSV file starting with its header row",
                        help: "check the file was downloaded completely (see docs/formats.md)")
    }

    func testHeaderOnly() throws {
        let h = try BadInputHarness()
        let screener = try h.write(BadInputHarness.screener([]), "screener.csv")
        h.assertRefused(h.reconstitute(screener), status: 1,
                        error: "\(screener):1: has a nasdaq-screener header but no data rows, expected at least one row after it",
                        help: "check the file was exported completely")
        let native = try h.write("symbol,market_cap\n\n", "native.csv")
        h.assertRefused(h.reconstitute(native), status: 1,
                        error: "\(native):1: has a native-universe header but no data rows, expected at least one row after it",
                        help: "check the file was exported completely")
    }

    func testUnknownFormat() throws {
        let h = try BadInputHarness()
        let path = try h.write("date,close,volume\n2025-01-02,1,2\n", "prices.csv")
        h.assertRefused(h.reconstitute(path), status: 1, error: "\(path):1: " + screenerFound,
                        help: "pass --format NAME to say which format the file is (NAME one of nasdaq-screener, ishares-holdings, native-universe, native-membership, membership-list, crsp); see docs/formats.md")
    }

    func testMissingRequiredColumn() throws {
        let h = try BadInputHarness()
        let path = try h.write("Symbol,Name,Last Sale,Volume\nAAA,Alpha Inc.,$1.00,10\n", "screener.csv")
        h.assertRefused(h.reconstitute(path, ["--format", "nasdaq-screener"]), status: 1,
                        error: "\(path):1: missing the required column 'Market Cap' of the nasdaq-screener format; found columns: Symbol, Name, Last Sale, Volume",
                        help: "add the column, or pass --format to read the file as another format (see docs/formats.md)")
        let native = try h.write("symbol,price\nAAA,1\n", "native.csv")
        h.assertRefused(h.reconstitute(native, ["--format", "native-universe"]), status: 1,
                        error: "\(native):1: missing the required column 'shares_outstanding' of the native-universe format; found columns: symbol, price",
                        help: "add the column, or pass --format to read the file as another format (see docs/formats.md)")
    }

    func testDuplicatedColumn() throws {
        let h = try BadInputHarness()
        let path = try h.write("symbol,market_cap,Market Cap\nAAA,1,2\n", "native.csv")
        h.assertRefused(h.reconstitute(path), status: 1,
                        error: "\(path):1:3: found the column 'Market Cap' twice (columns 2 and 3), expected each column once",
                        help: "remove or rename one of the two columns")
    }

    func testNumbersThatAreNotNumbers() throws {
        let h = try BadInputHarness()
        let cases: [(String, String, String, String)] = [
            ("\"$1,2x\"", "1000000000", "2:3: column 'Last Sale'", "found '$1,2x', expected a price such as $108.53"),
            ("NaN", "1000000000", "2:3: column 'Last Sale'", "found 'NaN', expected a price such as $108.53"),
            ("$10.00", "inf", "2:6: column 'Market Cap'", "found 'inf', expected a market cap in dollars"),
            ("$10.00", "-5", "2:6: column 'Market Cap'", "found '-5', expected a market cap in dollars (not negative)"),
            ("\"$1,5\"", "1000000000", "2:3: column 'Last Sale'", "found '$1,5', expected a price such as $108.53"),
            ("$10.00", "1e999", "2:6: column 'Market Cap'", "found '1e999', expected a market cap in dollars"),
            ("$10.00", "$5.8.3M", "2:6: column 'Market Cap'",
             "found '$5.8.3M', expected a market cap in dollars such as $58.83M (digits, a point, K, M or B)"),
        ]
        for (index, (price, cap, location, message)) in cases.enumerated() {
            let path = try h.write(BadInputHarness.screener([("AAA", "Alpha Inc. Common Stock", price, cap)]), "numbers\(index).csv")
            h.assertRefused(h.reconstitute(path), status: 1, error: "\(path):\(location): \(message)", help: "fix the value or leave the field blank")
        }
        let native = try h.write("symbol,market_cap,float_fraction\nAAA,-5,0.5\nBBB,10,1.5\n", "native.csv")
        h.assertRefused(h.reconstitute(native), status: 1,
                        error: "\(native):2:2: column 'market_cap': found '-5', expected a market cap in dollars (not negative)",
                        help: "fix the value or leave the field blank")
        let fraction = try h.write("symbol,market_cap,float_fraction\nBBB,10,1.5\n", "fraction.csv")
        h.assertRefused(h.reconstitute(fraction), status: 1,
                        error: "\(fraction):2:3: column 'float_fraction': found '1.5', expected a fraction between 0 and 1",
                        help: "fix the value or leave the field blank")
    }

    func testDuplicateSymbol() throws {
        let h = try BadInputHarness()
        let path = try h.write(BadInputHarness.screener([("AAA", "Alpha Inc. Common Stock", "$10.00", "100000000"),
                                                         ("aaa", "Alpha Two Inc. Common Stock", "$11.00", "200000000")]), "dup.csv")
        h.assertRefused(h.reconstitute(path), status: 1,
                        error: "\(path):3:1: column 'Symbol': found the symbol 'aaa' again (first on line 2), expected each symbol once",
                        help: "remove one of the two rows (lines 2 and 3)")
    }

    func testUnterminatedQuoteAndTextAfterAQuote() throws {
        let h = try BadInputHarness()
        let open = try h.write(BadInputHarness.screener([]) + "AAA,\"Alpha Inc,$10.00,0,0%,100,United States,,100,Technology,Software\n", "open.csv")
        h.assertRefused(h.reconstitute(open), status: 1,
                        error: "\(open):2:2: found a quoted field that is never closed, expected a closing '\"'",
                        help: "close the quote or remove the stray '\"'")
        let after = try h.write(BadInputHarness.screener([]) + "AAA,\"Alpha\" Inc,$10.00,0,0%,100,United States,,100,Technology,Software\n", "after.csv")
        h.assertRefused(h.reconstitute(after), status: 1,
                        error: "\(after):2:2: found text after a closing quote, expected ',' or the end of the line",
                        help: "double a quote inside a quoted field (\"\") or quote the whole field")
    }

    func testRowWithTooManyOrTooFewFields() throws {
        let h = try BadInputHarness()
        let many = try h.write(BadInputHarness.screener([("AAA", "Alpha, Inc. Common Stock", "$10.00", "100000000")]), "many.csv")
        h.assertRefused(h.reconstitute(many), status: 1,
                        error: "\(many):2:12: found 12 fields, expected 11 (one per header column)",
                        help: "quote fields that contain commas, and give every row the header's columns")
        let few = try h.write(BadInputHarness.screener([]) + "AAA,Alpha Inc.,$10.00,0,0%,100,United States,,100,Technology\n", "few.csv")
        h.assertRefused(h.reconstitute(few), status: 1,
                        error: "\(few):2:11: found 10 fields, expected 11 (one per header column)",
                        help: "quote fields that contain commas, and give every row the header's columns")
    }

    func testAFormatThatIsNotAUniverse() throws {
        let h = try BadInputHarness()
        let membership = try h.write("symbol,name,index\nAAA,Alpha,R2000\n", "membership.csv")
        h.assertRefused(h.reconstitute(membership), status: 1,
                        error: "\(membership): is a membership file (format native-membership), expected a universe",
                        help: "pass it with --prior, and give the universe with --universe")
    }

    func testAFolderOrAMissingFile() throws {
        let h = try BadInputHarness()
        h.assertRefused(h.reconstitute(h.folder), status: 1, error: "\(h.folder): is a folder, expected a CSV file",
                        help: "give the path of a CSV file")
        h.assertRefused(h.reconstitute(h.folder + "/missing.csv"), status: 1,
                        error: "\(h.folder)/missing.csv: cannot open the file (No such file or directory)",
                        help: "check the path; it is read relative to the current folder")
    }
}
