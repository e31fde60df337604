/// Scores a predicted set of tickers against a truth set: precision, recall and F1.
///
/// Tickers are compared normalised (``Ticker/normalize(_:)``): upper-cased, every character that
/// is not a letter or digit dropped, so `BRK.B`, `BRK/B` and `BRKB` agree.
public struct ValidationScore: Sendable, Equatable {
    public var name: String
    public var truePositives: [String]
    /// Predicted but not in the truth set.
    public var falseHits: [String]
    /// In the truth set but not predicted.
    public var misses: [String]

    public init<P: Sequence, T: Sequence>(name: String, predicted: P, truth: T) where P.Element == String, T.Element == String {
        self.name = name
        let predictedSet = Set(predicted.map(Ticker.normalize).filter { !$0.isEmpty })
        let truthSet = Set(truth.map(Ticker.normalize).filter { !$0.isEmpty })
        truePositives = predictedSet.intersection(truthSet).sorted()
        falseHits = predictedSet.subtracting(truthSet).sorted()
        misses = truthSet.subtracting(predictedSet).sorted()
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
