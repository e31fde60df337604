import ReconReport

/// Reads a replay's `history.csv` and `variants.csv` (docs/outputs.md).
enum ReportHistoryReader {
    static func readHistory(path: String) throws -> [HistoryReportRun] {
        var runs: [HistoryReportRun] = []
        try ReportCSVFile.read(path: path, required: ["run"], format: "history") { row in
            runs.append(HistoryReportRun(
                run: try row.string("run") ?? "", rankDay: try row.string("rank_day"),
                effectiveDate: try row.string("effective_date"), r1000Count: try row.int("r1000_count"),
                r2000Count: try row.int("r2000_count"), r3000Count: try row.int("r3000_count"),
                microcapCount: try row.int("microcap_count"), breakpoint1000: try row.double("breakpoint_1000"),
                breakpoint3000: try row.double("breakpoint_3000"), bandLow: try row.double("band_low"),
                bandHigh: try row.double("band_high"), movedUp: try row.int("moved_up"), movedDown: try row.int("moved_down"),
                additions: try row.int("additions"), deletions: try row.int("deletions"),
                ipoAdditionsBefore: try row.int("ipo_additions_before"), deletionsBefore: try row.int("deletions_before"),
                turnoverNames: try row.double("turnover_names"), turnoverWeight: try row.double("turnover_weight"),
                drag12mCap: try row.double("drag_12m_cap"), drag12mEqual: try row.double("drag_12m_equal")))
        }
        return runs
    }

    static func readVariants(path: String) throws -> [HistoryReportVariantRun] {
        var lines: [HistoryReportVariantRun] = []
        try ReportCSVFile.read(path: path, required: ["variant", "run"], format: "variants") { row in
            lines.append(HistoryReportVariantRun(
                variant: try row.string("variant") ?? "", run: try row.string("run") ?? "",
                r1000Count: try row.int("r1000_count"), r2000Count: try row.int("r2000_count"),
                movedUp: try row.int("moved_up"), movedDown: try row.int("moved_down"),
                turnoverNames: try row.double("turnover_names"), turnoverWeight: try row.double("turnover_weight"),
                drag12mCap: try row.double("drag_12m_cap"), drag12mEqual: try row.double("drag_12m_equal")))
        }
        return lines
    }

    /// A replay's `summary.json`: `{"from": 1989, "to": 2025, "synthetic": true, "panel": "…", "runs": 37, "variants": […]}`.
    static func readSummary(path: String) throws -> HistoryReportSummary {
        let json = try ReportJSONObject.read(path: path)
        return HistoryReportSummary(
            from: try json.int("from"), to: try json.int("to"), synthetic: try json.bool("synthetic") ?? false,
            panel: try json.string("panel"), runs: try json.int("runs"), variants: try json.strings("variants"))
    }

    /// The 12-month cap-weighted returns in a run's `drag.json`; `nil` when either is missing.
    static func readReturns(run: String, path: String) throws -> HistoryReportReturns? {
        let drag = try ReportDragReader.read(path: path)
        guard let frozen = drag.cap?.frozenReturn, let reconstituted = drag.cap?.reconstitutedReturn else { return nil }
        return HistoryReportReturns(run: run, frozen: frozen, reconstituted: reconstituted)
    }
}
