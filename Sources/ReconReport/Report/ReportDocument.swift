/// A report as content, before it is written as HTML or Markdown: a title, notices, headline
/// numbers and sections of tables and charts.
///
/// Both renderers read the same document, so the Markdown shows exactly the numbers and tables
/// of the HTML page.
///
///     let document = ReportDocument(
///         title: "Russell reconstitution 2025",
///         subtitle: "Rank day 2025-04-30 · effective 2025-06-27",
///         sections: [ReportSection(id: "counts", title: "Members", blocks: [.table(counts)])])
///     let html = HTMLReportRenderer().render(document)
public struct ReportDocument: Sendable, Hashable {
    /// The page title and top heading.
    public var title: String
    /// One line under the title (dates, source).
    public var subtitle: String?
    /// Notices shown above everything else, such as the synthetic-data warning.
    public var notices: [ReportNotice]
    /// The headline numbers, shown as a grid under the title.
    public var headline: [ReportMetric]
    /// The body, in order; each section gets an entry in the table of contents.
    public var sections: [ReportSection]
    /// The closing line: where the numbers come from.
    public var footer: String?

    public init(
        title: String, subtitle: String? = nil, notices: [ReportNotice] = [], headline: [ReportMetric] = [],
        sections: [ReportSection] = [], footer: String? = nil
    ) {
        self.title = title
        self.subtitle = subtitle
        self.notices = notices
        self.headline = headline
        self.sections = sections
        self.footer = footer
    }

    /// Every chart of the document, in order.
    public var charts: [ReportChart] {
        sections.flatMap(\.blocks).flatMap { block -> [ReportChart] in
            if case .charts(let charts) = block { return charts }
            return []
        }
    }
}
