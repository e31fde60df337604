/// A labelled vertical line at an x value of a line or distribution chart, such as the cut at
/// rank 1,000 or the year banding began.
public struct VerticalMarker: Sendable, Hashable {
    /// Where the line goes, in data units of the x axis.
    public var x: Double
    /// The text shown at the top of the line.
    public var label: String

    public init(x: Double, label: String) {
        self.x = x
        self.label = label
    }
}
