import ReconCore
import ReconData

/// Infers the float of prior members from the weights of the prior's holdings files, for index
/// weights (``Universe/holdingsFloat``).
///
/// Why: a fund that tracks a Russell index holds each member in proportion to its
/// float-adjusted cap (M7 §7), so a holding's weight over its total cap at the fund's date,
/// w / (price × shares), is its float up to one factor per fund. The universe gives the shares,
/// the holdings file the price on its date. The factor is set so that the 90th percentile of a
/// fund's ratios is a float of 1: most of a fund's most widely held companies are (nearly) fully
/// floated, and the few above that percentile are capped at 1. A line held by several files takes
/// the one dated nearest the rank day.
///
/// What is approximated: a line whose cap is its company's total (a screener gives every class
/// the company's cap) shows the float of the whole company, under its listed class's; the
/// estimate is used for weights only, never for the 5% float screen (M7 §5.10). New members keep
/// their total cap (``WeightBasis/totalCap``).
enum HoldingsFloat {
    /// The percentile of a fund's weight-to-cap ratios taken as a float of 1.
    static let fullyFloatedPercentile = 0.9

    /// Each line's inferred float (NaN where no file holds it).
    /// - Complexity: O(lines × files + ratios sorted per file).
    static func infer(_ securities: [Security], holdings: [HoldingsWeights], rankDay: CalendarDate) -> [Double] {
        let byNearness = RankDayPrices.nearestFirst(holdings.map(\.date), to: rankDay)
        // Each file's ratio for every line it holds.
        let ratios: [[Double]] = holdings.map { file in
            securities.map { security in
                guard let price = security.price, price > 0, let cap = security.marketCap, cap > 0,
                      let holding = file.holding(of: security.symbol) else { return .nan }
                return holding.weight / (holding.price * (cap / price))
            }
        }
        let fullyFloated = ratios.map(percentile)
        return securities.indices.map { line in
            for file in byNearness where !ratios[file][line].isNaN && fullyFloated[file] > 0 {
                return min(1, ratios[file][line] / fullyFloated[file])
            }
            return .nan
        }
    }

    /// The ``fullyFloatedPercentile`` of the known ratios by the nearest-rank method (the
    /// smallest ratio with at least that share of the ratios at or below it), 0 when there are none.
    private static func percentile(_ ratios: [Double]) -> Double {
        let known = ratios.filter { !$0.isNaN }.sorted()
        guard !known.isEmpty else { return 0 }
        let rank = Int((fullyFloatedPercentile * Double(known.count)).rounded(.up))
        return known[max(0, rank - 1)]
    }
}
