import XCTest
@testable import ReconFormats

final class SecurityNameTests: XCTestCase {
    private func split(_ text: String) -> (issuer: String, descriptor: String) {
        let name = SecurityName(text)
        let issuer = name.original(0..<name.descriptorStart)
        let descriptor = name.original(name.descriptorStart..<name.words.count)
        return (issuer, descriptor)
    }

    func testIssuerAndDescriptor() {
        XCTAssertTrue(split("Alphabet Inc. Class C Capital Stock") == ("Alphabet Inc.", "Class C Capital Stock"))
        XCTAssertTrue(split("Berkshire Hathaway Inc.") == ("Berkshire Hathaway Inc.", ""))
        XCTAssertTrue(split("Rush Enterprises Inc. Common Stock Cl A") == ("Rush Enterprises Inc.", "Common Stock Cl A"))
        XCTAssertTrue(split("Xylem Inc. Common Stock New").issuer == "Xylem Inc.")
        XCTAssertTrue(split("W. P. Carey Inc. REIT").issuer == "W. P. Carey Inc.")
        XCTAssertTrue(split("CareTrust REIT Inc. Common Stock").issuer == "CareTrust REIT Inc.")
        XCTAssertTrue(split("Preferred Bank Common Stock").issuer == "Preferred Bank")
        XCTAssertTrue(split("Morgan Stanley China A Share Fund Inc. Common Stock").issuer == "Morgan Stanley China A Share Fund Inc.")
        XCTAssertTrue(split("Nuveen Preferred & Income Opportunities Fund").issuer == "Nuveen Preferred & Income Opportunities Fund")
        XCTAssertTrue(split("XYZ Corp 6.25% Notes due 2028") == ("XYZ Corp", "6.25% Notes due 2028"))
        XCTAssertTrue(split("Howmet Aerospace Inc. $3.75 Preferred Stock").issuer == "Howmet Aerospace Inc.")
    }

    func testWords() {
        let words = SecurityName("Dillard's Capital Trust I; Energy Transfer L.P. (The) 6.5% S.A.B. de C.V.").words
        XCTAssertEqual(words.map(\.folded), ["dillards", "capital", "trust", "i", "energy", "transfer", "lp", "the", "6", "5", "%", "sab", "de", "cv"])
        XCTAssertEqual(words.filter(\.inParentheses).map(\.folded), ["the"])
        XCTAssertEqual(SecurityName("Société Générale").words.map(\.folded), ["societe", "generale"])
        // Initials merge only across exactly one dot; an apostrophe not inside a word splits.
        XCTAssertEqual(SecurityName("L. P. U.S. Bancorp").words.map(\.folded), ["l", "p", "us", "bancorp"])
        XCTAssertEqual(SecurityName("Rock 'n' Roll AT&T L’Oréal").words.map(\.folded), ["rock", "n", "roll", "at", "&", "t", "loreal"])
        XCTAssertEqual(SecurityName("((A)) B").words.map(\.inParentheses), [true, false])
    }
}
