/// Reads the time of a run from its name (`2025-06`, or `2025`): the year, a position on a
/// time axis, and the label of a run on a category axis.
enum RunCalendar {
    /// The year of a run named `YYYY` or `YYYY-MM…`; `nil` otherwise.
    static func year(of run: String) -> Int? {
        let digits = run.prefix(4)
        guard digits.count == 4, digits.allSatisfy(\.isASCII), let year = Int(digits) else { return nil }
        return year
    }

    /// The run's month (1–12) when it is named `YYYY-MM`; `nil` otherwise.
    static func month(of run: String) -> Int? {
        let parts = run.split(separator: "-")
        guard parts.count >= 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        return month
    }

    /// The run as a year with a fraction for its month (`2025-06` → 2025.42), for line charts.
    static func time(of run: String) -> Double? {
        guard let year = year(of: run) else { return nil }
        return Double(year) + Double((month(of: run) ?? 1) - 1) / 12
    }

    /// Labels for runs on a category axis: their years when each year has one run, else the
    /// run names as they are.
    static func labels(_ runs: [String]) -> [String] {
        let years = runs.map { year(of: $0) }
        let unique = Set(years.compactMap { $0 })
        guard !years.contains(nil), unique.count == runs.count else { return runs }
        return years.map { String($0!) }
    }
}
