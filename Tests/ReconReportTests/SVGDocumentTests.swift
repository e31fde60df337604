import XCTest
@testable import ReconReport

final class SVGDocumentTests: XCTestCase {
    func testRootElementTitleAndDescription() {
        let document = SVGDocument(width: 200, height: 100.5, title: "Drag <by> year", summary: "One & only")
        let markup = document.markup
        XCTAssertTrue(markup.hasPrefix(
            #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100.5" width="200" height="100.5" role="img">"#))
        XCTAssertTrue(markup.contains("<title>Drag &lt;by&gt; year</title>\n<desc>One &amp; only</desc>"))
        XCTAssertTrue(markup.hasSuffix("</svg>\n"))
        XCTAssertNoThrow(try SVGTestXML.parse(markup))
    }

    func testIDLabelsTheDrawing() {
        let document = SVGDocument(width: 10, height: 10, title: "T", summary: "D", id: "drag chart")
        let markup = document.markup
        XCTAssertTrue(markup.contains(#"id="drag-chart" aria-labelledby="drag-chart-title drag-chart-desc""#))
        XCTAssertTrue(markup.contains(#"<title id="drag-chart-title">T</title>"#))
        XCTAssertTrue(markup.contains(#"<desc id="drag-chart-desc">D</desc>"#))
    }

    func testIDsStartWithALetter() {
        XCTAssertEqual(SVGDocument.sanitizedID("2024-flows"), "chart-2024-flows")
        XCTAssertEqual(SVGDocument.sanitizedID("a\"b"), "a-b")
    }
}
