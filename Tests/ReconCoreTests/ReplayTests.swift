import XCTest
@testable import ReconCore

final class ReplayTests: XCTestCase {
    /// Universes by date: 2020-05-31 has S1…S14; the company S3 is gone by 2020-08-31 and a new
    /// listing NEW (cap 1,050M, between the adjusted #4 and #10 cuts) appears; at 2021-05-31 all are present.

    private func small(_ year: Int) -> Rulebook {
        var rulebook = Rulebook(run: RunID(year: year), rankDay: CalendarDate(year: year, month: 5, day: 31),
                                effectiveDate: CalendarDate(year: year, month: 6, day: 26), band1000: nil, microcapBand: nil)
        rulebook.russell1000Count = 4
        rulebook.russell3000Count = 10
        rulebook.russell3000ECount = 12
        rulebook.microcapStartRank = 7
        return rulebook
    }

    private var history: SecurityHistory {
        let ladder = (0..<14).map { TestUniverse.security("S\($0 + 1)", cap: Double(14 - $0) * 100e6) }
        var new = TestUniverse.security("NEW", cap: 1_050e6)
        new.id = "90001"   // a PERMNO, say: the member added at the IPO window keeps it
        let later = ladder.filter { $0.symbol != "S3" } + [new]
        return SecurityHistory([
            (CalendarDate(year: 2020, month: 5, day: 31), ladder),
            (CalendarDate(year: 2020, month: 8, day: 31), later),
            (CalendarDate(year: 2021, month: 5, day: 31), later),
        ])
    }

    func testDeletionsAreNotReplacedAndIPOsJoinInTheirQuarter() {
        let windows: (Rulebook) -> [Replay.IPOWindow] = { rulebook in
            rulebook.run.year == 2020 ? [(CalendarDate(year: 2020, month: 8, day: 31), CalendarDate(year: 2020, month: 9, day: 18))] : []
        }
        let history = self.history
        let steps = Replay.run(rulebooks: [small(2020), small(2021)], history: history, ipoWindows: windows)
        XCTAssertEqual(steps.count, 2)
        XCTAssertEqual(steps[0].eventsBefore, [])
        let events = steps[1].eventsBefore
        let symbols = history.keys.symbols
        XCTAssertEqual(events.filter { $0.kind == .deletion }.map { symbols[Int($0.symbol)] }, ["S3"])
        XCTAssertEqual(events.filter { $0.kind == .ipoAddition }.map { symbols[Int($0.symbol)] }, ["NEW"])
        XCTAssertEqual(events.first { $0.kind == .ipoAddition }?.tier, .r2000, "1,050M < the #4 cap of 1,100M")
        // Ten members after June 2020, one deleted with no replacement, one IPO added: ten again.
        let prior = steps[1].prior
        XCTAssertEqual(prior.entries.count, 10)
        func entry(_ symbol: String) -> PriorMembership.Entry? { prior.entries.first { symbols[Int($0.symbol)] == symbol } }
        XCTAssertNil(entry("S3"))
        XCTAssertEqual(entry("NEW")?.tier, .r2000)
        XCTAssertEqual(entry("NEW")?.securityID, "90001", "an IPO addition keeps its line's id, for when it is gone by June")
        XCTAssertEqual(entry("S4")?.securityID, "S4", "a member carries its line's id from the run before")
    }

    func testNoIPOAdditionsWithoutTheirEra() {
        var first = small(2020)
        first.quarterlyIPOAdditions = false
        let steps = Replay.run(rulebooks: [first, small(2021)], history: history) { _ in
            [(CalendarDate(year: 2020, month: 8, day: 31), CalendarDate(year: 2020, month: 9, day: 18))]
        }
        XCTAssertEqual(steps[1].eventsBefore, [])
        XCTAssertEqual(steps[1].result.rows.first { $0.symbol == "NEW" }?.change, .addition, "joins at the next June instead")
    }

    func testEachRunStartsFromThePreviousResult() {
        let steps = Replay.run(rulebooks: [small(2020), small(2021)], history: history) { _ in [] }
        XCTAssertEqual(steps[1].prior.count(.r1000), steps[0].result.lines(in: .r1000).count)
        XCTAssertEqual(steps[1].result.rows.first { $0.symbol == "S3" }?.change, .deletion)
    }
}
