import XCTest
import ReconCore
@testable import ReconData

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
}
