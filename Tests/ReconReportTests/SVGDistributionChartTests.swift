import XCTest
@testable import ReconReport

final class SVGDistributionChartTests: XCTestCase {
    private let caps = (900...1100).map { rank in ChartPoint(x: Double(rank), y: 4.6e9 * 1000 / Double(rank)) }

    /// The circles drawn for data points (not the legend's).
    private func pointCircles(_ root: ParsedElement) -> [ParsedElement] {
        root.all("g", class: "points").first?.all("circle") ?? []
    }

    private func chart(groups: [DistributionChart.Group]) -> DistributionChart {
        DistributionChart(
            title: "Caps around the cut", groups: groups,
            band: ShadedRange(x: 951...1052, label: "±2.5% band"), cut: VerticalMarker(x: 1000, label: "#1000"),
            xAxisTitle: "Rank", yAxisTitle: "Market cap")
    }

    func testCutLineLiesInsideTheBandWhereRanksPutIt() throws {
        let root = try SVGTestXML.parse(chart(groups: [.init(name: "stay", points: caps)]).svg())
        let band = try XCTUnwrap(root.all("g", class: "band").first?.all("rect").first)
        let bandLeft = try XCTUnwrap(band.number("x")), bandWidth = try XCTUnwrap(band.number("width"))
        let cutX = try XCTUnwrap(root.all("g", class: "marker").first?.all("line").first?.number("x1"))
        XCTAssertEqual((cutX - bandLeft) / bandWidth, (1000.0 - 951) / (1052 - 951), accuracy: 0.001)
    }

    func testGroupsGetTheirSymbolsAndCountsInTheLegend() throws {
        let up = [ChartPoint(x: 990, y: 5e9), ChartPoint(x: 1010, y: 4e9)]
        let root = try SVGTestXML.parse(chart(groups: [
            .init(name: "stay", points: caps),
            .init(name: "moved up", points: up, symbol: .triangleUp, color: "#009E73"),
        ]).svg())
        let groups = root.all("g", class: "group")
        XCTAssertEqual(groups.count, 2)
        XCTAssertEqual(groups[0].all("circle").count, caps.count)
        XCTAssertEqual(groups[1].all("polygon").count, 2)
        XCTAssertEqual(groups[1].all("polygon").first?.attributes["fill"], "#009E73")
        let legend = root.all("g", class: "legend").first?.all("text").map(\.text)
        XCTAssertEqual(legend, ["stay (201)", "moved up (2)"])
    }

    func testPointsThatCannotBeDrawnAreSkipped() throws {
        let points = [
            ChartPoint(x: 1000, y: 1e9), ChartPoint(x: 1001, y: 0), ChartPoint(x: 1002, y: -5),
            ChartPoint(x: .nan, y: 1e9), ChartPoint(x: 1003, y: .infinity),
        ]
        let root = try SVGTestXML.parse(chart(groups: [.init(name: "mixed", points: points)]).svg())
        XCTAssertEqual(root.all("g", class: "group").first?.all("circle").count, 1)
        XCTAssertEqual(root.all("g", class: "legend").first?.all("text").first?.text, "mixed (1)")
    }

    func testLargerCapsSitHigherOnTheLogAxis() throws {
        let points = [ChartPoint(x: 1, y: 1e8), ChartPoint(x: 2, y: 1e9), ChartPoint(x: 3, y: 1e10)]
        let root = try SVGTestXML.parse(DistributionChart(title: "Log", groups: [.init(name: "g", points: points)]).svg())
        let ys = pointCircles(root).compactMap { $0.number("cy") }
        XCTAssertEqual(ys.count, 3)
        XCTAssertGreaterThan(ys[0], ys[1])
        XCTAssertEqual(ys[0] - ys[1], ys[1] - ys[2], accuracy: 0.02)
    }

    func testEmptyGroupsSayNoData() throws {
        for groups in [[], [DistributionChart.Group(name: "none", points: [])]] {
            let root = try SVGTestXML.parse(chart(groups: groups).svg())
            XCTAssertFalse(root.all("g", class: "no-data").isEmpty)
        }
    }

    func testASinglePointAndEqualCaps() throws {
        let single = chart(groups: [.init(name: "one", points: [ChartPoint(x: 1000, y: 4.6e9)])])
        XCTAssertEqual(pointCircles(try SVGTestXML.parse(single.svg())).count, 1)
        let equal = (1...5).map { ChartPoint(x: Double($0), y: 1e9) }
        let flat = DistributionChart(title: "Flat", groups: [.init(name: "g", points: equal)])
        let ys = Set(pointCircles(try SVGTestXML.parse(flat.svg())).compactMap { $0.attributes["cy"] })
        XCTAssertEqual(ys.count, 1)
    }
}
