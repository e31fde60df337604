import ReconCore

/// The date a CIZ row of a file without `MthCalDt` stands for: the last business day of its
/// `YYYYMM` month (``TradingCalendar/lastBusinessDay(of:)``).
///
/// An approximation: `MthCalDt` is CRSP's last *trading* day of the month, which is the last
/// business day unless the exchanges closed on it unexpectedly (storms, days of mourning, which
/// ``TradingCalendar`` does not model), and before 1952, when the NYSE also traded on Saturdays,
/// it may have been a Saturday (January 1925 ends on Saturday the 31st; this gives Friday the
/// 30th). A replay uses only the month of a row: a cross-section is
/// the last month-end on or before the rank day (a business day of the same calendar), and
/// returns are compounded over calendar months. docs/crsp.md says so.
enum CIZMonthEnd {
    /// The months the table holds (CRSP starts in 1925); others are computed when asked.
    static let tableYears = 1925 ... 2100

    /// `YYYYMMDD` of the last business day of each month of ``tableYears``, in month order.
    static let table: [Int32] = tableYears.flatMap { year in
        (1 ... 12).map { month in Int32(computed(year: year, month: month)) }
    }

    /// `YYYYMMDD` of the last business day of `month` (1–12) of `year` (0–9999).
    /// - Complexity: O(1) for a year of ``tableYears`` (an array load), a few calendar steps otherwise.
    @inline(__always)
    static func yyyymmdd(year: Int, month: Int, table: [Int32] = CIZMonthEnd.table) -> Int {
        if tableYears.contains(year) { return Int(table[(year - tableYears.lowerBound) * 12 + month - 1]) }
        return computed(year: year, month: month)
    }

    private static func computed(year: Int, month: Int) -> Int {
        TradingCalendar.lastBusinessDay(of: CalendarDate(year: year, month: month, day: 1)).yyyymmdd
    }
}
