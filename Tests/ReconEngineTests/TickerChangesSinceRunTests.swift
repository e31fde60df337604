import XCTest
import ReconCore
@testable import ReconEngine

/// Predicted and true tickers of one company paired by its name, from hand-made lists.
final class TickerChangesSinceRunTests: XCTestCase {
    private func pairs(predicted: [(String, String)], truth: [(String, String)]) -> [TickerChangesSinceRun.Pair] {
        let score = ValidationScore(name: "r2000", predicted: predicted.map(\.0), truth: truth.map(\.0))
        return TickerChangesSinceRun(score, predictedNames: predicted.map { (symbol: $0.0, name: $0.1) },
                                     truthNames: truth.map { (symbol: $0.0, name: $0.1) }).pairs
    }

    func testARenamedTickerPairsWithTheHoldingsLineOfTheSameName() {
        let found = pairs(predicted: [("AAA", "Alpha Corp Common Stock"), ("KIND", "Nextdoor Holdings Inc. Class A Common Stock"),
                                      ("BIGC", "BigCommerce Holdings Inc. Series 1 Common Stock"), ("ZZZ", "Zeta Inc. Common Stock")],
                          truth: [("AAA", "ALPHA CORP"), ("NXDR", "NEXTDOOR HOLDINGS INC CLASS A"),
                                  ("CMRC", "BIGCOMMERCE HOLDINGS INC SERIES"), ("YYY", "YOTTA INC")])
        XCTAssertEqual(found, [.init(predicted: "BIGC", truth: "CMRC", truthName: "BIGCOMMERCE HOLDINGS INC SERIES"),
                               .init(predicted: "KIND", truth: "NXDR", truthName: "NEXTDOOR HOLDINGS INC CLASS A")])
    }

    func testASecondClassOfAPredictedCompanyIsNotPairedWithAnotherOfItsClasses() {
        // GEF predicted and held; GEFB held only; a predicted `GEF.X` of the same name would make
        // the key name two predicted lines.
        XCTAssertEqual(pairs(predicted: [("GEF", "Greif Inc. Class A Common Stock")],
                             truth: [("GEF", "GREIF INC CLASS A"), ("GEFB", "GREIF INC CLASS B")]), [])
        XCTAssertEqual(pairs(predicted: [("GEF", "Greif Inc. Class A Common Stock"), ("GEFX", "Greif Inc. Class X Common Stock")],
                             truth: [("GEF", "GREIF INC CLASS A"), ("GEFB", "GREIF INC CLASS B")]), [])
        // Class A predicted, class B alone held: two lines of one company, not a ticker change.
        XCTAssertEqual(pairs(predicted: [("GEF", "Greif Inc. Class A Common Stock")], truth: [("GEFB", "GREIF INC CLASS B")]), [])
        XCTAssertTrue(TickerChangesSinceRun.namesDifferentClasses("Moog Inc. Class A Common Stock", "MOOG INC CLASS B"))
        XCTAssertFalse(TickerChangesSinceRun.namesDifferentClasses("BigCommerce Holdings Inc. Series 1 Common Stock",
                                                                   "BIGCOMMERCE HOLDINGS INC SERIES"))
        XCTAssertFalse(TickerChangesSinceRun.namesDifferentClasses("CSW Industrials Inc. Common Stock", "CSW INDUSTRIALS INC"))
    }

    func testANameTwoTrueLinesShareOrNoneGivesPairsNothing() {
        XCTAssertEqual(pairs(predicted: [("OLD", "First Bancorp Common Stock")],
                             truth: [("FBNC", "FIRST BANCORP"), ("FBP", "FIRST BANCORP")]), [], "two companies, one name")
        XCTAssertEqual(pairs(predicted: [("OLD", "Alpha Corp")], truth: [("NEW", "")]), [], "a truth file without names")
        XCTAssertEqual(pairs(predicted: [("OLD", "Alpha Corp")], truth: [("NEW", "BETA CORP")]), [], "renamed as well")
    }

    func testATrueTickerIsSpelledAsPredictedOnlyWhenPaired() {
        let score = ValidationScore(name: "r2000", predicted: ["KIND", "AAA"], truth: ["nxdr", "AAA", "BBB"])
        let changes = TickerChangesSinceRun(score, predictedNames: [("KIND", "Nextdoor Holdings Inc."), ("AAA", "Alpha Corp")],
                                            truthNames: [("nxdr", "NEXTDOOR HOLDINGS INC"), ("AAA", "ALPHA CORP"), ("BBB", "BETA CORP")])
        XCTAssertEqual(["nxdr", "AAA", "BBB"].map(changes.spelledAsPredicted), ["KIND", "AAA", "BBB"])
        let rescored = ValidationScore(name: "r2000", predicted: ["KIND", "AAA"], truth: ["nxdr", "AAA", "BBB"].map(changes.spelledAsPredicted))
        XCTAssertEqual(rescored.truePositives, ["AAA", "KIND"])
        XCTAssertEqual(rescored.misses, ["BBB"])
        XCTAssertEqual(rescored.falseHits, [])
    }
}
