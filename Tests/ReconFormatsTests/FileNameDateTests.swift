import XCTest
import ReconCore
@testable import ReconFormats

final class FileNameDateTests: XCTestCase {
    func testDatesInNames() {
        XCTAssertEqual(FileNameDate.date(ofFile: "data/2025/nasdaq_screener_2025-05-23.csv"), CalendarDate(year: 2025, month: 5, day: 23))
        XCTAssertEqual(FileNameDate.date(ofFile: "screener_20250523.csv"), CalendarDate(year: 2025, month: 5, day: 23))
        // Nasdaq's download name: 1748034000000 ms = 2025-05-23 21:00 UTC.
        XCTAssertEqual(FileNameDate.date(ofFile: "nasdaq_screener_1748034000000.csv"), CalendarDate(year: 2025, month: 5, day: 23))
        XCTAssertNil(FileNameDate.date(ofFile: "screener.csv"))
        XCTAssertNil(FileNameDate.date(ofFile: "2025/screener-2025-13-01.csv"), "no month 13; the folder is not the name")
        XCTAssertNil(FileNameDate.date(ofFile: "x_0000000000123.csv"), "milliseconds before 2001 are not a download time")
    }

    func testDayNumbersRoundTrip() {
        for day in stride(from: -800_000, through: 800_000, by: 997) {
            XCTAssertEqual(CalendarDate(dayNumber: day).dayNumber, day)
        }
        XCTAssertEqual(CalendarDate(dayNumber: 0), CalendarDate(year: 1970, month: 1, day: 1))
        XCTAssertEqual(CalendarDate(dayNumber: 20_231), CalendarDate(year: 2025, month: 5, day: 23))
    }
}
