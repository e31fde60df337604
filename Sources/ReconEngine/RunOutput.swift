import ReconCore
import ReconIO
import ReconFormats

/// Writes a run's folder (and one subfolder per variant) and prints the human summary.
enum RunOutput {
    /// `runs[0]` is the published rules; the others are variants written to `DIR/variants/NAME/`,
    /// with `DIR/variants.csv` comparing them. `directory` is where the files go (a staging folder).
    static func write(_ runs: [(name: String, run: RunWriter.Run)], to directory: String) throws {
        guard let published = runs.first else { return }
        try RunWriter.write(published.run, to: directory)
        if runs.count > 1 {
            for (name, run) in runs.dropFirst() {
                try RunWriter.write(run, to: FilePaths.join(FilePaths.join(directory, "variants"), VariantNames.folder(name)))
            }
            try VariantTable.write(runs.map { ($0.name, [VariantTable.Figures($0.run)]) }, to: FilePaths.join(directory, "variants.csv"))
        }
    }

    /// The warnings and the summary of runs written to `directory` (the folder as the user named it).
    static func show(_ runs: [(name: String, run: RunWriter.Run)], directory: String, console: Console) {
        guard let published = runs.first else { return }
        for warning in published.run.warnings { console.warn(warning) }
        printSummary(published.run, directory: directory, console: console)
        if runs.count > 1 {
            console.print("")
            console.print(VariantTable.text(runs.map { ($0.name, [VariantTable.Figures($0.run)]) }))
        }
    }

    /// `5 dropped (missing_shares 4, missing_price 1)`: the rows dropped and why, most first, as
    /// summary.json's `rows_dropped` keys them (a CRSP month's rows are said nowhere else).
    static func dropped(_ counts: [String: Int]) -> String {
        let total = counts.values.reduce(0, +)
        guard total > 0 else { return "0 dropped" }
        let reasons = counts.filter { $0.value > 0 }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        return "\(total) dropped (" + reasons.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
    }

    static func printSummary(_ run: RunWriter.Run, directory: String, console: Console) {
        let summary = run.summary
        func count(_ key: String) -> String {
            let value = summary.counts[key] ?? RunSummary.Count(companies: 0, securities: 0)
            return "\(value.companies) companies, \(value.securities) securities"
        }
        func dollars(_ value: Double?) -> String { value.map(MoneyText.short) ?? "n/a" }
        console.print("recon \(summary.run)\(summary.input.synthetic ? " (synthetic)" : "")\(summary.input.variant.map { " [\($0)]" } ?? ""): rank day \(summary.rankDay), effective after the close of \(summary.effectiveDate)")
        console.print("  universe     \(summary.input.rowsRead) rows read, \(dropped(summary.input.rowsDropped)), \(summary.excluded.values.reduce(0, +)) excluded, \(summary.eligibleCompanies) eligible companies")
        console.print("  Russell 1000 \(count("R1000"))")
        console.print("  Russell 2000 \(count("R2000"))")
        console.print("  Microcap     \(count("Microcap"))")
        console.print("  breakpoints  #1000 \(dollars(summary.breakpoint1000)), #3000 \(dollars(summary.breakpoint3000))"
            + (summary.bandHalfWidth.map { width in
                ", band ±\(formatNumber(width * 100, decimals: 1, trimTrailingZeros: true))% = \(dollars(summary.bandCapLow))–\(dollars(summary.bandCapHigh))"
            } ?? ", hard cut"))
        let changes = summary.changes
        // Prior members the universe does not list are deletions too, but not ones a published
        // list of the reconstitution's deletions holds (taken over or delisted before it): said apart.
        let absent = run.result.companiesAbsentFromUniverse
        console.print("  changes      \(changes["addition"] ?? 0) additions, \(changes["deletion"] ?? 0) deletions"
            + (absent > 0 ? " (\(absent) not in the universe)" : "")
            + ", \(changes["upward"] ?? 0) up, \(changes["downward"] ?? 0) down (companies)")
        if let turnover = run.analysis.turnover[.r2000] {
            console.print("  R2000 turnover \(percent(turnover.nameTurnover)) names, \(percent(turnover.weightTurnover)) weight (one-way)")
        }
        if let drag = run.drag, let cap = drag.byWeighting[.cap], let equal = drag.byWeighting[.equal] {
            console.print("  drag (\(drag.label))  gap \(percent(cap.gap)) cap-weighted, \(percent(equal.gap)) equal-weighted; upward migrants \(percent(cap.component("deletions_upward")))")
        }
        console.print("  wrote        \(directory)/membership.csv, excluded.csv, summary.json, migration.csv, turnover.csv\(run.drag == nil ? "" : ", drag.json")")
    }

    static func percent(_ value: Double) -> String { formatNumber(value * 100, decimals: 2) + "%" }
}

/// Dollar amounts for people: `$4.6B`, `$150.4M`.
enum MoneyText {
    static func short(_ value: Double) -> String {
        let magnitude = abs(value)
        let (scaled, suffix): (Double, String) =
            magnitude >= 1e12 ? (value / 1e12, "T") : magnitude >= 1e9 ? (value / 1e9, "B") : magnitude >= 1e6 ? (value / 1e6, "M") : (value, "")
        return "$" + formatNumber(scaled, decimals: 1, trimTrailingZeros: false) + suffix
    }
}

/// Folder names for variants: `band=0.05` → `band-0.05`.
enum VariantNames {
    static func folder(_ name: String) -> String {
        String(name.map { $0 == "=" || $0 == "," || $0 == "/" ? "-" : $0 })
    }
}
