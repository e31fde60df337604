import ReconCore
import ReconFormats

/// Pairs a predicted ticker the truth file lacks with a true ticker the run lacks when both name
/// the same company: its ticker changed between the run and the truth file (BigCommerce, `BIGC`
/// in the May 2025 screener, held by iShares as `CMRC` in November).
///
/// Why: FTSE Russell's membership is of a company's security, not of a symbol. A ticker change is
/// not an index event (M7 §9.1), so the company the run placed is the one the truth holds; scored
/// by ticker alone, it would count twice against the run, once as a false hit and once as a miss.
///
/// The rule is the one ``PriorTickerChanges`` applies to a prior file, and as conservative: names
/// compare by their issuer key as two files spell it (``PriorTickerChanges/crossFileKey(_:)``), a
/// name without words of its own (an issuer key made of the ticker) never matches, and the key must
/// name exactly one line of the predicted set and one of the truth set, the one a false hit and the
/// other a miss. Names that state different classes (`Greif Inc. Class A Common Stock` predicted,
/// `GREIF INC CLASS B` held) are two lines of one company, not one line renamed, and do not pair;
/// a company that changed its name as well stays a false hit and a miss. Each pair is listed in
/// validation.csv (`matched_by_name`), so a researcher can check it.
struct TickerChangesSinceRun {
    /// One predicted ticker and the true ticker of the same company.
    struct Pair: Sendable, Equatable {
        /// As the score spells it (upper-cased).
        var predicted: String
        var truth: String
        /// The truth file's name for it.
        var truthName: String
    }

    /// The pairs, in the order of the false hits.
    let pairs: [Pair]

    /// - Parameters:
    ///   - score: the set scored by ticker alone.
    ///   - predictedNames: the company name of each predicted ticker.
    ///   - truthNames: the company name of each true ticker (empty where the file has none).
    /// - Complexity: O(predicted + truth) names keyed.
    init(_ score: ValidationScore, predictedNames: [(symbol: String, name: String)], truthNames: [(symbol: String, name: String)]) {
        guard !score.falseHits.isEmpty, !score.misses.isEmpty else {
            pairs = []
            return
        }
        let predictedLines = Self.linesByKey(predictedNames), truthLines = Self.linesByKey(truthNames)
        let misses = Set(score.misses)
        var pairs: [Pair] = []
        for falseHit in score.falseHits {
            guard let key = predictedLines.keyOf[falseHit], let predicted = predictedLines.lines[key], predicted.count == 1,
                  let truth = truthLines.lines[key], truth.count == 1, let held = truth.first, misses.contains(held.symbol),
                  !Self.namesDifferentClasses(predicted[0].name, held.name) else { continue }
            pairs.append(Pair(predicted: falseHit, truth: held.symbol, truthName: held.name))
        }
        self.pairs = pairs
    }

    /// A true ticker spelled as the run predicted it when it is paired, else as it is.
    func spelledAsPredicted(_ truth: String) -> String {
        pairs.first { $0.truth == Ticker.exact(truth) }?.predicted ?? truth
    }

    /// Whether both names state a class or series and the two differ (`Class A`, `CLASS B`); a
    /// name cut before its designation (`… INC SERIES`) states none.
    static func namesDifferentClasses(_ first: String, _ second: String) -> Bool {
        guard let one = classDesignation(first), let other = classDesignation(second) else { return false }
        return one != other
    }

    /// The word after the last `class` or `series` in a name, folded (`a` of `Class A Common Stock`).
    private static func classDesignation(_ name: String) -> String? {
        let words = name.lowercased().split { !$0.isLetter && !$0.isNumber }
        guard let position = words.lastIndex(where: { $0 == "class" || $0 == "series" }), position + 1 < words.count else { return nil }
        return String(words[position + 1])
    }

    /// Each distinct ticker's cross-file key, and the lines (ticker and name) under each key.
    private static func linesByKey(_ named: [(symbol: String, name: String)])
        -> (keyOf: [String: String], lines: [String: [(symbol: String, name: String)]]) {
        var keyOf: [String: String] = [:], lines: [String: [(symbol: String, name: String)]] = [:]
        for (symbol, name) in named {
            let exact = Ticker.exact(symbol)
            guard keyOf[exact] == nil, !name.isEmpty else { continue }
            let key = PriorTickerChanges.crossFileKey(IssuerKey.key(name: name, symbol: symbol))
            guard !key.hasPrefix("symbol:") else { continue }
            keyOf[exact] = key
            lines[key, default: []].append((exact, name))
        }
        return (keyOf, lines)
    }
}
