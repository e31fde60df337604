import ReconCore
import ReconIO

/// What one input says each of its lines traded at, and on which day: the prices a run can
/// choose from for the rank day (``RankDayPrices`` in the engine).
///
/// A line is found as ``TickerTable`` finds it: iShares writes `BRKB` where the screener writes
/// `BRK/B`, but `DCOM` and `DCOM^` (a common stock and a preferred) must not lend each other a price.
public struct DatedPrices: Sendable {
    /// The input's file name, as summary.json names it.
    public var source: String
    /// The day its prices are from.
    public var date: CalendarDate
    private let prices: TickerTable<Double>

    /// - Parameter prices: each line's symbol and price; lines without a positive price are left out.
    public init(source: String, date: CalendarDate, prices: [(symbol: String, price: Double?)]) {
        self.source = source
        self.date = date
        self.prices = TickerTable(prices.compactMap { line in line.price.flatMap { $0 > 0 ? (line.symbol, $0) : nil } })
    }

    /// The price of the line with this symbol, `nil` when the input has none (or two candidates).
    public func price(of symbol: String) -> Double? { prices.value(for: symbol) }

    /// How many lines have a price.
    public var count: Int { prices.count }
}

extension ISharesHoldings {
    /// The holdings' prices on the `Fund Holdings as of` date, `nil` when the file has no date.
    public var datedPrices: DatedPrices? {
        asOf.map { date in
            DatedPrices(source: FilePaths.fileName(of: file), date: date, prices: holdings.map { ($0.symbol, $0.price) })
        }
    }
}
