import Foundation
import XCTest
@testable import ReconCLI

/// Encodings: a byte-order mark and CRLF line ends are accepted and read exactly as the plain
/// file (byte-identical outputs); bytes that are not UTF-8, and UTF-16 files, are refused.
final class BadInputEncodingTests: XCTestCase {
    /// A universe with quoting, a blank cap and a warrant, and a prior membership.
    private let universe = BadInputHarness.screener(count: 30)
        + "S31,\"Thirty-One, Inc. Common Stock\",$12.00,0,0%,,United States,,10,Technology,Software\n"
        + "S1W,Company 1 Inc. Warrant,$0.50,0,0%,,United States,,10,Technology,Software\n"
    private let prior = "symbol,name,index\nS30,Company 30,R2000\nS2,Company 2,R1000\n"

    /// Runs the universe and prior, transformed by `encode`, in their own folder; returns the
    /// output files with the folder's path replaced by `FOLDER`.
    private func outputs(_ h: BadInputHarness, _ label: String, _ encode: (String) -> [UInt8]) throws -> [String: String] {
        let folder = h.folder + "/" + label
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(encode(universe)).write(to: URL(fileURLWithPath: folder + "/universe.csv"))
        try Data(encode(prior)).write(to: URL(fileURLWithPath: folder + "/prior.csv"))
        let run = CommandRun(["reconstitute", "--quiet", "--year", "2025", "--universe", folder + "/universe.csv",
                              "--prior", folder + "/prior.csv", "--out", folder + "/out"])
        XCTAssertEqual(run.status, 0, run.error)
        return try BadInputHarness.contents(of: folder + "/out").mapValues {
            String(decoding: $0, as: UTF8.self).replacingOccurrences(of: folder, with: "FOLDER")
        }
    }

    func testByteOrderMarkAndCRLFAreReadAsThePlainFile() throws {
        let h = try BadInputHarness()
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let crlf = { (text: String) in Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8) }
        let plain = try outputs(h, "plain") { Array($0.utf8) }
        XCTAssertEqual(plain.keys.sorted(), ["excluded.csv", "membership.csv", "migration.csv", "summary.json", "turnover.csv"])
        XCTAssertTrue(plain["membership.csv"]!.contains("\nS31,\"Thirty-One, Inc.\","), plain["membership.csv"]!)
        XCTAssertTrue(plain["summary.json"]!.contains("\"format\": \"nasdaq-screener\""), plain["summary.json"]!)
        XCTAssertEqual(try outputs(h, "bom") { bom + Array($0.utf8) }, plain)
        XCTAssertEqual(try outputs(h, "crlf", crlf), plain)
        XCTAssertEqual(try outputs(h, "bom-crlf") { bom + crlf($0) }, plain)
        XCTAssertFalse(plain.values.contains { $0.contains("\r") || $0.contains("\u{FEFF}") })
    }

    func testInvalidUTF8() throws {
        let h = try BadInputHarness()
        let path = try h.write(bytes: Array(BadInputHarness.screener([]).utf8)
                                + Array("AAA,Alpha ".utf8) + [0xFF, 0xFE] + Array(" Inc.,$10,0,0%,100,United States,,100,Technology,Software\n".utf8),
                               "latin1.csv")
        h.assertRefused(h.reconstitute(path), status: 1, error: "\(path):2:2: found bytes that are not valid UTF-8, expected UTF-8 text",
                        help: "re-save the file as UTF-8")
    }

    func testUTF16FilesWithAndWithoutAByteOrderMark() throws {
        let h = try BadInputHarness()
        let text = "Symbol,Name,Last Sale,Market Cap\nAAA,Alpha Inc,$1,100\n"
        let littleEndian = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let withMark = try h.write(bytes: [0xFF, 0xFE] + littleEndian, "utf16-bom.csv")
        h.assertRefused(h.reconstitute(withMark), status: 1, error: "\(withMark):1:1: found bytes that are not valid UTF-8, expected UTF-8 text",
                        help: "re-save the file as UTF-8")
        let withoutMark = try h.write(bytes: littleEndian, "utf16.csv")
        h.assertRefused(h.reconstitute(withoutMark), status: 1,
                        error: "\(withoutMark):1:1: found a NUL byte, expected UTF-8 text (a file saved as UTF-16 has one in every other byte)",
                        help: "re-save the file as UTF-8")
    }
}
