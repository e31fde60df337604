import ReconCore

/// The last trading day of each month, as CRSP dates its monthly rows: the last weekday that is
/// not an NYSE holiday. Only two holidays can fall on a month's last weekday: Good Friday (end of
/// March or April) and Memorial Day (the last Monday of May, May 31 in some years). One-off
/// closings never did in 1979–2026.
enum MonthEndCalendar {
    /// The last trading day of a month.
    static func lastTradingDay(year: Int, month: Int) -> CalendarDate {
        var day = CalendarDate.daysIn(month: month, year: year)
        while true {
            let date = CalendarDate(year: year, month: month, day: day)
            if isTradingDay(date) { return date }
            day -= 1
        }
    }

    /// 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday).
    static func weekday(_ date: CalendarDate) -> Int { ((date.dayNumber % 7) + 11) % 7 }

    static func isTradingDay(_ date: CalendarDate) -> Bool {
        let weekday = weekday(date)
        if weekday == 0 || weekday == 6 { return false }
        if date.month == 5, weekday == 1, date.day > 24 { return false }      // Memorial Day
        if date == goodFriday(year: date.year) { return false }
        return true
    }

    /// Easter Sunday minus two days (the anonymous Gregorian computus).
    static func goodFriday(year: Int) -> CalendarDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        let easter = CalendarDate(year: year, month: month, day: day)
        return easter.day > 2 ? CalendarDate(year: year, month: month, day: day - 2)
                              : CalendarDate(year: year, month: 3, day: 31 + day - 2)
    }
}
