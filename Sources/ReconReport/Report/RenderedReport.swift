/// A report as the files to write into its folder: `report.md`, `report.html` and one SVG per
/// chart (the Markdown's images), each with its complete contents.
///
///     let files = RenderedReport(document).files   // write each with ReportFile.name
public struct RenderedReport: Sendable, Hashable {
    /// The Markdown file's name.
    public static let markdownName = "report.md"
    /// The HTML file's name.
    public static let htmlName = "report.html"

    /// The files, Markdown first, then HTML, then the charts in page order.
    public var files: [ReportFile]

    /// Renders `document` with both renderers.
    public init(_ document: ReportDocument, theme: ChartTheme = .standard) {
        files = [
            ReportFile(name: Self.markdownName, contents: MarkdownReportRenderer().render(document)),
            ReportFile(name: Self.htmlName, contents: HTMLReportRenderer(theme: theme).render(document)),
        ]
        files += document.charts.map { ReportFile(name: $0.fileName, contents: $0.markup) }
    }

    /// The contents of the file called `name`, if the report has one.
    public func contents(of name: String) -> String? {
        files.first { $0.name == name }?.contents
    }
}
