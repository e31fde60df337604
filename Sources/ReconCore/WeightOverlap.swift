/// How much of two portfolios' weight they share: 1 − ½ Σ |w − w_true| over every ticker of
/// either, each side's weights first scaled to sum to 1 (a ticker one side lacks weighs 0 there).
///
/// 1 means the same names in the same proportions; 0 means no name in common. For a predicted
/// Russell 2000 against a fund's holdings it scores membership and float-adjusted weights
/// together (prior-art.md's portfolio-overlap measure). Tickers are compared normalised
/// (``Ticker/normalize(_:)``); weights of one normalised ticker are summed.
public enum WeightOverlap {
    /// - Returns: `nil` when either side has no positive weight.
    public static func of(_ predicted: [(symbol: String, weight: Double)], _ truth: [(symbol: String, weight: Double)]) -> Double? {
        guard let left = normalised(predicted), let right = normalised(truth) else { return nil }
        let distance = Set(left.keys).union(right.keys).reduce(0.0) { sum, symbol in
            sum + abs((left[symbol] ?? 0) - (right[symbol] ?? 0))
        }
        return 1 - distance / 2
    }

    private static func normalised(_ weights: [(symbol: String, weight: Double)]) -> [String: Double]? {
        var bySymbol: [String: Double] = [:]
        for (symbol, weight) in weights where weight > 0 && weight.isFinite {
            bySymbol[Ticker.normalize(symbol), default: 0] += weight
        }
        let total = bySymbol.values.reduce(0, +)
        guard total > 0 else { return nil }
        return bySymbol.mapValues { $0 / total }
    }
}
