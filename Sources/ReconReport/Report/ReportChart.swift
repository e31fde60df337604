/// A chart of a report: the SVG kit's markup with the names it is known by.
///
/// The HTML page inlines ``markup``; the Markdown links to the same markup saved beside it as
/// ``fileName``.
public struct ReportChart: Sendable, Hashable {
    /// Unique on the page; also the SVG's `id`.
    public var id: String
    /// The title, used as the Markdown image's alternative text.
    public var title: String
    /// A sentence under the chart saying how to read it; `nil` for none.
    public var caption: String?
    /// One `<svg>` element, as ``SVGChart/svg(id:theme:)`` writes it.
    public var markup: String

    /// Draws `chart` with the standard theme.
    public init(id: String, title: String, chart: some SVGChart, caption: String? = nil, theme: ChartTheme = .standard) {
        self.id = id
        self.title = title
        self.caption = caption
        markup = chart.svg(id: id, theme: theme)
    }

    /// The file the Markdown links to: `report-<id>.svg`.
    public var fileName: String { "report-\(id).svg" }
}
