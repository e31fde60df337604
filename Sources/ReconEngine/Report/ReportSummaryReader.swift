import ReconReport
import ReconIO

/// Reads a run's `summary.json` (docs/outputs.md) into a ``RunReportSummary``.
enum ReportSummaryReader {
    static func read(path: String) throws -> RunReportSummary {
        let json = try ReportJSONObject.read(path: path)
        guard let run = try json.string("run") else {
            throw InputError(file: path, message: "has no \"run\", expected the summary.json of one reconstitution",
                             help: "pass a folder written by recon reconstitute (or one run folder of a replay)")
        }
        return RunReportSummary(
            run: run, rankDay: try json.string("rank_day"), effectiveDate: try json.string("effective_date"),
            synthetic: try json.bool("synthetic") ?? false,
            input: try input(json.object("input")),
            counts: try indexCounts(json.object("counts")),
            priorCounts: try indexCounts(json.object("prior_counts")),
            eligibleCompanies: try json.int("eligible_companies"),
            breakpoints: try breakpoints(json.object("breakpoints")),
            changes: Dictionary(uniqueKeysWithValues: try json.counts("changes").map { ($0.key, $0.count) }),
            excluded: try json.counts("excluded").map { RunReportSummary.ReasonCount(reason: $0.key, count: $0.count) },
            turnover: try turnover(json.object("turnover")),
            concentration: try concentration(json.object("concentration")),
            warnings: try json.strings("warnings"))
    }

    private static func input(_ json: ReportJSONObject?) throws -> RunReportSummary.Input {
        guard let json else { return RunReportSummary.Input() }
        let dropped = try json.counts("rows_dropped").map { RunReportSummary.ReasonCount(reason: $0.key, count: $0.count) }
        return RunReportSummary.Input(
            universe: try json.string("universe"), format: try json.string("format"), priors: try json.strings("priors"),
            forward: try json.string("forward"), rowsRead: try json.int("rows_read"),
            rowsDropped: RunReportSummary.ReasonCount.ordered(dropped), variant: try json.string("variant"))
    }

    private static func indexCounts(_ json: ReportJSONObject?) throws -> [String: RunReportSummary.IndexCount] {
        guard let json else { return [:] }
        var counts: [String: RunReportSummary.IndexCount] = [:]
        for key in json.keys {
            guard let count = try json.object(key) else { continue }
            counts[key] = RunReportSummary.IndexCount(companies: try count.int("companies"), securities: try count.int("securities"))
        }
        return counts
    }

    private static func breakpoints(_ json: ReportJSONObject?) throws -> RunReportSummary.Breakpoints {
        guard let json else { return RunReportSummary.Breakpoints() }
        return RunReportSummary.Breakpoints(
            cap1000: try json.double("cap_1000"), cap2000: try json.double("cap_2000"), cap3000: try json.double("cap_3000"),
            smallestRussell3000E: try json.double("smallest_r3000e"), russell3000ETotal: try json.double("r3000e_total"),
            bandHalfWidth: try json.double("band_half_width"), bandLowPercent: try json.double("band_low_pct"),
            breakpointPercent: try json.double("breakpoint_pct"), bandHighPercent: try json.double("band_high_pct"),
            bandCapHigh: try json.double("band_cap_high"), bandCapLow: try json.double("band_cap_low"))
    }

    private static func turnover(_ json: ReportJSONObject?) throws -> [String: RunReportSummary.IndexTurnover] {
        guard let json else { return [:] }
        var turnover: [String: RunReportSummary.IndexTurnover] = [:]
        for key in json.keys {
            guard let index = try json.object(key) else { continue }
            turnover[key] = RunReportSummary.IndexTurnover(
                priorMembers: try index.int("prior_members"), newMembers: try index.int("new_members"),
                additions: try index.int("additions"), deletions: try index.int("deletions"),
                name: try index.double("name"), weight: try index.double("weight"))
        }
        return turnover
    }

    private static func concentration(_ json: ReportJSONObject?) throws -> [String: RunReportSummary.IndexConcentration] {
        guard let json else { return [:] }
        var concentration: [String: RunReportSummary.IndexConcentration] = [:]
        for key in json.keys {
            guard let index = try json.object(key) else { continue }
            concentration[key] = RunReportSummary.IndexConcentration(
                top10Weight: try index.double("top10_weight"), effectiveNames: try index.double("effective_names"))
        }
        return concentration
    }
}
