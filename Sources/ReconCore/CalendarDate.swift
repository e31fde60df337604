/// A date on the civil calendar, without time or zone: rank days, effective dates, CRSP month-ends.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` or `YYYYMMDD`; `nil` for anything else or an impossible day.
    public init?(parsing text: some StringProtocol) {
        let digits = text.utf8.filter { $0 != UInt8(ascii: "-") }
        let dashes = text.utf8.count - digits.count
        guard digits.count == 8, dashes == 0 || (dashes == 2 && text.utf8.count == 10),
              digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        if dashes == 2 {
            let bytes = Array(text.utf8)
            guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        }
        func number(_ range: Range<Int>) -> Int {
            range.reduce(0) { $0 * 10 + Int(digits[$1] - 0x30) }
        }
        let year = number(0..<4), month = number(4..<6), day = number(6..<8)
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else {
            return nil
        }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `YYYY-MM`: the month of the date, as messages name a panel's month.
    public var monthDescription: String { String(description.prefix(7)) }

    /// `YYYYMMDD` as an integer, handy for sorting and CRSP comparisons.
    public var yyyymmdd: Int { year * 10_000 + month * 100 + day }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.yyyymmdd < rhs.yyyymmdd }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The last day of this date's month.
    public var endOfMonth: CalendarDate {
        CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
    }

    /// The date `dayNumber` days after 1970-01-01 (Howard Hinnant's civil_from_days).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for differences between dates.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Whole months from `self` to `other` counting calendar months only (2024-06 → 2025-06 is 12).
    public func months(to other: CalendarDate) -> Int {
        (other.year - year) * 12 + (other.month - month)
    }

    /// The same day-of-month clamped, `count` months later (negative for earlier).
    public func adding(months count: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + count
        let newYear = total >= 0 ? total / 12 : (total - 11) / 12
        let newMonth = total - newYear * 12 + 1
        return CalendarDate(year: newYear, month: newMonth,
                            day: min(day, CalendarDate.daysIn(month: newMonth, year: newYear)))
    }
}

/// Identifies one reconstitution: the June run of a year, or (from 2026) the December run.
public struct RunID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    /// 6 for June, 12 for December.
    public var month: Int

    public init(year: Int, month: Int = 6) {
        self.year = year
        self.month = month
    }

    /// Parses `2024`, `2024-06` or `2026-12`: four digits, then a dash and two digits, nothing
    /// else (`Int("+123")` is 123, so `+123-06` once read as the year 123).
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        func digits(_ part: Substring, count: Int) -> Int? {
            guard part.utf8.count == count, part.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return Int(part)
        }
        guard let year = digits(parts[0], count: 4) else { return nil }
        if parts.count == 1 {
            self.init(year: year)
        } else if parts.count == 2, let month = digits(parts[1], count: 2), month == 6 || month == 12 {
            self.init(year: year, month: month)
        } else {
            return nil
        }
    }

    /// `2024-06`.
    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    public static func < (lhs: RunID, rhs: RunID) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}
