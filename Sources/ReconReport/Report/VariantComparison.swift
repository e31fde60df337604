import ReconCore

/// Rule variants side by side: for each, the mean over its runs of turnover, drag and moves,
/// from `variants.csv`.
public struct VariantComparison: Sendable, Hashable {
    /// One variant's averages; each mean is over the runs that have the measure.
    public struct Variant: Sendable, Hashable {
        public var name: String
        public var runs: Int
        public var meanMovedUp: Double?
        public var meanMovedDown: Double?
        public var meanTurnoverNames: Double?
        /// ``Turnover/perYear(_:)`` of the name turnover: what an annual and a semi-annual
        /// schedule are compared on.
        public var turnoverNamesPerYear: Double?
        public var meanTurnoverWeight: Double?
        public var meanDrag12mCap: Double?
        public var meanDrag12mEqual: Double?
    }

    /// In the order the variants first appear in the file.
    public var variants: [Variant]

    public init(_ lines: [HistoryReportVariantRun]) {
        var names: [String] = []
        for line in lines where !names.contains(line.variant) { names.append(line.variant) }
        variants = names.map { name in
            let runs = lines.filter { $0.variant == name }
            return Variant(
                name: name, runs: runs.count,
                meanMovedUp: Self.mean(runs.compactMap { $0.movedUp.map(Double.init) }),
                meanMovedDown: Self.mean(runs.compactMap { $0.movedDown.map(Double.init) }),
                meanTurnoverNames: Self.mean(runs.compactMap(\.turnoverNames)),
                turnoverNamesPerYear: Turnover.perYear(named: runs.map { (run: $0.run, turnover: $0.turnoverNames) }),
                meanTurnoverWeight: Self.mean(runs.compactMap(\.turnoverWeight)),
                meanDrag12mCap: Self.mean(runs.compactMap(\.drag12mCap)),
                meanDrag12mEqual: Self.mean(runs.compactMap(\.drag12mEqual)))
        }
    }

    /// The arithmetic mean, `nil` for no values.
    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
