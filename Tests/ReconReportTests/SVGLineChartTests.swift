import XCTest
@testable import ReconReport

final class SVGLineChartTests: XCTestCase {
    private func points(_ pairs: [(Double, Double)]) -> [ChartPoint] {
        pairs.map { ChartPoint(x: $0.0, y: $0.1) }
    }

    private func paths(of chart: LineChart) throws -> [String] {
        try SVGTestXML.parse(chart.svg()).all("g", class: "series").flatMap { $0.all("path") }
            .compactMap { $0.attributes["d"] }
    }

    func testEachSeriesIsOnePathWithOneMovePerUnbrokenRun() throws {
        let chart = LineChart(title: "Runs", series: [
            .init(name: "whole", points: points([(1, 1), (2, 2), (3, 3)])),
            .init(name: "broken", points: points([(1, 1), (2, 2), (3, .nan), (4, 2), (5, 1)])),
        ])
        let data = try paths(of: chart)
        XCTAssertEqual(data.count, 2)
        XCTAssertEqual(data[0].filter { $0 == "M" }.count, 1)
        XCTAssertEqual(data[0].filter { $0 == "L" }.count, 2)
        XCTAssertEqual(data[1].filter { $0 == "M" }.count, 2)
    }

    func testLogScaleSkipsZeroAndNegativeValues() throws {
        let chart = LineChart(
            title: "Growth", series: [.init(name: "s", points: points([(1, 1), (2, 0), (3, -1), (4, 10), (5, 100)]))],
            yScale: .logarithmic)
        let data = try XCTUnwrap(paths(of: chart).first)
        XCTAssertEqual(data.filter { $0 == "M" }.count, 1, "the lone first point is a dot, the rest one run")
        let root = try SVGTestXML.parse(chart.svg())
        XCTAssertEqual(root.all("g", class: "series").first?.all("circle").count, 1)
    }

    func testLogAxisTicksArePowersOfTen() throws {
        let chart = LineChart(
            title: "Growth", series: [.init(name: "s", points: points([(1, 1), (2, 1000)]))],
            yFormat: .currency, yScale: .logarithmic)
        let labels = try SVGTestXML.parse(chart.svg()).all("g", class: "y-axis").first?.all("text").map(\.text)
        XCTAssertEqual(labels, ["$1", "$10", "$100", "$1K"])
    }

    func testLogScalePlacesEqualRatiosAtEqualDistances() throws {
        let chart = LineChart(
            title: "Ratios", series: [.init(name: "s", points: points([(1, 1), (2, 10), (3, 100)]))],
            yScale: .logarithmic)
        let data = try XCTUnwrap(paths(of: chart).first)
        let numbers = data.split(whereSeparator: { "ML ".contains($0) }).compactMap { Double($0) }
        let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
        XCTAssertEqual(ys[0] - ys[1], ys[1] - ys[2], accuracy: 0.02)
    }

    func testYearTicksAreWholeYears() throws {
        let chart = LineChart(
            title: "Years", series: [.init(name: "s", points: points([(2020, 1), (2022, 2)]))], xFormat: .year)
        let labels = try SVGTestXML.parse(chart.svg()).all("g", class: "x-axis").first?.all("text").map(\.text)
        XCTAssertEqual(labels, ["2020", "2021", "2022"])
    }

    func testMarkerIsDrawnInsideTheDataRangeOnly() throws {
        let series = [LineChart.Series(name: "s", points: points([(1989, 1), (2025, 2)]))]
        let inside = LineChart(title: "In", series: series, marker: VerticalMarker(x: 2007, label: "banding"))
        let outside = LineChart(title: "Out", series: series, marker: VerticalMarker(x: 1950, label: "never"))
        let marker = try XCTUnwrap(SVGTestXML.parse(inside.svg()).all("g", class: "marker").first)
        XCTAssertEqual(marker.all("text").first?.text, "banding")
        XCTAssertTrue(try SVGTestXML.parse(outside.svg()).all("g", class: "marker").isEmpty)
    }

    func testMarkerSitsProportionallyAlongTheXAxis() throws {
        let chart = LineChart(
            title: "Marker", series: [.init(name: "s", points: points([(0, 1), (10, 1)]))],
            marker: VerticalMarker(x: 2.5, label: "quarter"))
        let root = try SVGTestXML.parse(chart.svg())
        let data = try XCTUnwrap(paths(of: chart).first)
        let numbers = data.split(whereSeparator: { "ML ".contains($0) }).compactMap { Double($0) }
        let (left, right) = (numbers[0], numbers[2])
        let markerX = try XCTUnwrap(root.all("g", class: "marker").first?.all("line").first?.number("x1"))
        XCTAssertEqual(markerX, left + (right - left) / 4, accuracy: 0.02)
    }

    func testLegendListsSeveralSeries() throws {
        let chart = LineChart(title: "Two", series: [
            .init(name: "Russell 1000", points: points([(1, 1), (2, 2)])),
            .init(name: "Russell 2000", points: points([(1, 2), (2, 1)])),
        ])
        let texts = try SVGTestXML.parse(chart.svg()).all("g", class: "legend").first?.all("text").map(\.text)
        XCTAssertEqual(texts, ["Russell 1000", "Russell 2000"])
    }

    func testASinglePointIsADotInTheMiddle() throws {
        let chart = LineChart(
            title: "One", series: [.init(name: "s", points: points([(2024, 5)]))], xFormat: .year,
            size: ChartSize(width: 400, height: 300))
        let root = try SVGTestXML.parse(chart.svg())
        let dot = try XCTUnwrap(root.all("circle").first)
        let axisLine = try XCTUnwrap(root.all("g", class: "x-axis").first?.all("line").first)
        let middle = ((axisLine.number("x1") ?? 0) + (axisLine.number("x2") ?? 0)) / 2
        XCTAssertEqual(try XCTUnwrap(dot.number("cx")), middle, accuracy: 0.01)
    }

    func testChartsWithoutDrawablePointsSayNoData() throws {
        let charts = [
            LineChart(title: "None", series: []),
            LineChart(title: "Empty", series: [.init(name: "s", points: [])]),
            LineChart(title: "NaN", series: [.init(name: "s", points: points([(.nan, 1), (1, .infinity)]))]),
            LineChart(title: "Log", series: [.init(name: "s", points: points([(1, 0), (2, -3)]))], yScale: .logarithmic),
        ]
        for chart in charts {
            let root = try SVGTestXML.parse(chart.svg())
            XCTAssertFalse(root.all("g", class: "no-data").isEmpty, chart.title)
        }
    }
}
