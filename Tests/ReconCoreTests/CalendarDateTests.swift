import XCTest
@testable import ReconCore

final class CalendarDateTests: XCTestCase {
    func testParsesIsoAndCompactForms() {
        XCTAssertEqual(CalendarDate(parsing: "2024-04-30"), CalendarDate(year: 2024, month: 4, day: 30))
        XCTAssertEqual(CalendarDate(parsing: "20240430"), CalendarDate(year: 2024, month: 4, day: 30))
        XCTAssertNil(CalendarDate(parsing: "2024-02-30"))
        XCTAssertNil(CalendarDate(parsing: "2024/04/30"))
        XCTAssertNil(CalendarDate(parsing: "240430"))
        XCTAssertEqual(CalendarDate(parsing: "2024-02-29")?.description, "2024-02-29")
        XCTAssertEqual(CalendarDate(year: 2026, month: 4, day: 30).monthDescription, "2026-04")
        XCTAssertEqual(CalendarDate(year: 999, month: 12, day: 1).monthDescription, "0999-12")
    }

    func testDayNumbersAndMonthArithmetic() {
        XCTAssertEqual(CalendarDate(year: 1970, month: 1, day: 1).dayNumber, 0)
        XCTAssertEqual(CalendarDate(year: 2000, month: 3, day: 1).dayNumber - CalendarDate(year: 2000, month: 2, day: 28).dayNumber, 2)
        XCTAssertEqual(CalendarDate(year: 2024, month: 1, day: 31).adding(months: 1), CalendarDate(year: 2024, month: 2, day: 29))
        XCTAssertEqual(CalendarDate(year: 2024, month: 6, day: 28).months(to: CalendarDate(year: 2025, month: 6, day: 27)), 12)
    }

    func testRunIDParsing() {
        XCTAssertEqual(RunID(parsing: "2024"), RunID(year: 2024, month: 6))
        XCTAssertEqual(RunID(parsing: "2026-12")?.description, "2026-12")
        XCTAssertNil(RunID(parsing: "2026-07"))
        XCTAssertNil(RunID(parsing: "26"))
        // Int("+123") is 123: these once read as the years 123, 2024 and 2024.
        for text in ["+123-06", "+123", "2024-+6", "2024-6 ", " 2024", "２０２４", "2024-06-30"] {
            XCTAssertNil(RunID(parsing: text), text)
        }
    }
}
