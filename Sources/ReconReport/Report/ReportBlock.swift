/// One piece of a report section.
public enum ReportBlock: Sendable, Hashable {
    /// A paragraph of plain text.
    case paragraph(String)
    /// A highlighted note (a missing file, a caveat) or warning.
    case notice(ReportNotice)
    /// A grid of headline numbers.
    case metrics([ReportMetric])
    /// A table of numbers.
    case table(ReportTable)
    /// One chart, or several shown side by side where the page is wide enough.
    case charts([ReportChart])
    /// A bulleted list of plain-text items.
    case list([String])
}
