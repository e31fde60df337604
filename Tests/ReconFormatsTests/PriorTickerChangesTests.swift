import XCTest
import ReconCore
@testable import ReconFormats

final class PriorTickerChangesTests: XCTestCase {
    /// A screener universe: company keys and types as the reader assigns them.
    private func universe(_ rows: [(String, String)]) throws -> [Security] {
        let csv = "Symbol,Name,Last Sale,Market Cap,Country\n"
            + rows.map { "\($0.0),\($0.1),$10.00,1000000000,United States" }.joined(separator: "\n") + "\n"
        return try NasdaqScreenerReader.read(bytes: Array(csv.utf8), name: "screener.csv").securities
    }

    func testOldTickerMatchedByNameToTheCompanyThatCarriesIt() throws {
        let securities = try universe([
            ("GTM", "ZoomInfo Technologies Inc Common Stock"),
            ("AAPL", "Apple Inc. Common Stock"),
            ("HTO", "H2O America Common Stock"),
        ])
        let prior = PriorLines([
            .init(symbol: "ZI", name: "ZOOMINFO TECHNOLOGIES INC", tier: .r1000),
            .init(symbol: "AAPL", name: "APPLE INC", tier: .r1000),
            // Renamed as well as re-ticked (SJW Group → H2O America): names differ, not matched.
            .init(symbol: "SJW", name: "SJW GROUP", tier: .r2000),
        ])
        let (resolved, matches) = PriorTickerChanges.resolve(prior, universe: securities)
        XCTAssertEqual(matches, [.init(oldSymbol: "ZI", newSymbol: "GTM", issuerKey: "zoominfo technologies")])
        XCTAssertEqual(resolved.entry(for: securities[0])?.symbol, "ZI")
        XCTAssertEqual(resolved.entry(for: securities[0])?.tier, .r1000)
        XCTAssertEqual(resolved.entry(for: securities[1])?.symbol, "AAPL", "a ticker still listed is matched by ticker as before")
        XCTAssertNil(resolved.entry(for: securities[2]))
        XCTAssertNil(resolved.entry(symbol: "SJW")?.companyKey)
    }

    func testNoMatchWhenTheNameIsAmbiguousTheCompanyIsAMemberOrOnlyAPreferredCarriesIt() throws {
        let securities = try universe([
            // Two companies share a name; their tickers are not class variants.
            ("FBNC", "First Bancorp Common Stock"),
            ("FBP", "First BanCorp. New Common Stock"),
            // Ramaco: class B still under its old ticker, so the company already is a member.
            ("METC", "Ramaco Resources Inc. Class A Common Stock"),
            ("METCB", "Ramaco Resources Inc. Class B Common Stock"),
            // Only a preferred of the issuer is listed.
            ("ACME^A", "Acme Corporation 5.00% Series A Cumulative Preferred Stock"),
        ])
        let prior = PriorLines([
            .init(symbol: "FBX", name: "FIRST BANCORP", tier: .r2000),
            .init(symbol: "METCV", name: "RAMACO RESOURCES INC CLASS A", tier: .r2000),
            .init(symbol: "METCB", name: "RAMACO RESOURCES INC CLASS B", tier: .r2000),
            .init(symbol: "ACM", name: "ACME CORP", tier: .r2000),
        ])
        let (resolved, matches) = PriorTickerChanges.resolve(prior, universe: securities)
        XCTAssertEqual(matches, [])
        // METCV names Ramaco, a member through METCB: no ticker change, but its line counts under Ramaco.
        XCTAssertEqual(resolved.entries.map(\.absentLineOf), [nil, "ramaco resources inc", nil, nil])
        XCTAssertEqual(resolved.entries.map(\.companyKey), prior.entries.map(\.companyKey))
        XCTAssertEqual(resolved.entries.map(\.tier), prior.entries.map(\.tier))
    }

    /// iShares splits a possessive and leaves out or cuts off the legal form: Victoria's Secret
    /// (VSCO → VSXY) and CCC Intelligent Solutions (CCCS → CCC) changed tickers before June 2026.
    func testNamesCompareAsTwoFilesSpellThem() throws {
        let securities = try universe([
            ("VSXY", "Victorias Secret & Co. Common Stock"),
            ("CCC", "CCC Intelligent Solutions Holdings Inc. Common Stock"),
            // Two companies that differ only in their legal form: a name alone cannot choose.
            ("ACMA", "Acme Corporation Common Stock"),
            ("ACMB", "Acme Inc. Common Stock"),
        ])
        let prior = PriorLines([
            .init(symbol: "VSCO", name: "VICTORIA S SECRET", tier: .r2000),
            .init(symbol: "CCCS", name: "CCC INTELLIGENT SOLUTIONS HOLDINGS", tier: .r1000),
            .init(symbol: "ACM", name: "ACME CORP", tier: .r2000),
        ])
        let (resolved, matches) = PriorTickerChanges.resolve(prior, universe: securities)
        XCTAssertEqual(matches.map(\.oldSymbol), ["VSCO", "CCCS"])
        XCTAssertEqual(matches.map(\.newSymbol), ["VSXY", "CCC"])
        XCTAssertEqual(resolved.entry(for: securities[0])?.tier, .r2000)
        XCTAssertEqual(resolved.entry(for: securities[1])?.tier, .r1000)
        XCTAssertNil(resolved.entry(for: securities[2]))
        XCTAssertNil(resolved.entry(for: securities[3]))
    }

    /// Medical Properties Trust, held by iShares as `MPW` with a `REIT` label its name lacks, is
    /// listed by Nasdaq as `MPT` in June 2026.
    func testAREITLabelDoesNotHideATickerChange() throws {
        let securities = try universe([
            ("MPT", "Medical Properties Trust Inc. common stock"),
            ("AHR", "American Healthcare REIT Inc. Common Stock"),
        ])
        let prior = PriorLines([
            .init(symbol: "MPW", name: "MEDICAL PROPERTIES TRUST REIT INC", tier: .r1000),
            .init(symbol: "AHRX", name: "AMERICAN HEALTHCARE REIT INC", tier: .r2000),
        ])
        let (resolved, matches) = PriorTickerChanges.resolve(prior, universe: securities)
        XCTAssertEqual(matches, [.init(oldSymbol: "MPW", newSymbol: "MPT", issuerKey: "medical properties trust"),
                                 .init(oldSymbol: "AHRX", newSymbol: "AHR", issuerKey: "american healthcare")])
        XCTAssertEqual(resolved.entry(for: securities[0])?.tier, .r1000)
        XCTAssertEqual(resolved.entry(for: securities[1])?.tier, .r2000)
    }

    func testCrossFileKey() {
        XCTAssertEqual(PriorTickerChanges.crossFileKey("victoria s secret"), "victorias secret")
        XCTAssertEqual(PriorTickerChanges.crossFileKey("victorias secret co"), "victorias secret")
        XCTAssertEqual(PriorTickerChanges.crossFileKey("bank of new york mellon corp"), "bank of new york mellon")
        XCTAssertEqual(PriorTickerChanges.crossFileKey("inc"), "inc", "nothing but a legal form: kept")
        XCTAssertEqual(PriorTickerChanges.crossFileKey("s"), "s")
        XCTAssertEqual(PriorTickerChanges.crossFileKey("liberty media corp / s"), "liberty media / s", "a tracking group's word stays")
        XCTAssertEqual(PriorTickerChanges.crossFileKey("symbol:ABC"), "symbol:ABC")
        // A name cut at the file's width ends in a descriptor without its designation.
        XCTAssertEqual(PriorTickerChanges.crossFileKey("bigcommerce holdings inc series"), "bigcommerce holdings")
        XCTAssertEqual(PriorTickerChanges.crossFileKey("strata critical medical inc class"), "strata critical medical")
        XCTAssertEqual(PriorTickerChanges.crossFileKey("series"), "series", "a descriptor alone: kept")
        XCTAssertEqual(PriorTickerChanges.crossFileKey("class act series fund"), "class act series fund", "only a last word")
        // iShares labels a REIT whatever its name; Nasdaq spells the name as the trust does.
        XCTAssertEqual(PriorTickerChanges.crossFileKey("medical properties trust reit inc"), "medical properties trust")
        XCTAssertEqual(PriorTickerChanges.crossFileKey("macerich reit"), "macerich")
        XCTAssertEqual(PriorTickerChanges.crossFileKey("american healthcare reit inc"), "american healthcare")
        XCTAssertEqual(PriorTickerChanges.crossFileKey("reit"), "reit", "nothing but the label: kept")
    }
}
