import Foundation
import XCTest
import ReconReport

/// Runs every Swift block of `docs/charts.md`, verbatim, and checks that the guide still holds
/// exactly these blocks. Set `RECON_CHART_OUT` to a folder to have the charts written there.
final class SVGChartsGuideTests: XCTestCase {
    func testOpeningExample() throws {
        let drag = BarChart(
            title: "Russell 2000 reconstitution drag",
            categories: (2004...2010).map(String.init),
            series: [.init(name: "Drag", values: [-0.012, -0.008, -0.015, 0.004, -0.002, 0.006, -0.001])],
            marker: CategoryMarker(before: "2007", label: "banding from 2007"),
            xAxisTitle: "Year", yAxisTitle: "Drag",
            valueFormat: .percent)
        let svg: String = drag.svg(id: "drag")
        try check(svg, savedAs: "drag")
        XCTAssertTrue(svg.contains("banding from 2007"))
    }

    func testBarExample() throws {
        let bars = BarChart(
            title: "Drag by index",
            categories: ["2022", "2023", "2024"],
            series: [.init(name: "Russell 1000", values: [0.001, -0.002, 0.0005]),
                     .init(name: "Russell 2000", values: [-0.011, 0.004, -0.007])],
            valueFormat: .percent)
        let barsSVG = bars.svg()
        try check(barsSVG, savedAs: "bars")
    }

    func testLineExample() throws {
        let growth = LineChart(
            title: "Growth of $1",
            series: [.init(name: "Russell 1000", points: [ChartPoint(x: 2005, y: 1), ChartPoint(x: 2010, y: 1.4), ChartPoint(x: 2015, y: 2.6)]),
                     .init(name: "Russell 2000", points: [ChartPoint(x: 2005, y: 1), ChartPoint(x: 2010, y: 1.2), ChartPoint(x: 2015, y: 2.1)])],
            marker: VerticalMarker(x: 2007, label: "banding"),
            xFormat: .year, yFormat: .currency, yScale: .logarithmic)
        let growthSVG = growth.svg()
        try check(growthSVG, savedAs: "growth")
    }

    func testDistributionExample() throws {
        let caps = DistributionChart(
            title: "Market caps around the #1000 cut",
            groups: [.init(name: "stay", points: [ChartPoint(x: 990, y: 5.1e9), ChartPoint(x: 1012, y: 4.4e9)]),
                     .init(name: "moved up", points: [ChartPoint(x: 960, y: 5.6e9)], symbol: .triangleUp),
                     .init(name: "moved down", points: [ChartPoint(x: 1040, y: 4.1e9)], symbol: .triangleDown)],
            band: ShadedRange(x: 951...1052, label: "±2.5% band"),
            cut: VerticalMarker(x: 1000, label: "#1000"),
            xAxisTitle: "Rank", yAxisTitle: "Market cap")
        let capsSVG = caps.svg()
        try check(capsSVG, savedAs: "caps")
    }

    func testFlowExample() throws {
        let tiers = ["R1000", "R2000", "Microcap", "Out"]
        let moves = FlowChart(
            title: "Membership, 2023 → 2024",
            flows: [.init(from: "R1000", to: "R1000", count: 960), .init(from: "R1000", to: "R2000", count: 38),
                    .init(from: "R2000", to: "R1000", count: 41), .init(from: "R2000", to: "R2000", count: 1800),
                    .init(from: "Out", to: "R2000", count: 150)],
            leftNodes: tiers, rightNodes: tiers)
        let movesSVG = moves.svg()
        try check(movesSVG, savedAs: "moves")
    }

    func testNumberFormatExample() {
        let labels = [NumberFormat.currency.string(for: 4.6e9), NumberFormat.compact.string(for: 1234),
                      NumberFormat.percent.string(for: -0.035), NumberFormat.year.string(for: 2007)]
        // ["$4.6B", "1.2K", "-3.5%", "2007"]
        XCTAssertEqual(labels, ["$4.6B", "1.2K", "-3.5%", "2007"])
    }

    func testScaleExample() {
        let y = LinearScale(domain: NiceTicks.niceDomain(0...97), range: 40...340, reversed: true)
        let ticks = y.ticks()            // [0, 20, 40, 60, 80, 100]
        let top = y.position(of: 100)    // 40
        XCTAssertEqual(ticks, [0, 20, 40, 60, 80, 100])
        XCTAssertEqual(top, 40)
    }

    func testEveryBlockOfTheGuideIsRunHere() throws {
        let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let guide = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/charts.md")
        let blocks = swiftBlocks(in: try String(contentsOf: guide, encoding: .utf8))
        XCTAssertEqual(blocks.count, 7)
        let thisFile = significantLines(of: try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8))
        for block in blocks {
            let lines = significantLines(of: block)
            let found = thisFile.indices.contains { start in
                Array(thisFile[start..<min(start + lines.count, thisFile.count)]) == lines
            }
            XCTAssertTrue(found, "docs/charts.md block not run by a test:\n\(block)")
        }
    }

    // MARK: - Helpers

    private func check(_ svg: String, savedAs name: String) throws {
        XCTAssertTrue(svg.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="#))
        XCTAssertTrue(svg.hasSuffix("</svg>\n"))
        XCTAssertFalse(svg.contains("No data"), name)
        guard let folder = ProcessInfo.processInfo.environment["RECON_CHART_OUT"] else { return }
        let url = URL(fileURLWithPath: folder).appendingPathComponent("\(name).svg")
        try svg.write(to: url, atomically: true, encoding: .utf8)
    }

    private func swiftBlocks(in markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```swift" {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current!.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    /// Lines trimmed of indentation, without blank lines and imports.
    private func significantLines(of text: String) -> [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("import ") }
    }
}
