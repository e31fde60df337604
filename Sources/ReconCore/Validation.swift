/// Scores a predicted set of tickers against a truth set: precision, recall and F1.
///
/// A predicted ticker and a true one are the same security when they are spelled the same (in any
/// case), or failing that when each is the only one of its list with that normalised ticker
/// (``TickerMatch``): `BRK/B` meets `BRK.B` and `BRKB`, but `DCOM^` (a preferred) never counts as
/// `DCOM`, and `DCOM` and `DCOM^` in one list are two tickers, not one. The lists of hits, false
/// hits and misses spell each ticker as its list does, upper-cased, in order.
public struct ValidationScore: Sendable, Equatable {
    public var name: String
    /// True tickers predicted, as the truth spells them.
    public var truePositives: [String]
    /// Predicted but not in the truth set, as predicted.
    public var falseHits: [String]
    /// In the truth set but not predicted, as the truth spells them.
    public var misses: [String]

    public init<P: Sequence, T: Sequence>(name: String, predicted: P, truth: T) where P.Element == String, T.Element == String {
        self.name = name
        let predicted = Self.distinct(predicted), truth = Self.distinct(truth)
        let match = TickerMatch(truth, predicted)
        var found = [Bool](repeating: false, count: predicted.count)
        for case let index? in match.match { found[index] = true }
        truePositives = truth.indices.filter { match.match[$0] != nil }.map { truth[$0] }.sorted()
        misses = truth.indices.filter { match.match[$0] == nil }.map { truth[$0] }.sorted()
        falseHits = predicted.indices.filter { !found[$0] }.map { predicted[$0] }.sorted()
    }

    /// Each ticker once (upper-cased), in order, without those that name nothing (`-`, blank).
    private static func distinct<S: Sequence>(_ tickers: S) -> [String] where S.Element == String {
        var seen: Set<String> = []
        return tickers.map(Ticker.exact).filter { !Ticker.normalize($0).isEmpty && seen.insert($0).inserted }
    }

    public var precision: Double {
        let predicted = truePositives.count + falseHits.count
        return predicted == 0 ? 0 : Double(truePositives.count) / Double(predicted)
    }

    public var recall: Double {
        let truth = truePositives.count + misses.count
        return truth == 0 ? 0 : Double(truePositives.count) / Double(truth)
    }

    public var f1: Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
}
