import XCTest
@testable import ReconCore

/// Facts laid over a universe at a rank day: which lines each key reaches, company-level facts
/// spread to every class, float shares divided by the right shares, and facts that name nothing
/// counted. Share counts are market cap ÷ price, as the overlay reads them.
final class FactsOverlayTests: XCTestCase {
    private let rankDay = CalendarDate(year: 2025, month: 4, day: 30)
    private func code(_ text: String) -> CountryCode { CountryCode(text)! }

    /// Company C with two classes (CA: $600M at $10 = 60M shares; CB: $400M at $20 = 20M shares)
    /// and company D with one (DD: $300M at $10 = 30M shares).
    private var securities: [Security] {
        [TestUniverse.security("CA", cap: 600e6, company: "C"), TestUniverse.security("CB", cap: 400e6, price: 20, company: "C"),
         TestUniverse.security("DD", cap: 300e6, company: "D")]
    }

    private func universe(_ securities: [Security]? = nil) -> Universe { Universe.numbering(securities ?? self.securities).universe }

    /// PERMNOs 101, 102, 103 and PERMCOs 1, 1, 2 for the three lines.
    private let crspKeys = FactsOverlay.LineKeys(permno: ["101", "102", "103"], permco: ["1", "1", "2"])

    private func overlay(_ kind: CompanyFacts.KeyKind, _ rows: [CompanyFacts.Row], keys: FactsOverlay.LineKeys? = nil,
                         universe: Universe? = nil) throws -> (universe: Universe, report: FactsOverlay.Report) {
        let facts = try CompanyFacts(file: "facts.csv", keyKind: kind, rows: rows)
        return FactsOverlay.apply(facts, to: universe ?? self.universe(), keys: keys ?? crspKeys, at: rankDay)
    }

    func testATickerFactReachesItsLineAndItsCompanyLevelFactsEveryClass() throws {
        let canada = HomeCountry.Indicators(incorporation: code("CAN"), headquarters: code("CAN"))
        let (universe, report) = try overlay(.ticker, [.init(key: "CA", homeCountry: canada, float: .factor(0.8), votingFraction: 0.3, line: 2)])
        XCTAssertEqual(universe.facts?.map(\.homeCountry), [canada, canada, nil], "countries are the company's")
        XCTAssertEqual(universe.votingFraction[0], 0.3)
        XCTAssertEqual(universe.votingFraction[1], 0.3, "votes count all classes (M7 §5.15)")
        XCTAssertTrue(universe.votingFraction[2].isNaN)
        XCTAssertEqual(universe.floatFraction[0], 0.8)
        XCTAssertTrue(universe.floatFraction[1].isNaN, "float is per line (M7 §7)")
        XCTAssertEqual(universe.facts?.map(\.float), [.factor(0.8), nil, nil])
        XCTAssertEqual(universe.facts?.map(\.voting), [true, true, false])
        XCTAssertEqual([report.inForce, report.matched, report.countryLines, report.floatLines, report.votingLines], [1, 1, 2, 1, 2])
        XCTAssertEqual(report.notInUniverse, [])
        XCTAssertEqual(report.warnings, [])
    }

    func testATickerNamesNoShareTypeWhoseTickerCollidesWithAnotherCompanys() throws {
        // `BC^C` (a Brunswick note) normalises to `BCC`, Boise Cascade's ticker.
        let securities = [TestUniverse.security("BCC", cap: 3e9, company: "Boise Cascade"),
                          TestUniverse.security("BC^C", cap: 0, company: "Brunswick", type: .note),
                          TestUniverse.security("BC", cap: 4e9, company: "Brunswick")]
        let canada = HomeCountry.Indicators(incorporation: code("CAN"), headquarters: code("CAN"))
        let (universe, report) = try overlay(.ticker, [.init(key: "BCC", homeCountry: canada, votingFraction: 0.5, line: 2)],
                                             keys: .tickersOnly, universe: self.universe(securities))
        XCTAssertEqual(universe.facts?.map(\.homeCountry), [canada, nil, nil], "Brunswick keeps its own")
        XCTAssertEqual(report.countryLines, 1)
        XCTAssertEqual(report.matched, 1)
    }

    func testPermcoFloatSharesAreDividedByTheCompanysShares() throws {
        // 40M float shares over C's 60M + 20M shares: 0.5 on both classes.
        let (universe, report) = try overlay(.permco, [.init(key: "1", float: .shares(40e6, outstanding: nil), line: 2)])
        XCTAssertEqual(Array(universe.floatFraction[0...1]), [0.5, 0.5])
        XCTAssertTrue(universe.floatFraction[2].isNaN)
        XCTAssertEqual(report.floatLines, 2)
        XCTAssertEqual(report.matched, 1)
    }

    func testPermnoFloatSharesAreDividedByTheLinesSharesOrTheFilesOwn() throws {
        let (universe, _) = try overlay(.permno, [
            .init(key: "101", float: .shares(30e6, outstanding: nil), line: 2),   // 30M / 60M
            .init(key: "103", float: .shares(25e6, outstanding: 100e6), line: 3),  // the file's own 100M, not DD's 30M
        ])
        XCTAssertEqual(universe.floatFraction[0], 0.5)
        XCTAssertTrue(universe.floatFraction[1].isNaN)
        XCTAssertEqual(universe.floatFraction[2], 0.25)
    }

    func testFloatSharesAboveTheSharesAreTakenAsAllSharesAndReported() throws {
        let (universe, report) = try overlay(.permno, [.init(key: "103", float: .shares(36e6, outstanding: nil), line: 7)])
        XCTAssertEqual(universe.floatFraction[2], 1)
        XCTAssertEqual(report.floatAboveShares, [.init(factsLine: 7, symbol: "DD", floatShares: 36e6, shares: 30e6)])
        XCTAssertEqual(report.warnings, ["facts.csv: 1 float_shares above the shares outstanding at 2025-04-30, float taken as 100%: "
                                         + "line 7 (DD: 36000000 float shares, 30000000 shares)"])
    }

    func testFloatSharesWithNoSharesToDivideByLeaveTheFloatUnknown() throws {
        let noCap = Security(symbol: "NOCAP", name: "NOCAP", companyKey: "N", companyName: "N", price: 10, country: "United States")
        let (universe, report) = try overlay(.ticker, [.init(key: "NOCAP", float: .shares(1e6, outstanding: nil), line: 4)],
                                             keys: .tickersOnly, universe: self.universe([noCap]))
        XCTAssertTrue(universe.floatFraction[0].isNaN)
        XCTAssertNil(universe.facts?[0].float)
        XCTAssertEqual(report.floatWithoutShares, [4])
        XCTAssertEqual(report.floatLines, 0)
    }

    func testFactsInForceThatNameNothingAreCountedAndSaid() throws {
        let (_, report) = try overlay(.permno, [
            .init(key: "101", votingFraction: 0.5, line: 2),
            .init(key: "999", votingFraction: 0.5, line: 3),
            .init(key: "998", end: CalendarDate(year: 2024, month: 12, day: 31), votingFraction: 0.5, line: 4),  // not in force
            .init(key: "997", start: CalendarDate(year: 2025, month: 1, day: 1), votingFraction: 0.5, line: 5),
        ])
        XCTAssertEqual(report.rows, 4)
        XCTAssertEqual(report.inForce, 3)
        XCTAssertEqual(report.matched, 1)
        XCTAssertEqual(report.notInUniverse, ["999", "997"])
        XCTAssertEqual(report.matched + report.notInUniverse.count, report.inForce, "every fact in force is matched or counted")
        XCTAssertEqual(report.warnings, ["facts.csv: 2 of the 3 facts in force at 2025-04-30 name a PERMNO not in the universe "
                                         + "(999, 997); counted in summary.json (input.facts.not_in_universe)"])
    }

    func testPermnoFactsMatchNothingInAUniverseKnownByTickerOnly() throws {
        let plain = universe()
        let (overlaid, report) = try overlay(.permno, [.init(key: "101", float: .factor(0.5), line: 2)], keys: .tickersOnly, universe: plain)
        XCTAssertEqual(report.notInUniverse, ["101"])
        XCTAssertEqual(overlaid.facts?.allSatisfy { $0 == .none }, true)
        XCTAssertEqual(overlaid.floatFraction.map(\.bitPattern), plain.floatFraction.map(\.bitPattern))
    }

    func testAFactOverridesTheUniversesOwnFloatAndASubsetKeepsTheFacts() throws {
        var securities = self.securities
        securities[2].floatFraction = 0.9
        let (universe, _) = try overlay(.ticker, [.init(key: "DD", float: .factor(0.4), line: 2)], keys: .tickersOnly,
                                        universe: self.universe(securities))
        XCTAssertEqual(universe.floatFraction[2], 0.4)
        let subset = universe.subset([2, 0])
        XCTAssertEqual(subset.facts?.map(\.float), [.factor(0.4), nil])
        XCTAssertNil(self.universe().subset([0]).facts, "no facts, none in a subset")
    }
}
