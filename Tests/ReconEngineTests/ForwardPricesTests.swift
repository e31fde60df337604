import XCTest
import ReconCore
@testable import ReconEngine

/// Forward prices are matched by exact symbol (issue 20). The lines are the 2026-06-11 Nasdaq
/// screener's collisions, typed here by hand with their prices: a common and a preferred (or
/// another issuer's notes) whose tickers normalise alike, in the export's order, so that the later
/// line once won whichever it was.
final class ForwardPricesTests: XCTestCase {
    private func line(_ symbol: String, _ price: Double, cap: Double = 1e9) -> Security {
        Security(symbol: symbol, name: "\(symbol) Inc. Common Stock", companyKey: symbol, companyName: symbol,
                 price: price, marketCap: cap, capScope: .company)
    }

    /// (symbol, 2025 price, 2026 price), in the 2026 export's order.
    private let collisions: [(String, Double, Double)] = [
        ("BC^C", 22.9351, 24.01), ("BCC", 86.56, 69.20),      // Brunswick's notes, then Boise Cascade: the common came later
        ("DCOM", 27.00, 39.51), ("DCOM^", 17.10, 17.75),      // Dime's common, then its preferred: the preferred came later
        ("EP^C", 48.67, 50.89), ("EPC", 27.40, 21.50),
        ("TFIN", 60.00, 74.39), ("TFIN^", 22.00, 22.50),
        ("TY", 30.80, 34.98), ("TY^", 44.50, 42.00),
    ]

    func testEachLineIsPricedByTheLineOfItsOwnSymbol() {
        let universe = collisions.map { line($0.0, $0.1) }
        let later = collisions.map { line($0.0, $0.2) }
        let prices = ForwardPrices(path: "later.csv", universe: universe, later: later)
        XCTAssertEqual(prices.endPrices, collisions.map { Optional($0.2) })
        XCTAssertEqual(prices.matchedByNormalisedTicker, [])
    }

    func testTheOrderOfTheLaterLinesDoesNotMatter() {
        let universe = collisions.map { line($0.0, $0.1) }
        let prices = ForwardPrices(path: "later.csv", universe: universe, later: collisions.reversed().map { line($0.0, $0.2) })
        XCTAssertEqual(prices.endPrices, collisions.map { Optional($0.2) })
    }

    func testALineGoneFromTheLaterSnapshotIsNotPricedByItsNamesake() {
        // DCOM^ and BCC are gone: neither takes the price of the line its ticker normalises like.
        let universe = collisions.map { line($0.0, $0.1) }
        let later = collisions.filter { $0.0 != "DCOM^" && $0.0 != "BCC" }.map { line($0.0, $0.2) }
        let prices = ForwardPrices(path: "later.csv", universe: universe, later: later)
        let bySymbol = Dictionary(uniqueKeysWithValues: zip(collisions.map(\.0), prices.endPrices))
        XCTAssertEqual(bySymbol["DCOM^"], .some(nil))
        XCTAssertEqual(bySymbol["BCC"], .some(nil))
        XCTAssertEqual(bySymbol["DCOM"], 39.51)
        XCTAssertEqual(bySymbol["BC^C"], 24.01)
        XCTAssertEqual(prices.matchedByNormalisedTicker, [])
    }

    func testASymbolSpelledDifferentlyIsMatchedByItsOnlyNamesakeAndCounted() {
        let universe = [line("BRK/B", 480), line("DCOM", 27), line("DCOM^", 17.1), line("MOG/A", 170)]
        let later = [line("BRK.B", 500), line("DCOM.", 39.51), line("DCOM-", 17.75), line("MOGA", 200)]
        let prices = ForwardPrices(path: "later.csv", universe: universe, later: later)
        XCTAssertEqual(prices.endPrices, [500, nil, nil, 200], "DCOM is ambiguous on both sides: no fallback")
        XCTAssertEqual(prices.matchedByNormalisedTicker, [0, 3])
        XCTAssertEqual(prices.laterSymbols, [0: "BRK.B", 3: "MOGA"])
    }

    func testACommonThatLeftIsNeverPricedByAPreferredLeftInItsPlace() {
        // Alone on both sides, DCOM and DCOM^ normalise alike, but `^` spells another security.
        let universe = [line("DCOM", 27), line("BC^C", 22.9351)]
        let later = [line("DCOM^", 17.75), line("BCC", 69.20)]
        let prices = ForwardPrices(path: "later.csv", universe: universe, later: later)
        XCTAssertEqual(prices.endPrices, [nil, nil])
        XCTAssertEqual(prices.matchedByNormalisedTicker, [])
    }

    /// A reverse split (1-for-10: the price ten times, the cap the same) and a forward split
    /// (4-for-1) show as price relatives more than three times apart from the cap relatives, next to
    /// the median line's; a share count grown by half does not. Caps counted in other units by the
    /// later file move every line alike and leave nobody out.
    func testPriceAndCapRelativesApartLeaveALineOut() throws {
        let universe = [line("A", 10, cap: 1e9), line("B", 10, cap: 1e9), line("C", 10, cap: 1e9),
                        line("REV", 1, cap: 1e8), line("FWD", 300, cap: 3e9), line("DIL", 10, cap: 1e9)]
        for unit in [1.0, 1e-6] {
            let later = [line("A", 11, cap: 1.1e9 * unit), line("B", 12, cap: 1.2e9 * unit), line("C", 9, cap: 0.9e9 * unit),
                         line("REV", 12, cap: 1.2e8 * unit), line("FWD", 80, cap: 3.2e9 * unit), line("DIL", 10, cap: 1.5e9 * unit)]
            let prices = ForwardPrices(path: "later.csv", universe: universe, later: later)
            XCTAssertEqual(try XCTUnwrap(prices.medianPriceOverCapRelative), 1 / unit, accuracy: 1e-9 / unit)
            let relatives = prices.priceOverCapRelative.map { $0.map { $0 * unit } }
            XCTAssertEqual(relatives[3]!, 10, accuracy: 1e-9, "REV: price ×12, cap ×1.2")
            XCTAssertEqual(relatives[4]!, 0.25, accuracy: 1e-9, "FWD: price ×0.27, cap ×1.07")
            XCTAssertEqual(relatives[5]!, 1 / 1.5, accuracy: 1e-9, "DIL: shares half as many again, within threefold")
            let rulebook = Rulebook(run: RunID(year: 2025), rankDay: CalendarDate(year: 2025, month: 4, day: 30),
                                    effectiveDate: CalendarDate(year: 2025, month: 6, day: 27))
            let result = Reconstitution.run(universe: universe, rulebook: rulebook)
            var returns: [String: Double] = [:]
            for row in result.rowIndices { returns[result.symbol(row)] = prices.windowReturn(result, row: row) }
            XCTAssertEqual(returns.keys.sorted(), ["A", "B", "C", "DIL"], "REV and FWD are left out")
            XCTAssertEqual(returns["B"]!, 0.2, accuracy: 1e-12)
            XCTAssertEqual(returns["DIL"]!, 0, accuracy: 1e-12)
        }
    }

    func testAZeroPriceIsNoPriceAndNoReasonToLookFurther() {
        let universe = [line("DCOM", 27), line("DCOM^", 17.1)]
        let later = [line("DCOM", 0), line("DCOM^", 17.75)]
        XCTAssertEqual(ForwardPrices(path: "later.csv", universe: universe, later: later).endPrices, [nil, 17.75])
    }
}
