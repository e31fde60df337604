import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import ReconReport

/// An element read back from rendered SVG by `XMLParser`.
struct ParsedElement {
    var name: String
    var attributes: [String: String]
    var text: String = ""
    var children: [ParsedElement] = []

    /// This element and every element below it, in document order.
    var descendantsAndSelf: [ParsedElement] {
        [self] + children.flatMap(\.descendantsAndSelf)
    }

    /// Every element below this one named `name` (and with `class` = `className`, when given).
    func all(_ name: String, class className: String? = nil) -> [ParsedElement] {
        descendantsAndSelf.dropFirst().filter { element in
            element.name == name && (className == nil || element.attributes["class"] == className)
        }
    }

    func number(_ attribute: String) -> Double? {
        attributes[attribute].flatMap(Double.init)
    }
}

enum SVGTestXML {
    struct MalformedXML: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses `markup` with Foundation's XML parser; throws when it is not well-formed.
    static func parse(_ markup: String) throws -> ParsedElement {
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw MalformedXML(description: parser.parserError.map { "\($0)" } ?? "no root element")
        }
        return root
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: ParsedElement?
        private var open: [ParsedElement] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            open.append(ParsedElement(name: elementName, attributes: attributes))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !open.isEmpty else { return }
            open[open.count - 1].text += string
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            guard let element = open.popLast() else { return }
            if open.isEmpty {
                root = element
            } else {
                open[open.count - 1].children.append(element)
            }
        }
    }
}

/// Charts of every kind, with ordinary and awkward data, for tests that hold for all of them.
enum SVGSampleCharts {
    static let hostile = #"A&B <Co> "quoted" 'single' \#u{7}"#

    static var all: [(name: String, chart: any SVGChart)] {
        let years = (1989...2025).map(String.init)
        let drag = years.indices.map { Double($0 % 7) * 0.004 - 0.012 }
        let growth = (1989...2025).map { ChartPoint(x: Double($0), y: 1.08 * Double($0 - 1988)) }
        let caps = (900...1100).map { ChartPoint(x: Double($0), y: 4.6e12 / Double($0)) }
        return [
            ("bar", BarChart(
                title: "Drag", categories: years, series: [.init(name: "R2000", values: drag), .init(name: "R1000", values: drag.reversed())],
                marker: CategoryMarker(before: "2007", label: "banding from 2007"), xAxisTitle: "Year",
                yAxisTitle: "Drag", valueFormat: .percent)),
            ("bar-empty", BarChart(title: "Empty", categories: [], series: [])),
            ("bar-hostile", BarChart(
                title: hostile, summary: hostile, categories: [hostile], series: [.init(name: hostile, values: [1])],
                marker: CategoryMarker(before: hostile, label: hostile), xAxisTitle: hostile, yAxisTitle: hostile)),
            ("line", LineChart(
                title: "Growth of $1", series: [.init(name: "R1000", points: growth)],
                marker: VerticalMarker(x: 2007, label: "banding"), xFormat: .year, yFormat: .currency,
                yScale: .logarithmic)),
            ("line-single", LineChart(title: "One", series: [.init(name: "s", points: [ChartPoint(x: 1, y: 1)])])),
            ("line-awkward", LineChart(
                title: hostile, series: [.init(name: hostile, points: [ChartPoint(x: .nan, y: 1), ChartPoint(x: 1, y: 0),
                                                                      ChartPoint(x: 2, y: -1), ChartPoint(x: 3, y: 5)])],
                marker: VerticalMarker(x: .infinity, label: hostile), yScale: .logarithmic)),
            ("line-empty", LineChart(title: "Empty", series: [])),
            ("distribution", DistributionChart(
                title: "Caps", groups: [.init(name: "stay", points: caps), .init(name: "cross", points: caps.prefix(3).map { $0 }, symbol: .cross),
                                        .init(name: "square", points: [caps[10]], symbol: .square), .init(name: "diamond", points: [caps[20]], symbol: .diamond)],
                band: ShadedRange(x: 951...1052, label: "±2.5%"), cut: VerticalMarker(x: 1000, label: "#1000"))),
            ("distribution-empty", DistributionChart(title: "Empty", groups: [])),
            ("distribution-hostile", DistributionChart(
                title: hostile, groups: [.init(name: hostile, points: [ChartPoint(x: 1, y: 1)], color: hostile)],
                band: ShadedRange(x: -Double.infinity...Double.infinity, label: hostile),
                cut: VerticalMarker(x: .nan, label: hostile))),
            ("flow", FlowChart(
                title: "Membership", flows: [.init(from: "R1000", to: "R1000", count: 950), .init(from: "R2000", to: "R1000", count: 50),
                                             .init(from: "Out", to: "R2000", count: 3)],
                leftNodes: ["R1000", "R2000", "Microcap", "Out"], rightNodes: ["R1000", "R2000", "Microcap", "Out"])),
            ("flow-hostile", FlowChart(
                title: hostile, flows: [.init(from: hostile, to: hostile, count: 1)], leftTitle: hostile, rightTitle: hostile)),
            ("flow-empty", FlowChart(title: "Empty", flows: [])),
        ]
    }
}

final class SVGWellFormednessTests: XCTestCase {
    func testEveryChartIsOneWellFormedSVGElement() throws {
        for (name, chart) in SVGSampleCharts.all {
            let markup = chart.svg(id: name)
            let root: ParsedElement
            do {
                root = try SVGTestXML.parse(markup)
            } catch {
                XCTFail("\(name): \(error)")
                continue
            }
            XCTAssertEqual(root.name, "svg", name)
            XCTAssertEqual(root.attributes["xmlns"], "http://www.w3.org/2000/svg", name)
            XCTAssertNotNil(root.attributes["viewBox"], name)
            XCTAssertEqual(root.children.first?.name, "title", name)
            XCTAssertTrue(markup.hasPrefix("<svg "), name)
            XCTAssertEqual(markup.components(separatedBy: "<svg").count, 2, "\(name): one <svg> only")
        }
    }

    func testChartsHaveNoScriptsStylesOrExternalReferences() {
        for (name, chart) in SVGSampleCharts.all {
            let markup = chart.svg().lowercased()
            XCTAssertEqual(markup.components(separatedBy: "http").count, 2, "\(name): only the namespace is a URL")
            for forbidden in ["href", "<script", "<style", "@import", "url(", "<image", "<foreignobject"] {
                XCTAssertFalse(markup.contains(forbidden), "\(name) contains \(forbidden)")
            }
        }
    }

    func testHostileTextIsEscapedAndKept() throws {
        for (name, chart) in SVGSampleCharts.all where name.hasSuffix("hostile") {
            let root = try SVGTestXML.parse(chart.svg())
            XCTAssertEqual(root.all("title").first?.text, #"A&B <Co> "quoted" 'single' "#, name)
        }
    }

    func testRenderingIsDeterministic() {
        for (name, chart) in SVGSampleCharts.all {
            XCTAssertEqual(chart.svg(id: name), chart.svg(id: name), name)
        }
    }

    func testNumbersInTheOutputHaveAtMostTwoDecimals() {
        for (name, chart) in SVGSampleCharts.all {
            let markup = chart.svg()
            let longDecimal = markup.range(of: #"\.\d{3,}"#, options: .regularExpression)
            XCTAssertNil(longDecimal, "\(name): \(longDecimal.map { String(markup[$0]) } ?? "")")
            XCTAssertFalse(markup.contains("nan") || markup.contains("inf\""), name)
        }
    }

    func testParserRejectsMalformedMarkup() {
        XCTAssertThrowsError(try SVGTestXML.parse("<svg><g></svg>"))
        XCTAssertThrowsError(try SVGTestXML.parse("<svg>a & b</svg>"))
    }

    func testEscapedTextSurvivesARoundTrip() throws {
        let hostile = "a & b < c > d \" e ' f \u{1} g"
        let document = SVGDocument(width: 10, height: 10, title: hostile, summary: hostile)
        let root = try SVGTestXML.parse(document.markup)
        XCTAssertEqual(root.name, "svg")
        XCTAssertEqual(root.attributes["xmlns"], "http://www.w3.org/2000/svg")
        XCTAssertEqual(root.all("title").first?.text, "a & b < c > d \" e ' f  g")
    }
}
