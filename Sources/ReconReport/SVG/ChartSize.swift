/// The outer size of a chart, in user units (pixels at 100% zoom).
public struct ChartSize: Sendable, Hashable {
    /// The smallest size charts lay themselves out in; smaller requests are raised to it.
    public static let minimum = ChartSize(uncheckedWidth: 240, height: 160)

    /// 720 × 400: fits a report column.
    public static let standard = ChartSize(width: 720, height: 400)

    /// The width, in user units.
    public var width: Double
    /// The height, in user units.
    public var height: Double

    /// A size of at least ``minimum``; non-finite sizes become ``standard``.
    public init(width: Double, height: Double) {
        self.width = width.isFinite ? max(width, 240) : 720
        self.height = height.isFinite ? max(height, 160) : 400
    }

    private init(uncheckedWidth width: Double, height: Double) {
        self.width = width
        self.height = height
    }
}
