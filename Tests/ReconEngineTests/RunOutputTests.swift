import XCTest
@testable import ReconEngine

/// The console's account of a run's dropped rows: every reason with its count, most first, so a
/// CRSP month's drops (said in summary.json alone otherwise) are seen where the count is.
final class RunOutputTests: XCTestCase {
    func testDroppedRowsAreSaidWithTheirReasonsMostFirst() {
        XCTAssertEqual(RunOutput.dropped([:]), "0 dropped")
        XCTAssertEqual(RunOutput.dropped(["missing_price": 0]), "0 dropped")
        XCTAssertEqual(RunOutput.dropped(["missing_price": 1, "missing_shares": 4]), "5 dropped (missing_shares 4, missing_price 1)")
        // Equal counts in the order of their names, whatever the dictionary's.
        XCTAssertEqual(RunOutput.dropped(["b": 2, "a": 2, "c": 3]), "7 dropped (c 3, a 2, b 2)")
    }
}
