import XCTest
@testable import ReconCore

final class ValidationTests: XCTestCase {
    func testScoresByHand() {
        let score = ValidationScore(name: "additions", predicted: ["BRK/B", "AAA", "BBB", "ZZZ"], truth: ["brk.b", "AAA", "CCC"])
        XCTAssertEqual(score.truePositives, ["AAA", "BRK.B"], "as the truth spells them, BRK/B met by its only namesake")
        XCTAssertEqual(score.falseHits, ["BBB", "ZZZ"])
        XCTAssertEqual(score.misses, ["CCC"])
        XCTAssertEqual(score.precision, 0.5)
        XCTAssertEqual(score.recall, 2.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(score.f1, 2 * 0.5 * (2.0 / 3.0) / (0.5 + 2.0 / 3.0), accuracy: 1e-12)
    }

    /// Issue 20: tickers that only normalise alike are different securities. The pairs are the 2026
    /// screener's collisions: a common and a preferred (`DCOM`, `DCOM^`), or another issuer's notes
    /// (`BCC` Boise Cascade, `BC^C` Brunswick).
    func testTickersThatOnlyNormaliseAlikeAreDifferentSecurities() {
        let commons = ["DCOM", "TFIN", "TY", "BCC", "EPC"], preferreds = ["DCOM^", "TFIN^", "TY^", "BC^C", "EP^C"]
        let crossed = ValidationScore(name: "r2000", predicted: commons, truth: preferreds)
        XCTAssertEqual(crossed.truePositives, [], "a preferred is never its common")
        XCTAssertEqual(crossed.misses, preferreds.sorted())
        XCTAssertEqual(crossed.falseHits, commons.sorted())

        let both = ValidationScore(name: "r2000", predicted: commons + preferreds, truth: commons)
        XCTAssertEqual(both.truePositives, commons.sorted())
        XCTAssertEqual(both.falseHits, preferreds.sorted(), "five false hits, not hidden behind their commons")
        XCTAssertEqual(both.precision, 0.5)

        let reversed = ValidationScore(name: "r2000", predicted: commons, truth: preferreds + commons)
        XCTAssertEqual(reversed.truePositives, commons.sorted())
        XCTAssertEqual(reversed.misses, preferreds.sorted())
        XCTAssertEqual(reversed.recall, 0.5)
    }

    func testASymbolRepeatedOrBlankCountsOnceOrNotAtAll() {
        let score = ValidationScore(name: "x", predicted: ["aaa", "AAA", "-", ""], truth: ["AAA"])
        XCTAssertEqual(score.truePositives, ["AAA"])
        XCTAssertEqual(score.falseHits, [])
    }

    func testEmptySetsScoreZero() {
        XCTAssertEqual(ValidationScore(name: "x", predicted: [String](), truth: ["A"]).f1, 0)
    }
}

final class MigrationTests: XCTestCase {
    func testClassesOfASmallReconstitution() throws {
        var rulebook = TestUniverse.rulebook
        rulebook.russell1000Count = 2
        rulebook.russell3000Count = 4
        rulebook.russell3000ECount = 5
        rulebook.microcapStartRank = 3
        rulebook.band1000 = nil
        let universe = (1...6).map { TestUniverse.security("S\($0)", cap: Double(7 - $0) * 100e6) }
            + [TestUniverse.security("WT", cap: 900e6, type: .warrant)]
        let prior = PriorLines([
            .init(symbol: "S1", name: "", tier: .r2000),   // upward
            .init(symbol: "S3", name: "", tier: .r1000),   // downward
            .init(symbol: "S5", name: "", tier: .r2000),   // falls to the Microcap (rank 5)
            .init(symbol: "S6", name: "", tier: .r2000),   // falls below the 3000E (rank 6)
            .init(symbol: "WT", name: "", tier: .r2000),   // ineligible
            .init(symbol: "OLD", name: "", tier: .r2000),  // absent
        ])
        let result = Reconstitution.run(universe: universe, prior: prior, rulebook: rulebook)
        let summary = MigrationSummary(result: result, isNewListing: { result.symbol($0) == "S4" })
        let bySymbol = Dictionary(uniqueKeysWithValues: zip(result.rows.map(\.symbol), summary.classes))
        XCTAssertEqual(bySymbol["S1"], .upward)
        XCTAssertEqual(bySymbol["S2"], .entryFromBelow)
        XCTAssertEqual(bySymbol["S3"], .downward)
        XCTAssertEqual(bySymbol["S4"], .ipoEntry)
        XCTAssertEqual(bySymbol["S5"], .fallOutToMicrocap)
        XCTAssertEqual(bySymbol["S6"], .fallOutBelow)
        XCTAssertEqual(bySymbol["WT"], .exitIneligible)
        XCTAssertEqual(bySymbol["OLD"], .exitAbsent)
        XCTAssertEqual(summary.count(.upward), 1)
        XCTAssertEqual(summary.entry(.upward)?.largest.first?.symbol, "S1")
        // Prior weights at the universe's caps: the prior Russell 2000's priced lines are S1, S5, S6
        // and WT ($600M + $200M + $100M + $900M), the prior Russell 1000's is S3 alone.
        let priorWeight = { (migrationClass: MigrationClass) in summary.entry(migrationClass)?.priorWeight }
        XCTAssertEqual(try XCTUnwrap(priorWeight(.upward)), 600.0 / 1800, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(priorWeight(.downward)), 1, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(priorWeight(.fallOutToMicrocap)), 200.0 / 1800, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(priorWeight(.fallOutBelow)), 100.0 / 1800, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(priorWeight(.exitIneligible)), 900.0 / 1800, accuracy: 1e-15)
        XCTAssertEqual(summary.entry(.exitAbsent)?.count, 1)
        XCTAssertNil(priorWeight(.exitAbsent), "the universe does not price OLD: its weight is unknown, not 0")
        XCTAssertEqual(priorWeight(.entryFromBelow), 0)
        XCTAssertEqual(priorWeight(.ipoEntry), 0)
    }
}
