import XCTest
@testable import ReconReport

final class SVGBarChartTests: XCTestCase {
    private func bars(of chart: BarChart) throws -> [ParsedElement] {
        try SVGTestXML.parse(chart.svg()).all("rect", class: "bar")
    }

    func testABarOfTwoIsTwiceAsTallAsABarOfOne() throws {
        let chart = BarChart(title: "Heights", categories: ["a", "b"], series: [.init(name: "s", values: [1, 2])])
        let heights = try bars(of: chart).map { try XCTUnwrap($0.number("height")) }
        XCTAssertEqual(heights.count, 2)
        XCTAssertEqual(heights[1], 2 * heights[0], accuracy: 0.02)
        XCTAssertGreaterThan(heights[0], 10)
    }

    func testBarsStandOnTheZeroLineAndNegativeBarsHangBelowIt() throws {
        let chart = BarChart(title: "Drag", categories: ["2006", "2007"], series: [.init(name: "drag", values: [-1, 3])])
        let root = try SVGTestXML.parse(chart.svg())
        let zero = try XCTUnwrap(root.all("line", class: "zero").first?.number("y1"))
        let bars = root.all("rect", class: "bar")
        let negative = bars[0], positive = bars[1]
        XCTAssertEqual(try XCTUnwrap(negative.number("y")), zero, accuracy: 0.01)
        XCTAssertEqual(try XCTUnwrap(positive.number("y")) + (positive.number("height") ?? 0), zero, accuracy: 0.01)
        XCTAssertEqual(try XCTUnwrap(positive.number("height")), 3 * (negative.number("height") ?? 0), accuracy: 0.03)
    }

    func testGroupedSeriesSitSideBySideWithALegend() throws {
        let chart = BarChart(
            title: "Two", categories: ["a"],
            series: [.init(name: "first", values: [1]), .init(name: "second", values: [1], color: "#123456")])
        let root = try SVGTestXML.parse(chart.svg())
        let bars = root.all("rect", class: "bar")
        XCTAssertEqual(bars.count, 2)
        XCTAssertLessThanOrEqual(
            (bars[0].number("x") ?? 0) + (bars[0].number("width") ?? 0), bars[1].number("x") ?? 0)
        XCTAssertEqual(bars[1].attributes["fill"], "#123456")
        let legendTexts = root.all("g", class: "legend").first?.all("text").map(\.text)
        XCTAssertEqual(legendTexts, ["first", "second"])
    }

    func testASingleSeriesHasNoLegend() throws {
        let chart = BarChart(title: "One", categories: ["a"], series: [.init(name: "only", values: [1])])
        XCTAssertTrue(try SVGTestXML.parse(chart.svg()).all("g", class: "legend").isEmpty)
    }

    func testMarkerGoesBetweenTheTwoCategories() throws {
        let chart = BarChart(
            title: "Banding", categories: ["2005", "2006", "2007", "2008"],
            series: [.init(name: "s", values: [1, 1, 1, 1])],
            marker: CategoryMarker(before: "2007", label: "banding from 2007"))
        let root = try SVGTestXML.parse(chart.svg())
        let marker = try XCTUnwrap(root.all("g", class: "marker").first)
        let markerX = try XCTUnwrap(marker.all("line").first?.number("x1"))
        let bars = root.all("rect", class: "bar")
        let end2006 = (bars[1].number("x") ?? 0) + (bars[1].number("width") ?? 0)
        let start2007 = bars[2].number("x") ?? 0
        XCTAssertEqual(markerX, (end2006 + start2007) / 2, accuracy: 0.02)
        XCTAssertEqual(marker.all("text").first?.text, "banding from 2007")
    }

    func testMarkerBeforeAnUnknownCategoryIsNotDrawn() throws {
        let chart = BarChart(
            title: "No marker", categories: ["a"], series: [.init(name: "s", values: [1])],
            marker: CategoryMarker(before: "z", label: "never"))
        XCTAssertTrue(try SVGTestXML.parse(chart.svg()).all("g", class: "marker").isEmpty)
    }

    func testNonFiniteAndMissingValuesDrawNoBar() throws {
        let chart = BarChart(
            title: "Gaps", categories: ["a", "b", "c", "d"], series: [.init(name: "s", values: [1, .nan, .infinity])])
        XCTAssertEqual(try bars(of: chart).count, 1)
    }

    func testAllEqualAndAllZeroValues() throws {
        let equal = BarChart(title: "Equal", categories: ["a", "b"], series: [.init(name: "s", values: [5, 5])])
        let heights = try bars(of: equal).map { $0.number("height") ?? 0 }
        XCTAssertEqual(heights[0], heights[1])
        XCTAssertGreaterThan(heights[0], 0)
        let zeros = BarChart(title: "Zeros", categories: ["a"], series: [.init(name: "s", values: [0])])
        XCTAssertEqual(try bars(of: zeros).first?.number("height"), 0)
    }

    func testTooltipsWriteValuesInTheChartFormat() throws {
        let chart = BarChart(
            title: "Drag", categories: ["2007"], series: [.init(name: "drag", values: [-0.012])], valueFormat: .percent)
        XCTAssertEqual(try bars(of: chart).first?.all("title").first?.text, "2007: -1.2%")
    }

    func testPercentTicksOnTheValueAxis() throws {
        let chart = BarChart(
            title: "Drag", categories: ["a", "b"], series: [.init(name: "s", values: [-0.037, 0.012])],
            valueFormat: .percent)
        let labels = try SVGTestXML.parse(chart.svg()).all("g", class: "y-axis").first?.all("text").map(\.text)
        XCTAssertEqual(labels, ["-4%", "-3%", "-2%", "-1%", "0%", "1%", "2%"])
    }

    func testEmptyChartsSayNoData() throws {
        let charts = [
            BarChart(title: "No categories", categories: [], series: [.init(name: "s", values: [1])]),
            BarChart(title: "No series", categories: ["a"], series: []),
            BarChart(title: "No finite value", categories: ["a"], series: [.init(name: "s", values: [.nan])]),
        ]
        for chart in charts {
            let root = try SVGTestXML.parse(chart.svg())
            XCTAssertEqual(root.all("g", class: "no-data").first?.all("text").first?.text, "No data")
            XCTAssertTrue(root.all("rect", class: "bar").isEmpty)
        }
    }

    func testManyCategoryLabelsAreThinned() throws {
        let years = (1989...2025).map(String.init)
        let chart = BarChart(
            title: "Years", categories: years, series: [.init(name: "s", values: years.map { _ in 1 })],
            size: ChartSize(width: 480, height: 300))
        let labels = try SVGTestXML.parse(chart.svg()).all("g", class: "x-axis").first?.all("text").map(\.text) ?? []
        XCTAssertEqual(labels.first, "1989")
        XCTAssertLessThan(labels.count, years.count)
        XCTAssertGreaterThan(labels.count, 3)
    }
}
