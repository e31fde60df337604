/// A data point of a line or distribution chart.
public struct ChartPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Whether both coordinates are finite numbers (points that are not are skipped).
    public var isFinite: Bool { x.isFinite && y.isFinite }
}
