import XCTest
import ReconCore
@testable import ReconFormats

final class NativeUniverseWriterTests: XCTestCase {
    static let securities = [
        Security(symbol: "GOOGL", name: "Alphabet Inc. Class A Common Stock", companyKey: "alphabet inc", companyName: "Alphabet, \"Inc.\"",
                 type: .commonStock, price: 167.2, averagePrice30Days: 160.123456789, marketCap: 2_042_462_000_000, capScope: .unknown,
                 sharesOutstanding: 12_215_000_000, floatFraction: 0.9, votingFraction: 1.0 / 3.0, country: "United States",
                 exchange: "NASDAQ", isOnEligibleExchange: true, sector: "Technology", industry: "Software\nServices",
                 volume: 29_000_000, ipoYear: 2004),
        Security(symbol: "XYZW", name: "XYZ Corp Warrant", companyKey: "xyz corp", companyName: "XYZ Corp", type: .warrant,
                 typeEvidence: "name says \"Warrant\"", price: 0.01, marketCap: nil, capScope: .security, isOnEligibleExchange: false),
    ]

    func testRoundTrip() throws {
        let text = NativeUniverseWriter.csv(Self.securities).text
        let read = try NativeUniverseReader.read(bytes: Array(text.utf8), name: "u.csv").securities
        XCTAssertEqual(read.count, 2)
        for (original, back) in zip(Self.securities, read) {
            var expected = original
            expected.origin = back.origin
            XCTAssertEqual(back, expected)
        }
        XCTAssertEqual(try FormatDetector.detect(bytes: Array(text.utf8), name: "u.csv").format, .nativeUniverse)
    }

    func testOutputIsDeterministic() {
        let text = NativeUniverseWriter.csv(Self.securities).text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(String(lines[0]), NativeUniverseFormat.columns.joined(separator: ","))
        XCTAssertTrue(text.contains("2042462000000,unknown,12215000000,0.9,0.3333333333333333,"), text)
        XCTAssertTrue(text.contains("\"Alphabet, \"\"Inc.\"\"\""), text)
        XCTAssertEqual(text, NativeUniverseWriter.csv(Self.securities).text)
    }

    func testWritesAtomically() throws {
        let folder = NSTemporaryDirectory() + "native-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try NativeUniverseWriter.write(Self.securities, to: folder + "/universe.csv")
        XCTAssertEqual(try NativeUniverseReader.read(path: folder + "/universe.csv").securities.count, 2)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["universe.csv"])
    }
}
