/// What `recon validate` wrote beside a run: its scores against the published lists and index
/// holdings (`validation-scores.csv`), and its misses and false hits counted by category
/// (`validation-categories.csv`).
public struct RunReportValidation: Sendable, Hashable {
    /// One line of `validation-scores.csv`.
    public struct Score: Sendable, Hashable {
        /// `additions`, `deletions`, `r2000`, `r1000` or `r3000`.
        public var set: String
        public var precision: Double?
        public var recall: Double?
        public var f1: Double?
        public var hits: Int?
        public var falseHits: Int?
        public var misses: Int?
        /// 1 − ½ Σ |w − w true| against a holdings file; `nil` against a list of tickers.
        public var weightOverlap: Double?

        public init(set: String, precision: Double?, recall: Double?, f1: Double?, hits: Int?, falseHits: Int?, misses: Int?,
                    weightOverlap: Double?) {
            self.set = set
            self.precision = precision
            self.recall = recall
            self.f1 = f1
            self.hits = hits
            self.falseHits = falseHits
            self.misses = misses
            self.weightOverlap = weightOverlap
        }
    }

    /// One line of `validation-categories.csv`.
    public struct Category: Sendable, Hashable {
        public var set: String
        /// `miss` or `false_hit`.
        public var kind: String
        /// `country`, `near_3000`, `absent_from_universe`, …
        public var category: String
        public var count: Int?

        public init(set: String, kind: String, category: String, count: Int?) {
            self.set = set
            self.kind = kind
            self.category = category
            self.count = count
        }
    }

    public var scores: [Score]
    /// Empty when the folder has no `validation-categories.csv`.
    public var categories: [Category]

    public init(scores: [Score], categories: [Category] = []) {
        self.scores = scores
        self.categories = categories
    }
}
