import XCTest
import ReconCore
@testable import ReconReport

/// What the run report counts from membership.csv: flows, companies near the cuts, the band's ranks.
final class ReportRunModelTests: XCTestCase {
    private func member(_ symbol: String, key: String? = nil, rank: Int?, cap: Double?, prior: IndexTier, index: IndexTier,
                        microcap: Bool = false) -> RunReportMember {
        RunReportMember(symbol: symbol, company: symbol, companyKey: key ?? symbol, totalMarketCap: cap, rank: rank,
                        index: index, priorIndex: prior, microcap: microcap, change: MembershipChange(prior: prior, new: index))
    }

    private var members: [RunReportMember] {
        [
            member("BIG", rank: 1, cap: 9e11, prior: .r1000, index: .r1000),
            member("BIG.B", key: "BIG", rank: 1, cap: 9e11, prior: .r1000, index: .r1000),
            member("UP", rank: 990, cap: 5.0e9, prior: .r2000, index: .r1000),
            member("DOWN", rank: 1010, cap: 4.8e9, prior: .r1000, index: .r2000),
            member("NEW", rank: 2500, cap: 3e8, prior: .none, index: .r2000, microcap: true),
            member("MICRO", rank: 3500, cap: 1e8, prior: .r2000, index: .none, microcap: true),
            member("GONE", rank: nil, cap: nil, prior: .r2000, index: .none),
            member("TINY", rank: 4200, cap: 2e7, prior: .none, index: .none),
            member("WARRANT", rank: nil, cap: 1e6, prior: .none, index: .none),
        ]
    }

    func testFlowsCountCompaniesOnceAndLeaveOutThoseOutsideBeforeAndAfter() {
        let flows = MembershipFlows(members: members)
        XCTAssertEqual(flows.flows, [
            .init(from: "Russell 1000", to: "Russell 1000", count: 1),
            .init(from: "Russell 1000", to: "Russell 2000", count: 1),
            .init(from: "Russell 2000", to: "Russell 1000", count: 1),
            .init(from: "Russell 2000", to: "Microcap", count: 1),
            .init(from: "Russell 2000", to: "Out", count: 1),
            .init(from: "Out", to: "Russell 2000", count: 1),
        ])
        XCTAssertEqual(flows.outsideBoth, 2)
        XCTAssertEqual(flows.countAfter("Russell 1000"), 2)
        XCTAssertEqual(flows.countBefore("Russell 2000"), 3)
    }

    /// A company stands for its membership, not its first line: notes listed before the common
    /// (`MITN`), a class screened out while another stays (`KB`), as summary.json counts them.
    func testACompanyIsCountedByItsMembershipNotItsFirstLine() {
        let lines = [
            member("MITN", key: "MITT", rank: nil, cap: 2e8, prior: .none, index: .none),
            member("MITT", key: "MITT", rank: 2400, cap: 2e8, prior: .r2000, index: .r2000),
            member("KB", key: "K", rank: nil, cap: 3e9, prior: .r1000, index: .none),
            member("KA", key: "K", rank: 1100, cap: 3e9, prior: .r1000, index: .r2000),
        ]
        let companies = RunReportMember.linePerCompany(lines)
        XCTAssertEqual(companies.map(\.symbol), ["MITT", "KA"])
        XCTAssertEqual(companies.map(\.change), [.stay, .downward])
        XCTAssertEqual(MembershipFlows(members: lines).flows, [
            .init(from: "Russell 1000", to: "Russell 2000", count: 1),
            .init(from: "Russell 2000", to: "Russell 2000", count: 1),
        ])
    }

    func testBandRanksRunFromTheTopEdgeCapToTheBottomEdgeCap() {
        XCTAssertEqual(CapDistribution.bandRanks(members: members, capHigh: 5.0e9, capLow: 4.8e9), 990...1010)
        XCTAssertNil(CapDistribution.bandRanks(members: members, capHigh: 7e9, capLow: 6e9))
        XCTAssertNil(CapDistribution.bandRanks(members: members, capHigh: nil, capLow: 4.8e9))
    }

    func testDistributionMarksEachCompanyNearTheCutByItsChange() {
        let near1000 = CapDistribution(members: members, cut: 1000, band: 990...1010, margin: 50)
        XCTAssertEqual(near1000.window, 940...1060)
        XCTAssertEqual(near1000.count("moved up"), 1)
        XCTAssertEqual(near1000.count("moved down"), 1)
        XCTAssertEqual(near1000.groups.map(\.moverClass.name), ["stay", "moved up", "moved down", "added", "deleted"],
                       "the five classes are always listed; 'not a member' only when there are some")
        let near3000 = CapDistribution(members: members, cut: 3000, band: nil, margin: 1500)
        XCTAssertEqual(near3000.count("added"), 1)
        XCTAssertEqual(near3000.count("deleted"), 1)
        XCTAssertEqual(near3000.count("not a member"), 1)
        XCTAssertEqual(near3000.groups.first { $0.moverClass.name == "added" }?.points, [ChartPoint(x: 2500, y: 3e8)])
    }

    func testDistributionChartHasTheBandTheCutAndAMarkPerCompany() throws {
        let chart = CapDistribution(members: members, cut: 1000, band: 990...1010, margin: 50).chart(title: "Near #1,000")
        XCTAssertEqual(chart.band?.x, 990...1010)
        XCTAssertEqual(chart.cut?.label, "#1,000")
        XCTAssertEqual(chart.groups.reduce(0) { $0 + $1.points.count }, 2)
        XCTAssertNoThrow(try SVGTestXML.parse(chart.svg()))
    }

    func testLargestMoversAreSortedByCapThenSymbol() throws {
        let movers = [
            member("B", rank: 900, cap: 6e9, prior: .r2000, index: .r1000),
            member("A", rank: 901, cap: 6e9, prior: .r2000, index: .r1000),
            member("C", rank: 800, cap: 7e9, prior: .r2000, index: .r1000),
        ]
        let table = try XCTUnwrap(LargestMovers.table(movers, change: .upward, caption: "Up"))
        XCTAssertEqual(table.rows.map { $0[0] }, ["C", "A", "B"])
        XCTAssertEqual(table.rows[0][3], "$7.00B")
        XCTAssertNil(LargestMovers.table(movers, change: .downward, caption: "Down"))
    }

    func testARunReportFromASummaryAloneNotesEveryMissingFile() {
        let document = RunReport(RunReportInput(folder: "out/1995/", summary: RunReportSummary(run: "1995-06"))).document
        let notes = document.sections.flatMap(\.blocks).compactMap { block -> String? in
            if case .notice(let notice) = block { return notice.title }
            return nil
        }
        XCTAssertEqual(Set(notes), ["No membership.csv.", "No migration.csv.", "No drag.json."])
        XCTAssertTrue(document.charts.isEmpty)
        XCTAssertTrue(document.notices.isEmpty, "not synthetic")
        XCTAssertEqual(document.footer?.contains("files in 1995:"), true)
    }

    /// A panel's run names no prior file: its prior is the run before, which the report says
    /// rather than "none"; with no prior file and no prior member it is none.
    func testThePriorOfAPanelsRunIsTheRunBefore() {
        var summary = RunReportSummary(run: "2005-06", priorCounts: ["R1000": .init(companies: 1_000, securities: 1_027),
                                                                     "R2000": .init(companies: 2_000, securities: 2_062)])
        XCTAssertEqual(RunDataSection.priorMembership(summary),
                       "the result of the run before, replayed from the panel (1,000 Russell 1000, 2,000 Russell 2000 companies)")
        summary.priorCounts = ["R1000": .init(companies: 0, securities: 0), "R2000": .init(companies: 0, securities: 0)]
        XCTAssertEqual(RunDataSection.priorMembership(summary), "none: every company is an addition")
        summary.input.priors = ["IWM_2025-05-13.csv", "IWV_2025-05-02.csv"]
        XCTAssertEqual(RunDataSection.priorMembership(summary), "IWM_2025-05-13.csv, IWV_2025-05-02.csv")
    }

    /// summary.json gives a hard cut's edge caps too (both the #1,000 cap): the report drew a band
    /// "$1.76B–$1.76B" over "ranks 1,000–1,000" for a run before 2007.
    func testAHardCutHasNoBand() {
        typealias Breakpoints = RunReportSummary.Breakpoints
        XCTAssertFalse(Breakpoints(cap1000: 1.76e9, bandHalfWidth: nil, bandCapHigh: 1.76e9, bandCapLow: 1.76e9).hasBand)
        XCTAssertFalse(Breakpoints(cap1000: 1.76e9, bandHalfWidth: 0, bandCapHigh: 1.76e9, bandCapLow: 1.76e9).hasBand)
        XCTAssertTrue(Breakpoints(cap1000: 4.7e9, bandHalfWidth: 0.025, bandCapHigh: 7.1e9, bandCapLow: 2.2e9).hasBand)
        // A file without the half-width: two edge caps apart are a band.
        XCTAssertTrue(Breakpoints(cap1000: 4.7e9, bandCapHigh: 7.1e9, bandCapLow: 2.2e9).hasBand)
        XCTAssertFalse(Breakpoints(cap1000: 4.7e9).hasBand)
        let summary = RunReportSummary(run: "2005-06", breakpoints: Breakpoints(cap1000: 1.76e9, bandCapHigh: 1.76e9, bandCapLow: 1.76e9))
        let band = RunHeadline.metrics(RunReportInput(folder: "out/2005", summary: summary)).first { $0.label == "Band at #1,000" }
        XCTAssertEqual(band?.value, "none")
    }
}

extension MembershipFlows {
    /// The companies in `group` after the reconstitution.
    func countAfter(_ group: String) -> Int { flows.filter { $0.to == group }.reduce(0) { $0 + $1.count } }

    /// The companies in `group` before the reconstitution.
    func countBefore(_ group: String) -> Int { flows.filter { $0.from == group }.reduce(0) { $0 + $1.count } }
}
