/// Where a replay's history changes from no band at #1,000 to a band (2007 under the published
/// rules), read from the data: the first run with band edges that follows a run without.
enum BandingStart {
    /// The index in `runs` of the first banded run after an unbanded one; `nil` when the
    /// history never makes that change (all banded, none banded, or banded from the start).
    static func index(in runs: [HistoryReportRun]) -> Int? {
        runs.indices.dropFirst().first { runs[$0].hasBand && !runs[$0 - 1].hasBand }
    }

    /// The label of the change: `banding from 2007`.
    static func label(for run: HistoryReportRun) -> String {
        "banding from \(RunCalendar.year(of: run.run).map(String.init) ?? run.run)"
    }
}
