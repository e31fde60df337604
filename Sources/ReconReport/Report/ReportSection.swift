/// A titled part of a report, such as "Cap distribution around the cuts".
public struct ReportSection: Sendable, Hashable {
    /// The anchor of the section on the HTML page (`flow` → `#flow`): ASCII letters, digits and `-`.
    public var id: String
    /// The section heading.
    public var title: String
    /// The content, in order.
    public var blocks: [ReportBlock]

    public init(id: String, title: String, blocks: [ReportBlock]) {
        self.id = id
        self.title = title
        self.blocks = blocks
    }
}
