import XCTest
import ReconCore
@testable import ReconIO
@testable import ReconCRSP
@testable import ReconFormats

/// Inputs `make fuzz` found that crashed a reader or made it return a wrong result, kept as bytes
/// (minimised by hand from the crash files) so that each stays fixed. See docs/robustness.md.
final class FuzzRegressionTests: XCTestCase {
    /// Runs `body` and returns the ``InputError`` it threw (fails when it threw nothing else).
    private func inputError<T>(_ body: () throws -> T, file: StaticString = #filePath, line: UInt = #line) -> InputError? {
        do {
            _ = try body()
            XCTFail("expected an InputError", file: file, line: line)
        } catch let error as InputError {
            return error
        } catch {
            XCTFail("expected an InputError, got \(error)", file: file, line: line)
        }
        return nil
    }

    /// A temporary file holding `bytes`, removed at the end of the test.
    private func temporaryFile(_ bytes: [UInt8], named name: String) throws -> String {
        let folder = NSTemporaryDirectory() + "recon-fuzz-regression-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// csv target: the field `"1,00"` read as 100. Thousands separators must group digits by
    /// three; `1,5` (a decimal comma) must not become 15.
    func testThousandsSeparatorsMustGroupByThree() throws {
        let crash: [UInt8] = [0x22, 0x31, 0x2C, 0x30, 0x30, 0x22, 0x0A]  // "1,00"\n
        let csv = CSVReader(bytes: crash, name: "numbers.csv")
        XCTAssertTrue(try csv.next())
        XCTAssertEqual(csv.withBytes(0) { NumberParsing.parse($0) }, .invalid)
        for text in ["1,00", "1,5", "12,34", "1234,567", "1,234,56", "1,2345", ",123", "1,,234"] {
            XCTAssertEqual(NumberParsing.parse(text), .invalid, text)
        }
        XCTAssertEqual(NumberParsing.parse("1,234"), .number(1_234))
        XCTAssertEqual(NumberParsing.parse("$12,345,678.9"), .number(12_345_678.9))
        XCTAssertEqual(NumberParsing.parse("-123,456e2"), .number(-12_345_600))
        XCTAssertEqual(NumberParsing.parse("0,001"), .number(1))

        let screener = Array("Symbol,Name,Last Sale,Market Cap\nAAA,Alpha Inc. Common Stock,\"$1,5\",1000\n".utf8)
        let error = try XCTUnwrap(inputError { try NasdaqScreenerReader.read(bytes: screener, name: "s.csv") })
        XCTAssertEqual(error.description, "s.csv:2:3: column 'Last Sale': found '$1,5', expected a price such as $108.53")
    }

    /// nasdaq-screener target: a header and one row without a symbol returned no securities and
    /// no error (the only row dropped), which a run would have taken for an empty market.
    func testScreenerWhoseRowsAllLackASymbolIsAnError() throws {
        let crash: [UInt8] = Array("Symbol,Name,Last Sale*******,Net Change,% Change,Market Cap\r\n".utf8)
            + Array(",Country,IPO Y2305711,Technolog% Series D Cumulat,Finance,Property-".utf8) + [0x98]
            + Array("Stualty Insurers\n".utf8)
        let error = try XCTUnwrap(inputError { try NasdaqScreenerReader.read(bytes: crash, name: "s.csv") })
        XCTAssertEqual(error.description, "s.csv:1:1: column 'Symbol': found no row with a symbol (1 row without one), expected at least one security")
        XCTAssertEqual(error.help, "check the Symbol column holds the tickers")
    }

    /// native-membership target: a file whose one row is of no index returned no entries and no
    /// error, which a run would have taken for a prior membership with no member.
    func testMembershipWithoutAMemberIsAnError() throws {
        let crash: [UInt8] = Array("symbol,n             Float         ame,index,company_key,mi00    ame,00.0001\nCCC,Gamma,none,,,\n".utf8)
        let error = try XCTUnwrap(inputError { try NativeMembershipReader.read(bytes: crash, name: "membership.csv") })
        XCTAssertEqual(error.description, "membership.csv:1:3: column 'index': found no member in 1 row (every index none, none in "
                       + "the Microcap), expected the lines of the prior indexes")
    }

    /// native-membership target: a name holding a quote followed by a combining mark (U+06DA) was
    /// written with the quote not doubled, so recon's own CSV did not read back.
    func testWriterDoublesAQuoteFollowedByACombiningMark() throws {
        let crash: [UInt8] = Array("symbol,name,index\nAAA,alpha i\"".utf8) + [0xDB, 0x9A] + Array("ae,R1000\n".utf8)
        let membership = try NativeMembershipReader.read(bytes: crash, name: "m.csv")
        XCTAssertEqual(membership.entries[0].name, "alpha i\"\u{06DA}ae")
        let written = NativeMembershipWriter.csv(membership).text
        XCTAssertTrue(written.contains("\"alpha i\"\"\u{06DA}ae\""), written)
        let again = try NativeMembershipReader.read(bytes: Array(written.utf8), name: "m.csv")
        XCTAssertEqual(again.entries, membership.entries)
        XCTAssertEqual(CSVWriter.escape("a\"\u{0301}"), "\"a\"\"\u{0301}\"")
    }

    /// membership-csv target: a weight of 1.6 (and a negative cap, a rank of 1e300 that trapped
    /// converting to Int, `TRUE` read as false) were accepted from a membership.csv.
    func testMembershipFileChecksWeightsRanksCapsAndFlags() throws {
        let header = "symbol,company,company_key,total_market_cap,rank,cumulative_pct,index,prior_index,microcap,change,migration,weight,weight_basis,reason\n"
        func read(_ row: String) throws -> MembershipFile {
            try MembershipFile.read(path: try temporaryFile(Array((header + row + "\n").utf8), named: "membership.csv"))
        }
        let crash = "S38,Company 38 Inc.,co 38 inc,2000000000,1,4.878049,R1000,R2000,false,upward,upward,1.6,float_adjusted,rank"
        let weight = try XCTUnwrap(inputError { try read(crash) })
        XCTAssertTrue(weight.description.hasSuffix("membership.csv:2:12: column 'weight': found '1.6', expected a weight between 0 and 1"), weight.description)
        let rank = try XCTUnwrap(inputError { try read("S,C,k,100,1e300,1,R1000,none,false,addition,ipo_entry,0.5,total_cap,rank") })
        XCTAssertTrue(rank.description.hasSuffix(":2:5: column 'rank': found '1e300', expected a rank (a whole number from 1)"), rank.description)
        let fraction = try XCTUnwrap(inputError { try read("S,C,k,100,1.5,1,R1000,none,false,addition,ipo_entry,0.5,total_cap,rank") })
        XCTAssertTrue(fraction.description.hasSuffix(":2:5: column 'rank': found '1.5', expected a rank (a whole number from 1)"), fraction.description)
        let cap = try XCTUnwrap(inputError { try read("S,C,k,-100,1,1,R1000,none,false,addition,ipo_entry,0.5,total_cap,rank") })
        XCTAssertTrue(cap.description.hasSuffix(":2:4: column 'total_market_cap': found '-100', expected a market cap in dollars (not negative)"), cap.description)
        let flag = try XCTUnwrap(inputError { try read("S,C,k,100,1,1,R1000,none,maybe,addition,ipo_entry,0.5,total_cap,rank") })
        XCTAssertTrue(flag.description.hasSuffix(":2:9: column 'microcap': found 'maybe', expected true or false"), flag.description)
        XCTAssertEqual(try read("S,C,k,100,1,1,R2000,none,TRUE,addition,ipo_entry,0.5,total_cap,rank").lines[0].microcap, true)
        let empty = try XCTUnwrap(inputError { try MembershipFile.read(path: try temporaryFile(Array(header.utf8), named: "membership.csv")) })
        XCTAssertTrue(empty.description.hasSuffix("membership.csv:1: has a membership header but no data rows, expected at least one row after it"), empty.description)
    }

    /// crsp target: a `date` of 40 digits overflowed `Int` while its digits were summed (a trap).
    func testLongDateIsAnErrorNotAnOverflow() throws {
        let crash: [UInt8] = Array("permno,date,shrcd,exchcd,ticker,comnam,permco,prc,ret,shrout\n10001,".utf8)
            + Array(repeating: 0x30 + 1, count: 1) + Array(repeating: 0x30, count: 39) + Array(",11,3,ALFA,ALFA CORP,900,9,0.02,100\n".utf8)
        let error = try XCTUnwrap(inputError { try CRSPPanel.load(bytes: crash, name: "msf.csv") })
        XCTAssertEqual(error.description, "msf.csv:2:2: column 'date': found '1000000000000000000000000000000000000000', expected a date as YYYYMMDD or YYYY-MM-DD")
    }

    /// native-universe and crsp targets (the inputs the dictionary's `1e300` leads to): a price and
    /// a share count that are each finite gave an infinite market cap, read without an error.
    func testCapThatOverflowsIsAnError() throws {
        let universe: [UInt8] = Array("symbol,price,shares_outstanding\nA,1e300,1e300\n".utf8)
        let native = try XCTUnwrap(inputError { try NativeUniverseReader.read(bytes: universe, name: "u.csv") })
        XCTAssertEqual(native.description, "u.csv:2:3: column 'shares_outstanding': found '1e300' shares at a price of '1e300', whose product overflows, expected a market cap that is a finite number")
        XCTAssertEqual(native.help, "fix the value, or give market_cap")

        let panel: [UInt8] = Array("PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET,SHROUT\n1,1,20200131,11,3,A,A INC,1e300,0.1,1e300\n".utf8)
        let crsp = try XCTUnwrap(inputError { try CRSPPanel.load(bytes: panel, name: "msf.csv") })
        XCTAssertEqual(crsp.description, "msf.csv:2:10: column 'SHROUT': found '1e300', expected a price and shares outstanding whose product |PRC| × SHROUT × 1,000 is a finite market cap")
        let noShares: [UInt8] = Array("PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET,SHROUT\n1,1,20200131,11,3,A,A INC,1e307,0.1,\n".utf8)
        let price = try XCTUnwrap(inputError { try CRSPPanel.load(bytes: noShares, name: "msf.csv") })
        XCTAssertEqual(price.location, "msf.csv:2:8")
    }

    /// nasdaq-screener target (a 120-second run): a row with an empty Name trapped in the
    /// security-type classifier (`1..<0`, a range over a name without words).
    func testScreenerRowWithAnEmptyNameReads() throws {
        let crash: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Symbol,Name,Last Sale,Net Change,% Change,Market Cap,Country,IPO Yare,Solume,Sector,Industry\n".utf8)
            + Array("AAPL,,$168.47,1.20,0.717%,2045000000000.00,Unis,2004,170000ecT,h00nologzy,Computer Softwacks\n".utf8)
        let result = try NasdaqScreenerReader.read(bytes: crash, name: "s.csv")
        XCTAssertEqual(result.securities.map(\.symbol), ["AAPL"])
        XCTAssertEqual(result.securities[0].name, "")
        XCTAssertEqual(result.securities[0].type, .commonStock)
        XCTAssertEqual(result.securities[0].marketCap, 2_045_000_000_000)
        for name in ["", "...", "%", "6.25%", "(The)"] {
            let lines = Array("Symbol,Name,Last Sale,Market Cap,Industry\nAAPL,\(name),$1,100,Blank Checks\nAAPLW,\(name),$1,100,\n".utf8)
            XCTAssertEqual(try NasdaqScreenerReader.read(bytes: lines, name: "s.csv").securities.count, 2, name)
        }
    }
}
