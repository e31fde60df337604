import XCTest
@testable import ReconFormats

final class HTMLCharacterReferencesTests: XCTestCase {
    func testReferencesAreDecoded() {
        XCTAssertEqual(HTMLCharacterReferences.decoded("Hall of Fame Resort &amp; Entertainment Company Warrant"),
                       "Hall of Fame Resort & Entertainment Company Warrant")
        XCTAssertEqual(HTMLCharacterReferences.decoded("Denny&#39;s Corporation"), "Denny's Corporation")
        XCTAssertEqual(HTMLCharacterReferences.decoded("Denny&#x27;s &quot;A&quot; &lt;B&gt; C&apos;s&nbsp;D"), "Denny's \"A\" <B> C's D")
    }

    func testAnythingElseKeepsItsAmpersand() {
        for text in ["AT&T Inc. Common Stock", "S&P 500", "A & B", "a&b;", "&#0;", "&#xZZ;", "&amp", "&#1114112;", "x&", "&;", "&&amp;"] {
            let expected = text == "&&amp;" ? "&&" : text
            XCTAssertEqual(HTMLCharacterReferences.decoded(text), expected, text)
        }
        let plain = "Agilent Technologies Inc. Common Stock"
        XCTAssertEqual(HTMLCharacterReferences.decoded(plain), plain)
    }
}
