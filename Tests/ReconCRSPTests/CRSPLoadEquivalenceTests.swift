import XCTest
import ReconCore
@testable import ReconIO
@testable import ReconCRSP
@testable import ReconSynthetic

/// The CRSP load path (``CRSPLoad``: the tokenizer's direct and general paths, the CSV reader for
/// the records they decline, stretches parsed at once and merged) must build exactly the panel
/// the reference loader (the oracle in `Oracles/`, record by record through `CSVReader`) builds,
/// bit for bit, in any number of stretches, and refuse exactly the files it refuses, with the
/// same error.
final class CRSPLoadEquivalenceTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "crsp-load-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    // MARK: - Helpers

    private func reference(_ text: String, name: String = "t.csv") -> Result<CRSPPanel, Error> {
        Result { try CRSPPanel.referenceLoad(text, name: name) }
    }

    private func load(_ text: String, name: String = "t.csv", stretches: Int) -> Result<CRSPPanel, Error> {
        let bytes = Array(text.utf8)
        return Result { try bytes.withUnsafeBufferPointer { try CRSPLoad.load($0, name: name, stretches: stretches) } }
    }

    /// The load path, in 1 to 6 stretches, gives the reference's panel or the reference's error.
    /// - Returns: whether the reference reads the file.
    @discardableResult
    private func check(_ text: String, stretches: [Int] = Array(1 ... 6), file: StaticString = #filePath, line: UInt = #line) -> Bool {
        let expected = reference(text)
        for count in stretches {
            switch (expected, load(text, stretches: count)) {
            case (.success(let reference), .success(let panel)):
                assertSamePanel(panel, reference, "\(count) stretches of \(text.debugDescription)", file: file, line: line)
            case (.failure(let error), .failure(let refusal)):
                XCTAssertEqual(refusal as? InputError, error as? InputError, "\(count) stretches of \(text.debugDescription)",
                               file: file, line: line)
            case (.failure(let error), .success):
                XCTFail("read a file the reference refuses (\(error)): \(text.debugDescription)", file: file, line: line)
            case (.success, .failure(let refusal)):
                XCTFail("refused a file the reference reads (\(refusal)): \(text.debugDescription)", file: file, line: line)
            }
        }
        if case .success = expected { return true }
        return false
    }

    // MARK: - Tests

    func testSyntheticPanelIsIdenticalInAnyNumberOfStretches() throws {
        let path = folder + "/market.csv"
        _ = try SyntheticMarket.write(to: path, configuration: .init(firstYear: 1990, lastYear: 2000, firms: 1500, seed: 11))
        let reference = try CRSPPanel.referenceLoad(path: path)
        for count in [1, 2, 3, 7] {
            assertSamePanel(try CRSPLoad.load(path: path, stretches: count), reference, "\(count) stretches")
        }
        assertSamePanel(try CRSPPanel.load(path: path), reference, "CRSPPanel.load(path:)")
    }

    func testPermnoMajorFileIsSortedTheSameWay() throws {
        let path = folder + "/market.csv"
        _ = try SyntheticMarket.write(to: path, configuration: .init(firstYear: 1995, lastYear: 1998, firms: 400, seed: 3))
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines.removeFirst()
        lines.sort { ($0.split(separator: ",")[0], $0) < ($1.split(separator: ",")[0], $1) }
        XCTAssertTrue(check(([header] + lines).joined(separator: "\n") + "\n"))
    }

    func testCommonShapesAreRead() {
        XCTAssertTrue(check("""
        PERMNO,date,SHRCD,EXCHCD,SICCD,TICKER,COMNAM,PERMCO,DLRET,PRC,RET,SHROUT
        10001,19990430,11,3,4911,ALFA,ALFA CORP,500,,20.5,0.025,1000
        10002,19990430,11,-2,,BETA,BETA INC,600,,-10.125,C,2000
        10003,19990430,73,1,6792,,GAMMA UNITS,700,-0.5,0,B,0
        10001,19990528,11,3,4911,ALF,ALFA CORPORATION,500,,21,-1,1000
        10002,19990528,11,1,6020,BETA,BETA INC,600,0.12,.5,-.25,2000.
        """))
        // CRLF line ends, columns beyond the ones read, no line break at the end.
        XCTAssertTrue(check("PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET,SHROUT,EXTRA,MORE\r\n"
              + "1,1,20200131,11,3,A,A INC,5,0.1,100,x,y\r\n2,2,20200131,11,3,B,B INC,5,0.2,100,,\r\n"
              + "1,1,20200228,11,3,A,A INC,6,0.2,100,z,w"))
    }

    func testUnusualFieldsMatchTheReference() {
        let header = "PERMNO,date,SHRCD,EXCHCD,SICCD,TICKER,COMNAM,PERMCO,DLRET,PRC,RET,SHROUT,NCUSIP\n"
        let rows = [
            "10001,19990430,11,3,4911,ALFA,\"ALFA, INC\",500,,20.5,0.025,1000,12345678",
            "10002,19990430,11,3, 4911 ,\" BE\"\"TA \",600,,$10,-66,\"2,000\",",
            "10003,1999-04-30,11,3,Z,  G  ,GAMMA \u{00C9}TOILE,700,A,1e1,0.0000001,1.5e3,",
            "10004,19990430, 11 ,3.0,12.0,D,\"multi\nline\",800,-99,N/A,-,0,x",
            "10005,19990430,11,3,4911,E, \u{0301}E INC ,900,,12345678.5,0.123456789,123456789,",
            "10006,19990430,11,3,4911,F,F INC,1000,,-0,-0,-0,",
            "123456789,19990430,11,3,4911,G,G INC,123456789,,1.00000000001,1.0,100,",
            "",
            "10007,19990430,11,3,4911,H,H INC,1100,,9007199254740993,0.5,100,",
        ]
        check(header + rows.joined(separator: "\n") + "\n")
        // Each row alone, and each after a plain row (so that stretches split around it).
        let plain = "10009,19990430,11,3,4911,P,P INC,1200,,5,0.1,100,"
        for row in rows where !row.isEmpty {
            check(header + row + "\n")
            check(header + plain + "\n" + row + "\n" + plain.replacingOccurrences(of: "10009", with: "10010") + "\n")
        }
    }

    func testBadRowsGiveTheReferenceError() {
        let header = "PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET,SHROUT\n"
        for row in ["1,1,20200131,11,3,A,A INC,abc,0.1,100", "1,1,2020-02-30,11,3,A,A,5,0.1,100",
                    "1,1,20200131,11,3,A,A,5,-1.5,100", "x1,1,20200131,11,3,A,A,5,0.1,100", "1,1,20200131,11,3",
                    "1,1,20200131,11,3,A,\"A,5,0.1,100", "1,1,20200131,11,3,A,\"A\"x,5,0.1,100",
                    "1,1,20200131,11,3,A,A,5,0.1,-100", "0,1,20200131,11,3,A,A,5,0.1,100",
                    // The reference's own refusals: a field more than the header, a cap that
                    // overflows, a return too large for a Float, a date of forty digits.
                    "1,1,20200131,11,3,A,A,5,0.1,100,", "1,1,20200131,11,3,A,A INC,5,0.1,100,extra",
                    "1,1,20200131,11,3,A,A,1e300,0.1,1e300", "1,1,20200131,11,3,A,A,5,1e39,100",
                    "1,1,2020013100000000000000000000000000000000,11,3,A,A,5,0.1,100"] {
            XCTAssertFalse(check(header + "2,2,20200131,11,3,B,B INC,5,0.1,100\n" + row + "\n"), row)
            XCTAssertFalse(check(header + row + "\n"), row)
        }
        let duplicate = header + "7,1,20200131,11,3,A,A,5,0.1,100\n8,2,20200131,11,3,B,B,5,0.1,100\n7,1,20200131,11,3,A,A,5,0.1,100\n"
        for text in [duplicate, "", header, header + "\n\n", "\n\n", "\n" + header + "\n"] { XCTAssertFalse(check(text), text) }
        // Names that are not text: invalid UTF-8 and a NUL byte, in a row that keeps its names.
        for name in [[0x41, 0xFF, 0x42], [0x41, 0x00, 0x42]] as [[UInt8]] {
            let bytes = Array((header + "1,1,20200131,11,3,A,").utf8) + name + Array(",5,0.1,100\n".utf8)
            let expected = Result { try CRSPPanel.referenceLoad(reader: CSVReader(bytes: bytes, name: "t.csv")) }
            let loaded = Result { try CRSPPanel.load(bytes: bytes, name: "t.csv") }
            guard case .failure(let error) = expected, case .failure(let refusal) = loaded else {
                return XCTFail("a name of bytes \(name) was read")
            }
            XCTAssertEqual(refusal as? InputError, error as? InputError)
        }
    }

    /// Every CRSP file of the bad-input catalogue (`BadInputCRSPTests`, docs/robustness.md): the
    /// same error as the reference, in any number of stretches.
    func testEveryCRSPCaseOfTheBadInputCatalogue() {
        let header = "PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET,SHROUT"
        var files = ["2020-02-30", "20201301", "2020/01/31", "31.01.2020", "abc", "2020-1-31", "00000000"].map {
            "\(header)\n1,1,\($0),11,3,A,A INC,5,0.1,100\n"
        }
        files.append("\(header)\n7,1,20200131,11,3,A,A INC,5,0.1,100\n8,2,20200131,11,3,B,B INC,5,0.1,100\n7,1,2020-01-30,11,3,A,A INC,5,0.1,100\n")
        files.append("\(header)\n1,1,20200131,11,3,A,ALPHA, INC,5,0.1,100\n")
        files.append("\(header)\n1,1,20200131,11,3\n")
        for row in ["1,1,20200131,11,3,A,A INC,NaN,0.1,100", "1,1,20200131,11,3,A,A INC,inf,0.1,100",
                    "1,1,20200131,11,3,A,A INC,5,0.1,-5", "1,1,20200131,11,3,A,A INC,5,-1.5,100",
                    "1,1,20200131,11,3,A,A INC,5,1e39,100", "1,1,20200131,11,3,A,A INC,1e300,0.1,1e300",
                    "x1,1,20200131,11,3,A,A INC,5,0.1,100", "-3,1,20200131,11,3,A,A INC,5,0.1,100",
                    "1,1,20200131,1.5,3,A,A INC,5,0.1,100"] {
            files.append("\(header)\n\(row)\n")
        }
        files.append("PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET\n1,1,20200131,11,3,A,A,5,0.1\n")
        files.append(header + "\n")
        for text in files { XCTAssertFalse(check(text, stretches: [1, 2, 3]), text) }
    }

    /// Random edits of a small file (quotes, spaces, line breaks, odd bytes in any field): the
    /// load path must agree with the reference on every one.
    func testRandomEditsAgreeWithTheReference() {
        let base = """
        PERMNO,date,SHRCD,EXCHCD,SICCD,TICKER,COMNAM,PERMCO,DLRET,PRC,RET,SHROUT
        10001,19990430,11,3,4911,ALFA,ALFA CORP,500,,20.5,0.025,1000
        10002,19990430,11,1,6020,BETA,BETA BANCORP,600,,10,0.01,2000
        10001,19990528,11,3,4911,ALFA,ALFA CORP,500,,-21.0,C,1000
        10002,19990528,11,1,6020,BETB,BETA BANCORP B,600,-0.3,11,0.1,2000
        10003,19990528,10,2,,GAM,GAMMA,700,,3.25,,50

        """
        let pieces: [String] = ["\"", "\"\"", " ", "\t", "\r", "\n", "\r\n", ",", "-", ".", "0", "9", "e", "B", "$", "\u{00E9}", "\u{0301}", ""]
        var accepted = 0
        for text in RandomEdits.texts(of: base, pieces: pieces, seed: 42) {
            if check(text, stretches: [1, 2, 4]) { accepted += 1 }
        }
        XCTAssertGreaterThan(accepted, 15, "many edits leave a file both loaders read")
    }

    /// The direct path's readers at and around their limits (seven digits each side of a point,
    /// three-digit codes, `-` alone, negative zero, letters where a number goes, a negative SIC
    /// code), in random rows: every column must match the reference bit for bit, and the file
    /// must be refused exactly when the reference refuses it.
    func testFieldSpellingsAroundTheDirectPathLimitsAgreeWithTheReference() {
        var generator = SyntheticRandom(seed: 2026)
        func pick(_ choices: [String]) -> String { choices[Int(generator.next() % UInt64(choices.count))] }
        func digits(_ count: Int) -> String {
            String((0 ..< count).map { _ in Character(String(generator.next() % 10)) })
        }
        /// A decimal of 0–8 digits before and after an optional point, maybe negative.
        func decimal() -> String {
            let integer = digits(Int(generator.next() % 9)), fraction = digits(Int(generator.next() % 9))
            let sign = generator.next() % 4 == 0 ? "-" : ""
            switch generator.next() % 4 {
            case 0: return sign + integer
            case 1: return sign + integer + "." + fraction
            case 2: return sign + "." + fraction
            default: return sign + integer + "."
            }
        }
        func number() -> String {
            pick(["", "0", "-0", "-0.0", "0.000000", "-", "B", "C", "x1", "1x", "1.2.3", "-1", "-1.5", "-1.0000001", "-0.9999999",
                  "-66", "-99", "1234567.1234567", "12345678", "0.12345678", decimal(), decimal(), decimal(), decimal(), decimal()])
        }
        func code() -> String { pick(["", "0", "11", "-2", "-99", "-100", "999", "1000", "-", "010", "3", digits(Int(generator.next() % 5))]) }
        let header = "PERMNO,date,SHRCD,EXCHCD,SICCD,TICKER,COMNAM,PERMCO,DLRET,PRC,RET,SHROUT\n"
        let plain = "20001,19990430,11,3,4911,P,P INC,1200,,5,0.1,100\n"
        // Files of twelve random rows: nearly all hold a row the reference refuses (with the same
        // error from the load path); rows alone are where the direct path is tested against it.
        for file in 0 ..< 60 {
            var rows: [String] = []
            for index in 0 ..< 12 {
                let permno = pick(["\(10001 + index)", "\(10001 + index)", "0", "-5", "1234567", "12345678"])
                let sic = pick(["", "4911", "-4911", "0", "99999999", digits(Int(generator.next() % 9))])
                rows.append([permno, pick(["19990430", "19990430", "19990229", "20000229", "1999-04-30"]), code(), code(), sic,
                             pick(["A", "", "ABCDEFGHIJ"]), pick(["A CORP", "A"]), pick(["\(500 + index)", "7", "0"]),
                             number(), number(), number(), number()].joined(separator: ","))
            }
            // Plain rows around the odd ones, so that stretches start and end among them.
            let text = header + plain + rows.joined(separator: "\n") + "\n" + plain
            check(text, stretches: [1, 2, 3])
            // Each row alone, then before a plain row (the direct path reads eight bytes at a
            // time, so it takes the last bytes of a file by the careful path).
            if file < 10 {
                for row in rows { check(header + row + "\n" + plain, stretches: [1]) }
            }
        }
        // The same spellings one per row, many of which both loaders read.
        var accepted = 0
        for _ in 0 ..< 1000 {
            let row = ["10001", "19990430", code(), code(), pick(["", "4911", "-1"]), "T", "N", "500",
                       number(), number(), number(), number()].joined(separator: ",")
            if check(header + row + "\n" + plain, stretches: [1]) { accepted += 1 }
        }
        XCTAssertGreaterThan(accepted, 100, "many random rows are read by both loaders")
    }

    /// Stretches write their rows into shared columns from starts given by their line feeds:
    /// blank lines and line breaks inside quotes leave gaps that the merge closes up, in any
    /// number of stretches.
    func testBlankLinesAndQuotedLineBreaksAcrossStretchesAreClosedUp() {
        let header = "PERMNO,date,SHRCD,EXCHCD,SICCD,TICKER,COMNAM,PERMCO,DLRET,PRC,RET,SHROUT\n"
        func rows(quotedLineBreaks: Bool) -> [String] {
            var rows: [String] = []
            for permno in 10001 ... 10040 {
                let name = quotedLineBreaks && permno % 5 == 0 ? "\"\(permno)\nCORP\"" : "FIRM \(permno)"
                rows.append("\(permno),19990430,11,3,4911,T\(permno),\(name),\(permno + 500),,20.5,0.025,1000")
                if permno % 7 == 0 { rows.append("") }
            }
            return rows
        }
        XCTAssertTrue(check(header + rows(quotedLineBreaks: false).joined(separator: "\n") + "\n\n", stretches: [1, 2, 3, 5, 8]))
        // A cut inside quotes makes a stretch decline (the file is then read in one stretch); some
        // counts of stretches cut elsewhere and are read with the gaps closed up.
        XCTAssertTrue(check(header + rows(quotedLineBreaks: true).joined(separator: "\n") + "\n", stretches: [2, 3, 5, 8]))
        // A file whose lines end in CR alone has no line feeds to size the stretches: one stretch reads it.
        XCTAssertTrue(check(header.replacingOccurrences(of: "\n", with: "\r") + rows(quotedLineBreaks: false).joined(separator: "\r") + "\r"))
    }

    /// The line-feed count that sizes each stretch against a plain count, from any start (bytes
    /// next to a line feed in value, 0x0B and 0x8A, must not be counted).
    func testLineFeedCountIsExact() {
        var generator = SyntheticRandom(seed: 7)
        let alphabet: [UInt8] = [0x0A, 0x0B, 0x09, 0x8A, 0x00, 0xFF, 0x2C, 0x41]
        for length in [1, 7, 8, 9, 63, 64, 1000] {
            let bytes = (0 ..< length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            bytes.withUnsafeBufferPointer { buffer in
                let header = "PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET,SHROUT"
                let columns = try! CRSPColumns(header: CSVHeader(names: header.split(separator: ",").map(String.init), file: "t", line: 1), file: "t", line: 1)
                let tokenizer = CRSPTokenizer(columns: columns, data: buffer)
                for start in [0, min(3, length)] {
                    XCTAssertEqual(tokenizer.lineFeeds(in: start ..< length), bytes[start...].filter { $0 == 0x0A }.count, "length \(length) from \(start)")
                }
            }
        }
    }
}
