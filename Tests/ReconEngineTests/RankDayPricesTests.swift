import XCTest
import ReconCore
@testable import ReconEngine
import ReconFormats

/// The price dated nearest the rank day wins, with hand-computed caps.
final class RankDayPricesTests: XCTestCase {
    private let rankDay = CalendarDate(year: 2025, month: 4, day: 30)

    private func universe(asOf: CalendarDate?) -> UniverseReadResult {
        UniverseReadResult(format: .nasdaqScreener, securities: [
            Security(symbol: "AAA", name: "A Inc", companyKey: "a", companyName: "A Inc", price: 10, marketCap: 1_000),
            Security(symbol: "BRK/B", name: "B Inc", companyKey: "b", companyName: "B Inc", price: 4, marketCap: 400),
            Security(symbol: "DCOM", name: "D Inc", companyKey: "d", companyName: "D Inc", price: 40, marketCap: 800),
            Security(symbol: "NEW", name: "N Inc", companyKey: "n", companyName: "N Inc", price: 2, marketCap: 200),
        ], asOf: asOf)
    }

    /// May 2 (2 days after the rank day) beats May 13 (13 days), which beats the universe's May 23.
    func testThePriceNearestTheRankDayWinsAndScalesTheCap() {
        var read = universe(asOf: CalendarDate(year: 2025, month: 5, day: 23))
        let iwv = DatedPrices(source: "IWV.csv", date: CalendarDate(year: 2025, month: 5, day: 2),
                              prices: [("AAA", 8), ("BRKB", 5)])
        let iwm = DatedPrices(source: "IWM.csv", date: CalendarDate(year: 2025, month: 5, day: 13),
                              prices: [("AAA", 9), ("DCOM", 38), ("DCOM^", 17)])
        let priced = RankDayPrices.apply(to: &read, named: "screener.csv", sources: [iwm, iwv], rankDay: rankDay)
        XCTAssertEqual(read.securities.map(\.price), [8, 5, 38, 2])
        // Shares come from the universe: the cap moves with the price (1,000 × 8/10, 400 × 5/4, 800 × 38/40).
        XCTAssertEqual(read.securities.map(\.marketCap), [800, 500, 760, 200])
        XCTAssertEqual(priced, [
            RankDayPrices.Priced(source: "screener.csv", date: CalendarDate(year: 2025, month: 5, day: 23), lines: 1),
            RankDayPrices.Priced(source: "IWM.csv", date: CalendarDate(year: 2025, month: 5, day: 13), lines: 1),
            RankDayPrices.Priced(source: "IWV.csv", date: CalendarDate(year: 2025, month: 5, day: 2), lines: 2),
        ])
    }

    /// A file that counts a line's shares apart from the universe (a reverse split between them)
    /// prices none of them: the next nearest input does, else the universe.
    func testAFileCountingALinesSharesApartDoesNotPriceIt() {
        var read = universe(asOf: CalendarDate(year: 2025, month: 5, day: 23))
        let iwv = DatedPrices(source: "IWV.csv", date: CalendarDate(year: 2025, month: 5, day: 2), prices: [("AAA", 0.5), ("DCOM", 2)])
        let iwm = DatedPrices(source: "IWM.csv", date: CalendarDate(year: 2025, month: 5, day: 13), prices: [("AAA", 9)])
        let priced = RankDayPrices.apply(to: &read, named: "screener.csv", sources: [iwv, iwm], sharesApart: ["IWV.csv": [0, 2]],
                                         rankDay: rankDay)
        XCTAssertEqual(read.securities.map(\.price), [9, 4, 40, 2])
        XCTAssertEqual(read.securities.map(\.marketCap), [900, 400, 800, 200])
        XCTAssertEqual(priced.map(\.lines), [3, 0, 1])
    }

    /// A universe dated on the rank day (a CRSP cross-section) keeps its prices; an undated one too.
    func testTheUniverseWinsTiesAndKeepsItsPricesWithoutADate() {
        let iwv = DatedPrices(source: "IWV.csv", date: CalendarDate(year: 2025, month: 5, day: 2), prices: [("AAA", 8)])
        var onTheDay = universe(asOf: CalendarDate(year: 2025, month: 4, day: 30))
        _ = RankDayPrices.apply(to: &onTheDay, named: "msf.csv", sources: [iwv], rankDay: rankDay)
        XCTAssertEqual(onTheDay.securities.map(\.price), [10, 4, 40, 2])
        var sameDistance = universe(asOf: CalendarDate(year: 2025, month: 4, day: 28))
        _ = RankDayPrices.apply(to: &sameDistance, named: "s.csv", sources: [iwv], rankDay: rankDay)
        XCTAssertEqual(sameDistance.securities.map(\.price), [10, 4, 40, 2], "two days either side: the universe's own")
        var undated = universe(asOf: nil)
        let priced = RankDayPrices.apply(to: &undated, named: "s.csv", sources: [iwv], rankDay: rankDay)
        XCTAssertEqual(undated.securities.map(\.price), [10, 4, 40, 2])
        XCTAssertEqual(priced, [RankDayPrices.Priced(source: "s.csv", date: nil, lines: 4)])
    }

    /// `DCOM` and `DCOM^` normalise alike, but a preferred's spelling is matched exactly or not at
    /// all: a holdings file with the common only lends the preferred no price, nor the other way.
    func testAPreferredNeverTakesItsCommonsPrice() {
        let both = DatedPrices(source: "x", date: rankDay, prices: [("DCOM", 38), ("DCOM^", 17), ("BRKB", 5)])
        XCTAssertEqual(both.price(of: "DCOM"), 38)
        XCTAssertEqual(both.price(of: "DCOM^"), 17)
        XCTAssertEqual(both.price(of: "BRK.B"), 5)
        let common = DatedPrices(source: "IWV.csv", date: rankDay, prices: [("DCOM", 38)])
        XCTAssertNil(common.price(of: "DCOM^"))
        let preferred = DatedPrices(source: "x", date: rankDay, prices: [("DCOM^", 17)])
        XCTAssertNil(preferred.price(of: "DCOM"))
    }

    /// The files nearest the rank day first, either side of it, in input order on a tie.
    func testNearestFirstOrdersByDaysEitherSide() {
        let dates = [CalendarDate(year: 2025, month: 5, day: 13), CalendarDate(year: 2025, month: 5, day: 2),
                     CalendarDate(year: 2025, month: 4, day: 28), CalendarDate(year: 2025, month: 6, day: 1)]
        // 13, 2, 2 and 32 days away.
        XCTAssertEqual(RankDayPrices.nearestFirst(dates, to: rankDay), [1, 2, 0, 3])
    }
}
