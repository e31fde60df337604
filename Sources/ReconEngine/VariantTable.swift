import ReconCore
import ReconIO
import ReconFormats

/// The rule-variant comparison: the same measures per run under each variant, side by side with
/// the published rules (`variants.csv`, and a short table on standard output).
enum VariantTable {
    static let header = ["variant", "run", "r1000_count", "r2000_count", "moved_up", "moved_down",
                         "turnover_names", "turnover_weight", "drag_12m_cap", "drag_12m_equal"]

    /// What the table shows of one run (a sweep keeps only this of each variant's runs).
    struct Figures: Sendable {
        var run: String
        var r1000: Int
        var r2000: Int
        /// Companies moved up and down; `nil` in a run without prior members (``RunSummary/hasPriorMembers``).
        var movedUp: Int?
        var movedDown: Int?
        var turnoverNames: Double?
        var turnoverWeight: Double?
        var dragCap: Double?
        var dragEqual: Double?

        init(_ run: RunWriter.Run) {
            self.run = run.summary.run
            r1000 = run.summary.counts["R1000"]?.companies ?? 0
            r2000 = run.summary.counts["R2000"]?.companies ?? 0
            movedUp = run.summary.hasPriorMembers ? run.summary.changes["upward"] ?? 0 : nil
            movedDown = run.summary.hasPriorMembers ? run.summary.changes["downward"] ?? 0 : nil
            let turnover = run.analysis.turnover[.r2000]
            turnoverNames = turnover?.nameTurnover
            turnoverWeight = turnover?.weightTurnover
            dragCap = run.drag?.byWeighting[.cap]?.gap
            dragEqual = run.drag?.byWeighting[.equal]?.gap
        }
    }

    /// The bytes of variants.csv.
    static func bytes(_ variants: [(name: String, runs: [Figures])]) -> [UInt8] {
        var csv = CSVWriter(header: header)
        for (name, runs) in variants {
            for run in runs {
                csv.appendRow([
                    name, run.run, String(run.r1000), String(run.r2000), run.movedUp.map(String.init) ?? "", run.movedDown.map(String.init) ?? "",
                    CSVWriter.number(run.turnoverNames, decimals: 10),
                    CSVWriter.number(run.turnoverWeight, decimals: 10),
                    CSVWriter.number(run.dragCap, decimals: 10),
                    CSVWriter.number(run.dragEqual, decimals: 10),
                ])
            }
        }
        return csv.bytes
    }

    static func write(_ variants: [(name: String, runs: [Figures])], to path: String) throws {
        try AtomicFile.write([(path: path, bytes: bytes(variants))])
    }

    /// Averages per variant: runs, R2000 name and weight turnover per run, name turnover a year
    /// (``Turnover/perYear(_:)``), moves, drag.
    static func text(_ variants: [(name: String, runs: [Figures])]) -> String {
        var lines = ["variant              runs  R2000 turnover (names / weight)  names a year  up/run  down/run  drag 12m (cap / equal)"]
        for (name, runs) in variants {
            func mean(_ values: [Double]) -> String {
                values.isEmpty ? "n/a" : formatNumber(values.reduce(0, +) / Double(values.count) * 100, decimals: 2) + "%"
            }
            func meanCount(_ values: [Int]) -> String {
                values.isEmpty ? "n/a" : formatNumber(Double(values.reduce(0, +)) / Double(values.count), decimals: 1)
            }
            let names = runs.compactMap(\.turnoverNames)
            let weights = runs.compactMap(\.turnoverWeight)
            let capGaps = runs.compactMap(\.dragCap)
            let equalGaps = runs.compactMap(\.dragEqual)
            let perYear = Turnover.perYear(named: runs.map { (run: $0.run, turnover: $0.turnoverNames) })
            lines.append(name.padding(20) + " " + String(runs.count).padding(5) + " "
                + "\(mean(names)) / \(mean(weights))".padding(32) + " "
                + (perYear.map { formatNumber($0 * 100, decimals: 2) + "%" } ?? "n/a").padding(13) + " "
                + meanCount(runs.compactMap(\.movedUp)).padding(7) + " "
                + meanCount(runs.compactMap(\.movedDown)).padding(9) + " "
                + "\(mean(capGaps)) / \(mean(equalGaps))")
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The text padded with spaces on the right to `width` characters.
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
