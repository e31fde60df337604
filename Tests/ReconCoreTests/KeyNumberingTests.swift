import XCTest
import ReconCore

/// ``KeyNumbering`` numbers keys 0, 1, 2, … in the order they first appear.
final class KeyNumberingTests: XCTestCase {
    func testKeysAreNumberedInOrderOfFirstAppearance() {
        var numbering = KeyNumbering(capacity: 4)
        XCTAssertEqual(["b", "a", "b", "c", "a", ""].map { numbering.number($0) }, [0, 1, 0, 2, 1, 3])
        XCTAssertEqual(numbering.count, 4)
        XCTAssertEqual(numbering.numberOf, ["b": 0, "a": 1, "c": 2, "": 3])
    }
}
