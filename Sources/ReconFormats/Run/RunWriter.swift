import ReconCore
import ReconIO

/// Writes the files of one reconstitution (`docs/outputs.md`): membership.csv, excluded.csv,
/// summary.json, migration.csv, turnover.csv and, with returns, drag.json. Every file is written
/// atomically, and numbers are formatted the same way on every machine.
public enum RunWriter {
    /// The drag over one window, with its description.
    public struct DragWindow: Sendable {
        public var label: String
        public var source: String
        public var from: String
        public var to: String
        public var months: Int?
        public var byWeighting: [DragAnalysis.Weighting: Drag]

        public init(label: String, source: String, from: String, to: String, months: Int?,
                    byWeighting: [DragAnalysis.Weighting: Drag]) {
            self.label = label
            self.source = source
            self.from = from
            self.to = to
            self.months = months
            self.byWeighting = byWeighting
        }
    }

    /// Everything one run writes.
    public struct Run: Sendable {
        /// The reconstitution, with the universe it ranked and the prior it started from.
        public var result: ReconstitutionResult
        public var summary: RunSummary
        public var analysis: RunAnalysis
        /// Rows the readers dropped.
        public var dropped: [DroppedRow]
        /// The main drag window (snapshot pair or 12 months), and every window measured.
        public var drag: DragWindow?
        public var dragWindows: [DragWindow]
        /// The graduates' share of the prior Russell 2000's return in the year before the rank day.
        public var graduates: GraduateContribution?
        public var warnings: [String]

        public init(result: ReconstitutionResult, summary: RunSummary, analysis: RunAnalysis,
                    dropped: [DroppedRow], drag: DragWindow?, dragWindows: [DragWindow] = [],
                    graduates: GraduateContribution? = nil, warnings: [String]) {
            self.result = result
            self.summary = summary
            self.analysis = analysis
            self.dropped = dropped
            self.drag = drag
            self.dragWindows = dragWindows
            self.graduates = graduates
            self.warnings = warnings
        }
    }

    public static func write(_ run: Run, to directory: String) throws {
        try Directories.create(directory)
        try AtomicFile.write(files(run, in: directory))
    }

    /// The files of a run in `directory`, in the order ``write(_:to:)`` writes them (a replay
    /// writes the files of all its runs together).
    public static func files(_ run: Run, in directory: String) -> [(path: String, bytes: [UInt8])] {
        var files = [
            (FilePaths.join(directory, "membership.csv"), membership(run).bytes),
            (FilePaths.join(directory, "excluded.csv"), excluded(run).bytes),
            (FilePaths.join(directory, "summary.json"), Array(JSONWriter.string(summary(run)).utf8)),
            (FilePaths.join(directory, "migration.csv"), migration(run).bytes),
            (FilePaths.join(directory, "turnover.csv"), turnover(run).bytes),
        ]
        if let drag = run.drag {
            files.append((FilePaths.join(directory, "drag.json"),
                          Array(JSONWriter.string(dragJSON(main: drag, windows: run.dragWindows, graduates: run.graduates)).utf8)))
        }
        return files.map { (path: $0.0, bytes: $0.1) }
    }

    // MARK: - membership.csv

    static func membership(_ run: Run) -> CSVWriter {
        let result = run.result
        var csv = CSVWriter(header: ["symbol", "company", "company_key", "total_market_cap", "rank", "cumulative_pct",
                                     "index", "prior_index", "microcap", "change", "migration", "weight",
                                     "weight_basis", "reason", "security_id"], capacity: result.rowCount * 104)
        // Field by field (CSVWriter.appendField): the largest file of a run, one row per line.
        let classes = run.analysis.migration.classes
        func number(_ value: Double) -> Double? { value.isNaN ? nil : value }
        for row in result.rowIndices {
            csv.appendField(result.symbol(row))
            csv.appendField(result.companyName(row))
            csv.appendField(result.companyKey(row))
            csv.appendField(number: number(result.totalMarketCap[row]), decimals: 0)
            csv.appendField(integer: result.rank[row] > 0 ? Int(result.rank[row]) : nil)
            csv.appendField(number: number(result.cumulativeShare[row] * 100), decimals: 6)
            csv.appendField(result.tier[row].rawValue)
            csv.appendField(result.priorTier[row].rawValue)
            csv.appendField(CSVWriter.boolean(result.isMicrocap[row]))
            csv.appendField(result.change(row).rawValue)
            csv.appendField(classes[row].rawValue)
            csv.appendField(number: number(result.weight[row]), decimals: 10, trimTrailingZeros: true)
            csv.appendField(result.weightBasis[row]?.rawValue ?? "")
            csv.appendField(result.reason(row))
            csv.appendField(result.securityID(row) ?? "")
            csv.endRow()
        }
        return csv
    }

    // MARK: - excluded.csv

    static func excluded(_ run: Run) -> CSVWriter {
        let text = run.result.universe.text, exclusions = run.result.exclusions
        var csv = CSVWriter(header: ["symbol", "name", "origin", "reason", "detail"], capacity: exclusions.count * 48)
        // A run excludes thousands of lines for a few dozen reasons: each detail is made once.
        var details: [DetailKey: String] = [:]
        for index in exclusions.indices {
            guard let exclusion = exclusions[index] else { continue }
            let key = DetailKey(exclusion: exclusion, evidence: text.typeEvidence(index))
            let detail = details[key] ?? {
                let made = key.evidence.map { "\(exclusion.description); \($0)" } ?? exclusion.description
                details[key] = made
                return made
            }()
            csv.appendField(text.symbol(index))
            csv.appendField(text.name(index))
            csv.appendField(text.origin(index))
            csv.appendField(exclusion.code)
            csv.appendField(detail)
            csv.endRow()
        }
        for row in run.dropped {
            csv.appendRow([row.symbol, "", "\(row.file):\(row.line)", "dropped:\(row.reason)", row.reason])
        }
        return csv
    }

    /// What an excluded line's detail is made of. A number in the reason is told apart by its bits
    /// as well: 0.0 and -0.0 are equal but printed apart.
    private struct DetailKey: Hashable {
        let exclusion: ExclusionReason
        let evidence: String?
        let numberBits: UInt64?

        init(exclusion: ExclusionReason, evidence: String?) {
            self.exclusion = exclusion
            self.evidence = evidence
            switch exclusion {
            case .priceBelowMinimum(let value), .capBelowMinimum(let value), .floatBelowMinimum(let value),
                 .votingBelowMinimum(let value), .floatFactBelowMinimum(let value, _), .votingFactBelowMinimum(let value):
                numberBits = value.bitPattern
            default:
                numberBits = nil
            }
        }
    }

    // MARK: - summary.json

    static func summary(_ run: Run) -> JSONValue {
        let summary = run.summary
        func counts(_ table: [String: RunSummary.Count], _ keys: [String]) -> JSONValue {
            .object(keys.compactMap { key in
                table[key].map { JSONMember(key, .object([JSONMember("companies", .integer($0.companies)),
                                                           JSONMember("securities", .integer($0.securities))])) }
            })
        }
        func sortedCounts(_ table: [String: Int]) -> JSONValue {
            .object(table.keys.sorted().map { JSONMember($0, .integer(table[$0]!)) })
        }
        func number(_ value: Double?, _ decimals: Int? = nil) -> JSONValue { value.map { .number($0, decimals: decimals) } ?? .null }
        func percent(_ value: Double?) -> JSONValue { number(value.map { $0 * 100 }, 6) }
        let input = summary.input
        let tiers = [IndexTier.r1000, .r2000]
        return .object([
            JSONMember("run", .string(summary.run)),
            JSONMember("rank_day", .string(summary.rankDay)),
            JSONMember("effective_date", .string(summary.effectiveDate)),
            JSONMember("synthetic", .bool(input.synthetic)),
            JSONMember("input", .object([
                JSONMember("universe", .string(input.universe)),
                JSONMember("format", .string(input.format)),
                JSONMember("priors", .array(input.priors.map { .string($0) })),
                JSONMember("forward", input.forward.map { .string($0) } ?? .null),
                JSONMember("rows_read", .integer(input.rowsRead)),
                JSONMember("rows_dropped", sortedCounts(input.rowsDropped)),
                JSONMember("variant", input.variant.map { .string($0) } ?? .null),
            ] + (input.prices.isEmpty ? [] : [JSONMember("prices", .array(input.prices.map { priced in
                .object([JSONMember("source", .string(priced.source)), JSONMember("date", priced.date.map { .string($0) } ?? .null),
                         JSONMember("lines", .integer(priced.lines))])
            }))]) + (input.facts.map { [JSONMember("facts", facts($0))] } ?? []))),
            JSONMember("counts", counts(summary.counts, ["R1000", "R2000", "R3000", "R3000E", "Microcap"])),
            JSONMember("prior_counts", counts(summary.priorCounts, ["R1000", "R2000"])),
            JSONMember("eligible_companies", .integer(summary.eligibleCompanies)),
            JSONMember("breakpoints", .object([
                JSONMember("cap_1000", number(summary.breakpoint1000, 0)),
                JSONMember("cap_2000", number(summary.breakpoint2000, 0)),
                JSONMember("cap_3000", number(summary.breakpoint3000, 0)),
                JSONMember("smallest_r3000e", number(summary.smallestRussell3000E, 0)),
                JSONMember("r3000e_total", number(summary.russell3000ETotal, 0)),
                JSONMember("band_half_width", number(summary.bandHalfWidth)),
                JSONMember("band_low_pct", percent(summary.bandLowShare)),
                JSONMember("breakpoint_pct", percent(summary.breakpointShare)),
                JSONMember("band_high_pct", percent(summary.bandHighShare)),
                JSONMember("band_cap_high", number(summary.bandCapHigh, 0)),
                JSONMember("band_cap_low", number(summary.bandCapLow, 0)),
            ])),
            JSONMember("changes", .object(["addition", "deletion", "upward", "downward", "stay"].map {
                JSONMember($0, .integer(summary.changes[$0] ?? 0))
            })),
            JSONMember("excluded", sortedCounts(summary.excluded)),
            JSONMember("turnover", .object(tiers.compactMap { tier in
                run.analysis.turnover[tier].map { turnover in
                    JSONMember(tier.rawValue, .object([
                        JSONMember("prior_members", .integer(turnover.priorMembers)),
                        JSONMember("new_members", .integer(turnover.newMembers)),
                        JSONMember("additions", .integer(turnover.additions)),
                        JSONMember("deletions", .integer(turnover.deletions)),
                        JSONMember("name", .number(turnover.nameTurnover, decimals: 10)),
                        JSONMember("weight", .number(turnover.weightTurnover, decimals: 10)),
                    ]))
                }
            })),
            JSONMember("concentration", .object(tiers.compactMap { tier in
                run.analysis.concentration[tier].map { concentration in
                    JSONMember(tier.rawValue, .object([
                        JSONMember("top10_weight", .number(concentration.top10Weight, decimals: 10)),
                        JSONMember("effective_names", .number(concentration.effectiveNames, decimals: 4)),
                    ]))
                }
            })),
            JSONMember("warnings", .array(run.warnings.map { .string($0) })),
        ])
    }

    /// `input.facts`: what a company-facts file gave the run (only with `--facts`).
    static func facts(_ report: FactsOverlay.Report) -> JSONValue {
        .object([
            JSONMember("file", .string(report.file)),
            JSONMember("key", .string(report.keyKind.rawValue)),
            JSONMember("date", .string(report.date.description)),
            JSONMember("rows", .integer(report.rows)),
            JSONMember("in_force", .integer(report.inForce)),
            JSONMember("matched", .integer(report.matched)),
            JSONMember("not_in_universe", .integer(report.notInUniverse.count)),
            JSONMember("lines", .object([
                JSONMember("country", .integer(report.countryLines)),
                JSONMember("float", .integer(report.floatLines)),
                JSONMember("voting", .integer(report.votingLines)),
            ])),
            JSONMember("float_above_shares", .integer(report.floatAboveShares.count)),
            JSONMember("float_without_shares", .integer(report.floatWithoutShares.count)),
        ])
    }

    // MARK: - migration.csv and turnover.csv

    static func migration(_ run: Run) -> CSVWriter {
        var csv = CSVWriter(header: ["class", "lines", "companies", "prior_weight", "largest"])
        for entry in run.analysis.migration.entries {
            csv.appendRow([entry.migrationClass.rawValue, String(entry.count), String(entry.companies),
                           entry.priorWeight.map { CSVWriter.number($0, decimals: 10, trimTrailingZeros: true) } ?? "",
                           entry.largest.map(\.symbol).joined(separator: " ")])
        }
        return csv
    }

    static func turnover(_ run: Run) -> CSVWriter {
        var csv = CSVWriter(header: ["index", "prior_members", "new_members", "additions", "deletions",
                                     "name_turnover", "weight_turnover"])
        for tier in [IndexTier.r1000, .r2000] {
            guard let turnover = run.analysis.turnover[tier] else { continue }
            csv.appendRow([tier.rawValue, String(turnover.priorMembers), String(turnover.newMembers),
                           String(turnover.additions), String(turnover.deletions),
                           CSVWriter.number(turnover.nameTurnover, decimals: 10),
                           CSVWriter.number(turnover.weightTurnover, decimals: 10)])
        }
        return csv
    }

    // MARK: - drag.json

    static func dragJSON(main: DragWindow, windows: [DragWindow], graduates: GraduateContribution?) -> JSONValue {
        var members = [
            JSONMember("window", .object([
                JSONMember("source", .string(main.source)),
                JSONMember("from", .string(main.from)),
                JSONMember("to", .string(main.to)),
                JSONMember("months", main.months.map { .integer($0) } ?? .null),
            ])),
        ]
        members += weightings(main)
        if !windows.isEmpty {
            members.append(JSONMember("windows", .object(windows.map { window in
                JSONMember(window.label, .object([
                    JSONMember("from", .string(window.from)), JSONMember("to", .string(window.to)),
                ] + weightings(window)))
            })))
        }
        if let graduates {
            members.append(JSONMember("graduates", .object([
                JSONMember("weight", .number(graduates.weight, decimals: 10)),
                JSONMember("contribution", .number(graduates.contribution, decimals: 12)),
                JSONMember("index_return", .number(graduates.indexReturn, decimals: 12)),
                JSONMember("share_of_return", graduates.shareOfReturn.map { .number($0, decimals: 10) } ?? .null),
                JSONMember("left_out", .integer(graduates.leftOut)),
            ])))
        }
        return .object(members)
    }

    static func weightings(_ window: DragWindow) -> [JSONMember] {
        DragAnalysis.Weighting.allCases.compactMap { weighting in
            window.byWeighting[weighting].map { JSONMember(weighting.rawValue, dragJSON($0)) }
        }
    }

    static func dragJSON(_ drag: Drag) -> JSONValue {
        .object([
            JSONMember("frozen_return", .number(drag.frozenReturn, decimals: 12)),
            JSONMember("reconstituted_return", .number(drag.reconstitutedReturn, decimals: 12)),
            JSONMember("gap", .number(drag.gap, decimals: 12)),
            JSONMember("components", .object(drag.components.map { JSONMember($0.name, .number($0.value, decimals: 12)) })),
            JSONMember("frozen_count", .integer(drag.frozenCount)),
            JSONMember("reconstituted_count", .integer(drag.reconstitutedCount)),
            JSONMember("left_out", .integer(drag.leftOut)),
            JSONMember("left_out_frozen_weight", .number(drag.leftOutFrozenWeight, decimals: 10)),
            JSONMember("left_out_reconstituted_weight", .number(drag.leftOutReconstitutedWeight, decimals: 10)),
        ])
    }
}
