import XCTest
@testable import ReconIO

final class CSVReaderTests: XCTestCase {
    private func records(_ text: String, chunkSize: Int? = nil) throws -> [[String]] {
        let reader: CSVReader
        if let chunkSize {
            let path = NSTemporaryDirectory() + "csv-\(UUID().uuidString).csv"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            reader = try CSVReader(path: path, chunkSize: chunkSize)
        } else {
            reader = CSVReader(bytes: Array(text.utf8), name: "t.csv")
        }
        var out: [[String]] = []
        while try reader.next() { out.append(try (0..<reader.fieldCount).map { try reader.string($0) }) }
        return out
    }

    func testQuotesSeparatorsAndLineEnds() throws {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",3\n\"multi\nline\",,\nlast,row,noeol"
        let expected = [["a", "b", "c"], ["x, y", "say \"hi\"", "3"], ["multi\nline", "", ""], ["last", "row", "noeol"]]
        XCTAssertEqual(try records(text), expected)
        // Tiny chunks force every record across buffer boundaries.
        XCTAssertEqual(try records(text, chunkSize: 64), expected)
        XCTAssertEqual(try records(text, chunkSize: 3), expected)
    }

    func testLineNumbersCountBreaksInsideQuotes() throws {
        let reader = CSVReader(bytes: Array("h\n\"a\nb\"\nc\n".utf8), name: "t.csv")
        var lines: [Int] = []
        while try reader.next() { lines.append(reader.lineNumber) }
        XCTAssertEqual(lines, [1, 2, 4])
    }

    func testByteOrderMarkIsSkipped() throws {
        let reader = CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("Symbol,Name\n".utf8), name: "t.csv")
        XCTAssertTrue(try reader.next())
        XCTAssertTrue(reader.hadByteOrderMark)
        XCTAssertEqual(try reader.string(0), "Symbol")
    }

    func testUnterminatedQuoteNamesLineAndColumn() {
        let reader = CSVReader(bytes: Array("a,b\n1,\"open\n".utf8), name: "u.csv")
        XCTAssertThrowsError(try { while try reader.next() {} }()) { error in
            let error = error as! InputError
            XCTAssertEqual(error.location, "u.csv:2:2")
            XCTAssertTrue(error.message.contains("never closed"), error.message)
        }
    }

    func testTextAfterClosingQuoteIsAnError() {
        let reader = CSVReader(bytes: Array("\"a\"b,c\n".utf8), name: "q.csv")
        XCTAssertThrowsError(try reader.next()) { error in
            XCTAssertEqual((error as! InputError).location, "q.csv:1:1")
        }
    }

    func testInvalidUTF8IsAnError() throws {
        let reader = CSVReader(bytes: Array("a,".utf8) + [0xFF, 0xFE] + Array("\n".utf8), name: "bad.csv")
        XCTAssertTrue(try reader.next())
        XCTAssertThrowsError(try reader.string(1)) { error in
            XCTAssertEqual((error as! InputError).location, "bad.csv:1:2")
        }
    }

    func testEmptyInputHasNoRecords() throws {
        XCTAssertEqual(try records(""), [])
    }

    func testNumberParsing() {
        XCTAssertEqual(NumberParsing.parse("$1,234,567.89"), .number(1_234_567.89))
        XCTAssertEqual(NumberParsing.parse("-12.5"), .number(-12.5))
        XCTAssertEqual(NumberParsing.parse("1e3"), .number(1000))
        XCTAssertEqual(NumberParsing.parse("0.1"), .number(0.1))
        XCTAssertEqual(NumberParsing.parse("30942197876.00"), .number(30_942_197_876))
        XCTAssertEqual(NumberParsing.parse(" "), .blank)
        XCTAssertEqual(NumberParsing.parse("-"), .blank)
        XCTAssertEqual(NumberParsing.parse("$1,2x"), .invalid)
        XCTAssertEqual(NumberParsing.parse("NaN"), .invalid)
        XCTAssertEqual(NumberParsing.parse("inf"), .invalid)
        XCTAssertEqual(NumberParsing.parse("1,"), .invalid)
        XCTAssertEqual(NumberParsing.parse("1e999"), .invalid)
        XCTAssertEqual(NumberParsing.parse("12345678901234567890123"), .number(12345678901234567890123.0))
    }

    func testHeaderFindsColumnsLooselyAndRefusesDuplicates() throws {
        let header = try CSVHeader(names: ["Symbol", "Market Cap"], file: "h.csv", line: 1)
        XCTAssertEqual(header.index(of: "market_cap"), 1)
        XCTAssertThrowsError(try header.require("Last Sale", file: "h.csv", line: 1, format: "Nasdaq screener")) { error in
            XCTAssertTrue("\(error)".contains("missing the required column 'Last Sale'"), "\(error)")
        }
        XCTAssertThrowsError(try CSVHeader(names: ["a", "b", "A"], file: "h.csv", line: 1)) { error in
            XCTAssertEqual((error as! InputError).location, "h.csv:1:3")
        }
    }

    /// A file smaller than the chunk is held whole (its buffer sized to it) and reads as it does
    /// from memory and in small chunks; ``CSVReader/lineBreaksAhead`` counts the rows left.
    func testSmallFilesReadWholeGiveTheSameRecords() throws {
        let text = "h1,h2\n\"q\nx\",1\r\nb,2\n\nlast,3"
        XCTAssertEqual(try records(text, chunkSize: 1 << 20), try records(text))
        XCTAssertEqual(try records(text, chunkSize: 5), try records(text))
        let path = NSTemporaryDirectory() + "csv-\(UUID().uuidString).csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try CSVReader(path: path)
        XCTAssertTrue(try reader.next())
        XCTAssertEqual(reader.lineBreaksAhead, 4)
    }
}
