import Foundation
import XCTest
@testable import ReconCLI
import ReconIO
import ReconFormats

/// `recon report` on the folder of one reconstitution.
final class ReportCommandTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = try ReportFixture.temporaryFolder("run")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    // MARK: - Files

    func testWritesReportMarkdownHTMLAndChartsIntoTheRunFolder() throws {
        try ReportFixture.writeRun(to: folder)
        let outcome = ReportRunner.run([folder, "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.error)
        for name in ["report.md", "report.html", "report-flow.svg", "report-caps-1000.svg", "report-caps-3000.svg"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/" + name), name)
        }
        XCTAssertTrue(outcome.out.contains("wrote \(folder)/report.html"), outcome.out)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [], "temporary files were left behind")
    }

    func testTheSameFolderGivesTheSameBytesHoweverItIsNamed() throws {
        try ReportFixture.writeRun(to: folder)
        func files() throws -> [String: Data] {
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasPrefix("report") {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            }
            return files
        }
        XCTAssertEqual(ReportRunner.run([folder, "--quiet"]).status, 0)
        let first = try files()
        XCTAssertEqual(ReportRunner.run([folder + "/", "--quiet"]).status, 0)
        let second = try files()
        XCTAssertEqual(first.keys.sorted(), second.keys.sorted())
        for (name, data) in first { XCTAssertEqual(data, second[name], "\(name) differs between two runs") }
    }

    // MARK: - Numbers are the files' numbers

    func testHeadlineNumbersAreTheSummaryAndDragNumbers() throws {
        try ReportFixture.writeRun(to: folder)
        XCTAssertEqual(ReportRunner.run([folder, "--quiet"]).status, 0)
        let page = try ReportPage.read(folder)
        let summary = try json("summary.json"), drag = try json("drag.json")

        let r2000 = try XCTUnwrap(number(summary, "counts", "R2000", "companies"))
        XCTAssertEqual(page.metric("Russell 2000")?.value, grouped(Int(r2000)))
        let breakpoint = try XCTUnwrap(number(summary, "breakpoints", "cap_1000"))
        XCTAssertEqual(page.metric("Breakpoint #1,000")?.value, billions(breakpoint))
        let low = try XCTUnwrap(number(summary, "breakpoints", "band_cap_low"))
        let high = try XCTUnwrap(number(summary, "breakpoints", "band_cap_high"))
        XCTAssertEqual(page.metric("Band at #1,000")?.value, billions(low) + "–" + billions(high))
        let gap = try XCTUnwrap(number(drag, "cap", "gap"))
        XCTAssertEqual(page.metric("Russell 2000 drag")?.value, String(format: "%+.2f%%", gap * 100))
        let equalGap = try XCTUnwrap(number(drag, "equal", "gap"))
        XCTAssertTrue(page.metric("Russell 2000 drag")?.detail.contains(String(format: "%+.2f%%", equalGap * 100)) ?? false)
        let turnover = try XCTUnwrap(number(summary, "turnover", "R2000", "name"))
        XCTAssertEqual(page.metric("Russell 2000 turnover")?.value, String(format: "%.1f%%", turnover * 100))
    }

    func testMarkdownShowsTheSameNumbersAsTheHTML() throws {
        try ReportFixture.writeRun(to: folder)
        XCTAssertEqual(ReportRunner.run([folder, "--quiet"]).status, 0)
        let markdown = try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
        let summary = try json("summary.json"), drag = try json("drag.json")
        let r2000 = grouped(Int(try XCTUnwrap(number(summary, "counts", "R2000", "companies"))))
        XCTAssertTrue(markdown.contains("| Russell 2000 | \(r2000) |"), "R2000 count \(r2000)")
        let breakpoint = billions(try XCTUnwrap(number(summary, "breakpoints", "cap_1000")))
        XCTAssertTrue(markdown.contains("| Breakpoint #1,000 | \(breakpoint) |"), "breakpoint \(breakpoint)")
        let gap = String(format: "%+.2f%%", try XCTUnwrap(number(drag, "cap", "gap")) * 100)
        XCTAssertTrue(markdown.contains("| Cap-weighted | "), "drag table")
        XCTAssertTrue(markdown.contains(" | \(gap) | "), "gap \(gap)")
        let page = try ReportPage.read(folder)
        for caption in ["Members per index", "Turnover", "Companies by change"] {
            for row in try XCTUnwrap(page.table(caption), caption) {
                XCTAssertTrue(markdown.contains("| " + row.joined(separator: " | ") + " |"), "\(caption): \(row)")
            }
        }
    }

    func testFlowTableAddsUpToTheSummaryCounts() throws {
        try ReportFixture.writeRun(to: folder)
        XCTAssertEqual(ReportRunner.run([folder, "--quiet"]).status, 0)
        let rows = try XCTUnwrap(try ReportPage.read(folder).table("Companies by index before and after"))
        let summary = try json("summary.json")
        for (group, key) in [("Russell 1000", "R1000"), ("Russell 2000", "R2000")] {
            let after = rows.filter { $0[1] == group }.compactMap { Int($0[2].replacingOccurrences(of: ",", with: "")) }
            XCTAssertEqual(after.reduce(0, +), Int(try XCTUnwrap(number(summary, "counts", key, "companies"))), group)
            let before = rows.filter { $0[0] == group }.compactMap { Int($0[2].replacingOccurrences(of: ",", with: "")) }
            XCTAssertEqual(before.reduce(0, +), Int(try XCTUnwrap(number(summary, "prior_counts", key, "companies"))), group)
        }
    }

    func testLargestUpwardMigrantIsTheLargestInMembership() throws {
        try ReportFixture.writeRun(to: folder)
        XCTAssertEqual(ReportRunner.run([folder, "--quiet"]).status, 0)
        let upward = try MembershipFile.read(path: folder + "/membership.csv").lines
            .filter { $0.change == "upward" }.sorted { $0.totalMarketCap! > $1.totalMarketCap! }
        let rows = try XCTUnwrap(try ReportPage.read(folder).table("Largest upward migrants (Russell 2000 → 1000)"))
        XCTAssertEqual(rows.first?[0], upward.first?.symbol)
        XCTAssertEqual(rows.first?[3], billions(upward.first!.totalMarketCap!))
        XCTAssertEqual(rows.count, min(10, upward.count))
    }

    func testCompanyNamesAreEscapedNotInterpreted() throws {
        try ReportFixture.writeRun(to: folder)
        XCTAssertEqual(ReportRunner.run([folder, "--quiet"]).status, 0)
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        XCTAssertFalse(html.contains("<Brands>"))
        XCTAssertNoThrow(try ReportPage.parse(html))
    }

    // MARK: - Missing optional files

    func testWithoutDragAndMigrationTheReportSaysSo() throws {
        try ReportFixture.writeRun(to: folder, drag: false, migration: false)
        let outcome = ReportRunner.run([folder, "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.error)
        let page = try ReportPage.read(folder)
        XCTAssertNil(page.metric("Russell 2000 drag"))
        XCTAssertTrue(page.notices.contains { $0.hasPrefix("No drag.json.") }, "\(page.notices)")
        XCTAssertTrue(page.notices.contains { $0.hasPrefix("No migration.csv.") }, "\(page.notices)")
        XCTAssertNotNil(page.metric("Russell 2000"))
        let markdown = try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
        XCTAssertTrue(markdown.contains("> **No drag.json.**"))
    }

    func testWithoutMembershipTheChartsAreLeftOutWithANote() throws {
        try ReportFixture.writeRun(to: folder)
        try FileManager.default.removeItem(atPath: folder + "/membership.csv")
        XCTAssertEqual(ReportRunner.run([folder, "--quiet"]).status, 0)
        let page = try ReportPage.read(folder)
        XCTAssertEqual(page.root.elements("svg").count, 0)
        XCTAssertEqual(page.notices.filter { $0.hasPrefix("No membership.csv.") }.count, 3, "\(page.notices)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/report-flow.svg"))
    }

    func testChartsOfAnEarlierReportThatAreNoLongerDrawnAreRemoved() throws {
        try ReportFixture.writeRun(to: folder)
        try ReportFixture.write("<svg/>", to: folder, "unrelated.svg")
        XCTAssertEqual(ReportRunner.run([folder, "--quiet"]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/report-flow.svg"))
        try FileManager.default.removeItem(atPath: folder + "/membership.csv")
        XCTAssertEqual(ReportRunner.run([folder, "--quiet"]).status, 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".svg") }
        XCTAssertEqual(left, ["unrelated.svg"])
    }

    func testSyntheticNoticeOnlyWhenTheSummarySaysSo() throws {
        try ReportFixture.writeRun(to: folder, synthetic: true)
        XCTAssertEqual(ReportRunner.run([folder, "--quiet"]).status, 0)
        XCTAssertEqual(try ReportPage.read(folder).root.elements("div", class: "synthetic").count, 1)
        XCTAssertTrue(try String(contentsOfFile: folder + "/report.md", encoding: .utf8).contains("**Synthetic data.**"))

        try ReportFixture.writeRun(to: folder, synthetic: false)
        XCTAssertEqual(ReportRunner.run([folder, "--quiet"]).status, 0)
        XCTAssertEqual(try ReportPage.read(folder).root.elements("div", class: "synthetic").count, 0)
        XCTAssertFalse(try String(contentsOfFile: folder + "/report.md", encoding: .utf8).contains("Synthetic data"))
    }

    // MARK: - Validation beside the run

    /// The files `recon validate` writes beside a run are shown as written: the scores to three
    /// decimals, the categories counted, both files named in the footer; without them, no section.
    func testValidationFilesBesideTheRunAreReported() throws {
        try ReportFixture.writeRun(to: folder)
        XCTAssertEqual(ReportRunner.run([folder, "--quiet"]).status, 0)
        XCTAssertNil(try ReportPage.read(folder).table("Scores"), "no validation files, no section")

        try ReportFixture.write("""
            set,precision,recall,f1,hits,false_hits,misses,weight_overlap
            additions,0.6732,0.7500,0.7096,171,83,57,
            r2000,0.9268,0.9499,0.9382,1860,147,98,0.7961

            """, to: folder, "validation-scores.csv")
        try ReportFixture.write("set,kind,category,count\nadditions,miss,country,38\nr2000,false_hit,near_3000,28\n"
                                + "r2000,left_out,added_after_run,15\n",
                                to: folder, "validation-categories.csv")
        let outcome = ReportRunner.run([folder, "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.error)
        let page = try ReportPage.read(folder)
        XCTAssertEqual(page.table("Scores"), [
            ["Additions", "0.673", "0.750", "0.710", "171", "83", "57", "–"],
            ["Russell 2000", "0.927", "0.950", "0.938", "1,860", "147", "98", "0.796"],
        ])
        XCTAssertEqual(page.table("Misses and false hits by category"), [
            ["Additions", "missed", "country", "38"],
            ["Russell 2000", "false hit", "near_3000", "28"],
            ["Russell 2000", "left out", "added_after_run", "15"],
        ])
        let markdown = try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
        XCTAssertTrue(markdown.contains("## Against the published lists"), markdown)
        XCTAssertTrue(markdown.contains("| Russell 2000 | 0.927 | 0.950 | 0.938 | 1,860 | 147 | 98 | 0.796 |"), markdown)
        XCTAssertTrue(markdown.contains("validation-scores.csv, validation-categories.csv. Numbers are those of the files."), markdown)
    }

    /// End to end: what `recon validate` writes is what the report reads.
    func testTheReportReadsWhatValidateWrites() throws {
        try ReportFixture.writeRun(to: folder)
        let members = try MembershipFile.read(path: folder + "/membership.csv")
        let additions = members.predictedAdditions
        XCTAssertGreaterThan(additions.count, 2)
        // Two of the predicted additions and one ticker the run does not predict.
        try ReportFixture.write("symbol\n\(additions[0])\n\(additions[1])\nNOTAMEMBER\n", to: folder, "additions.csv")
        let validate = CommandRun(["validate", "--membership", folder + "/membership.csv", "--additions", folder + "/additions.csv", "--quiet"])
        XCTAssertEqual(validate.status, 0, validate.error)
        XCTAssertEqual(ReportRunner.run([folder, "--quiet"]).status, 0)
        let row = try XCTUnwrap(ReportPage.read(folder).table("Scores")?.first)
        let precision = 2.0 / Double(additions.count)
        XCTAssertEqual(row, ["Additions", formatNumber(precision, decimals: 3), "0.667", formatNumber(2 * precision * (2.0 / 3) / (precision + 2.0 / 3), decimals: 3),
                             "2", String(additions.count - 2), "1", "–"])
    }

    func testAValidationScoreThatIsNotANumberNamesItsFileLineAndColumn() throws {
        try ReportFixture.writeRun(to: folder)
        try ReportFixture.write("set,precision,recall,f1\nadditions,0.5,0.5,high\n", to: folder, "validation-scores.csv")
        let outcome = ReportRunner.run([folder])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.error.contains("validation-scores.csv:2:4"), outcome.error)
        XCTAssertTrue(outcome.error.contains("high"), outcome.error)
    }

    // MARK: - Errors and help

    func testAFolderWithoutOutputsIsABadInput() throws {
        let outcome = ReportRunner.run([folder])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.error.contains("holds neither summary.json nor history.csv"), outcome.error)
        XCTAssertTrue(outcome.error.contains("help: "), outcome.error)
        XCTAssertEqual(ReportRunner.run([folder + "/missing"]).status, 1)
    }

    func testAValueOfTheWrongTypeNamesTheFileAndKey() throws {
        try ReportFixture.writeRun(to: folder)
        try ReportFixture.write(#"{"run": "2025-06", "counts": {"R2000": {"companies": "many"}}}"#, to: folder, "summary.json")
        let outcome = ReportRunner.run([folder])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.error.contains("summary.json: counts.R2000.companies: found a JSON string, expected a number"),
                      outcome.error)
        try ReportFixture.write(#"{"run": "2025-06", "warnings": ["fine", 3]}"#, to: folder, "summary.json")
        let warnings = ReportRunner.run([folder])
        XCTAssertTrue(warnings.error.contains("warnings: found a JSON array, expected an array of strings"), warnings.error)
        try ReportFixture.write(#"{"run": "2025-06", "synthetic": 1}"#, to: folder, "summary.json")
        XCTAssertTrue(ReportRunner.run([folder]).error.contains("synthetic: found a JSON number, expected true or false"))
    }

    func testAMinimalSummaryStillMakesAReport() throws {
        try ReportFixture.write(#"{"run": "1995-06", "synthetic": false, "breakpoints": {"band_cap_high": null}}"#,
                                to: folder, "summary.json")
        XCTAssertEqual(ReportRunner.run([folder, "--quiet"]).status, 0)
        let page = try ReportPage.read(folder)
        XCTAssertEqual(page.metric("Russell 2000")?.value, "–")
        XCTAssertEqual(page.metric("Band at #1,000")?.value, "none")
    }

    func testHelpShowsTheExamplesAndTheDeclarationIsSound() {
        let outcome = ReportRunner.run(["--help"])
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.out.contains("recon report out/2025"), outcome.out)
        XCTAssertTrue(outcome.out.contains("recon report out/replay"), outcome.out)
        let tool = CommandLineTool(name: "recon", abstract: "", version: "", commands: [ReportCommand.spec])
        XCTAssertEqual(tool.declarationProblems(), [])
    }

    // MARK: - Reading the fixture's files independently of the report

    private func json(_ name: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))) as? [String: Any])
    }

    private func number(_ object: [String: Any], _ path: String...) -> Double? {
        var value: Any = object
        for key in path {
            guard let next = (value as? [String: Any])?[key] else { return nil }
            value = next
        }
        return (value as? NSNumber)?.doubleValue
    }

    /// 1962 → "1,962", written without the report's formatter.
    private func grouped(_ value: Int) -> String {
        var digits = String(value), groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        return ([digits] + groups).joined(separator: ",")
    }

    /// 4466800000 → "$4.47B" (caps of the fixture between $1B and $10B).
    private func billions(_ value: Double) -> String {
        String(format: "$%.2fB", value / 1e9)
    }
}
