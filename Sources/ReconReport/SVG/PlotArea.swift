/// The rectangle of a chart in which data is drawn, in user units.
struct PlotArea: Sendable, Hashable {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double

    /// A plot area; right and bottom are kept at least one unit past left and top.
    init(left: Double, top: Double, right: Double, bottom: Double) {
        self.left = left
        self.top = top
        self.right = max(right, left + 1)
        self.bottom = max(bottom, top + 1)
    }

    var width: Double { right - left }
    var height: Double { bottom - top }
    var centerX: Double { (left + right) / 2 }
    var centerY: Double { (top + bottom) / 2 }

    /// The horizontal positions, left to right.
    var horizontalRange: ClosedRange<Double> { left...right }
    /// The vertical positions, top to bottom (value axes map onto it reversed).
    var verticalRange: ClosedRange<Double> { top...bottom }
}
