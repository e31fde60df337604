/// A labelled shaded interval of the x axis, such as the ±2.5% band around the cut expressed
/// as ranks.
public struct ShadedRange: Sendable, Hashable {
    /// The interval, in data units of the x axis.
    public var x: ClosedRange<Double>
    /// The text shown at the top of the interval.
    public var label: String

    public init(x: ClosedRange<Double>, label: String) {
        self.x = x
        self.label = label
    }
}
