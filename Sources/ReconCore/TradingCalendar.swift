/// US exchange business days, enough for rank days, effective dates and IPO dates: weekends and
/// the regular NYSE holidays (New Year's Day, Martin Luther King Jr. Day from 1998, Washington's
/// Birthday, Good Friday, Memorial Day = last Monday of May, Juneteenth from 2022, Independence
/// Day, Labor Day, Thanksgiving, Christmas; a Saturday holiday is observed on the Friday before,
/// except New Year's Day, and a Sunday one on the Monday after). Unscheduled closures (storms,
/// days of mourning) are not modelled.
public enum TradingCalendar {
    public enum Weekday: Int { case monday = 0, tuesday, wednesday, thursday, friday, saturday, sunday }

    public static func weekday(_ date: CalendarDate) -> Weekday {
        // 1970-01-01 (day number 0) was a Thursday.
        let index = ((date.dayNumber % 7) + 7 + 3) % 7
        return Weekday(rawValue: index)!
    }

    /// `nil` for a business day, else why not (`a Saturday`, `Memorial Day`).
    public static func whyNotBusinessDay(_ date: CalendarDate) -> String? {
        switch weekday(date) {
        case .saturday: return "a Saturday"
        case .sunday: return "a Sunday"
        default: return holiday(date)
        }
    }

    public static func isBusinessDay(_ date: CalendarDate) -> Bool { whyNotBusinessDay(date) == nil }

    public static func businessDayOnOrBefore(_ date: CalendarDate) -> CalendarDate {
        var day = date
        while !isBusinessDay(day) { day = previousDay(day) }
        return day
    }

    /// The last business day of the month of `date`.
    public static func lastBusinessDay(of date: CalendarDate) -> CalendarDate {
        businessDayOnOrBefore(date.endOfMonth)
    }

    /// The `n`th given weekday of the month of `date` (`n` from 1).
    public static func nthWeekday(_ n: Int, _ wanted: Weekday, of date: CalendarDate) -> CalendarDate {
        let first = CalendarDate(year: date.year, month: date.month, day: 1)
        let shift = (wanted.rawValue - weekday(first).rawValue + 7) % 7
        return CalendarDate(year: date.year, month: date.month, day: 1 + shift + 7 * (n - 1))
    }

    /// The last given weekday of the month of `date`.
    public static func lastWeekday(_ wanted: Weekday, of date: CalendarDate) -> CalendarDate {
        let last = date.endOfMonth
        let shift = (weekday(last).rawValue - wanted.rawValue + 7) % 7
        return CalendarDate(year: last.year, month: last.month, day: last.day - shift)
    }

    public static func previousDay(_ date: CalendarDate) -> CalendarDate {
        if date.day > 1 { return CalendarDate(year: date.year, month: date.month, day: date.day - 1) }
        return date.adding(months: -1).endOfMonth
    }

    /// The name of the regular NYSE holiday on `date`, if any.
    public static func holiday(_ date: CalendarDate) -> String? {
        let year = date.year
        func on(_ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day) }
        /// A fixed-date holiday moved to the Friday before or the Monday after a weekend.
        func observed(_ month: Int, _ day: Int, saturdayMovesToFriday: Bool = true) -> CalendarDate? {
            let actual = on(month, day)
            switch weekday(actual) {
            case .saturday: return saturdayMovesToFriday ? on(month, day - 1) : nil
            case .sunday: return on(month, day + 1)
            default: return actual
            }
        }
        var holidays: [(CalendarDate?, String)] = [
            (observed(1, 1, saturdayMovesToFriday: false), "New Year's Day"),
            (nthWeekday(3, .monday, of: on(2, 1)), "Washington's Birthday"),
            (goodFriday(year), "Good Friday"),
            (lastWeekday(.monday, of: on(5, 1)), "Memorial Day"),
            (observed(7, 4), "Independence Day"),
            (nthWeekday(1, .monday, of: on(9, 1)), "Labor Day"),
            (nthWeekday(4, .thursday, of: on(11, 1)), "Thanksgiving"),
            (observed(12, 25), "Christmas"),
        ]
        if year >= 1998 { holidays.append((nthWeekday(3, .monday, of: on(1, 1)), "Martin Luther King Jr. Day")) }
        if year >= 2022 { holidays.append((observed(6, 19), "Juneteenth")) }
        return holidays.first { $0.0 == date }?.1
    }

    /// Good Friday: two days before Easter Sunday (anonymous Gregorian computus).
    public static func goodFriday(_ year: Int) -> CalendarDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        // Easter is in March or April; two days earlier may fall in March.
        return day > 2 ? CalendarDate(year: year, month: month, day: day - 2)
                       : CalendarDate(year: year, month: 3, day: 31 + day - 2)
    }
}
