import XCTest
@testable import ReconFormats

final class RussellIndexTests: XCTestCase {
    func testFundNames() {
        XCTAssertEqual(RussellIndex(fundName: "iShares Russell 2000 ETF"), .r2000)
        XCTAssertEqual(RussellIndex(fundName: "iShares Russell 1000 ETF"), .r1000)
        XCTAssertEqual(RussellIndex(fundName: "iShares Russell 3000 ETF"), .r3000)
        XCTAssertEqual(RussellIndex(fundName: "iShares Micro-Cap ETF"), .microcap)
        XCTAssertNil(RussellIndex(fundName: "iShares Russell 2000 Value ETF"))
        XCTAssertNil(RussellIndex(fundName: "iShares Russell Mid-Cap ETF"))
        XCTAssertNil(RussellIndex(fundName: "iShares Core S&P 500 ETF"))
    }

    func testFileNames() {
        XCTAssertEqual(RussellIndex(fileName: "../shared/data/2025/IWM_2025-05-13.csv"), .r2000)
        XCTAssertEqual(RussellIndex(fileName: "iwb-holdings.csv"), .r1000)
        XCTAssertEqual(RussellIndex(fileName: "IWV.csv"), .r3000)
        XCTAssertEqual(RussellIndex(fileName: "IWC_2025.csv"), .microcap)
        XCTAssertNil(RussellIndex(fileName: "IWMY_holdings.csv"))
        XCTAssertNil(RussellIndex(fileName: "data/holdings.csv"))
    }

    func testAssignments() {
        XCTAssertTrue(RussellIndex.splitAssignment("R2000=a/b.csv") == (.r2000, "a/b.csv"))
        XCTAssertTrue(RussellIndex.splitAssignment("microcap=c.csv") == (.microcap, "c.csv"))
        XCTAssertTrue(RussellIndex.splitAssignment("dir/x=y.csv") == (nil, "dir/x=y.csv"))
        XCTAssertTrue(RussellIndex.splitAssignment("IWM.csv") == (nil, "IWM.csv"))
    }
}
