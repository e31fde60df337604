import XCTest
import ReconCore
@testable import ReconIO
@testable import ReconFormats

final class PriorMembershipBuilderTests: XCTestCase {
    private typealias Line = PriorMembershipBuilder.Line

    private func date(_ day: Int) -> CalendarDate { CalendarDate(year: 2025, month: 5, day: day) }

    func testRussell3000MinusRussell2000IsRussell1000() throws {
        var builder = PriorMembershipBuilder()
        builder.add(index: .r3000, file: "IWV.csv", asOf: date(2), lines: [
            Line(symbol: "AAPL", name: "APPLE", weight: 0.06), Line(symbol: "BRKB", name: "BERKSHIRE", weight: 0.02),
            Line(symbol: "SFM", name: "SPROUTS", weight: 0.001),
        ])
        builder.add(index: .r2000, file: "IWM.csv", asOf: date(13), lines: [
            Line(symbol: "SFM", name: "SPROUTS", weight: 0.0064), Line(symbol: "HIMS", name: "HIMS", weight: 0.005),
        ])
        let result = try builder.build()
        let membership = result.membership
        XCTAssertEqual(membership.entries.map(\.symbol), ["AAPL", "BRKB", "SFM", "HIMS"])
        XCTAssertEqual(membership.entries.map(\.tier), [.r1000, .r1000, .r2000, .r2000])
        XCTAssertEqual(membership.entry(symbol: "AAPL")?.weight ?? 0, 0.75, accuracy: 1e-12, "R3000 weights rescaled over the R1000 lines")
        XCTAssertEqual(membership.entry(symbol: "SFM")?.weight, 0.0064, "an R2000 line keeps its R2000 weight")
        XCTAssertNil(membership.entry(symbol: "AAPL")?.isMicrocap, "no Microcap file: unknown")
        XCTAssertEqual(result.asOf, date(13))
        XCTAssertEqual(result.sources.map(\.index), [.r3000, .r2000])
    }

    func testRussell1000FileSplitsRussell3000TheOtherWay() throws {
        var builder = PriorMembershipBuilder()
        builder.add(index: .r1000, file: "IWB.csv", asOf: nil, lines: [Line(symbol: "AAPL", name: "APPLE")])
        builder.add(index: .r3000, file: "IWV.csv", asOf: nil, lines: [Line(symbol: "AAPL", name: "APPLE"), Line(symbol: "SFM", name: "SPROUTS")])
        let membership = try builder.build().membership
        XCTAssertEqual(membership.entry(symbol: "AAPL")?.tier, .r1000)
        XCTAssertEqual(membership.entry(symbol: "SFM")?.tier, .r2000)
    }

    /// A prior that names one of the Russell 1000 and 2000 only leaves the other's members unknown:
    /// said, with the file to add; IWV with IWM (or IWB) names both.
    func testAnIndexNoFileNamesIsSaid() throws {
        func notes(_ indexes: [RussellIndex]) throws -> [String] {
            var builder = PriorMembershipBuilder()
            for index in indexes { builder.add(index: index, file: "\(index).csv", asOf: nil, lines: [Line(symbol: "SFM", name: "SPROUTS")]) }
            return try builder.build().notes.filter { $0.hasPrefix("no prior file") }
        }
        XCTAssertEqual(try notes([.r2000]), ["no prior file gives the Russell 1000 members: they read as non-members, so the band keeps "
                                             + "none of them and each counts as an addition; add --prior with an IWB or IWV holdings file"])
        XCTAssertEqual(try notes([.r1000, .microcap]), ["no prior file gives the Russell 2000 members: they read as non-members, so the "
                                                        + "band keeps none of them and each counts as an addition; add --prior with an IWM holdings file"])
        XCTAssertEqual(try notes([.r3000, .r2000]), [])
        XCTAssertEqual(try notes([.r3000, .r1000]), [])
        XCTAssertEqual(try notes([.r1000, .r2000]), [])
        XCTAssertEqual(try notes([]), [], "no prior at all is a first run, not a partial one")
    }

    func testMicrocap() throws {
        var builder = PriorMembershipBuilder()
        builder.add(index: .r2000, file: "IWM.csv", asOf: nil, lines: [Line(symbol: "SMALL", name: "SMALL"), Line(symbol: "MID", name: "MID")])
        builder.add(index: .microcap, file: "IWC.csv", asOf: nil, lines: [Line(symbol: "SMALL", name: "SMALL"), Line(symbol: "TINY", name: "TINY", weight: 0.01)])
        let membership = try builder.build().membership
        XCTAssertEqual(membership.entry(symbol: "SMALL")?.tier, .r2000)
        XCTAssertEqual(membership.entry(symbol: "SMALL")?.isMicrocap, true)
        XCTAssertEqual(membership.entry(symbol: "MID")?.isMicrocap, false)
        XCTAssertEqual(membership.entry(symbol: "TINY")?.tier, IndexTier.none)
        XCTAssertEqual(membership.entry(symbol: "TINY")?.isMicrocap, true)
        XCTAssertEqual(membership.entry(symbol: "TINY")?.weight, 0.01)
    }

    func testConflictGoesToTheLaterFile() throws {
        var builder = PriorMembershipBuilder()
        builder.add(index: .r2000, file: "IWM.csv", asOf: date(1), lines: [Line(symbol: "X", name: "X"), Line(symbol: "Y", name: "Y")])
        builder.add(index: .r1000, file: "IWB.csv", asOf: date(20), lines: [Line(symbol: "X", name: "X")])
        let result = try builder.build()
        XCTAssertEqual(result.membership.entry(symbol: "X")?.tier, .r1000)
        XCTAssertTrue(result.notes.contains { $0.hasPrefix("X: in both") }, "\(result.notes)")

        var undated = PriorMembershipBuilder()
        undated.add(index: .r1000, file: "IWB.csv", asOf: nil, lines: [Line(symbol: "X", name: "X")])
        undated.add(index: .r2000, file: "IWM.csv", asOf: nil, lines: [Line(symbol: "X", name: "X")])
        XCTAssertEqual(try undated.build().membership.entry(symbol: "X")?.tier, .r2000)
    }

    /// Of two dated Russell 2000 files, the later gives the members: C left the index between them
    /// (a takeover), so it is no member, nor Russell 1000 for being in the Russell 3000 file and
    /// not in the latest Russell 2000 file; D, in no Russell 2000 file, is Russell 1000.
    func testALaterFileOfTheSameIndexSupersedesAnEarlierOne() throws {
        var builder = PriorMembershipBuilder()
        let january = CalendarDate(year: 2026, month: 1, day: 21), may = CalendarDate(year: 2026, month: 5, day: 5)
        builder.add(index: .r2000, file: "data/IWM_2026-01-21.csv", asOf: january,
                    lines: ["A", "B", "C"].map { Line(symbol: $0, name: $0, weight: 0.3) })
        builder.add(index: .r2000, file: "IWM_2026-05-05.csv", asOf: may, lines: ["A", "B"].map { Line(symbol: $0, name: $0, weight: 0.5) })
        builder.add(index: .r3000, file: "IWV_2026-05-01.csv", asOf: CalendarDate(year: 2026, month: 5, day: 1),
                    lines: ["A", "B", "C", "D"].map { Line(symbol: $0, name: $0, weight: 0.25) })
        let result = try builder.build()
        XCTAssertEqual(result.membership.entries.map(\.symbol), ["A", "B", "D"])
        XCTAssertEqual(result.membership.entries.map(\.tier), [.r2000, .r2000, .r1000])
        XCTAssertEqual(result.membership.entry(symbol: "A")?.weight, 0.5, "the later file's weight")
        XCTAssertEqual(result.notes, [
            "IWM_2026-01-21.csv holds the Russell 2000 as of 2026-01-21, before IWM_2026-05-05.csv (2026-05-05): the prior Russell 2000 "
                + "is the later file's; 1 line only the earlier one holds left the index between the two dates and is not a prior member",
            "1 Russell 3000 line in no Russell 2000 file read as R1000",
        ])
    }

    /// Undated files, or files of one date, cannot be ordered: their lines are read together.
    func testFilesOfOneIndexWithoutOrderAreReadTogether() throws {
        for dates in [(nil, nil), (date(13), nil), (date(13), date(13))] as [(CalendarDate?, CalendarDate?)] {
            var builder = PriorMembershipBuilder()
            builder.add(index: .r2000, file: "a.csv", asOf: dates.0, lines: [Line(symbol: "A", name: "A")])
            builder.add(index: .r2000, file: "b.csv", asOf: dates.1, lines: [Line(symbol: "B", name: "B")])
            let result = try builder.build()
            XCTAssertEqual(result.membership.entries.map(\.symbol), ["A", "B"], "\(dates)")
            XCTAssertFalse(result.notes.contains { $0.contains("holds the") }, "\(result.notes)")
        }
    }

    /// An IWV file more than a month older than every IWM file is said: members that left the
    /// Russell 2000 since read as Russell 1000. Eleven days apart, as the 2025 files are, it is not.
    func testARussell3000FileAMonthOlderThanTheRussell2000FilesIsSaid() throws {
        func notes(_ iwv: CalendarDate) throws -> [String] {
            var builder = PriorMembershipBuilder()
            builder.add(index: .r3000, file: "IWV.csv", asOf: iwv, lines: [Line(symbol: "A", name: "A"), Line(symbol: "B", name: "B")])
            builder.add(index: .r2000, file: "IWM.csv", asOf: date(13), lines: [Line(symbol: "B", name: "B")])
            return try builder.build().notes.filter { $0.contains("holds the Russell 3000") }
        }
        XCTAssertEqual(try notes(date(2)), [])
        XCTAssertEqual(try notes(CalendarDate(year: 2025, month: 4, day: 12)), [])
        XCTAssertEqual(try notes(CalendarDate(year: 2025, month: 4, day: 11)), [
            "IWV.csv holds the Russell 3000 as of 2025-04-11, before every Russell 2000 file (the earliest of 2025-05-13): its companies that "
                + "left the Russell 2000 in between read as Russell 1000 members, and the Russell 1000's additions since (quarterly IPOs, spin-offs) as "
                + "non-members; add an IWM file dated on or before 2025-04-11 (its members "
                + "that the latest lacks are left out), or give an IWV file dated near 2025-05-13",
        ])
    }

    func testRussell3000AloneIsAnError() {
        var builder = PriorMembershipBuilder()
        builder.add(index: .r3000, file: "IWV.csv", asOf: nil, lines: [Line(symbol: "AAPL", name: "APPLE")])
        XCTAssertThrowsError(try builder.build()) { error in
            let error = error as! InputError
            XCTAssertEqual(error.file, "IWV.csv")
            XCTAssertTrue(error.help?.contains("R2000=FILE") ?? false)
        }
    }

    func testTickersAreNormalised() throws {
        var builder = PriorMembershipBuilder()
        builder.add(index: .r2000, file: "IWM.csv", asOf: nil, lines: [Line(symbol: "BRK.B", name: "B")])
        builder.add(index: .r3000, file: "IWV.csv", asOf: nil, lines: [Line(symbol: "BRKB", name: "B")])
        let membership = try builder.build().membership
        XCTAssertEqual(membership.entries.count, 1)
        XCTAssertEqual(membership.entry(symbol: "BRK/B")?.tier, .r2000)
    }
}
