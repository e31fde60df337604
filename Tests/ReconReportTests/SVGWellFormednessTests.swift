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

final class SVGWellFormednessTests: XCTestCase {
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
