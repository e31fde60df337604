import XCTest
@testable import ReconCLI

final class ArgumentEditDistanceTests: XCTestCase {
    func testDistances() {
        XCTAssertEqual(EditDistance.between("kitten", "sitting"), 3)
        XCTAssertEqual(EditDistance.between("", "abc"), 3)
        XCTAssertEqual(EditDistance.between("abc", ""), 3)
        XCTAssertEqual(EditDistance.between("same", "same"), 0)
        XCTAssertEqual(EditDistance.between("year", "yaer"), 1, "a swap of neighbours costs one")
        XCTAssertEqual(EditDistance.between("Report", "report"), 0, "case is ignored")
    }

    func testNearest() {
        let commands = ["reconstitute", "report", "diff"]
        XCTAssertEqual(EditDistance.nearest(to: "reconstitut", among: commands), "reconstitute")
        XCTAssertEqual(EditDistance.nearest(to: "repot", among: commands), "report")
        XCTAssertEqual(EditDistance.nearest(to: "rec", among: commands), "reconstitute", "a prefix of three or more")
        XCTAssertEqual(EditDistance.nearest(to: "dif", among: commands), "diff")
        XCTAssertNil(EditDistance.nearest(to: "re", among: commands))
        XCTAssertNil(EditDistance.nearest(to: "publish", among: commands))
        XCTAssertNil(EditDistance.nearest(to: "x", among: []))
    }

    func testTiesGoToTheEarlierCandidate() {
        XCTAssertEqual(EditDistance.nearest(to: "cat", among: ["bat", "cut", "car"]), "bat")
        XCTAssertEqual(EditDistance.nearest(to: "cat", among: ["car", "bat"]), "car")
    }
}
