import Foundation
import XCTest
@testable import ReconCLI
import ReconCore
@testable import ReconIO
@testable import ReconCRSP

/// The "2 GB file" of the catalogue, without writing 2 GB: the readers stream. A file read through
/// 64-byte chunks (the smallest ``CSVReader`` uses; the default is 1 MB) gives the same records, and
/// the same CRSP panel, as the whole file in memory, and after the first record only one chunk has
/// been read. So memory follows the longest record, not the file; docs/robustness.md gives the peak
/// memory measured on a multi-hundred-MB CRSP file.
final class BadInputStreamingTests: XCTestCase {
    /// Every record as `(line, fields)`.
    private func records(_ reader: CSVReader) throws -> [(Int, [String])] {
        var records: [(Int, [String])] = []
        while try reader.next() { records.append((reader.lineNumber, try reader.fields())) }
        return records
    }

    func testRecordsThroughTinyChunksEqualTheWholeFile() throws {
        let h = try BadInputHarness()
        var text = "\u{FEFF}symbol,name,note\r\n"
        for index in 1...5_000 {
            let note = index % 7 == 0 ? "\"two\nlines, \"\"quoted\"\"\"" : "plain \(index)"
            text += "S\(index),\"Company \(index), Inc.\",\(note)" + (index % 3 == 0 ? "\r\n" : "\n")
        }
        text += "LONG," + String(repeating: "x", count: 10_000) + ",end"   // a record longer than many chunks, no final line end
        let path = try h.write(text, "big.csv")
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)

        let streamed = try CSVReader(path: path, chunkSize: 64)
        XCTAssertTrue(try streamed.next())
        XCTAssertEqual(streamed.bytesRead, 64, "the first record needs the first chunk only")
        let inMemory = try records(CSVReader(bytes: Array(text.utf8), name: path))
        var rest = [(streamed.lineNumber, try streamed.fields())]
        rest += try records(streamed)
        XCTAssertEqual(streamed.bytesRead, size)
        XCTAssertEqual(rest.count, inMemory.count)
        XCTAssertTrue(zip(rest, inMemory).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 })
        XCTAssertEqual(inMemory.last?.1.last, "end")
        XCTAssertEqual(inMemory[7].1[2], "two\nlines, \"quoted\"")
        XCTAssertEqual(inMemory.last?.0, 5_000 + 5_000 / 7 + 2, "line numbers count the line breaks inside quotes")
    }

    func testCRSPPanelFromTheFileEqualsTheBytesInMemory() throws {
        let h = try BadInputHarness()
        var text = BadInputHarness.crspHeader + "\n"
        let months = [(2019, 1, 31), (2019, 2, 28), (2019, 3, 29), (2019, 4, 30), (2019, 5, 31), (2019, 6, 28)]
        for permno in 10_001...10_400 {
            for (position, (year, month, day)) in months.enumerated() {
                let price = Double(permno % 97 + 1) + Double(position) / 4
                text += "\(permno),\(permno / 2),\(year)\(month < 10 ? "0" : "")\(month)\(day),11,\(permno % 3 + 1),T\(permno),\"NAME \(permno), INC\",\(price),0.01,\(permno % 50 * 10)\n"
            }
        }
        let path = try h.write(text, "msf.csv")
        let whole = try CRSPPanel.load(bytes: Array(text.utf8), name: path)
        let streamed = try CRSPPanel.load(path: path)
        XCTAssertEqual(streamed.rowCount, 2_400)
        XCTAssertEqual(streamed.report, whole.report)
        XCTAssertEqual(streamed.months, whole.months)
        let may = CalendarDate(year: 2019, month: 5, day: 31)
        XCTAssertEqual(streamed.snapshot(onOrBefore: may), whole.snapshot(onOrBefore: may))
        XCTAssertEqual(streamed.report.dropped[.missingShares], 6 * 8, "PERMNOs with SHROUT 0 are counted, not lost")
    }
}
