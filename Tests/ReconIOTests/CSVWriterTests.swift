import XCTest
@testable import ReconIO

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

    /// Field by field, a row is written byte for byte as appendRow writes it from the same
    /// values turned into text first.
    func testFieldByFieldMatchesWholeRows() {
        let header = ["text", "number", "integer", "flag"]
        let rows: [(String, Double?, Int?, Bool?)] = [
            ("BRK/B", 503.25, 7, true), ("X,Y", nil, nil, nil), ("say \"hi\"", -0.0, -42, false),
            ("two\nlines", 1.005, Int.min, true), ("é ünïcode", -1234567.8912345, Int.max, nil), ("", 1e20, 0, false),
        ]
        var fields = CSVWriter(header: header), whole = CSVWriter(header: header)
        for (text, number, integer, flag) in rows {
            fields.appendField(text)
            fields.appendField(number: number, decimals: 2, trimTrailingZeros: true)
            fields.appendField(integer: integer)
            fields.appendField(CSVWriter.boolean(flag))
            fields.endRow()
            whole.appendRow([text, CSVWriter.number(number, decimals: 2, trimTrailingZeros: true),
                             CSVWriter.integer(integer), CSVWriter.boolean(flag)])
        }
        XCTAssertEqual(fields.bytes, whole.bytes)
        XCTAssertEqual(fields.text.split(separator: "\n", omittingEmptySubsequences: false)[3], "\"say \"\"hi\"\"\",0,-42,false")
        XCTAssertTrue(fields.text.contains(",\(Int.min),"), "Int.min has no positive counterpart; its digits come from the magnitude")
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
