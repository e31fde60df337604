import ReconCore
import ReconFormats

/// Prices each line of a universe with the price dated nearest the rank day among the inputs.
///
/// Why: the rank-day close decides the cap ranking and the $1 screen (M7 §5.8, §6.3.1), but the
/// free inputs are rarely from that day. A Nasdaq screener export may be weeks after it, while a
/// prior holdings file is often days from it (IWV_2025-05-02 carries prices two days after the
/// 2025 rank day, April 30; the screener was taken on May 23). For each line the price of the
/// input whose date is nearest the rank day wins; shares come from the universe, so the cap is
/// scaled by the price's change (for a company whose lines carry its total cap, by the change of
/// that line's price). Ties go to the universe, whose shares and price agree.
///
/// What is approximated: the rulebook's member exception to the $1 screen is an average of the
/// 30 days before the rank day (M7 §5.8); one price near the rank day stands in for it. A holdings
/// file prices only its fund's holdings, so lines of companies new to the index keep the
/// universe's price.
///
/// A split between the two dates would make the cap wrong by its ratio (the universe's shares are
/// after it, the other input's price before it). A holdings file shows a reverse split, or a
/// ticker now another company's: the fund's holding implies more than twice the float a fund can
/// hold (``HoldingsFloat/sharesDisagree``), and such a line takes no price from that file. A
/// forward split cannot be told from a low float, and is not seen.
enum RankDayPrices {
    /// How many lines each input priced.
    struct Priced: Sendable, Equatable {
        var source: String
        var date: CalendarDate?
        var lines: Int
    }

    /// Reprices `universe` and says which input priced how many lines (the universe first).
    /// Without a date for the universe nothing is compared: every line keeps its own price.
    /// - Parameter sharesApart: by input name, the lines whose shares it counts apart from the
    ///   universe (``HoldingsFloat/sharesDisagree``): that input prices none of them.
    static func apply(to universe: inout UniverseReadResult, named name: String, sources: [DatedPrices],
                      sharesApart: [String: Set<Int>] = [:], rankDay: CalendarDate) -> [Priced] {
        let fromUniverse = universe.securities.lazy.filter { ($0.price ?? 0) > 0 }.count
        guard let own = universe.asOf else { return [Priced(source: name, date: nil, lines: fromUniverse)] }
        // The inputs nearer the rank day than the universe, nearest first (in input order on a tie).
        let nearer = nearestFirst(sources.map(\.date), to: rankDay)
            .filter { days(from: sources[$0].date, to: rankDay) < days(from: own, to: rankDay) }
        // By source index, once: the loop below asks for every line.
        let apartIn = sources.map { sharesApart[$0.source] ?? [] }
        var counts = [Int](repeating: 0, count: sources.count)
        var kept = 0
        for index in universe.securities.indices {
            guard let old = universe.securities[index].price, old > 0 else { continue }
            let symbol = universe.securities[index].symbol
            let priceFrom = { (source: Int) -> (Int, Double)? in
                guard !apartIn[source].contains(index) else { return nil }
                return sources[source].price(of: symbol).map { (source, $0) }
            }
            guard let (source, price) = nearer.lazy.compactMap(priceFrom).first else {
                kept += 1
                continue
            }
            universe.securities[index].price = price
            universe.securities[index].marketCap = universe.securities[index].marketCap.map { $0 * (price / old) }
            counts[source] += 1
        }
        return [Priced(source: name, date: own, lines: kept)]
            + zip(sources, counts).map { Priced(source: $0.source, date: $0.date, lines: $1) }
    }

    /// The indices of `dates`, the one nearest `day` first (in their order on a tie).
    static func nearestFirst(_ dates: [CalendarDate], to day: CalendarDate) -> [Int] {
        dates.indices.sorted { (days(from: dates[$0], to: day), $0) < (days(from: dates[$1], to: day), $1) }
    }

    /// Days between two dates, either way round.
    private static func days(from date: CalendarDate, to day: CalendarDate) -> Int { abs(date.dayNumber - day.dayNumber) }
}
