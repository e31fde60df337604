import XCTest
@testable import ReconReport

final class SVGBandScaleTests: XCTestCase {
    func testBandsFillTheRangeWithoutPadding() {
        let scale = BandScale(categories: ["a", "b", "c"], range: 0...300, paddingInner: 0, paddingOuter: 0)
        XCTAssertEqual(scale.step, 100)
        XCTAssertEqual(scale.bandwidth, 100)
        XCTAssertEqual(scale.start(at: 0), 0)
        XCTAssertEqual(scale.start(at: 2) + scale.bandwidth, 300)
        XCTAssertEqual(scale.center(at: 1), 150)
    }

    func testPaddingKeepsTheOuterEdgesOnTheRangeEndpoints() {
        let scale = BandScale(categories: ["a", "b", "c", "d"], range: 40...680, paddingInner: 0.2, paddingOuter: 0.1)
        let firstEdge = scale.start(at: 0) - scale.step * scale.paddingOuter
        let lastEdge = scale.start(at: 3) + scale.bandwidth + scale.step * scale.paddingOuter
        XCTAssertEqual(firstEdge, 40, accuracy: 1e-9)
        XCTAssertEqual(lastEdge, 680, accuracy: 1e-9)
        XCTAssertEqual(scale.bandwidth, scale.step * 0.8, accuracy: 1e-9)
    }

    func testBoundaryLiesBetweenBands() throws {
        let scale = BandScale(categories: ["2006", "2007"], range: 0...200, paddingInner: 0.5, paddingOuter: 0)
        let boundary = scale.boundary(before: try XCTUnwrap(scale.index(of: "2007")))
        XCTAssertEqual(boundary, (scale.start(at: 0) + scale.bandwidth + scale.start(at: 1)) / 2, accuracy: 1e-9)
    }

    func testInvertsPositionsToCategories() {
        let scale = BandScale(categories: ["a", "b", "c"], range: 0...300, paddingInner: 0.2, paddingOuter: 0.1)
        for index in 0..<3 {
            XCTAssertEqual(scale.index(at: scale.center(at: index)), index)
        }
        XCTAssertNil(scale.index(at: -1))
        XCTAssertNil(scale.index(at: 301))
    }

    func testNoCategories() {
        let scale = BandScale(categories: [], range: 0...300)
        XCTAssertEqual(scale.step, 0)
        XCTAssertNil(scale.index(at: 10))
        XCTAssertNil(scale.index(of: "a"))
    }
}
