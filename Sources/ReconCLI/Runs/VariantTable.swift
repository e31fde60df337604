import ReconCore
import ReconData

/// The rule-variant comparison: the same measures per run under each variant, side by side with
/// the published rules (`variants.csv`, and a short table on standard output).
enum VariantTable {
    static let header = ["variant", "run", "r1000_count", "r2000_count", "moved_up", "moved_down",
                         "turnover_names", "turnover_weight", "drag_12m_cap", "drag_12m_equal"]

    static func write(_ variants: [(name: String, runs: [RunWriter.Run])], to path: String) throws {
        var csv = CSVWriter(header: header)
        for (name, runs) in variants {
            for run in runs {
                let turnover = run.analysis.turnover[.r2000]
                csv.appendRow([
                    name, run.summary.run,
                    String(run.summary.counts["R1000"]?.companies ?? 0), String(run.summary.counts["R2000"]?.companies ?? 0),
                    String(run.summary.changes["upward"] ?? 0), String(run.summary.changes["downward"] ?? 0),
                    CSVWriter.number(turnover?.nameTurnover, decimals: 10),
                    CSVWriter.number(turnover?.weightTurnover, decimals: 10),
                    CSVWriter.number(run.drag?.byWeighting[.cap]?.gap, decimals: 10),
                    CSVWriter.number(run.drag?.byWeighting[.equal]?.gap, decimals: 10),
                ])
            }
        }
        try csv.write(to: path)
    }

    /// Averages per variant: runs, R2000 name and weight turnover, moves, drag.
    static func text(_ variants: [(name: String, runs: [RunWriter.Run])]) -> String {
        var lines = ["variant              runs  R2000 turnover (names / weight)  up/run  down/run  drag 12m (cap / equal)"]
        for (name, runs) in variants {
            func mean(_ values: [Double]) -> String {
                values.isEmpty ? "n/a" : formatNumber(values.reduce(0, +) / Double(values.count) * 100, decimals: 2) + "%"
            }
            func meanCount(_ values: [Int]) -> String {
                values.isEmpty ? "n/a" : formatNumber(Double(values.reduce(0, +)) / Double(values.count), decimals: 1)
            }
            let names = runs.compactMap { $0.analysis.turnover[.r2000]?.nameTurnover }
            let weights = runs.compactMap { $0.analysis.turnover[.r2000]?.weightTurnover }
            let capGaps = runs.compactMap { $0.drag?.byWeighting[.cap]?.gap }
            let equalGaps = runs.compactMap { $0.drag?.byWeighting[.equal]?.gap }
            lines.append(name.padding(20) + " " + String(runs.count).padding(5) + " "
                + "\(mean(names)) / \(mean(weights))".padding(32) + " "
                + meanCount(runs.map { $0.summary.changes["upward"] ?? 0 }).padding(7) + " "
                + meanCount(runs.map { $0.summary.changes["downward"] ?? 0 }).padding(9) + " "
                + "\(mean(capGaps)) / \(mean(equalGaps))")
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The text padded with spaces on the right to `width` characters.
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
