import XCTest
import ReconCore
import ReconData
@testable import ReconEngine

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
        let floats = HoldingsFloat.infer(securities, holdings: [fund], rankDay: rankDay)
        for k in 1 ... 10 { XCTAssertEqual(floats[k - 1], Double(k) / 10, accuracy: 1e-12, "S\(k)") }
        XCTAssertEqual(floats[10], 1, "above the top decile: capped at 1")
        XCTAssertTrue(floats[11].isNaN, "a line no fund holds has no inferred float")
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
        XCTAssertEqual(HoldingsFloat.infer(withB, holdings: [far, near], rankDay: rankDay)[0], 0.5, accuracy: 1e-12)
    }
}
