/// Writes a ``ReportDocument`` as one self-contained HTML page: inline CSS and inline SVG, no
/// scripts, no fonts and nothing else to fetch, so the file opens from disk anywhere.
///
/// The markup is also well-formed XML (every element closed, all text escaped), so it can be
/// checked with an XML parser once the `<!DOCTYPE html>` line is removed. The same document
/// always gives the same bytes.
public struct HTMLReportRenderer: Sendable {
    /// The colours and fonts of the page; charts in the document carry their own.
    public var theme: ChartTheme

    public init(theme: ChartTheme = .standard) {
        self.theme = theme
    }

    /// The page.
    public func render(_ document: ReportDocument) -> String {
        var page = HTMLPage()
        page.line("<!DOCTYPE html>")
        page.line("<html lang=\"en\">")
        head(document, into: &page)
        page.line("<body>")
        page.line("<main>")
        header(document, into: &page)
        for notice in document.notices { self.notice(notice, into: &page) }
        if !document.headline.isEmpty {
            page.line("<section class=\"headline\" aria-label=\"Headline numbers\">")
            metrics(document.headline, into: &page)
            page.line("</section>")
        }
        contents(document.sections, into: &page)
        for section in document.sections { self.section(section, into: &page) }
        if let footer = document.footer {
            page.line("<footer>\(HTMLPage.text(footer))</footer>")
        }
        page.line("</main>")
        page.line("</body>")
        page.line("</html>")
        return page.markup
    }

    private func head(_ document: ReportDocument, into page: inout HTMLPage) {
        page.line("<head>")
        page.line("<meta charset=\"utf-8\"/>")
        page.line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        page.line("<title>\(HTMLPage.text(document.title))</title>")
        page.line("<style>")
        page.raw(ReportStyleSheet(theme: theme).css)
        page.line("</style>")
        page.line("</head>")
    }

    private func header(_ document: ReportDocument, into page: inout HTMLPage) {
        page.line("<header>")
        page.line("<h1>\(HTMLPage.text(document.title))</h1>")
        if let subtitle = document.subtitle {
            page.line("<p class=\"subtitle\">\(HTMLPage.text(subtitle))</p>")
        }
        page.line("</header>")
    }

    private func notice(_ notice: ReportNotice, into page: inout HTMLPage) {
        page.line("<div class=\"notice \(notice.kind.rawValue)\" role=\"note\"><strong>\(HTMLPage.text(notice.title))</strong> "
            + "\(HTMLPage.text(notice.text))</div>")
    }

    private func metrics(_ metrics: [ReportMetric], into page: inout HTMLPage) {
        page.line("<div class=\"metrics\">")
        for metric in metrics {
            var cell = "<div class=\"metric\"><div class=\"label\">\(HTMLPage.text(metric.label))</div>"
            cell += "<div class=\"value\">\(HTMLPage.text(metric.value))</div>"
            if let detail = metric.detail { cell += "<div class=\"detail\">\(HTMLPage.text(detail))</div>" }
            page.line(cell + "</div>")
        }
        page.line("</div>")
    }

    /// A table of contents, linking to the sections on the same page.
    private func contents(_ sections: [ReportSection], into page: inout HTMLPage) {
        guard sections.count > 1 else { return }
        page.line("<nav class=\"contents\" aria-label=\"Contents\"><ol>")
        for section in sections {
            page.line("<li><a href=\"#\(HTMLPage.anchor(section.id))\">\(HTMLPage.text(section.title))</a></li>")
        }
        page.line("</ol></nav>")
    }

    private func section(_ section: ReportSection, into page: inout HTMLPage) {
        page.line("<section id=\"\(HTMLPage.anchor(section.id))\">")
        page.line("<h2>\(HTMLPage.text(section.title))</h2>")
        for block in section.blocks { self.block(block, into: &page) }
        page.line("</section>")
    }

    private func block(_ block: ReportBlock, into page: inout HTMLPage) {
        switch block {
        case .paragraph(let text): page.line("<p>\(HTMLPage.text(text))</p>")
        case .notice(let notice): self.notice(notice, into: &page)
        case .metrics(let metrics): self.metrics(metrics, into: &page)
        case .table(let table): self.table(table, into: &page)
        case .charts(let charts): self.charts(charts, into: &page)
        case .list(let items):
            page.line("<ul>")
            for item in items { page.line("<li>\(HTMLPage.text(item))</li>") }
            page.line("</ul>")
        }
    }

    private func table(_ table: ReportTable, into page: inout HTMLPage) {
        page.line("<div class=\"table\">")
        page.line(table.columns.count <= 3 ? "<table class=\"narrow\">" : "<table>")
        if let caption = table.caption { page.line("<caption>\(HTMLPage.text(caption))</caption>") }
        let headings = table.columns.map { column in
            "<th scope=\"col\"\(alignment(column))>\(HTMLPage.text(column.title))</th>"
        }
        page.line("<thead><tr>\(headings.joined())</tr></thead>")
        page.line("<tbody>")
        for row in table.rows {
            let cells = zip(table.columns, table.cells(of: row)).map { column, cell in
                "<td\(alignment(column))>\(HTMLPage.text(cell))</td>"
            }
            page.line("<tr>\(cells.joined())</tr>")
        }
        page.line("</tbody>")
        page.line("</table>")
        if let note = table.note { page.line("<p class=\"table-note\">\(HTMLPage.text(note))</p>") }
        page.line("</div>")
    }

    private func alignment(_ column: ReportTable.Column) -> String {
        column.alignment == .right ? " class=\"num\"" : ""
    }

    private func charts(_ charts: [ReportChart], into page: inout HTMLPage) {
        page.line(charts.count > 1 ? "<div class=\"charts\">" : "<div class=\"charts single\">")
        for chart in charts {
            page.line("<figure>")
            page.raw(chart.markup.hasSuffix("\n") ? chart.markup : chart.markup + "\n")
            if let caption = chart.caption { page.line("<figcaption>\(HTMLPage.text(caption))</figcaption>") }
            page.line("</figure>")
        }
        page.line("</div>")
    }
}
