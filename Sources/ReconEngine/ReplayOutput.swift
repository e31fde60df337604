import ReconCore
import ReconIO
import ReconFormats

/// Writes a replay's folder: `history.csv`, `summary.json` and a folder per run.
enum ReplayOutput {
    static let historyHeader = [
        "run", "rank_day", "effective_date", "r1000_count", "r2000_count", "r3000_count", "microcap_count",
        "breakpoint_1000", "breakpoint_3000", "band_low", "band_high", "moved_up", "moved_down", "additions", "deletions",
        "ipo_additions_before", "deletions_before", "turnover_names", "turnover_weight", "drag_12m_cap", "drag_12m_equal",
    ]

    /// Writes history.csv, and puts in place with it the run folders handed to `staged` as the
    /// replay went (``stageRun(_:position:in:batch:)``); without `staged` (`--history-only`),
    /// history.csv alone.
    static func writeHistory(_ replay: HistoryReplay, to directory: String, staged: AtomicFile.Batch?) throws {
        do {
            try Directories.create(directory)
        } catch {
            staged?.discard()
            throw error
        }
        let history = (path: FilePaths.join(directory, "history.csv"), bytes: historyBytes(replay))
        guard let staged else { return try AtomicFile.write([history]) }
        staged.stage([history], order: Int.max)
        try staged.commit()
    }

    /// The bytes of a replay's history.csv: one row per run.
    static func historyBytes(_ replay: HistoryReplay) -> [UInt8] {
        var csv = CSVWriter(header: historyHeader)
        for (run, step) in zip(replay.runs, replay.steps) { csv.appendRow(historyRow(run, step: step)) }
        return csv.bytes
    }

    /// Where a variant's history.csv goes in a replay's folder: `variants/NAME/history.csv`, as a
    /// snapshot run writes a variant's files in `variants/NAME/` (``VariantNames``).
    static func variantHistoryPath(_ name: String, in directory: String) -> String {
        FilePaths.join(FilePaths.join(FilePaths.join(directory, "variants"), VariantNames.folder(name)), "history.csv")
    }

    /// Makes a run's files and hands them to `batch` to be written in its folder of `directory`
    /// (created first), in run order.
    static func stageRun(_ run: RunWriter.Run, position: Int, in directory: String, batch: AtomicFile.Batch) {
        let folder = runFolder(run, in: directory)
        batch.stage(RunWriter.files(run, in: folder), order: position) { try Directories.create(folder) }
    }

    /// The folder of a run's files in a replay's folder.
    static func runFolder(_ run: RunWriter.Run, in directory: String) -> String {
        FilePaths.join(directory, run.summary.run)
    }

    static func historyRow(_ run: RunWriter.Run, step: ReplayStep) -> [String] {
        let summary = run.summary
        let companies = { (key: String) in String(summary.counts[key]?.companies ?? 0) }
        // Empty, as the turnover is, when there was no prior membership to change from.
        let changeCount = { (key: String) in summary.hasPriorMembers ? String(summary.changes[key] ?? 0) : "" }
        let turnover = run.analysis.turnover[.r2000]
        let events = step.eventsBefore
        return [
            summary.run, summary.rankDay, summary.effectiveDate,
            companies("R1000"), companies("R2000"), companies("R3000"), companies("Microcap"),
            CSVWriter.number(summary.breakpoint1000, decimals: 0), CSVWriter.number(summary.breakpoint3000, decimals: 0),
            CSVWriter.number(summary.bandHalfWidth == nil ? nil : summary.bandCapLow, decimals: 0),
            CSVWriter.number(summary.bandHalfWidth == nil ? nil : summary.bandCapHigh, decimals: 0),
            changeCount("upward"), changeCount("downward"), changeCount("addition"), changeCount("deletion"),
            String(Set(events.filter { $0.kind == .ipoAddition }.map(\.company)).count),
            String(Set(events.filter { $0.kind == .deletion }.map(\.company)).count),
            CSVWriter.number(turnover?.nameTurnover, decimals: 10),
            CSVWriter.number(turnover?.weightTurnover, decimals: 10),
            CSVWriter.number(run.drag?.byWeighting[.cap]?.gap, decimals: 10),
            CSVWriter.number(run.drag?.byWeighting[.equal]?.gap, decimals: 10),
        ]
    }

    static func writeSummary(from: Int, to: Int, panel: String, synthetic: Bool, runs: Int, variants: [String],
                             to directory: String) throws {
        try JSONWriter.write(.object([
            JSONMember("from", .integer(from)), JSONMember("to", .integer(to)),
            JSONMember("synthetic", .bool(synthetic)), JSONMember("panel", .string(panel)),
            JSONMember("runs", .integer(runs)), JSONMember("variants", .array(variants.map { .string($0) })),
        ]), to: FilePaths.join(directory, "summary.json"))
    }

    /// A per-run table for standard output, with averages before and after banding started.
    static func text(_ runs: [RunWriter.Run], synthetic: Bool) -> String {
        var lines = ["run      R1000  R2000  Micro   #1000      #3000     up  down  R2000 turnover  drag 12m cap" + (synthetic ? "   (synthetic)" : "")]
        for run in runs {
            let summary = run.summary
            let turnover = run.analysis.turnover[.r2000]
            lines.append([
                summary.run.padding(8),
                String(summary.counts["R1000"]?.companies ?? 0).padding(6),
                String(summary.counts["R2000"]?.companies ?? 0).padding(6),
                String(summary.counts["Microcap"]?.companies ?? 0).padding(6),
                (summary.breakpoint1000.map(MoneyText.short) ?? "n/a").padding(10),
                (summary.breakpoint3000.map(MoneyText.short) ?? "n/a").padding(9),
                (summary.hasPriorMembers ? String(summary.changes["upward"] ?? 0) : "n/a").padding(3),
                (summary.hasPriorMembers ? String(summary.changes["downward"] ?? 0) : "n/a").padding(5),
                (turnover.map { RunOutput.percent($0.nameTurnover) } ?? "n/a").padding(15),
                run.drag?.byWeighting[.cap].map { RunOutput.percent($0.gap) } ?? "",
            ].joined(separator: " "))
        }
        for (label, range) in [("before banding", runs.filter { $0.summary.bandHalfWidth == nil }),
                               ("with banding", runs.filter { $0.summary.bandHalfWidth != nil })] where !range.isEmpty {
            let turnover = range.compactMap { $0.analysis.turnover[.r2000]?.nameTurnover }
            let gaps = range.compactMap { $0.drag?.byWeighting[.cap]?.gap }
            let mean = { (values: [Double]) in values.isEmpty ? "n/a" : RunOutput.percent(values.reduce(0, +) / Double(values.count)) }
            // With December runs, a year's runs summed say more than the mean per run (Turnover.perYear).
            var perYear = ""
            if Set(range.compactMap { RunID(parsing: $0.summary.run)?.year }).count < range.count,
               let value = Turnover.perYear(named: range.map { (run: $0.summary.run, turnover: $0.analysis.turnover[.r2000]?.nameTurnover) }) {
                perYear = " (\(RunOutput.percent(value)) a year)"
            }
            // A mean over fewer runs than the line counts says over how many: the first run has no
            // turnover, and the last year's runs no 12 months after them.
            let over = { (values: [Double], what: String) in
                values.count == range.count || values.isEmpty ? "" : " (\(counted(values.count, "run")) \(what))"
            }
            lines.append("average \(label) (\(range.count) runs): R2000 name turnover \(mean(turnover))\(perYear)"
                + "\(over(turnover, "with a prior")), 12-month drag \(mean(gaps)) cap-weighted\(over(gaps, "with 12 months of returns"))")
        }
        return lines.joined(separator: "\n")
    }
}
