import XCTest
@testable import ReconReport

final class SVGFlowChartTests: XCTestCase {
    private let tiers = ["R1000", "R2000", "Microcap", "Out"]

    private var chart: FlowChart {
        FlowChart(
            title: "Membership",
            flows: [
                .init(from: "R1000", to: "R1000", count: 900), .init(from: "R1000", to: "R2000", count: 100),
                .init(from: "R2000", to: "R1000", count: 50), .init(from: "R2000", to: "R2000", count: 1800),
                .init(from: "Out", to: "R2000", count: 150),
            ],
            leftNodes: tiers, rightNodes: tiers)
    }

    /// The thickness of a ribbon: the straight edge at its target end, in `M … C … L x y C …`.
    private func thickness(ofRibbon path: String) throws -> Double {
        let numbers = path.split(whereSeparator: { "MCLZ ".contains($0) }).compactMap { Double($0) }
        XCTAssertEqual(numbers.count, 16)
        return numbers[9] - numbers[7]
    }

    func testRibbonThicknessIsProportionalToCount() throws {
        let root = try SVGTestXML.parse(chart.svg())
        let ribbons = root.all("path", class: "ribbon")
        XCTAssertEqual(ribbons.count, 5)
        var thicknessByFlow: [String: Double] = [:]
        for ribbon in ribbons {
            let name = try XCTUnwrap(ribbon.all("title").first?.text)
            thicknessByFlow[name] = try thickness(ofRibbon: try XCTUnwrap(ribbon.attributes["d"]))
        }
        let big = try XCTUnwrap(thicknessByFlow["R1000 → R1000: 900"])
        let small = try XCTUnwrap(thicknessByFlow["R1000 → R2000: 100"])
        let huge = try XCTUnwrap(thicknessByFlow["R2000 → R2000: 1,800"])
        XCTAssertEqual(big / small, 9, accuracy: 0.05)
        XCTAssertEqual(huge / big, 2, accuracy: 0.01)
    }

    func testNodesAreAsTallAsTheirCountsAndLabelledWithThem() throws {
        let root = try SVGTestXML.parse(chart.svg())
        let nodes = root.all("rect", class: "node")
        XCTAssertEqual(nodes.count, 8)
        let leftR1000 = try XCTUnwrap(nodes[0].number("height"))
        let leftR2000 = try XCTUnwrap(nodes[1].number("height"))
        XCTAssertEqual(leftR2000 / leftR1000, 1850.0 / 1000, accuracy: 0.01)
        let labels = root.all("g", class: "nodes").first?.all("text").map(\.text) ?? []
        XCTAssertEqual(Array(labels.prefix(4)), ["R1000 (1,000)", "R2000 (1,850)", "Microcap (0)", "Out (150)"])
        XCTAssertEqual(Array(labels.suffix(4)), ["R1000 (950)", "R2000 (2,050)", "Microcap (0)", "Out (0)"])
    }

    func testNodesKeepTheGivenOrderTopToBottom() throws {
        let nodes = try SVGTestXML.parse(chart.svg()).all("rect", class: "node")
        let leftTops = nodes.prefix(4).compactMap { $0.number("y") }
        XCTAssertEqual(leftTops, leftTops.sorted())
    }

    func testFlowsBetweenTheSamePairAreAddedAndNonPositiveOnesDropped() {
        let chart = FlowChart(title: "Merge", flows: [
            .init(from: "a", to: "b", count: 2), .init(from: "a", to: "b", count: 3),
            .init(from: "a", to: "c", count: 0), .init(from: "c", to: "b", count: -4),
        ])
        XCTAssertEqual(chart.mergedFlows, [.init(from: "a", to: "b", count: 5)])
    }

    func testNodesNamedOnlyInFlowsFollowTheListedOnes() throws {
        let chart = FlowChart(title: "Order", flows: [.init(from: "x", to: "y", count: 1)], leftNodes: ["w"])
        let labels = try SVGTestXML.parse(chart.svg()).all("g", class: "nodes").first?.all("text").map(\.text)
        XCTAssertEqual(labels, ["w (0)", "x (1)", "y (1)"])
    }

    func testNoPositiveFlowSaysNoData() throws {
        for flows in [[], [FlowChart.Flow(from: "a", to: "b", count: 0)]] {
            let root = try SVGTestXML.parse(FlowChart(title: "Empty", flows: flows).svg())
            XCTAssertFalse(root.all("g", class: "no-data").isEmpty)
        }
    }

    func testHugeCountsDoNotOverflow() throws {
        let chart = FlowChart(title: "Huge", flows: [
            .init(from: "a", to: "b", count: .max), .init(from: "a", to: "b", count: .max),
            .init(from: "c", to: "b", count: .max),
        ])
        XCTAssertEqual(chart.mergedFlows.first?.count, .max)
        XCTAssertEqual(try SVGTestXML.parse(chart.svg()).all("path", class: "ribbon").count, 2)
    }
}
