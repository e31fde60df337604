import ReconCore
import ReconFormats

/// What a replay's facts did across its runs, for standard error: each run's `summary.json` holds
/// its own counts and warnings (`input.facts`), and one line a kind says how many runs had any.
enum FactsWarnings {
    /// A line for the facts that named nothing in the universe and one for float shares above the
    /// shares outstanding, each when some run had any.
    static func acrossRuns(_ runs: [RunWriter.Run]) -> [String] {
        let reports = runs.compactMap { run in run.summary.input.facts.map { (run: run.summary.run, report: $0) } }
        guard let file = reports.first?.report.file else { return [] }
        var warnings: [String] = []
        let unmatched = reports.filter { !$0.report.notInUniverse.isEmpty }
        if let most = unmatched.max(by: { $0.report.notInUniverse.count < $1.report.notInUniverse.count }) {
            warnings.append("\(file): facts in force name a \(most.report.keyKind.label) not in the universe in \(unmatched.count) of "
                + "\(reports.count) runs (most in \(most.run): \(most.report.notInUniverse.count) of \(most.report.inForce)); "
                + "counted in each run's summary.json (input.facts.not_in_universe)")
        }
        let above = reports.filter { !$0.report.floatAboveShares.isEmpty }
        if !above.isEmpty {
            warnings.append("\(file): float_shares above the shares outstanding, float taken as 100%, in \(above.count) of "
                + "\(reports.count) runs (first in \(above[0].run)); listed in each run's summary.json warnings")
        }
        let without = reports.filter { !$0.report.floatWithoutShares.isEmpty }
        if !without.isEmpty {
            warnings.append("\(file): float_shares with no shares to divide by, float left unknown, in \(without.count) of "
                + "\(reports.count) runs (first in \(without[0].run)); listed in each run's summary.json warnings")
        }
        return warnings
    }
}
