import XCTest
@testable import ReconCore

/// The rulebook's worked example (M7 §6.11; russell-rules.md §4.2): total $182,500M, the #1,000
/// company "RE Trust" at a cumulative 89.99%, band 87.49%–92.49%.
final class BandingTests: XCTestCase {
    private let band = Band(breakpointRank: 1000, breakpointShare: 0.8999, halfWidth: 0.025)

    func testWorkedExampleEdges() {
        XCTAssertEqual(band.lowerEdge, 0.8749, accuracy: 1e-12)
        XCTAssertEqual(band.upperEdge, 0.9249, accuracy: 1e-12)
    }

    func testWorkedExampleRowByRow() {
        // (rank, current member of, cumulative share, expected new index)
        let rows: [(Int, Band.Side, Double, Band.Side)] = [
            (995, .above, 0.8438, .above),
            (996, .below, 0.8554, .above),   // below 87.49: moves up
            (997, .above, 0.8669, .above),
            (998, .below, 0.8779, .below),   // inside the band: stays
            (999, .below, 0.8889, .below),
            (1000, .below, 0.8999, .below),
            (1001, .above, 0.9108, .above),  // inside the band: stays
            (1002, .below, 0.9215, .below),
            (1003, .above, 0.9320, .below),  // above 92.49: moves down
        ]
        for (rank, prior, share, expected) in rows {
            XCTAssertEqual(band.place(rank: rank, share: share, priorSide: prior).side, expected, "rank \(rank)")
        }
    }

    func testPlacementReasons() {
        XCTAssertEqual(band.place(rank: 996, share: 0.8554, priorSide: .below).placement, .bandCrossed)
        XCTAssertEqual(band.place(rank: 998, share: 0.8779, priorSide: .below).placement, .bandRetained)
        XCTAssertEqual(band.place(rank: 1001, share: 0.9108, priorSide: .above).placement, .bandRetained)
        XCTAssertEqual(band.place(rank: 995, share: 0.8438, priorSide: .above).placement, .rank)
    }

    func testNewCompaniesArePlacedByRankAlone() {
        XCTAssertEqual(band.place(rank: 1000, share: 0.8999, priorSide: nil).side, .above)
        XCTAssertEqual(band.place(rank: 1001, share: 0.9108, priorSide: nil).side, .below)
    }

    func testEdgesCountAsInside() {
        XCTAssertEqual(band.place(rank: 1100, share: band.upperEdge, priorSide: .above).side, .above)
        XCTAssertEqual(band.place(rank: 900, share: band.lowerEdge, priorSide: .below).side, .below)
    }

    func testHardCutWithoutBand() {
        let hard = Band(breakpointRank: 1000, breakpointShare: 0.8999, halfWidth: nil)
        XCTAssertEqual(hard.place(rank: 1001, share: 0.9108, priorSide: .above).side, .below)
        XCTAssertEqual(hard.place(rank: 998, share: 0.8779, priorSide: .below).side, .above)
    }

    /// The same example through the whole engine: nine companies around #1,000 in a universe scaled
    /// down so the breakpoint is #5 — caps chosen so the cumulative shares are the example's.
    func testWorkedExampleThroughTheEngine() {
        // Cumulative shares from the example, shifted to ranks 1...9 with the breakpoint at rank 6,
        // plus a tail that brings the total to 1. Caps are differences of cumulative shares.
        let cumulative = [0.8438, 0.8554, 0.8669, 0.8779, 0.8889, 0.8999, 0.9108, 0.9215, 0.9320]
        var caps: [Double] = []
        var previous = 0.0
        for share in cumulative { caps.append((share - previous) * 182_500e6); previous = share }
        // First company holds 84.38%: fine, caps must still descend, so split it into big names.
        let head = caps.removeFirst()
        var universe: [Security] = []
        var prior = PriorLines()
        let headParts = 8
        for part in 0..<headParts {
            universe.append(TestUniverse.security("H\(part)", cap: head / Double(headParts) + Double(headParts - part)))
            prior.add(.init(symbol: "H\(part)", name: "", tier: .r1000))
        }
        let members: [Band.Side] = [.below, .above, .below, .below, .below, .above, .below, .above]
        for (offset, cap) in caps.enumerated() {
            let symbol = "C\(offset + 2)"
            universe.append(TestUniverse.security(symbol, cap: cap))
            prior.add(.init(symbol: symbol, name: "", tier: members[offset] == .above ? .r1000 : .r2000))
        }
        // The tail: the remaining 6.80% in small names below the band.
        let tailShare = 1 - 0.9320
        for part in 0..<20 {
            universe.append(TestUniverse.security("T\(part)", cap: tailShare * 182_500e6 / 20 - Double(part) * 1e4))
        }
        var rulebook = TestUniverse.rulebook
        rulebook.russell1000Count = headParts + 5   // the #1,000 company is C6 ("RE Trust")
        rulebook.russell3000Count = 1_000
        let result = Reconstitution.run(universe: universe, prior: prior, rulebook: rulebook)
        let tiers = Dictionary(uniqueKeysWithValues: result.rows.map { ($0.symbol, $0.index) })
        XCTAssertEqual(result.breakpoints.band1000?.breakpointShare ?? 0, 0.8999, accuracy: 2e-4)
        XCTAssertEqual(tiers["C2"], .r1000, "996: moves up")
        XCTAssertEqual(tiers["C4"], .r2000, "998: stays inside the band")
        XCTAssertEqual(tiers["C7"], .r1000, "1,001: stays inside the band")
        XCTAssertEqual(tiers["C9"], .r2000, "1,003: moves down")
    }
}
