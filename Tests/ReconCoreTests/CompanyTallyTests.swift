import XCTest
@testable import ReconCore

/// ``CompanyTally`` counts each company once per group, and every group afresh.
final class CompanyTallyTests: XCTestCase {
    func testEachCompanyIsNewOncePerGroup() {
        var tally = CompanyTally(companies: 4)
        tally.startGroup()
        XCTAssertEqual([0, 2, 0, 3, 2].map { tally.isNew($0) }, [true, true, false, true, false])
        tally.startGroup()
        XCTAssertEqual([2, 2, 1].map { tally.isNew($0) }, [true, false, true], "a new group forgets the last one")
        tally.startGroup()
        XCTAssertEqual([Int32]().map { tally.isNew($0) }, [])
        XCTAssertTrue(tally.isNew(0))
    }
}
