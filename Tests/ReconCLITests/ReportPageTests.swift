import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import ReconCLI
import ReconEngine

/// A written report.html read back with `XMLParser`: the page must be XHTML-compatible.
struct ReportPage {
    /// An element of the page with its attributes and its content: text and elements, in order.
    struct Element {
        enum Node {
            case text(String)
            case element(Element)
        }

        var name: String
        var attributes: [String: String]
        var content: [Node] = []

        /// The elements directly inside this one.
        var children: [Element] {
            content.compactMap { node in
                if case .element(let element) = node { return element }
                return nil
            }
        }

        /// The text of this element and everything in it, in document order.
        var text: String {
            content.map { node in
                switch node {
                case .text(let text): return text
                case .element(let element): return element.text
                }
            }.joined()
        }

        /// This element and every element below it, in document order.
        var all: [Element] { [self] + children.flatMap(\.all) }

        /// Elements below this one named `name`, with `class` containing `className` when given.
        func elements(_ name: String, class className: String? = nil) -> [Element] {
            all.dropFirst().filter { element in
                element.name == name
                    && (className.map { (element.attributes["class"] ?? "").split(separator: " ").contains(Substring($0)) } ?? true)
            }
        }
    }

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    let html: String
    let root: Element

    /// Reads `report.html` in `folder`.
    static func read(_ folder: String) throws -> ReportPage {
        try parse(String(contentsOfFile: folder + "/report.html", encoding: .utf8))
    }

    /// Parses a page after removing its `<!DOCTYPE html>` line.
    static func parse(_ html: String) throws -> ReportPage {
        let body = html.hasPrefix("<!DOCTYPE html>\n") ? String(html.dropFirst("<!DOCTYPE html>\n".count)) : html
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(body.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw Malformed(description: parser.parserError.map { "\($0)" } ?? "no root element")
        }
        return ReportPage(html: html, root: root)
    }

    /// The value and detail of the headline number labelled `label`.
    func metric(_ label: String) -> (value: String, detail: String)? {
        for metric in root.elements("div", class: "metric") {
            let parts = metric.elements("div")
            guard parts.first?.text == label, parts.count >= 2 else { continue }
            return (parts[1].text, parts.count > 2 ? parts[2].text : "")
        }
        return nil
    }

    /// The rows (cells as text) of the table whose caption is `caption`.
    func table(_ caption: String) -> [[String]]? {
        for table in root.elements("table") where table.elements("caption").first?.text == caption {
            return table.elements("tbody").first?.elements("tr").map { $0.elements("td").map(\.text) }
        }
        return nil
    }

    /// The texts of the notices on the page.
    var notices: [String] { root.elements("div", class: "notice").map(\.text) }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: Element?
        private var open: [Element] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            open.append(Element(name: elementName, attributes: attributes))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !open.isEmpty else { return }
            open[open.count - 1].content.append(.text(string))
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard let element = open.popLast() else { return }
            if open.isEmpty { root = element } else { open[open.count - 1].content.append(.element(element)) }
        }
    }
}

/// Runs `recon report` in-process.
enum ReportRunner {
    struct Outcome {
        var status: Int32
        var out: String
        var error: String
    }

    static func run(_ arguments: [String]) -> Outcome {
        let (console, recording) = Console.recording()
        let status = ReconCommandLine.run(["report"] + arguments, console: console)
        return Outcome(status: status, out: recording.out, error: recording.error)
    }
}

/// Both kinds of report pages are well-formed XHTML and fetch nothing.
final class ReportPageTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = try ReportFixture.temporaryFolder("page")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func writtenPages() throws -> [(String, ReportPage)] {
        try ReportFixture.writeRun(to: folder + "/run")
        try ReportFixture.writeReplay(to: folder + "/replay")
        return try ["run", "replay"].map { name in
            XCTAssertEqual(ReportRunner.run([folder + "/" + name, "--quiet"]).status, 0)
            return (name, try ReportPage.read(folder + "/" + name))
        }
    }

    func testPagesAreWellFormedXHTMLWithATitleAndStyles() throws {
        for (name, page) in try writtenPages() {
            XCTAssertTrue(page.html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"), name)
            XCTAssertEqual(page.root.name, "html", name)
            XCTAssertEqual(page.root.elements("head").first?.elements("title").count, 1, name)
            XCTAssertEqual(page.root.elements("style").count, 1, name)
            XCTAssertEqual(page.root.elements("h1").count, 1, name)
            XCTAssertGreaterThanOrEqual(page.root.elements("svg").count, 3, name)
        }
    }

    func testPagesFetchNothing() throws {
        for (name, page) in try writtenPages() {
            let withoutSVGNamespace = page.html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            for forbidden in ["http://", "https://", "url(", "@import", "@font-face", "<script", "<link", "<img", "src="] {
                XCTAssertFalse(withoutSVGNamespace.contains(forbidden), "\(name) report contains \(forbidden)")
            }
            let ids = Set(page.root.all.compactMap { $0.attributes["id"] })
            for element in page.root.all {
                XCTAssertNil(element.attributes["src"], "\(name): <\(element.name) src>")
                guard let href = element.attributes["href"] else { continue }
                XCTAssertTrue(href.hasPrefix("#") && ids.contains(String(href.dropFirst())), "\(name): href=\(href)")
            }
        }
    }

    func testEveryChartFileBesideTheReportIsTheChartOnThePage() throws {
        for (name, page) in try writtenPages() {
            let charts = try FileManager.default.contentsOfDirectory(atPath: folder + "/" + name)
                .filter { $0.hasPrefix("report-") && $0.hasSuffix(".svg") }
            XCTAssertEqual(charts.count, page.root.elements("svg").count, name)
            for chart in charts {
                let markup = try String(contentsOfFile: folder + "/" + name + "/" + chart, encoding: .utf8)
                XCTAssertNoThrow(try ReportPage.parse(markup), chart)
                XCTAssertTrue(page.html.contains(markup), "\(chart) is not the chart on the page")
                let markdown = try String(contentsOfFile: folder + "/" + name + "/report.md", encoding: .utf8)
                XCTAssertTrue(markdown.contains("](\(chart))"), "report.md does not link \(chart)")
            }
        }
    }
}
