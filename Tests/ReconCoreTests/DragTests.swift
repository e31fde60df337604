import XCTest
@testable import ReconCore

/// Hand-computed: old R2000 = A (cap 100, +50%, graduates), B (300, +10%, stays), C (100, −20%,
/// falls out); new R2000 = B, D (100, 0%, from below), E (100, +20%, IPO).
/// F = .2·.5 + .6·.1 + .2·(−.2) = 12%; N = .6·.1 + .2·0 + .2·.2 = 10%; G = 2%.
final class DragTests: XCTestCase {
    private let holdings = [
        Drag.Holding(key: "A", frozenWeight: 100, reconstitutedWeight: nil, component: "deletions_upward", windowReturn: 0.5),
        Drag.Holding(key: "B", frozenWeight: 300, reconstitutedWeight: 300, component: "stayers", windowReturn: 0.1),
        Drag.Holding(key: "C", frozenWeight: 100, reconstitutedWeight: nil, component: "deletions_fall_out", windowReturn: -0.2),
        Drag.Holding(key: "D", frozenWeight: nil, reconstitutedWeight: 100, component: "additions_from_below", windowReturn: 0),
        Drag.Holding(key: "E", frozenWeight: nil, reconstitutedWeight: 100, component: "additions_ipo", windowReturn: 0.2),
    ]

    func testGapAndComponentsByHand() {
        let drag = Drag(holdings: holdings)
        XCTAssertEqual(drag.frozenReturn, 0.12, accuracy: 1e-12)
        XCTAssertEqual(drag.reconstitutedReturn, 0.10, accuracy: 1e-12)
        XCTAssertEqual(drag.gap, 0.02, accuracy: 1e-12)
        XCTAssertEqual(drag.component("deletions_upward"), 0.08, accuracy: 1e-12)   // .2 × (.5 − .1)
        XCTAssertEqual(drag.component("deletions_fall_out"), -0.06, accuracy: 1e-12) // .2 × (−.2 − .1)
        XCTAssertEqual(drag.component("additions_from_below"), 0.02, accuracy: 1e-12) // −.2 × (0 − .1)
        XCTAssertEqual(drag.component("additions_ipo"), -0.02, accuracy: 1e-12)     // −.2 × (.2 − .1)
        XCTAssertEqual(drag.component(Drag.stayersComponent), 0, accuracy: 1e-15)
        XCTAssertEqual(drag.componentSum, drag.gap, accuracy: 1e-15)
    }

    func testEqualWeightsAndMissingReturnsAreReported() {
        var equal = holdings.map { holding -> Drag.Holding in
            var copy = holding
            copy.frozenWeight = holding.frozenWeight.map { _ in 1 }
            copy.reconstitutedWeight = holding.reconstitutedWeight.map { _ in 1 }
            return copy
        }
        equal.append(.init(key: "F", frozenWeight: 1, reconstitutedWeight: nil, component: "deletions_other", windowReturn: nil))
        let drag = Drag(holdings: equal)
        XCTAssertEqual(drag.leftOut, 1)
        XCTAssertEqual(drag.leftOutFrozenWeight, 0.25, accuracy: 1e-12)
        // F = (.5 + .1 − .2)/3; N = (.1 + 0 + .2)/3.
        XCTAssertEqual(drag.gap, 0.4 / 3 - 0.3 / 3, accuracy: 1e-12)
        XCTAssertEqual(drag.componentSum, drag.gap, accuracy: 1e-15)
    }

    /// With stayers weighted differently in the two portfolios, the stayers' term absorbs the
    /// difference and the identity still holds.
    func testIdentityHoldsWithInconsistentStayerWeights() {
        let drag = Drag(holdings: [
            .init(key: "S1", frozenWeight: 1, reconstitutedWeight: 3, component: "stayers", windowReturn: 0.3),
            .init(key: "S2", frozenWeight: 3, reconstitutedWeight: 1, component: "stayers", windowReturn: -0.1),
            .init(key: "X", frozenWeight: 2, reconstitutedWeight: nil, component: "deletions_upward", windowReturn: 0.7),
            .init(key: "Y", frozenWeight: nil, reconstitutedWeight: 2, component: "additions_ipo", windowReturn: 0.05),
        ])
        XCTAssertNotEqual(drag.component(Drag.stayersComponent), 0)
        XCTAssertEqual(drag.componentSum, drag.gap, accuracy: 1e-15)
    }

    func testTurnoverByHand() {
        let turnover = Turnover(old: ["A": 0.2, "B": 0.6, "C": 0.2], new: ["B": 0.6, "D": 0.2, "E": 0.2])
        XCTAssertEqual(turnover.additions, 2)
        XCTAssertEqual(turnover.deletions, 2)
        XCTAssertEqual(turnover.nameTurnover, 4.0 / 6.0, accuracy: 1e-12)
        XCTAssertEqual(turnover.weightTurnover, 0.4, accuracy: 1e-12)
        XCTAssertEqual(Turnover(old: ["A": 1], new: ["A": 5]).weightTurnover, 0, "weights are normalised")
    }

    /// Annual runs: the mean per run. Semi-annual: June and December of a year summed, then
    /// averaged over the years (a last year with June alone counts as a year).
    func testTurnoverAYear() {
        XCTAssertEqual(Turnover.perYear([(2020, 0.12), (2021, 0.10)]) ?? 0, 0.11, accuracy: 1e-15)
        XCTAssertEqual(Turnover.perYear([(2020, 0.08), (2020, 0.06), (2021, 0.07), (2021, 0.05), (2022, 0.09)]) ?? 0,
                       (0.14 + 0.12 + 0.09) / 3, accuracy: 1e-15)
        XCTAssertNil(Turnover.perYear([]))
        XCTAssertEqual(Turnover.perYear(named: [("2026-06", 0.08), ("2026-12", 0.06), ("2027-06", nil), ("total", 0.5)]) ?? 0, 0.14,
                       accuracy: 1e-15, "runs without a turnover or a run's name are left out")
    }
}

extension Drag {
    /// The sum of the components: the definition the decomposition must meet, ``gap`` up to rounding.
    var componentSum: Double { components.reduce(0) { $0 + $1.value } }
}
