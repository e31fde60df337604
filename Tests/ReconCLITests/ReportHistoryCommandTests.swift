import Foundation
import XCTest
@testable import ReconCLI

/// `recon report` on the folder of a replay (it has history.csv).
final class ReportHistoryCommandTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = try ReportFixture.temporaryFolder("replay")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func report(variants: Bool = true) throws -> ReportPage {
        try ReportFixture.writeReplay(to: folder, variants: variants)
        let outcome = ReportRunner.run([folder, "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.error)
        return try ReportPage.read(folder)
    }

    func testWritesTheHistoryReportAndItsCharts() throws {
        let page = try report()
        for chart in ["turnover", "drag", "breakpoints", "growth", "variants"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: "\(folder)/report-\(chart).svg"), chart)
        }
        XCTAssertEqual(page.root.elements("h1").first?.text, "Russell reconstitutions 2000–2012")
        XCTAssertEqual(page.root.elements("div", class: "synthetic").count, 1)
    }

    func testBandingChangeIsMarkedBefore2007() throws {
        _ = try report()
        for chart in ["turnover", "drag", "breakpoints"] {
            let svg = try String(contentsOfFile: "\(folder)/report-\(chart).svg", encoding: .utf8)
            XCTAssertTrue(svg.contains(">banding from 2007<"), chart)
        }
    }

    func testPerRunTablesShowTheHistoryNumbers() throws {
        let page = try report()
        let rows = try XCTUnwrap(page.table("Changes, turnover and drag"))
        let history = try csv("history.csv")
        XCTAssertEqual(rows.count, history.count)
        for (row, line) in zip(rows, history) {
            XCTAssertEqual(row[0], line["run"])
            XCTAssertEqual(row[1], line["moved_up"])
            XCTAssertEqual(row[7], String(format: "%.1f%%", Double(line["turnover_names"]!)! * 100))
            let drag = line["drag_12m_cap"]!
            XCTAssertEqual(row[9], drag.isEmpty ? "–" : String(format: "%+.2f%%", Double(drag)! * 100))
        }
        let members = try XCTUnwrap(page.table("Members and breakpoints"))
        XCTAssertEqual(members.first?[3], history.first?["r2000_count"].map { Int($0)! }.map { String(format: "%d,%03d", $0 / 1000, $0 % 1000) })
        XCTAssertEqual(members.first?[8], "–", "no band before 2007")
    }

    func testGrowthOfOneDollarChainsTheRunsDragFiles() throws {
        let page = try report()
        var frozen = 1.0, reconstituted = 1.0, years = 0
        for year in ReportFixture.replayYears {
            let path = "\(folder)/\(year)-06/drag.json"
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let drag = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
            let cap = try XCTUnwrap(drag["cap"] as? [String: Any])
            frozen *= 1 + (cap["frozen_return"] as! NSNumber).doubleValue
            reconstituted *= 1 + (cap["reconstituted_return"] as! NSNumber).doubleValue
            years += 1
        }
        XCTAssertEqual(years, ReportFixture.replayYears.count - ReportFixture.replayYearsWithoutDrag.count)
        XCTAssertEqual(page.metric("$1 reconstituted")?.value, String(format: "$%.2f", reconstituted))
        XCTAssertEqual(page.metric("$1 reconstituted")?.detail, String(format: "frozen $%.2f", frozen))
        let rows = try XCTUnwrap(page.table("Chained 12-month returns (cap-weighted)"))
        XCTAssertEqual(rows.count, years)
        XCTAssertFalse(rows.contains { $0[0] == "2003-06" }, "a run without drag.json is skipped")
    }

    func testVariantMeansAreTheMeansOfVariantsCSV() throws {
        let page = try report()
        let lines = try csv("variants.csv").filter { $0["variant"] == "band=0" }
        let turnover = lines.map { Double($0["turnover_names"]!)! }
        let row = try XCTUnwrap(page.table("Means over each variant's runs")?.first { $0[0] == "band=0" })
        XCTAssertEqual(row[1], String(lines.count))
        XCTAssertEqual(row[4], String(format: "%.1f%%", turnover.reduce(0, +) / Double(turnover.count) * 100))
    }

    func testWithoutVariantsTheReportSaysSo() throws {
        let page = try report(variants: false)
        XCTAssertTrue(page.notices.contains { $0.hasPrefix("No variants.csv.") }, "\(page.notices)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(folder)/report-variants.svg"))
        XCTAssertNil(page.table("Means over each variant's runs"))
    }

    func testWithoutAnyDragTheGrowthIsLeftOutWithANote() throws {
        try ReportFixture.writeReplay(to: folder)
        for year in ReportFixture.replayYears { try? FileManager.default.removeItem(atPath: "\(folder)/\(year)-06/drag.json") }
        XCTAssertEqual(ReportRunner.run([folder, "--quiet"]).status, 0)
        let page = try ReportPage.read(folder)
        XCTAssertNil(page.metric("$1 reconstituted"))
        XCTAssertTrue(page.notices.contains { $0.hasPrefix("No drag.json in the run folders.") }, "\(page.notices)")
    }

    func testTheSameReplayGivesTheSameBytes() throws {
        _ = try report()
        let first = try Data(contentsOf: URL(fileURLWithPath: folder + "/report.html"))
        let firstMarkdown = try Data(contentsOf: URL(fileURLWithPath: folder + "/report.md"))
        XCTAssertEqual(ReportRunner.run([folder, "--quiet"]).status, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folder + "/report.html")), first)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folder + "/report.md")), firstMarkdown)
    }

    /// A small CSV of the fixture as dictionaries (no quoted fields in these files).
    private func csv(_ name: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: folder + "/" + name, encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
    }
}
