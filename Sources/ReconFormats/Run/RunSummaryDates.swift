import Foundation
import ReconCore
import ReconIO

/// The run a `membership.csv` belongs to and its dates, from the `summary.json` beside it: what
/// `recon validate` dates its truth files against.
public struct RunSummaryDates: Sendable, Equatable {
    /// `2025-06`.
    public var run: String
    public var rankDay: CalendarDate
    public var effectiveDate: CalendarDate

    public init(run: String, rankDay: CalendarDate, effectiveDate: CalendarDate) {
        self.run = run
        self.rankDay = rankDay
        self.effectiveDate = effectiveDate
    }

    /// `nil` when the folder of `membership` has no `summary.json`, or one that does not give the
    /// run and its two dates (a membership written by hand, or by another tool): nothing to date
    /// the truth files against, which is no error of the membership's.
    public static func read(besides membership: String) -> RunSummaryDates? {
        let path = FilePaths.join(FilePaths.directory(of: membership), "summary.json")
        guard let data = FileManager.default.contents(atPath: path),
              let summary = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let run = summary["run"] as? String,
              let rankDay = (summary["rank_day"] as? String).flatMap({ CalendarDate(parsing: $0) }),
              let effectiveDate = (summary["effective_date"] as? String).flatMap({ CalendarDate(parsing: $0) })
        else { return nil }
        return RunSummaryDates(run: run, rankDay: rankDay, effectiveDate: effectiveDate)
    }
}
