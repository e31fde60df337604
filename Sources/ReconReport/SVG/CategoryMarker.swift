/// A labelled vertical line between two categories of a bar chart, drawn just before
/// `category`: `CategoryMarker(before: "2007", label: "banding from 2007")`.
public struct CategoryMarker: Sendable, Hashable {
    /// The category the line precedes. A marker before a category the chart lacks is not drawn.
    public var category: String
    /// The text shown at the top of the line.
    public var label: String

    public init(before category: String, label: String) {
        self.category = category
        self.label = label
    }
}
