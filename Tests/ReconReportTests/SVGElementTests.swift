import XCTest
@testable import ReconReport

final class SVGElementTests: XCTestCase {
    func testWritesAttributesInOrderWithTrimmedCoordinates() {
        let dot = SVGElement("circle").attribute("cx", 10.5).attribute("cy", 20.004).attribute("r", 2)
            .attribute("fill", "#0072B2")
        XCTAssertEqual(dot.markup, ##"<circle cx="10.5" cy="20" r="2" fill="#0072B2"/>"##)
    }

    func testSettingAnAttributeAgainReplacesIt() {
        let element = SVGElement("rect").attribute("x", 1).attribute("x", 2)
        XCTAssertEqual(element.markup, #"<rect x="2"/>"#)
    }

    func testEscapesTextAndAttributeValues() {
        let text = SVGElement("text", text: #"S&P <500> "big" 'caps'"#).attribute("data-note", #"a"b'c<d>&"#)
        XCTAssertEqual(
            text.markup,
            #"<text data-note="a&quot;b&apos;c&lt;d&gt;&amp;">S&amp;P &lt;500&gt; &quot;big&quot; &apos;caps&apos;</text>"#)
    }

    func testDropsCharactersXMLForbids() {
        XCTAssertEqual(XMLEscaping.escaped("a\u{0}b\u{1B}c\td\u{FFFE}"), "abc\td")
        XCTAssertEqual(XMLEscaping.escaped("Nestlé 😀"), "Nestlé 😀")
    }

    func testChildrenGoOnTheirOwnLines() {
        let group = SVGElement("g", children: [SVGElement("rect"), SVGElement("circle")])
        XCTAssertEqual(group.markup, "<g>\n<rect/>\n<circle/>\n</g>")
        XCTAssertEqual(SVGElement("rect").titled("R1000").markup, "<rect>\n<title>R1000</title>\n</rect>")
    }

    func testCoordinatesAreCappedAndNeverNonFinite() {
        XCTAssertEqual(SVGElement.coordinate(.nan), "0")
        XCTAssertEqual(SVGElement.coordinate(.infinity), "0")
        XCTAssertEqual(SVGElement.coordinate(1e300), "1000000000")
        XCTAssertEqual(SVGElement.coordinate(-12.345), "-12.35")
    }

    func testPathData() {
        var path = SVGPath()
        path.move(to: 0, 0)
        path.line(to: 10, 5.5)
        path.curve(to: 20, 0, control1: (x: 15, y: 5.5), control2: (x: 15, y: 0))
        path.close()
        XCTAssertEqual(path.data, "M0 0L10 5.5C15 5.5 15 0 20 0Z")
    }
}
