import Foundation
import XCTest
@testable import ReconReport

/// The HTML and Markdown renderers: same content, escaped, aligned, self-contained, deterministic.
final class ReportRendererTests: XCTestCase {
    private let hostile = #"A&B <Co> "quoted" 'single' | *star* _under_ [link](x) \#u{7}"#

    private var document: ReportDocument {
        var table = ReportTable(caption: "Members", columns: [.text("Index"), .number("Companies")], note: "Lines.")
        table.append(["Russell 2000", "1,962"])
        table.append([hostile])
        return ReportDocument(
            title: "Report \(hostile)", subtitle: "Rank day 2025-04-30",
            notices: [ReportNotice(kind: .synthetic, title: "Synthetic data.", text: "Not real.")],
            headline: [ReportMetric(label: "Russell 2000", value: "1,962", detail: "prior 2,009")],
            sections: [
                ReportSection(id: "members", title: "Members", blocks: [.table(table), .paragraph(hostile), .list(["one", hostile])]),
                ReportSection(id: "flow chart!", title: "Flow", blocks: [.charts([ReportChart(
                    id: "flow", title: "Flow", chart: FlowChart(title: "Flow", flows: [.init(from: "A", to: "B", count: 3)]),
                    caption: "Ribbons.")])]),
            ],
            footer: "Written by recon report.")
    }

    func testHTMLIsWellFormedAndEscapesText() throws {
        let html = HTMLReportRenderer().render(document)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n"))
        let root = try SVGTestXML.parse(String(html.dropFirst("<!DOCTYPE html>\n".count)))
        XCTAssertEqual(root.name, "html")
        XCTAssertFalse(html.contains("<Co>"))
        XCTAssertFalse(html.contains("\u{7}"))
        XCTAssertTrue(html.contains("A&amp;B &lt;Co&gt; &quot;quoted&quot; &apos;single&apos;"))
    }

    func testHTMLAlignsNumberColumnsRightAndHasAHeadlineGrid() throws {
        let root = try SVGTestXML.parse(String(HTMLReportRenderer().render(document).dropFirst("<!DOCTYPE html>\n".count)))
        let headings = root.all("th")
        XCTAssertEqual(headings.map { $0.attributes["class"] }, [nil, "num"])
        XCTAssertEqual(root.all("td").filter { $0.attributes["class"] == "num" }.map(\.text), ["1,962", ""])
        XCTAssertEqual(root.all("div", class: "metric").count, 1)
        XCTAssertEqual(root.all("div", class: "notice synthetic").count, 1)
    }

    func testHTMLLinksOnlyToItsOwnSectionsAndFetchesNothing() throws {
        let html = HTMLReportRenderer().render(document)
        let root = try SVGTestXML.parse(String(html.dropFirst("<!DOCTYPE html>\n".count)))
        let ids = Set(root.descendantsAndSelf.compactMap { $0.attributes["id"] })
        let hrefs = root.descendantsAndSelf.compactMap { $0.attributes["href"] }
        XCTAssertEqual(hrefs, ["#members", "#flow-chart-"])
        for href in hrefs { XCTAssertTrue(ids.contains(String(href.dropFirst())), href) }
        let outside = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        for forbidden in ["http", "src=", "<script", "<link", "url(", "@import"] {
            XCTAssertFalse(outside.contains(forbidden), forbidden)
        }
    }

    func testMarkdownMirrorsTheTablesAndLinksTheCharts() {
        let markdown = MarkdownReportRenderer().render(document)
        XCTAssertTrue(markdown.contains("| Index | Companies |\n| :--- | ---: |\n| Russell 2000 | 1,962 |\n"), markdown)
        XCTAssertTrue(markdown.contains("| Russell 2000 | 1,962 | prior 2,009 |"), "headline numbers as a table")
        XCTAssertTrue(markdown.contains("![Flow](report-flow.svg)\n\n_Ribbons._"))
        XCTAssertTrue(markdown.contains("> ⚠ **Synthetic data.** Not real."))
        XCTAssertTrue(markdown.hasSuffix("Written by recon report.\n"))
    }

    func testMarkdownEscapesWhatWouldBreakATableOrALink() {
        let escaped = MarkdownReportRenderer.inline(hostile)
        XCTAssertEqual(escaped, #"A&B \<Co\> "quoted" 'single' \| \*star\* \_under\_ \[link\](x) "#)
        XCTAssertEqual(MarkdownReportRenderer.inline("#1 fall_out_microcap\nnext"), ##"\#1 fall_out_microcap next"##)
        let markdown = MarkdownReportRenderer().render(document)
        let row = markdown.split(separator: "\n").first { $0.hasPrefix("| A&B") }
        let separators = row.map { Array($0) }.map { characters in
            characters.indices.filter { characters[$0] == "|" && ($0 == 0 || characters[$0 - 1] != "\\") }.count
        }
        XCTAssertEqual(separators, 3, "an escaped pipe does not add a column")
    }

    func testRenderedReportHoldsTheMarkdownTheHTMLAndEachChart() {
        let report = RenderedReport(document)
        XCTAssertEqual(report.files.map(\.name), ["report.md", "report.html", "report-flow.svg"])
        XCTAssertEqual(report.contents(of: "report-flow.svg"), document.charts[0].markup)
        XCTAssertTrue(report.contents(of: "report.html")!.contains(document.charts[0].markup))
    }

    func testTheSameDocumentGivesTheSameBytes() {
        XCTAssertEqual(RenderedReport(document), RenderedReport(document))
        XCTAssertEqual(HTMLReportRenderer().render(document), HTMLReportRenderer().render(document))
    }

    func testShortRowsArePaddedAndLongRowsCut() {
        let table = ReportTable(columns: [.text("A"), .number("B")])
        XCTAssertEqual(table.cells(of: ["x"]), ["x", ""])
        XCTAssertEqual(table.cells(of: ["x", "y", "z"]), ["x", "y"])
    }
}
