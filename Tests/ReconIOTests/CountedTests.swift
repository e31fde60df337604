import XCTest
import ReconIO

final class CountedTests: XCTestCase {
    func testSingularForOneOnly() {
        XCTAssertEqual(counted(1, "row"), "1 row")
        XCTAssertEqual(counted(0, "row"), "0 rows")
        XCTAssertEqual(counted(3, "prior line"), "3 prior lines")
        XCTAssertEqual(counted(1, "company", plural: "companies"), "1 company")
        XCTAssertEqual(counted(2, "company", plural: "companies"), "2 companies")
    }
}
