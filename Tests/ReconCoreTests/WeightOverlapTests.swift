import XCTest
@testable import ReconCore

final class WeightOverlapTests: XCTestCase {
    func testHandComputedOverlaps() throws {
        // |0.5 − 0.25| + |0.5 − 0.25| + |0 − 0.5| = 1, so 1 − ½ = 0.5.
        XCTAssertEqual(try XCTUnwrap(WeightOverlap.of([("A", 0.5), ("B", 0.5)], [("A", 1), ("B", 1), ("C", 2)])), 0.5, accuracy: 1e-12)
        XCTAssertEqual(WeightOverlap.of([("A", 3), ("B", 1)], [("A", 0.75), ("B", 0.25)]), 1, "scaled to sum to 1 first")
        XCTAssertEqual(WeightOverlap.of([("A", 1)], [("B", 1)]), 0)
        // BRK.B and BRKB are one ticker; their weights add up.
        XCTAssertEqual(WeightOverlap.of([("BRK.B", 0.2), ("BRKB", 0.2), ("X", 0.6)], [("BRKB", 0.4), ("X", 0.6)]), 1)
        XCTAssertNil(WeightOverlap.of([("A", 0)], [("A", 1)]), "no positive weight on one side")
    }
}
