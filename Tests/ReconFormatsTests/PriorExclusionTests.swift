import XCTest
import ReconCore
@testable import ReconFormats

final class PriorExclusionTests: XCTestCase {
    private func line(_ symbol: String, cap: Double, ipo: Int?, scope: CapScope = .company) -> Security {
        Security(symbol: symbol, name: symbol, companyKey: symbol, companyName: symbol, price: 10, marketCap: cap,
                 capScope: scope, country: "United States", ipoYear: ipo)
    }

    /// June 2025, the 5 largest companies markable: the previous rank day was in April 2024, so an
    /// IPO year up to 2023 was listed then.
    func testMarksOnlyLargeLongListedCompaniesInNoPriorIndex() {
        let universe = [
            line("OLDB", cap: 50e9, ipo: 2017),  // rank 1, listed 2017, no prior line: marked
            line("MEMB", cap: 40e9, ipo: 2010),  // rank 2, a prior member: never marked
            line("NEWB", cap: 30e9, ipo: 2024),  // rank 3, listed 2024: may have listed after the previous rank day
            line("BLNK", cap: 20e9, ipo: nil),   // rank 5, no IPO year: says nothing
            line("SMAL", cap: 1e9, ipo: 2000),   // rank 6: outside the 5 largest
            line("EDGE", cap: 25e9, ipo: 2023),  // rank 4: listed 2023, marked
        ]
        let prior = PriorLines([.init(symbol: "MEMB", name: "MEMBER CORP", tier: .r1000)])
        let (marked, findings) = PriorExclusion.mark(universe, prior: prior, run: RunID(year: 2025), largest: 5)
        XCTAssertEqual(findings.map(\.symbol), ["OLDB", "EDGE"])
        XCTAssertEqual(findings.map(\.sizeRank), [1, 4])
        XCTAssertEqual(marked.map { $0.priorExclusion != nil }, [true, false, false, false, false, true])
        XCTAssertEqual(marked[0].priorExclusion, "listed since 2017, among the 5 largest listed companies, in no prior Russell index")
    }

    func testDecemberRunCountsTheSameYearsJuneAndNothingWithoutARussell1000Prior() {
        let universe = [line("IPOA", cap: 50e9, ipo: 2025), line("MEMB", cap: 40e9, ipo: 2010)]
        let withR1000 = PriorLines([.init(symbol: "MEMB", name: "MEMBER CORP", tier: .r1000)])
        // December 2026: the previous rank day is April 2026, so a 2025 IPO was listed then.
        XCTAssertEqual(PriorExclusion.mark(universe, prior: withR1000, run: RunID(year: 2026, month: 12), largest: 4).findings.map(\.symbol), ["IPOA"])
        XCTAssertEqual(PriorExclusion.mark(universe, prior: withR1000, run: RunID(year: 2026, month: 6), largest: 4).findings, [])
        // A Russell 2000 file alone does not name the large companies: nothing is marked.
        let r2000Only = PriorLines([.init(symbol: "MEMB", name: "MEMBER CORP", tier: .r2000)])
        XCTAssertEqual(PriorExclusion.mark(universe, prior: r2000Only, run: RunID(year: 2026, month: 12), largest: 4).findings, [])
    }

    /// The screen: a marked non-member is excluded as `excluded_before`; a member never is.
    func testScreenExcludesMarkedNonMembersOnly() {
        let rulebook = Rulebook(run: RunID(year: 2025), rankDay: CalendarDate(year: 2025, month: 4, day: 30),
                                effectiveDate: CalendarDate(year: 2025, month: 6, day: 27))
        var security = line("OLDB", cap: 50e9, ipo: 2017)
        security.priorExclusion = "listed since 2017"
        let universe = Universe.numbering([security]).universe
        func reason(_ tier: IndexTier) -> ExclusionReason? {
            let companies = ShareClassMerger.companies(of: universe, lines: [0], priorTiers: [tier], priorMicrocap: [nil])
            return Eligibility.companyScreen(0, of: companies, universe: universe, rulebook: rulebook)
        }
        XCTAssertEqual(reason(.none), .excludedBefore("listed since 2017"))
        XCTAssertEqual(reason(.none)?.code, "excluded_before")
        XCTAssertNil(reason(.r1000))
    }

    /// A company's lines are found wherever they are in the universe, and its cap counts its
    /// common lines only: summed when each covers its own shares, the largest when each carries
    /// the company total. Every line of a marked company is marked, its preferred line too.
    func testCompaniesAreGroupedAcrossTheUniverseAndSizedByTheirCommonLines() {
        func classLine(_ symbol: String, company: String, cap: Double, scope: CapScope, type: SecurityType = .commonStock) -> Security {
            Security(symbol: symbol, name: symbol, companyKey: company, companyName: company, type: type, price: 10,
                     marketCap: cap, capScope: scope, country: "United States", ipoYear: 2001)
        }
        let universe = [
            classLine("OWNA", company: "OWN", cap: 10e9, scope: .security),
            classLine("TOTA", company: "TOT", cap: 16e9, scope: .company),
            classLine("BIGP", company: "OWN", cap: 900e9, scope: .security, type: .preferred),  // not common: no size
            classLine("MIDL", company: "MID", cap: 17e9, scope: .company),
            classLine("OWNB", company: "OWN", cap: 8e9, scope: .security),  // OWN = 10 + 8 = 18 billion
            classLine("TOTB", company: "TOT", cap: 16e9, scope: .company),  // TOT = 16 billion, not 32
        ]
        let prior = PriorLines([.init(symbol: "ELSE", name: "ELSEWHERE INC", tier: .r1000)])
        // The 2 largest are OWN (18) and MID (17); TOT (16) is third.
        let (marked, findings) = PriorExclusion.mark(universe, prior: prior, run: RunID(year: 2025), largest: 2)
        XCTAssertEqual(findings.map(\.companyKey), ["OWN", "MID"])
        XCTAssertEqual(findings.map(\.symbol), ["OWNA", "MIDL"])
        XCTAssertEqual(findings.map(\.sizeRank), [1, 2])
        XCTAssertEqual(marked.map { $0.priorExclusion != nil }, [true, false, true, true, true, false])

        var inPlace = universe
        XCTAssertEqual(PriorExclusion.mark(&inPlace, prior: prior, run: RunID(year: 2025), largest: 2), findings)
        XCTAssertEqual(inPlace, marked)
    }

    // MARK: - The verdict is a class's

    /// A share class of `company`, priced at `price` with a company-wide cap of `price` × 1 billion
    /// shares (as the screener reports every class).
    private func shareClass(_ symbol: String, of company: String, ipo: Int?, price: Double, volume: Double) -> Security {
        Security(symbol: symbol, name: symbol, companyKey: company, companyName: company, price: price,
                 marketCap: price * 1e9, capScope: .company, country: "United States", volume: volume, ipoYear: ipo)
    }

    /// June 2025 scaled down: the 2 largest companies can be marked (the Russell 1000 count), the
    /// Russell 3000 is the top 4; additional classes need their own liquidity (M7 §6.5.1).
    private var june2025: Rulebook {
        var rulebook = Rulebook(run: RunID(year: 2025), rankDay: CalendarDate(year: 2025, month: 4, day: 30),
                                effectiveDate: CalendarDate(year: 2025, month: 6, day: 27), band1000: nil, microcapBand: nil,
                                additionalClassMinimumDailyValue: 175_000)
        rulebook.russell1000Count = 2
        rulebook.russell3000Count = 4
        rulebook.russell3000ECount = 5
        rulebook.microcapStartRank = 3
        return rulebook
    }

    /// A prior member of $30 billion (rank 1), so that the prior names the Russell 1000, and two
    /// small companies after the classes under test.
    private func universe(with classes: [Security]) -> (universe: [Security], prior: PriorLines) {
        let universe = [line("MEMB", cap: 30e9, ipo: 2010)] + classes
            + [line("SMLA", cap: 1e9, ipo: 2000), line("SMLB", cap: 500e6, ipo: 2000)]
        return (universe, PriorLines([.init(symbol: "MEMB", name: "MEMBER CORP", tier: .r1000)]))
    }

    private func evidence(since year: Int) -> String {
        "listed since \(year), among the 2 largest listed companies, in no prior Russell index"
    }

    /// Two classes both listed before the previous rank day (April 2024), neither in the prior:
    /// both marked, and the company is excluded whole, every line on the pricing vehicle's evidence.
    func testEveryClassListedBeforeIsMarkedAndTheCompanyExcluded() {
        let (universe, prior) = universe(with: [
            shareClass("OLDA", of: "OLD", ipo: 2010, price: 20, volume: 5e6),   // the pricing vehicle
            shareClass("OLDB", of: "OLD", ipo: 2015, price: 19, volume: 1e6),
        ])
        let (marked, findings) = PriorExclusion.mark(universe, prior: prior, run: june2025.run, largest: 2)
        XCTAssertEqual(findings, [PriorExclusion.Finding(symbol: "OLDA", companyKey: "OLD", ipoYear: 2010, sizeRank: 2)])
        XCTAssertEqual(marked.map(\.priorExclusion), [nil, evidence(since: 2010), evidence(since: 2015), nil, nil])

        let result = Reconstitution.run(universe: marked, prior: prior, rulebook: june2025)
        let rows = rowsBySymbol(result)
        for symbol in ["OLDA", "OLDB"] {
            XCTAssertEqual(rows[symbol]?.exclusion, .excludedBefore(evidence(since: 2010)), symbol)
            XCTAssertEqual(rows[symbol]?.index, IndexTier.none, symbol)
        }
        // SMLA moves up to #2, in the Russell 1000.
        XCTAssertEqual(rows["SMLA"]?.rank, 2)
    }

    /// Class A listed in 2010, class B this year: only A is marked, B is never marked through its
    /// sibling; the company enters through B, its pricing vehicle although A trades more, on the
    /// company's total cap at B's price, while A is left out as a line with its evidence.
    func testAClassListedSinceIsNotMarkedAndCarriesItsCompany() {
        let (universe, prior) = universe(with: [
            shareClass("DUALA", of: "DUAL", ipo: 2010, price: 20, volume: 5e6),
            shareClass("DUALB", of: "DUAL", ipo: 2025, price: 19, volume: 1e6),
        ])
        let (marked, findings) = PriorExclusion.mark(universe, prior: prior, run: june2025.run, largest: 2)
        XCTAssertEqual(findings, [PriorExclusion.Finding(symbol: "DUALA", companyKey: "DUAL", ipoYear: 2010, sizeRank: 2,
                                                         unmarkedClasses: ["DUALB"])])
        XCTAssertEqual(marked.map(\.priorExclusion), [nil, evidence(since: 2010), nil, nil, nil])

        let result = Reconstitution.run(universe: marked, prior: prior, rulebook: june2025)
        let rows = rowsBySymbol(result)
        XCTAssertEqual(rows["DUALA"]?.exclusion, .excludedBefore(evidence(since: 2010)))
        XCTAssertEqual(rows["DUALA"]?.index, IndexTier.none)
        XCTAssertEqual(rows["DUALB"]?.exclusion, nil)
        XCTAssertEqual(rows["DUALB"]?.index, .r1000)
        XCTAssertEqual(rows["DUALB"]?.rank, 2)
        XCTAssertEqual(rows["DUALB"]?.change, .addition)
        // B prices the company: $19 × 1 billion shares (A's $20 would give $20 billion).
        XCTAssertEqual(rows["DUALB"]?.totalMarketCap, 19e9)
        XCTAssertEqual(rows["DUALB"]?.weight, 19.0 / 49.0)
        XCTAssertEqual(rows["SMLA"]?.rank, 3)
    }

    /// A class with a blank IPO year says nothing of when it was listed: it is not marked next to a
    /// sibling listed long ago, and carries the company.
    func testAClassWithABlankIPOYearIsNotMarked() {
        let (universe, prior) = universe(with: [
            shareClass("BLNKA", of: "BLNK", ipo: 2012, price: 20, volume: 5e6),
            shareClass("BLNKB", of: "BLNK", ipo: nil, price: 20, volume: 5e6),
        ])
        let (marked, findings) = PriorExclusion.mark(universe, prior: prior, run: june2025.run, largest: 2)
        XCTAssertEqual(findings.map(\.unmarkedClasses), [["BLNKB"]])
        XCTAssertEqual(marked.map(\.priorExclusion), [nil, evidence(since: 2012), nil, nil, nil])

        let rows = rowsBySymbol(Reconstitution.run(universe: marked, prior: prior, rulebook: june2025))
        XCTAssertEqual(rows["BLNKA"]?.reason, "excluded_before")
        XCTAssertEqual(rows["BLNKB"]?.index, .r1000)
    }

    /// A company with a prior line (here its B class only) is a member: none of its classes is
    /// marked, however long listed.
    func testNoClassOfACompanyWithAPriorLineIsMarked() {
        var (universe, prior) = universe(with: [
            shareClass("HELDA", of: "HELD", ipo: 2010, price: 20, volume: 5e6),
            shareClass("HELDB", of: "HELD", ipo: 2010, price: 20, volume: 1e6),
        ])
        prior = PriorLines(prior.entries + [.init(symbol: "HELDB", name: "HELD", tier: .r1000)])
        let (marked, findings) = PriorExclusion.mark(universe, prior: prior, run: june2025.run, largest: 2)
        XCTAssertEqual(findings, [])
        XCTAssertEqual(marked.map(\.priorExclusion), [nil, nil, nil, nil, nil])
        let rows = rowsBySymbol(Reconstitution.run(universe: marked, prior: prior, rulebook: june2025))
        XCTAssertEqual(rows["HELDA"]?.index, .r1000)
    }

    private func rowsBySymbol(_ result: ReconstitutionResult) -> [String: MembershipRow] {
        let rows = result.rows
        XCTAssertEqual(Set(rows.map(\.symbol)).count, rows.count, "one row per symbol")
        return Dictionary(rows.map { ($0.symbol, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

