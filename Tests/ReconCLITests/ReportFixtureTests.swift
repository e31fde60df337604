import Foundation
import XCTest
import ReconFormats

/// Run and replay folders written the way docs/outputs.md describes them, for the report tests.
///
/// The run is a small synthetic market (about 4,100 ranked companies on a smooth cap curve,
/// priors from noisy earlier ranks, a ±2.5% band at #1,000) whose summary.json, membership.csv,
/// migration.csv, turnover.csv, excluded.csv and drag.json agree with one another. Everything is
/// deterministic: the same call writes the same bytes.
enum ReportFixture {
    /// A pseudo-random sequence that is the same on every machine.
    struct Random {
        private var state: UInt64

        init(seed: UInt64) { state = seed }

        /// A number in [0, 1).
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    /// One line of the fixture's membership.csv.
    struct Line {
        var symbol: String
        var company: String
        var companyKey: String
        var cap: Double?
        var rank: Int?
        var cumulativePercent: Double?
        var index = "none"
        var priorIndex = "none"
        var microcap = false
        var change = "none"
        var migration = "outside"
        var weight: Double?
        var reason = "rank"
    }

    static let rankedCompanies = 4_100
    static let russell3000ECount = 4_000
    static let bandHalfWidth = 0.025

    /// The total market cap of the company ranked `rank`: about $4.5B at #1,000 and $200M at #3,000.
    static func cap(rank: Int) -> Double {
        let r = Double(rank)
        let logCap = r <= 1000 ? 12.5 - 0.95 * log10(r) : 9.65 - 2.8 * log10(r / 1000)
        return (pow(10, logCap) / 1e5).rounded() * 1e5
    }

    /// A ticker of letters for a number: 1 → `A`, 27 → `AA`.
    static func ticker(_ number: Int) -> String {
        var number = number
        var letters = ""
        while number > 0 {
            let digit = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    // MARK: - A run folder

    /// Writes a run folder; `drag` and `migration` choose whether the optional files exist.
    static func writeRun(to folder: String, run: String = "2025-06", synthetic: Bool = true, drag: Bool = true,
                         migration: Bool = true) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let lines = membershipLines()
        try write(membershipCSV(lines), to: folder, "membership.csv")
        try write(summaryJSON(lines, run: run, synthetic: synthetic), to: folder, "summary.json")
        try write(turnoverCSV(lines), to: folder, "turnover.csv")
        try write(excludedCSV(lines), to: folder, "excluded.csv")
        if migration { try write(migrationCSV(lines), to: folder, "migration.csv") }
        if drag { try write(dragJSON(gapShift: 0), to: folder, "drag.json") }
    }

    /// The lines of membership.csv: ranked companies (two with a second share class), excluded
    /// lines and prior members absent from the universe.
    static func membershipLines() -> [Line] {
        var random = Random(seed: 2025)
        var lines: [Line] = []
        var total = 0.0
        for rank in 1...rankedCompanies where rank <= russell3000ECount { total += cap(rank: rank) }
        var cumulative = 0.0
        for rank in 1...rankedCompanies {
            let symbol = ticker(rank + 700)
            let company = rank == 1500 ? "Smith & Wesson <Brands> \"Holdings\"" : "\(symbol.capitalized) Corp"
            let cap = cap(rank: rank)
            if rank <= russell3000ECount { cumulative += cap }
            let priorRank = Double(rank) * exp((random.next() * 2 - 1) * 0.45)
            let isNewListing = rank % 97 == 0
            var line = Line(symbol: symbol, company: company, companyKey: "K\(rank)", cap: cap, rank: rank,
                            cumulativePercent: rank <= russell3000ECount ? cumulative / total * 100 : nil)
            line.priorIndex = isNewListing ? "none" : priorRank <= 1000 ? "R1000" : priorRank <= 3000 ? "R2000" : "none"
            lines.append(line)
            if rank == 5 || rank == 700 || rank == 1800 {
                var second = line
                second.symbol += ".B"
                lines.append(second)
            }
        }
        place(&lines, total: total)
        for number in 1...40 {
            lines.append(Line(symbol: ticker(9000 + number) + "W", company: "Warrant \(number)", companyKey: "W\(number)",
                              cap: 1e6 * Double(number), rank: nil, cumulativePercent: nil, reason: "type:warrant"))
        }
        for number in 1...12 {
            lines.append(Line(symbol: ticker(9500 + number), company: "Penny \(number)", companyKey: "P\(number)",
                              cap: 5e6 * Double(number), rank: nil, cumulativePercent: nil, reason: "price_below_minimum"))
        }
        for number in 1...5 {
            var line = Line(symbol: ticker(9800 + number), company: "Gone \(number)", companyKey: "G\(number)",
                            cap: nil, rank: nil, cumulativePercent: nil, reason: "absent_from_universe")
            line.priorIndex = "R2000"
            line.change = "deletion"
            line.migration = "exit_absent"
            lines.append(line)
        }
        assignWeights(&lines)
        return lines
    }

    /// The ranks inside the ±2.5% band around the cumulative share of #1,000.
    static func bandRanks(_ lines: [Line]) -> ClosedRange<Int> {
        let ranked = lines.filter { $0.rank != nil && $0.cumulativePercent != nil }
        let breakpoint = ranked.first { $0.rank == 1000 }!.cumulativePercent!
        let inside = ranked.filter { abs($0.cumulativePercent! - breakpoint) <= bandHalfWidth * 100 }.map { $0.rank! }
        return inside.min()!...inside.max()!
    }

    /// Index, change and migration class of every ranked line, under banding at #1,000.
    private static func place(_ lines: inout [Line], total: Double) {
        let band = bandRanks(lines)
        for index in lines.indices {
            guard let rank = lines[index].rank else { continue }
            let prior = lines[index].priorIndex
            let tier: String
            if rank < band.lowerBound {
                tier = "R1000"
            } else if rank <= band.upperBound {
                tier = prior == "none" ? (rank <= 1000 ? "R1000" : "R2000") : prior
                lines[index].reason = prior == "none" ? "rank" : "band_retained"
            } else {
                tier = rank <= 3000 ? "R2000" : "none"
            }
            if rank > 3000 { lines[index].reason = rank > russell3000ECount ? "below_3000e" : "below_3000" }
            lines[index].index = tier
            lines[index].microcap = (2001...4000).contains(rank)
            lines[index].change = change(prior: prior, new: tier)
            lines[index].migration = migration(prior: prior, new: tier, microcap: lines[index].microcap, newListing: rank % 97 == 0)
        }
    }

    private static func change(prior: String, new: String) -> String {
        switch (prior, new) {
        case ("none", "none"): return "none"
        case ("none", _): return "addition"
        case (_, "none"): return "deletion"
        case ("R2000", "R1000"): return "upward"
        case ("R1000", "R2000"): return "downward"
        default: return "stay"
        }
    }

    private static func migration(prior: String, new: String, microcap: Bool, newListing: Bool) -> String {
        switch (prior, new) {
        case ("R2000", "R1000"): return "upward"
        case ("R1000", "R2000"): return "downward"
        case ("R1000", "R1000"): return "stay_r1000"
        case ("R2000", "R2000"): return "stay_r2000"
        case ("none", "none"): return "outside"
        case ("none", _): return newListing ? "ipo_entry" : "entry_from_below"
        default: return microcap ? "fall_out_microcap" : "fall_out_below"
        }
    }

    private static func assignWeights(_ lines: inout [Line]) {
        for tier in ["R1000", "R2000"] {
            let total = lines.filter { $0.index == tier }.reduce(0) { $0 + ($1.cap ?? 0) }
            for index in lines.indices where lines[index].index == tier {
                lines[index].weight = (lines[index].cap ?? 0) / total
            }
        }
    }

    // MARK: - Files of a run

    static func membershipCSV(_ lines: [Line]) -> String {
        var text = "symbol,company,company_key,total_market_cap,rank,cumulative_pct,index,prior_index,microcap,change,migration,weight,weight_basis,reason\n"
        for line in lines {
            text += [
                line.symbol, csvField(line.company), line.companyKey, number(line.cap), line.rank.map(String.init) ?? "",
                number(line.cumulativePercent), line.index, line.priorIndex, line.microcap ? "true" : "false", line.change,
                line.migration, number(line.weight), line.weight == nil ? "" : "total_cap", line.reason,
            ].joined(separator: ",") + "\n"
        }
        return text
    }

    /// The lines of `tier` before (`prior`) or after.
    private static func members(_ lines: [Line], _ tier: String, prior: Bool) -> [Line] {
        lines.filter { (prior ? $0.priorIndex : $0.index) == tier }
    }

    private static func count(_ lines: [Line]) -> [String: Any] {
        ["companies": Set(lines.map(\.companyKey)).count, "securities": lines.count]
    }

    static func summaryJSON(_ lines: [Line], run: String, synthetic: Bool) throws -> String {
        let ranked = lines.filter { $0.rank != nil }
        func capAt(_ rank: Int) -> Double { ranked.first { $0.rank == rank }!.cap! }
        let band = bandRanks(lines)
        let breakpointPercent = ranked.first { $0.rank == 1000 }!.cumulativePercent!
        var changes: [String: Int] = [:]
        for change in ["addition", "deletion", "upward", "downward", "stay"] {
            changes[change] = Set(lines.filter { $0.change == change }.map(\.companyKey)).count
        }
        var excluded: [String: Int] = [:]
        for line in lines where line.rank == nil && line.reason != "absent_from_universe" { excluded[line.reason, default: 0] += 1 }
        var turnover: [String: Any] = [:], concentration: [String: Any] = [:]
        for tier in ["R1000", "R2000"] {
            let measure = turnoverMeasure(lines, tier)
            turnover[tier] = ["prior_members": measure.prior, "new_members": measure.new, "additions": measure.additions,
                              "deletions": measure.deletions, "name": measure.name, "weight": measure.weight]
            let weights = members(lines, tier, prior: false).compactMap(\.weight).sorted(by: >)
            concentration[tier] = ["top10_weight": weights.prefix(10).reduce(0, +),
                                   "effective_names": 1 / weights.map { $0 * $0 }.reduce(0, +)]
        }
        let summary: [String: Any] = [
            "run": run, "rank_day": "2025-04-30", "effective_date": "2025-06-27", "synthetic": synthetic,
            "input": ["universe": "universe-2025-04-30.csv", "format": "nasdaq-screener", "priors": ["ru2000-2024.csv", "ru1000-2024.csv"],
                      "forward": "prices-2026-06-11.csv", "rows_read": lines.count - 5 + 3,
                      "rows_dropped": ["blank_symbol": 2, "cap_not_a_number": 1], "variant": NSNull()],
            "counts": [
                "R1000": count(members(lines, "R1000", prior: false)), "R2000": count(members(lines, "R2000", prior: false)),
                "R3000": count(lines.filter { $0.index != "none" }),
                "R3000E": count(lines.filter { ($0.rank ?? .max) <= russell3000ECount }),
                "Microcap": count(lines.filter(\.microcap)),
            ],
            "prior_counts": ["R1000": count(members(lines, "R1000", prior: true)), "R2000": count(members(lines, "R2000", prior: true))],
            "eligible_companies": rankedCompanies,
            "breakpoints": [
                "cap_1000": capAt(1000), "cap_2000": capAt(2000), "cap_3000": capAt(3000),
                "smallest_r3000e": capAt(russell3000ECount),
                "r3000e_total": ranked.filter { $0.rank! <= russell3000ECount && !$0.symbol.hasSuffix(".B") }.reduce(0) { $0 + $1.cap! },
                "band_half_width": bandHalfWidth, "band_low_pct": breakpointPercent - bandHalfWidth * 100,
                "breakpoint_pct": breakpointPercent, "band_high_pct": breakpointPercent + bandHalfWidth * 100,
                "band_cap_high": capAt(band.lowerBound), "band_cap_low": capAt(band.upperBound),
            ],
            "changes": changes,
            "excluded": excluded,
            "turnover": turnover,
            "concentration": concentration,
            "warnings": ["3 prior members were matched by company name only"],
        ]
        return try json(summary)
    }

    private static func turnoverMeasure(_ lines: [Line], _ tier: String)
        -> (prior: Int, new: Int, additions: Int, deletions: Int, name: Double, weight: Double) {
        let prior = members(lines, tier, prior: true), new = members(lines, tier, prior: false)
        let additions = lines.filter { $0.index == tier && $0.priorIndex != tier }.count
        let deletions = lines.filter { $0.priorIndex == tier && $0.index != tier }.count
        let priorTotal = prior.reduce(0) { $0 + ($1.cap ?? 0) }, newTotal = new.reduce(0) { $0 + ($1.cap ?? 0) }
        var weight = 0.0
        for line in lines where line.index == tier || line.priorIndex == tier {
            let old = line.priorIndex == tier ? (line.cap ?? 0) / priorTotal : 0
            let now = line.index == tier ? (line.cap ?? 0) / newTotal : 0
            weight += abs(now - old) / 2
        }
        return (prior.count, new.count, additions, deletions, Double(additions + deletions) / Double(2 * prior.count), weight)
    }

    static func turnoverCSV(_ lines: [Line]) -> String {
        var text = "index,prior_members,new_members,additions,deletions,name_turnover,weight_turnover\n"
        for tier in ["R1000", "R2000"] {
            let m = turnoverMeasure(lines, tier)
            text += "\(tier),\(m.prior),\(m.new),\(m.additions),\(m.deletions),\(m.name),\(m.weight)\n"
        }
        return text
    }

    static func excludedCSV(_ lines: [Line]) -> String {
        var text = "symbol,name,origin,reason,detail\n"
        for (number, line) in lines.enumerated() where line.rank == nil && line.reason != "absent_from_universe" {
            text += "\(line.symbol),\(csvField(line.company)),universe-2025-04-30.csv:\(number + 2),\(line.reason),\n"
        }
        return text + ",,universe-2025-04-30.csv:7001,dropped:blank_symbol,\n,,universe-2025-04-30.csv:7002,dropped:blank_symbol,\n"
            + "ZZZ,Bad Cap,universe-2025-04-30.csv:7003,dropped:cap_not_a_number,found 'n.a.'\n"
    }

    static func migrationCSV(_ lines: [Line]) -> String {
        var text = "class,lines,companies,prior_weight,largest\n"
        let order = ["upward", "downward", "fall_out_microcap", "fall_out_below", "exit_ineligible", "exit_absent",
                     "entry_from_below", "ipo_entry", "stay_r1000", "stay_r2000", "outside"]
        for migrationClass in order {
            let members = lines.filter { $0.migration == migrationClass }
            guard !members.isEmpty else { continue }
            let largest = members.filter { $0.cap != nil }.sorted { $0.cap! > $1.cap! }.prefix(10).map(\.symbol)
            let priorWeight = members.compactMap { $0.priorIndex == "none" ? nil : $0.cap }.reduce(0, +)
                / lines.filter { $0.priorIndex != "none" }.compactMap(\.cap).reduce(0, +)
            text += "\(migrationClass),\(members.count),\(Set(members.map(\.companyKey)).count),\(priorWeight),"
                + largest.joined(separator: " ") + "\n"
        }
        return text
    }

    /// A drag.json whose components add up to the gap; `gapShift` moves the returns (for replays).
    static func dragJSON(gapShift: Double, windows: Bool = false) throws -> String {
        func measurement(frozen: Double, upward: Double, scale: Double) -> [String: Any] {
            let components: [String: Double] = [
                "additions_from_below": -0.0021 * scale, "additions_from_r1000": 0.0004 * scale, "additions_ipo": -0.0009 * scale,
                "deletions_fall_out": 0.0015 * scale, "deletions_other": -0.0002 * scale, "deletions_upward": upward * scale,
                "stayers": 0,
            ]
            let gap = components.values.reduce(0, +)
            return ["frozen_return": frozen, "reconstituted_return": frozen - gap, "gap": gap, "components": components,
                    "frozen_count": 1_987, "reconstituted_count": 1_975, "left_out": 14,
                    "left_out_frozen_weight": 0.0031, "left_out_reconstituted_weight": 0.0027]
        }
        var drag: [String: Any] = [
            "window": ["source": windows ? "crsp" : "snapshot", "from": "2025-06-27", "to": "2026-06-11", "months": windows ? 12 as Any : NSNull() as Any],
            "cap": measurement(frozen: 0.084 + gapShift, upward: 0.0141, scale: 1),
            "equal": measurement(frozen: 0.061 + gapShift, upward: 0.0062, scale: 1.4),
        ]
        if windows {
            drag["windows"] = ["1m": ["cap": measurement(frozen: 0.01, upward: 0.002, scale: 0.1), "equal": measurement(frozen: 0.012, upward: 0.001, scale: 0.1)],
                               "12m": ["cap": drag["cap"]!, "equal": drag["equal"]!]]
        }
        return try json(drag)
    }

    // MARK: - A replay folder

    /// The years of the replay fixture: banding starts in 2007; the last year has no drag.
    static let replayYears = Array(2000...2012)
    /// Runs without a drag.json in their folder.
    static let replayYearsWithoutDrag: Set<Int> = [2003, 2012]

    /// Writes a replay folder: history.csv, summary.json, variants.csv (optional) and one folder
    /// per run holding a drag.json (except ``replayYearsWithoutDrag``).
    static func writeReplay(to folder: String, variants: Bool = true, synthetic: Bool = true) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var history = "run,rank_day,effective_date,r1000_count,r2000_count,r3000_count,microcap_count,breakpoint_1000,breakpoint_3000,band_low,band_high,moved_up,moved_down,additions,deletions,ipo_additions_before,deletions_before,turnover_names,turnover_weight,drag_12m_cap,drag_12m_equal\n"
        var variantLines = "variant,run,r1000_count,r2000_count,moved_up,moved_down,turnover_names,turnover_weight,drag_12m_cap,drag_12m_equal\n"
        for (offset, year) in replayYears.enumerated() {
            let run = "\(year)-06"
            let banded = year >= 2007
            let breakpoint1000 = 1.2e9 * pow(1.08, Double(offset)), breakpoint3000 = 1.1e8 * pow(1.06, Double(offset))
            let turnoverNames = banded ? 0.14 + 0.002 * Double(offset % 3) : 0.22 + 0.01 * Double(offset % 4)
            let turnoverWeight = turnoverNames * 0.55
            let drag = year == 2012 ? nil : (banded ? 0.004 : 0.011) + 0.001 * Double(offset % 5) - 0.002
            let dragEqual = drag.map { $0 * 0.6 }
            let movedUp = banded ? 28 + offset : 55 + offset
            history += [run, "\(year)-05-31", "\(year)-06-\(20 + offset % 8)", "1000", "\(2000 + offset % 7 - 3)", "\(3000 + offset % 7 - 3)",
                        "\(2000 - offset)", "\(breakpoint1000)", "\(breakpoint3000)",
                        banded ? "\(breakpoint1000 * 0.8)" : "", banded ? "\(breakpoint1000 * 1.25)" : "",
                        "\(movedUp)", "\(movedUp - 9)", "\(260 + offset)", "\(240 + offset)", "\(20 + offset)", "\(35 + offset)",
                        "\(turnoverNames)", "\(turnoverWeight)", drag.map { "\($0)" } ?? "", dragEqual.map { "\($0)" } ?? ""]
                .joined(separator: ",") + "\n"
            for (variant, factor) in [("published", 1.0), ("band=0", 1.6)] {
                variantLines += [variant, run, "1000", "2000", "\(Int(Double(movedUp) * factor))", "\(Int(Double(movedUp - 9) * factor))",
                                 "\(turnoverNames * factor)", "\(turnoverWeight * factor)", drag.map { "\($0 * factor)" } ?? "",
                                 dragEqual.map { "\($0 * factor)" } ?? ""].joined(separator: ",") + "\n"
            }
            let runFolder = folder + "/" + run
            try FileManager.default.createDirectory(atPath: runFolder, withIntermediateDirectories: true)
            if !replayYearsWithoutDrag.contains(year) {
                try write(dragJSON(gapShift: 0.02 * Double(offset % 4) - 0.03, windows: true), to: runFolder, "drag.json")
            }
        }
        try write(history, to: folder, "history.csv")
        if variants { try write(variantLines, to: folder, "variants.csv") }
        let summary: [String: Any] = ["from": replayYears.first!, "to": replayYears.last!, "synthetic": synthetic,
                                      "panel": "synthetic market", "runs": replayYears.count,
                                      "variants": variants ? ["band=0"] : []]
        try write(json(summary), to: folder, "summary.json")
    }

    // MARK: - Writing

    static func write(_ text: String, to folder: String, _ name: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }

    static func json(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self) + "\n"
    }

    static func number(_ value: Double?) -> String {
        value.map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int64($0)) : "\($0)" } ?? ""
    }

    static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// A fresh empty folder under the temporary directory.
    static func temporaryFolder(_ name: String) throws -> String {
        let folder = NSTemporaryDirectory() + "recon-report-tests-\(getpid())/" + name + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// The fixture folders are what the documented readers accept, and can be kept for a look.
final class ReportFixtureTests: XCTestCase {
    func testFixtureMembershipReadsWithTheMembershipReader() throws {
        let folder = try ReportFixture.temporaryFolder("fixture")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ReportFixture.writeRun(to: folder)
        let membership = try MembershipFile.read(path: folder + "/membership.csv")
        XCTAssertEqual(membership.lines.count, ReportFixture.membershipLines().count)
        XCTAssertTrue(membership.lines.contains { $0.company == "Smith & Wesson <Brands> \"Holdings\"" })
        XCTAssertEqual(Set(membership.lines.filter { $0.index == .r1000 }.map(\.companyKey)).count,
                       try summaryCount(folder, "R1000"))
    }

    func testFixtureIsDeterministic() throws {
        XCTAssertEqual(ReportFixture.membershipCSV(ReportFixture.membershipLines()),
                       ReportFixture.membershipCSV(ReportFixture.membershipLines()))
    }

    /// With RECON_REPORT_FIXTURE_OUT=DIR, writes DIR/run and DIR/replay to look at (make report-check OUT=DIR/run).
    func testWritesFixtureFoldersWhenAsked() throws {
        guard let out = ProcessInfo.processInfo.environment["RECON_REPORT_FIXTURE_OUT"] else {
            throw XCTSkip("set RECON_REPORT_FIXTURE_OUT=DIR to write the fixture folders there")
        }
        try ReportFixture.writeRun(to: out + "/run")
        try ReportFixture.writeReplay(to: out + "/replay")
    }

    private func summaryCount(_ folder: String, _ index: String) throws -> Int {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/summary.json")))
        let counts = (json as! [String: Any])["counts"] as! [String: Any]
        return ((counts[index] as! [String: Any])["companies"] as! NSNumber).intValue
    }
}
