import ReconCore
import ReconIO
import ReconFormats

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
///
/// The same ratio shows when the fund and the universe do not count a line's shares alike: a
/// float above ``sharesDisagree`` is more than a fund tracking the index can hold, so the share
/// count changed between the two dates (a reverse split: the fund's shares are before it, the
/// universe's after) or the ticker now names another company. Such a file says nothing of the
/// line, neither its float nor its price on the fund's date (``RankDayPrices``). Against the June
/// 2026 screener: none in IWM 2026-05-05, the file nearest that rank day; 8 in IWM 2026-01-21, 10
/// in IWM 2025-11-05 and 8 in IWV 2025-09-16 (agilon health, Traeger, Amcor, … after reverse
/// splits; Atrium Therapeutics, listed under Avidity Biosciences' old ticker; FS Bancorp at just
/// over twice, with no split). None in the files of the 2025 case.
enum HoldingsFloat {
    /// The percentile of a fund's weight-to-cap ratios taken as a float of 1.
    static let fullyFloatedPercentile = 0.9
    /// The implied float above which a file and the universe count a line's shares apart: twice
    /// the float of a fully floated company. The 99th percentile of a fund's ratios is 1.06–1.46
    /// times its 90th in each holdings file of 2025 and 2026 set against its run's screener (IWV,
    /// a sampled fund, spreads most).
    static let sharesDisagree = 2.0

    /// What a universe's lines show in each prior holdings file: the float each file implies.
    /// - Complexity: O(lines × files + ratios sorted per file).
    struct Evidence {
        let files: [HoldingsWeights]
        /// File by file, each line's ``HoldingsFloat/impliedFloats(_:file:)``.
        let implied: [[Double]]
        /// File by file, the lines whose implied float is above ``sharesDisagree``, in order.
        private let apart: [[Int]]

        init(_ securities: [Security], holdings: [HoldingsWeights]) {
            files = holdings
            implied = holdings.map { HoldingsFloat.impliedFloats(securities, file: $0) }
            apart = implied.map { floats in floats.indices.filter { floats[$0] > sharesDisagree } }
        }

        /// Each line's float from the file nearest the rank day that holds it with its shares
        /// counted alike, capped at 1; NaN where none does.
        func floats(rankDay: CalendarDate) -> [Double] {
            let byNearness = RankDayPrices.nearestFirst(files.map(\.date), to: rankDay)
            let lines = implied.first?.count ?? 0
            return (0 ..< lines).map { line in
                for file in byNearness where !implied[file][line].isNaN && implied[file][line] <= sharesDisagree {
                    return min(1, implied[file][line])
                }
                return .nan
            }
        }

        /// By file name, the lines whose shares the file counts apart from the universe.
        var sharesApart: [String: Set<Int>] {
            Dictionary(zip(files, apart).map { file, lines in (file.source, Set(lines)) },
                       uniquingKeysWith: { first, second in first.union(second) })
        }

        /// One warning for each file with lines whose shares it counts apart from the universe.
        func warnings(_ securities: [Security], universe: String) -> [String] {
            zip(files, apart).compactMap { file, apart in
                guard !apart.isEmpty else { return nil }
                let named = apart.prefix(10).map { securities[$0].symbol }.joined(separator: ", ") + (apart.count > 10 ? ", …" : "")
                return "\(file.source) holds \(counted(apart.count, "line")) at more than twice the float a fund can hold for the shares "
                    + "\(universe) counts (a reverse split since \(file.date), or the ticker now another company's): neither their "
                    + "price nor their float is taken from it: \(named)"
            }
        }
    }

    /// Each line's float as one file implies it, before the cap at 1 (NaN where the file does not
    /// hold it, or holds nothing it can compare).
    static func impliedFloats(_ securities: [Security], file: HoldingsWeights) -> [Double] {
        let ratios = securities.map { security -> Double in
            guard let price = security.price, price > 0, let cap = security.marketCap, cap > 0,
                  let holding = file.holding(of: security.symbol) else { return .nan }
            return holding.weight / (holding.price * (cap / price))
        }
        let fullyFloated = percentile(ratios)
        guard fullyFloated > 0 else { return ratios.map { _ in .nan } }
        return ratios.map { $0 / fullyFloated }
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
