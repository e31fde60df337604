import XCTest
@testable import ReconIO

final class JSONWriterTests: XCTestCase {
    func testPrettyPrintedWithOrderedKeys() {
        let value = JSONValue.object([
            JSONMember("zeta", .integer(1)),
            JSONMember("alpha", .array([.number(0.1), .number(2, decimals: 2), .bool(true), .null])),
            JSONMember("empty", .object([])),
            JSONMember("none", .array([])),
            JSONMember("nested", .object([JSONMember("k", .string("v"))])),
        ])
        let expected = """
        {
          "zeta": 1,
          "alpha": [
            0.1,
            2.00,
            true,
            null
          ],
          "empty": {},
          "none": [],
          "nested": {
            "k": "v"
          }
        }

        """
        XCTAssertEqual(JSONWriter.string(value), expected)
    }

    func testStringEscapes() {
        XCTAssertEqual(JSONWriter.quoted("a\"b\\c"), "\"a\\\"b\\\\c\"")
        XCTAssertEqual(JSONWriter.quoted("\n\r\t\u{08}\u{0C}"), "\"\\n\\r\\t\\b\\f\"")
        XCTAssertEqual(JSONWriter.quoted("\u{01}\u{1F}"), "\"\\u0001\\u001f\"")
        XCTAssertEqual(JSONWriter.quoted("é/€"), "\"é/€\"")
    }

    func testNumbersAndValidity() throws {
        XCTAssertEqual(JSONWriter.string(.number(.nan)), "null\n")
        XCTAssertEqual(JSONWriter.string(.number(1e21)), "1000000000000000000000\n")
        let value = JSONValue.object([JSONMember("text", .string("line\n\"quoted\"\u{01}")), JSONMember("n", .number(-12.5))])
        let parsed = try JSONSerialization.jsonObject(with: Data(JSONWriter.string(value).utf8)) as? [String: Any]
        XCTAssertEqual(parsed?["text"] as? String, "line\n\"quoted\"\u{01}")
        XCTAssertEqual(parsed?["n"] as? Double, -12.5)
    }
}
