import Foundation
import XCTest
@testable import ReconEngine
import ReconCore
import ReconCRSP
import ReconFormats
import ReconSynthetic

/// The facts decorator of a panel's history: a replay through it sees the facts at every rank
/// day and every IPO window, and facts that name nothing leave every step as the panel gives it.
/// A small synthetic market (2,000 firms, 2003–2008; counts scaled by 0.1: Russell 3000 = 300).
final class FactsHistoryTests: XCTestCase {
    nonisolated(unsafe) static var cached: (history: PanelHistory, table: RulebookTable, rulebooks: [Rulebook])?

    private func market() throws -> (history: PanelHistory, table: RulebookTable, rulebooks: [Rulebook]) {
        if let cached = Self.cached { return cached }
        let path = try TestPaths.temporaryFolder() + "/market.csv"
        _ = try SyntheticMarket.write(to: path, configuration: .init(firstYear: 2002, lastYear: 2008, firms: 2_000, seed: 11))
        let table = try RulebookLoader.load(directory: TestPaths.packageRoot + "/Data")
        let rulebooks = try table.runs(from: 2003, to: 2008).map { run -> Rulebook in
            var rulebook = try table.rulebook(for: run)
            rulebook.russell1000Count = 100
            rulebook.russell3000Count = 300
            rulebook.microcapStartRank = 200
            rulebook.russell3000ECount = 400
            return rulebook
        }
        let made = (PanelHistory(panel: try CRSPPanel.load(path: path)), table, rulebooks)
        Self.cached = made
        return made
    }

    private func replay(_ history: any MarketHistory) throws -> [ReplayStep] {
        let (_, table, rulebooks) = try market()
        return Replay.run(rulebooks: rulebooks, history: history, ipoWindows: { rulebook in
            table.quarterlyIPODates(after: rulebook.run).map { (rankDay: $0.rankDay, effectiveDate: $0.effectiveDate) }
        })
    }

    private func facts(_ text: String) throws -> CompanyFacts {
        try CompanyFactsReader.read(bytes: Array(text.utf8), name: "facts.csv")
    }

    func testFactsThatNameNothingLeaveEveryStepAsThePanelGivesIt() throws {
        let history = try market().history
        let plain = try replay(history)
        let overlaid = try replay(FactsHistory(base: history, facts: try facts("permco,voting_fraction\n99999999,0.01\n")))
        XCTAssertEqual(plain.count, overlaid.count)
        for (a, b) in zip(plain, overlaid) {
            XCTAssertEqual(a.result.rows, b.result.rows, "\(a.result.rulebook.run)")
            XCTAssertEqual(a.eventsBefore, b.eventsBefore, "\(a.result.rulebook.run)")
        }
    }

    func testACompanyTheFactsPlaceAbroadIsNeitherRankedNorAddedAtAnIPOWindow() throws {
        let history = try market().history
        let plain = try replay(history)
        // A company the plain replay adds between runs (a quarterly IPO addition, from Q3 2004).
        let addition = try XCTUnwrap(plain.lazy.flatMap(\.eventsBefore).first { $0.kind == .ipoAddition })
        let permco = history.keys.companyKeys[Int(addition.company)]
        let facts = try facts("permco,incorporation_country,headquarters_country\n\(permco),CAN,CAN\n")
        let factsHistory = FactsHistory(base: history, facts: facts)
        let overlaid = try replay(factsHistory)
        XCTAssertFalse(overlaid.flatMap(\.eventsBefore).contains { $0.company == addition.company && $0.kind == .ipoAddition },
                       "the IPO window screens the facts' country")
        var ranked: [CalendarDate] = []
        for step in overlaid {
            for row in step.result.rows where row.companyKey == permco {
                XCTAssertEqual(row.reason, "country:hci_headquarters", "\(step.result.rulebook.run) \(row.symbol)")
                ranked.append(step.result.rulebook.rankDay)
            }
        }
        let rankDay = try XCTUnwrap(ranked.first, "the company is listed at a later rank day")
        XCTAssertEqual(factsHistory.report(at: rankDay, convention: .rulebook).matched, 1)
        XCTAssertGreaterThan(factsHistory.report(at: rankDay, convention: .rulebook).countryLines, 0)
    }
}
