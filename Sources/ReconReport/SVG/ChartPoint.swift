/// A data point of a line or distribution chart.
public struct ChartPoint: Sendable, Hashable {
    /// The horizontal coordinate, in data units.
    public var x: Double
    /// The vertical coordinate, in data units.
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Whether both coordinates are finite numbers (points that are not are skipped).
    public var isFinite: Bool { x.isFinite && y.isFinite }
}
