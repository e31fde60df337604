import ReconCore
import ReconIO

/// What a fund's holdings file says of each line's weight, and at what price, on its date: the
/// evidence for the float of an index member (``HoldingsFloat``).
public struct HoldingsWeights: Sendable {
    /// The file's name.
    public var source: String
    public var date: CalendarDate
    /// Each holding's weight (its market value: proportional to its weight in the fund, and
    /// exact where `Weight (%)` rounds small holdings to 0.00) and price, found as ``TickerTable``
    /// finds a symbol.
    private let holdings: TickerTable<(weight: Double, price: Double)>

    public init(source: String, date: CalendarDate, holdings: [(symbol: String, weight: Double?, price: Double?)]) {
        self.source = source
        self.date = date
        self.holdings = TickerTable(holdings.compactMap { holding in
            guard let weight = holding.weight, weight > 0, let price = holding.price, price > 0 else { return nil }
            return (holding.symbol, (weight, price))
        })
    }

    /// The holding of this symbol, `nil` when the file holds none (or two candidates).
    public func holding(of symbol: String) -> (weight: Double, price: Double)? { holdings.value(for: symbol) }
}

extension ISharesHoldings {
    /// The holdings' weights and prices on the `Fund Holdings as of` date, `nil` without a date.
    public var holdingsWeights: HoldingsWeights? {
        asOf.map { date in
            HoldingsWeights(source: FilePaths.fileName(of: file), date: date,
                            holdings: holdings.map { ($0.symbol, $0.marketValue, $0.price) })
        }
    }
}
