import XCTest
import ReconCore
@testable import ReconFormats

final class NativeMembershipWriterTests: XCTestCase {
    func testRoundTrip() throws {
        let membership = PriorLines([
            .init(symbol: "BRK/B", name: "Berkshire, Hathaway", tier: .r1000, companyKey: "berkshire hathaway inc", isMicrocap: false, weight: 0.0161),
            .init(symbol: "SFM", name: "Sprouts", tier: .r2000, isMicrocap: nil, weight: nil),
            .init(symbol: "TINY", name: "Tiny \"Co\"", tier: .none, isMicrocap: true, weight: 1e-7),
        ])
        let text = NativeMembershipWriter.csv(membership).text
        XCTAssertEqual(text.split(separator: "\n").first.map(String.init), "symbol,name,index,company_key,microcap,weight")
        XCTAssertTrue(text.contains("TINY,\"Tiny \"\"Co\"\"\",none,,true,0.0000001"), text)
        let back = try NativeMembershipReader.read(bytes: Array(text.utf8), name: "m.csv")
        XCTAssertEqual(back, membership)
        XCTAssertEqual(try FormatDetector.detect(bytes: Array(text.utf8), name: "m.csv").format, .nativeMembership)
    }
}
