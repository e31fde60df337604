import XCTest
import ReconCore
@testable import ReconEngine
import ReconFormats

/// Floats inferred from a fund's weights, with hand-computed ratios.
final class HoldingsFloatTests: XCTestCase {
    private let rankDay = CalendarDate(year: 2025, month: 4, day: 30)

    private func line(_ symbol: String, price: Double, shares: Double) -> Security {
        Security(symbol: symbol, name: symbol, companyKey: symbol, companyName: symbol, price: price, marketCap: price * shares)
    }

    func testAFundsWeightOverCapIsTheFloatUpToItsTopDecile() throws {
        // Eleven holdings: weight / (price × shares) = 1, 2, …, 10 (× 1e-9) and one at 20e-9. The
        // 90th percentile of the eleven ratios (nearest rank: the ⌈9.9⌉ = 10th) is 10e-9: a float of 1.
        var securities = (1 ... 10).map { line("S\($0)", price: 10, shares: 1e9) }
        securities.append(line("BIG", price: 10, shares: 1e9))
        securities.append(line("NEW", price: 10, shares: 1e9))
        var holdings = (1 ... 10).map { (symbol: "S\($0)", weight: Double?(Double($0) * 10), price: Double?(10)) }
        holdings.append((symbol: "BIG", weight: 200, price: 10))
        let fund = HoldingsWeights(source: "IWM.csv", date: CalendarDate(year: 2025, month: 5, day: 13), holdings: holdings)
        let floats = HoldingsFloat.Evidence(securities, holdings: [fund]).floats(rankDay: rankDay)
        for k in 1 ... 10 { XCTAssertEqual(floats[k - 1], Double(k) / 10, accuracy: 1e-12, "S\(k)") }
        XCTAssertEqual(floats[10], 1, "above the top decile: capped at 1")
        XCTAssertTrue(floats[11].isNaN, "a line no fund holds has no inferred float")
    }

    /// A holding at more than twice the float a fund can hold (a reverse split since the fund's
    /// date: the fund counts ten times the universe's shares) says nothing of the line: its float
    /// comes from the next file, else none; at exactly twice it is a float capped at 1.
    func testAHoldingBeyondTwiceTheFloatAFundCanHoldIsSetAside() {
        // The near file: 18 lines at a ratio of 1 (1,000 / (10 × 100)), R at 10 (its price a tenth,
        // before a 1-for-10 split) and T at 2. The 90th percentile of the 20 (nearest rank: the
        // 18th) is 1, so their implied floats are the ratios.
        let normal = (1 ... 18).map { "S\($0)" }
        let securities = (normal + ["R", "T"]).map { line($0, price: 10, shares: 100) }
        let near = HoldingsWeights(source: "IWM_2026-01-21.csv", date: CalendarDate(year: 2025, month: 5, day: 2),
                                   holdings: normal.map { ($0, 1_000, 10) } + [("R", 1_000, 1), ("T", 2_000, 10)])
        // The far file: S1 and R, at ratios 1 and 0.5.
        let far = HoldingsWeights(source: "IWV.csv", date: CalendarDate(year: 2025, month: 9, day: 16),
                                  holdings: [("S1", 1_000, 10), ("R", 500, 10)])
        let evidence = HoldingsFloat.Evidence(securities, holdings: [near, far])
        XCTAssertEqual(evidence.implied[0].suffix(3).map { ($0 * 100).rounded() / 100 }, [1, 10, 2])
        XCTAssertEqual(evidence.sharesApart, ["IWM_2026-01-21.csv": [18], "IWV.csv": []])
        let floats = evidence.floats(rankDay: rankDay)
        XCTAssertEqual(floats[18], 0.5, accuracy: 1e-12, "R from the far file")
        XCTAssertEqual(floats[19], 1, "twice: not apart, capped at 1")
        XCTAssertTrue(HoldingsFloat.Evidence(securities, holdings: [near]).floats(rankDay: rankDay)[18].isNaN)
        XCTAssertEqual(evidence.warnings(securities, universe: "screener.csv"), [
            "IWM_2026-01-21.csv holds 1 line at more than twice the float a fund can hold for the shares screener.csv counts "
                + "(a reverse split since 2025-05-02, or the ticker now another company's): neither their price nor their float "
                + "is taken from it: R",
        ])
    }

    func testTheFileNearestTheRankDayWins() {
        let securities = [line("A", price: 10, shares: 100)]
        // The near file's ratios are 0.5 and 1 (its 90th percentile, the 2nd of 2, is 1): A's float
        // is 0.5 there, and 1 in the far file.
        let near = HoldingsWeights(source: "IWV.csv", date: CalendarDate(year: 2025, month: 5, day: 2),
                                   holdings: [("A", 500, 10), ("B", 1_000, 10)])
        let far = HoldingsWeights(source: "IWM.csv", date: CalendarDate(year: 2025, month: 5, day: 13),
                                  holdings: [("A", 1_000, 10), ("B", 1_000, 10)])
        let withB = securities + [line("B", price: 10, shares: 100)]
        XCTAssertEqual(HoldingsFloat.Evidence(withB, holdings: [far, near]).floats(rankDay: rankDay)[0], 0.5, accuracy: 1e-12)
    }
}
