import Foundation
import XCTest
@testable import ReconEngine
import ReconCore
import ReconCRSP
import ReconFormats
import ReconSynthetic

/// A replay of a small synthetic market (a fifth of the embedded one, so every count is scaled by
/// 0.2: Russell 1000 = 200, Russell 3000 = 600) through the real calendar and eras, 1999–2012.
final class ReplayInvariantTests: XCTestCase {
    nonisolated(unsafe) static var cached: (steps: [ReplayStep], table: RulebookTable)?

    private func replay() throws -> (steps: [ReplayStep], table: RulebookTable) {
        if let cached = Self.cached { return cached }
        let folder = try TestPaths.temporaryFolder()
        let path = folder + "/market.csv"
        _ = try SyntheticMarket.write(to: path, configuration: .init(firstYear: 1998, lastYear: 2012, firms: 5_000, seed: 7))
        let panel = try CRSPPanel.load(path: path)
        let table = try RulebookLoader.load(directory: TestPaths.packageRoot + "/Data")
        let rulebooks = try table.runs(from: 1999, to: 2012).map { run -> Rulebook in
            var rulebook = try table.rulebook(for: run)
            rulebook.russell1000Count = 200
            rulebook.russell3000Count = 600
            rulebook.microcapStartRank = 400
            rulebook.russell3000ECount = 800
            return rulebook
        }
        let steps = Replay.run(rulebooks: rulebooks, history: panel, ipoWindows: { rulebook in
            table.quarterlyIPODates(after: rulebook.run).map { (rankDay: $0.rankDay, effectiveDate: $0.effectiveDate) }
        })
        Self.cached = (steps, table)
        return (steps, table)
    }

    func testNoCompanyIsInTwoIndexesAndTheRussell3000IsTheTop600() throws {
        for step in try replay().steps {
            var tierOf: [String: IndexTier] = [:]
            for row in step.result.rows where row.index.isInRussell3000 {
                if let tier = tierOf[row.companyKey] { XCTAssertEqual(tier, row.index, "\(step.result.rulebook.run) \(row.companyKey)") }
                tierOf[row.companyKey] = row.index
            }
            let russell3000 = step.result.companyCount(in: .r1000) + step.result.companyCount(in: .r2000)
            XCTAssertEqual(russell3000, 600, "\(step.result.rulebook.run)")
            XCTAssertTrue((380...420).contains(step.result.companyCount(in: .r2000)), "\(step.result.rulebook.run)")
        }
    }

    func testDeletionsBetweenRunsAreNeverReplaced() throws {
        let steps = try replay().steps
        for (previous, step) in zip(steps, steps.dropFirst()) {
            let members = Set(previous.result.rows.filter { $0.index.isInRussell3000 }.map(\.companyKey))
            let keys = step.universe.keys
            let added = Set(step.eventsBefore.filter { $0.kind == .ipoAddition }.map { keys.companyKeys[Int($0.company)] })
            XCTAssertTrue(added.isDisjoint(with: members), "IPO additions are new companies")
            // Replaying the events in order over the last membership gives the next prior exactly:
            // a deleted member is not replaced, and nothing joins but the IPOs.
            // (Events are per line: a company with two classes leaves in two events.)
            var expected = members
            var removed = Set<String>()
            for event in step.eventsBefore {
                switch event.kind {
                case .deletion:
                    let key = keys.companyKeys[Int(event.company)]
                    XCTAssertTrue(expected.contains(key) || removed.contains(key), "never a member")
                    expected.remove(key)
                    removed.insert(key)
                case .ipoAddition:
                    expected.insert(keys.companyKeys[Int(event.company)])
                }
            }
            XCTAssertEqual(Set(step.prior.entries.map { keys.companyKeys[Int($0.company)] }), expected, "\(step.result.rulebook.run)")
            XCTAssertEqual(step.result.rows.filter { $0.priorIndex.isInRussell3000 && $0.universeIndex != nil }.count
                           + step.result.rows.filter { $0.reason == "absent_from_universe" }.count,
                           step.prior.entries.count, "every prior line is accounted for")
        }
    }

    func testIPOAdditionsOnlyInTheirQuarters() throws {
        let (steps, table) = try replay()
        var sawAny = false
        for (previous, step) in zip(steps, steps.dropFirst()) {
            let dates = Set(table.quarterlyIPODates(after: previous.result.rulebook.run).map(\.rankDay))
            for event in step.eventsBefore where event.kind == .ipoAddition {
                sawAny = true
                XCTAssertTrue(dates.contains(event.date), "\(event.symbol) added at \(event.date)")
                XCTAssertGreaterThanOrEqual(event.date.year, 2004, "no quarterly IPO additions before Q3 2004")
            }
        }
        XCTAssertTrue(sawAny, "the market lists IPOs large enough to join between runs")
    }

    /// Chang, Hong & Liskovich: about 10%/6% of members switched each year before banding, 3%/2% after.
    func testSwitchesFallWhenBandingStarts() throws {
        let steps = try replay().steps.dropFirst()
        func switchRate(_ years: ClosedRange<Int>) -> Double {
            let chosen = steps.filter { years.contains($0.result.rulebook.run.year) }
            let moves = chosen.map { Double($0.result.companyCount(changed: .upward) + $0.result.companyCount(changed: .downward)) }
            return moves.reduce(0, +) / Double(chosen.count) / 600
        }
        let before = switchRate(2000...2006), after = switchRate(2007...2012)
        XCTAssertLessThan(after, before * 0.6, "before \(before), after \(after)")
    }
}
