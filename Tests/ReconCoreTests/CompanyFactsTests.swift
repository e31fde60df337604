import XCTest
@testable import ReconCore

/// Facts by key and date: a row applies from its start to its end (inclusive, open when absent),
/// and rows of one key may not overlap.
final class CompanyFactsTests: XCTestCase {
    private func date(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    private func row(_ key: String, _ start: String?, _ end: String?, line: Int) -> CompanyFacts.Row {
        CompanyFacts.Row(key: key, start: start.map(date), end: end.map(date), votingFraction: 0.5, line: line)
    }

    func testTheRowInForceAtADate() throws {
        let facts = try CompanyFacts(file: "f.csv", keyKind: .permno, rows: [
            row("7", nil, "2019-12-31", line: 2), row("7", "2020-01-01", "2020-12-31", line: 3), row("8", "2021-06-01", nil, line: 4),
        ])
        XCTAssertEqual(facts.row(for: "7", at: date("1990-01-01")), 0)
        XCTAssertEqual(facts.row(for: "7", at: date("2019-12-31")), 0, "the end is inclusive")
        XCTAssertEqual(facts.row(for: "7", at: date("2020-01-01")), 1, "the start is inclusive")
        XCTAssertNil(facts.row(for: "7", at: date("2021-01-01")))
        XCTAssertNil(facts.row(for: "8", at: date("2021-05-31")))
        XCTAssertEqual(facts.row(for: "8", at: date("2099-01-01")), 2)
        XCTAssertNil(facts.row(for: "9", at: date("2020-06-01")))
        XCTAssertEqual(facts.rowsInForce(at: date("2020-06-30")), [1])
        XCTAssertEqual(facts.rowsInForce(at: date("2021-06-30")), [2])
    }

    func testOverlappingRowsOfOneKeyAreRefusedNamingBoth() {
        let cases: [([CompanyFacts.Row], CompanyFacts.Overlap)] = [
            ([row("7", nil, nil, line: 2), row("7", "2020-01-01", nil, line: 3)], .init(first: 0, second: 1)),
            ([row("7", "2019-01-01", "2020-01-01", line: 2), row("8", nil, nil, line: 3), row("7", "2020-01-01", nil, line: 4)],
             .init(first: 0, second: 2)),
            ([row("7", "2020-01-01", "2020-12-31", line: 2), row("7", nil, "2020-06-30", line: 3)], .init(first: 0, second: 1)),
        ]
        for (rows, overlap) in cases {
            XCTAssertThrowsError(try CompanyFacts(file: "f.csv", keyKind: .permno, rows: rows)) { error in
                XCTAssertEqual(error as? CompanyFacts.Overlap, overlap)
            }
        }
        XCTAssertNoThrow(try CompanyFacts(file: "f.csv", keyKind: .ticker, rows: [row("AAA", nil, nil, line: 2), row("BBB", nil, nil, line: 3)]))
    }
}
