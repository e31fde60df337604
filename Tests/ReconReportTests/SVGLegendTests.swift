import XCTest
@testable import ReconReport

final class SVGLegendTests: XCTestCase {
    private let entries = ["stay", "moved up", "moved down", "added"].map {
        Legend.Entry(label: $0, color: "#000000", swatch: .box)
    }

    func testEntriesWrapIntoRowsThatFit() {
        let legend = Legend(entries: entries)
        XCTAssertEqual(legend.rows(width: 1000, theme: .standard).count, 1)
        let narrow = legend.rows(width: 120, theme: .standard)
        XCTAssertEqual(narrow.flatMap { $0.map(\.label) }, ["stay", "moved up", "moved down", "added"])
        XCTAssertGreaterThan(narrow.count, 1)
        XCTAssertEqual(legend.height(width: 120, theme: .standard), Double(narrow.count) * 20)
    }

    func testAnEntryWiderThanTheRowStillGetsARow() {
        let legend = Legend(entries: [Legend.Entry(label: String(repeating: "x", count: 80), color: "#000", swatch: .line)])
        XCTAssertEqual(legend.rows(width: 50, theme: .standard).count, 1)
    }

    func testNoEntriesTakeNoRoom() {
        XCTAssertEqual(Legend(entries: []).height(width: 500, theme: .standard), 0)
    }
}
