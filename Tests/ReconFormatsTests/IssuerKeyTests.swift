import XCTest
@testable import ReconFormats

final class IssuerKeyTests: XCTestCase {
    private func key(_ name: String, _ symbol: String = "X") -> String { IssuerKey(name: name, symbol: symbol).key }

    func testShareClassesShareAKey() {
        let pairs: [(String, String)] = [
            ("Alphabet Inc. Class C Capital Stock", "Alphabet Inc. Class A Common Stock"),
            ("Berkshire Hathaway Inc.", "Berkshire Hathaway Inc."),
            ("Fox Corporation Class B Common Stock", "Fox Corporation Class A Common Stock"),
            ("News Corporation Class B Common Stock", "News Corporation Class A Common Stock"),
            ("Under Armour Inc. Class C Common Stock", "Under Armour Inc. Class A Common Stock"),
            ("Heico Corporation Common Stock", "Heico Corporation"),
            ("Brown Forman Corporation", "Brown Forman Corporation"),
            ("Zillow Group Inc. Class C Capital Stock", "Zillow Group Inc. Class A Common Stock"),
            ("Rush Enterprises Inc. Common Stock Cl A", "Rush Enterprises Inc. Class B"),
            ("Central Garden & Pet Company Common Stock", "Central Garden & Pet Company Class A Common Stock Nonvoting"),
            ("Brookfield Renewable Corporation Brookfield Renewable Corporation Class A Subordinate Voting Shares", "Brookfield Renewable Corporation"),
            ("Gabelli Equity Trust Inc. (The) Common Stock", "Gabelli Equity Trust Inc."),
            ("Heico Corp", "HEICO Corporation Class A Common Stock"),
            ("Example Incorporated Common Stock New", "Example Inc. Ordinary Shares"),
            ("Example Limited Ordinary Shares", "Example Ltd. Class B Ordinary Shares"),
        ]
        for (first, second) in pairs {
            XCTAssertEqual(key(first), key(second), "\(first) / \(second)")
        }
        XCTAssertEqual(key("Alphabet Inc. Class A Common Stock"), "alphabet inc")
    }

    func testDisplayNameIsTheCleanedIssuer() {
        XCTAssertEqual(IssuerKey(name: "Alphabet Inc. Class C Capital Stock", symbol: "GOOG").displayName, "Alphabet Inc.")
        XCTAssertEqual(IssuerKey(name: "Iron Mountain Incorporated (Delaware)Common Stock REIT", symbol: "IRM").displayName, "Iron Mountain Incorporated")
        XCTAssertEqual(IssuerKey(name: "STARWOOD PROPERTY TRUST INC. Starwood Property Trust Inc.", symbol: "STWD").displayName, "STARWOOD PROPERTY TRUST INC.")
    }

    func testDifferentCompaniesStayApart() {
        XCTAssertNotEqual(key("Fox Corporation Class A Common Stock"), key("Fox Factory Holding Corp. Common Stock"))
        XCTAssertNotEqual(key("Fox Corporation"), key("Fox Inc."))
        XCTAssertNotEqual(key("News Corporation"), key("NewsMax Inc. Class B Common Stock"))
        XCTAssertNotEqual(key("Liberty Media Corporation Series A Liberty Formula One Common Stock"),
                          key("Liberty Media Corporation Series A Liberty Live Common Stock"))
        XCTAssertEqual(key("Liberty Media Corporation Series A Liberty Formula One Common Stock"),
                       key("Liberty Media Corporation Series C Liberty Formula One Common Stock"))
    }

    /// Same issuer name, unrelated tickers: different companies.
    func testAssignSplitsSameNamesWithUnrelatedTickers() {
        let keys = IssuerKey.assign([
            .init(symbol: "FBNC", name: "First Bancorp Common Stock"),
            .init(symbol: "FBP", name: "First BanCorp. New Common Stock"),
            .init(symbol: "GOOG", name: "Alphabet Inc. Class C Capital Stock"),
            .init(symbol: "GOOGL", name: "Alphabet Inc. Class A Common Stock"),
            .init(symbol: "BATRA", name: "Atlanta Braves Holdings Inc. Series A Common Stock"),
            .init(symbol: "BATRK", name: "Atlanta Braves Holdings Inc. Series C Common Stock"),
            .init(symbol: "BRK/A", name: "Berkshire Hathaway Inc."),
            .init(symbol: "BRK/B", name: "Berkshire Hathaway Inc."),
        ]).map(\.key)
        XCTAssertEqual(keys[0], "first bancorp #FBNC")
        XCTAssertEqual(keys[1], "first bancorp #FBP")
        XCTAssertEqual(keys[2], keys[3])
        XCTAssertEqual(keys[4], keys[5])
        XCTAssertEqual(keys[6], keys[7])
        XCTAssertEqual(keys[2], "alphabet inc")
    }

    func testClassVariants() {
        XCTAssertTrue(IssuerKey.areClassVariants("GOOG", "GOOGL"))
        XCTAssertTrue(IssuerKey.areClassVariants("BRK/A", "BRK/B"))
        XCTAssertTrue(IssuerKey.areClassVariants("HEI", "HEI/A"))
        XCTAssertTrue(IssuerKey.areClassVariants("Z", "ZG"))
        XCTAssertTrue(IssuerKey.areClassVariants("FWONA", "FWONK"))
        XCTAssertFalse(IssuerKey.areClassVariants("IBCP", "INDB"))
        XCTAssertFalse(IssuerKey.areClassVariants("FBNC", "FBP"))
    }

    func testNameWithoutIssuerWordsFallsBackToTicker() {
        XCTAssertEqual(key("", "brk/b"), "symbol:BRKB")
    }

    /// Trailing commas, dashes and spaces leave the display name, whether the name is ASCII (cut
    /// by bytes) or not (cut by characters).
    func testDisplayNameDropsTrailingPunctuationOnBothPaths() {
        XCTAssertEqual(IssuerKey(name: "Acme Holdings, - Class A Common Stock", symbol: "ACME").displayName, "Acme Holdings")
        XCTAssertEqual(IssuerKey(name: "Café Holdings, - Class A Common Stock", symbol: "CAFE").displayName, "Café Holdings")
        XCTAssertEqual(IssuerKey(name: "Acme Inc. Common Stock", symbol: "ACME").displayName, "Acme Inc.")
        XCTAssertEqual(IssuerKey(name: "Acme  Big   Inc, Common Stock", symbol: "ACME").displayName, "Acme Big Inc")
        XCTAssertEqual(IssuerKey(name: "Ünïon  Inc, Common Stock", symbol: "UNIO").displayName, "Ünïon Inc")
    }
}
