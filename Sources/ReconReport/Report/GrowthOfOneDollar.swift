/// One dollar held in the frozen and in the reconstituted Russell 2000, each year's 12-month
/// return chained to the next: what the reconstitution drag adds up to over a replay.
///
/// Runs without returns are skipped, so the chain links the years that have them. The first
/// point is $1 at the first run; each run's returns add a point a year later.
public struct GrowthOfOneDollar: Sendable, Hashable {
    /// One year of the chain: the run, its returns and the value of $1 at the end of its year.
    public struct Step: Sendable, Hashable {
        public var run: String
        public var frozenReturn: Double
        public var reconstitutedReturn: Double
        public var frozenValue: Double
        public var reconstitutedValue: Double
    }

    public var steps: [Step]

    public init(_ returns: [HistoryReportReturns]) {
        var frozen = 1.0, reconstituted = 1.0
        steps = returns.map { year in
            frozen *= 1 + year.frozen
            reconstituted *= 1 + year.reconstituted
            return Step(run: year.run, frozenReturn: year.frozen, reconstitutedReturn: year.reconstituted,
                        frozenValue: frozen, reconstitutedValue: reconstituted)
        }
    }

    /// The value of $1 frozen and reconstituted at the end; `nil` without returns.
    public var ending: (frozen: Double, reconstituted: Double)? {
        steps.last.map { ($0.frozenValue, $0.reconstitutedValue) }
    }

    /// The two lines of the chart: $1 at the first run's time, then a point a year after each run.
    public var series: [LineChart.Series] {
        guard let first = steps.first, let start = RunCalendar.time(of: first.run) else { return [] }
        func points(_ value: (Step) -> Double) -> [ChartPoint] {
            [ChartPoint(x: start, y: 1)] + steps.compactMap { step in
                RunCalendar.time(of: step.run).map { ChartPoint(x: $0 + 1, y: value(step)) }
            }
        }
        return [
            LineChart.Series(name: "Frozen (prior Russell 2000)", points: points(\.frozenValue), color: "#D55E00"),
            LineChart.Series(name: "Reconstituted", points: points(\.reconstitutedValue), color: "#0072B2"),
        ]
    }
}
