import XCTest
@testable import ReconData

final class CSVWriterTests: XCTestCase {
    func testQuotesOnlyWhenNeeded() {
        XCTAssertEqual(CSVWriter.escape("plain text"), "plain text")
        XCTAssertEqual(CSVWriter.escape(" spaces "), " spaces ")
        XCTAssertEqual(CSVWriter.escape("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVWriter.escape("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVWriter.escape("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(CSVWriter.escape("cr\rhere"), "\"cr\rhere\"")
        XCTAssertEqual(CSVWriter.escape("crlf\r\nhere"), "\"crlf\r\nhere\"")
        XCTAssertEqual(CSVWriter.escape(""), "")
    }

    func testRowsAndFields() {
        var csv = CSVWriter(header: ["symbol", "price", "count", "flag"])
        csv.appendRow(["BRK/B", CSVWriter.number(503.25, decimals: 4, trimTrailingZeros: true), CSVWriter.integer(7), CSVWriter.boolean(true)])
        csv.appendRow(["X,Y", CSVWriter.number(nil), CSVWriter.integer(nil), CSVWriter.boolean(nil)])
        XCTAssertEqual(csv.text, "symbol,price,count,flag\nBRK/B,503.25,7,true\n\"X,Y\",,,\n")
    }

    /// What the writer writes, the reader reads back.
    func testReadsBack() throws {
        var csv = CSVWriter(header: ["a", "b"])
        let fields = ["comma, inside", "quote \" inside", "line\nbreak", "é ünïcode"]
        csv.appendRow([fields[0], fields[1]])
        csv.appendRow([fields[2], fields[3]])
        let reader = CSVReader(bytes: Array(csv.text.utf8), name: "t.csv")
        var read: [String] = []
        while try reader.next() { read += try (0..<reader.fieldCount).map { try reader.string($0) } }
        XCTAssertEqual(read, ["a", "b"] + fields)
    }
}
