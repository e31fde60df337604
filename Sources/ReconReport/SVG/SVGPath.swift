/// Builds the `d` attribute of an SVG `<path>`, with coordinates written as by
/// ``SVGElement/coordinate(_:)``.
///
///     var path = SVGPath()
///     path.move(to: 0, 0)
///     path.line(to: 10, 5.5)
///     path.close()
///     path.data   // "M0 0L10 5.5Z"
public struct SVGPath: Sendable, Hashable {
    /// The path data so far.
    public private(set) var data: String = ""

    public init() {}

    /// Whether no command was added.
    public var isEmpty: Bool { data.isEmpty }

    /// Starts a new subpath at (`x`, `y`).
    public mutating func move(to x: Double, _ y: Double) {
        data += "M" + pair(x, y)
    }

    /// A straight line to (`x`, `y`).
    public mutating func line(to x: Double, _ y: Double) {
        data += "L" + pair(x, y)
    }

    /// A cubic Bézier curve to (`x`, `y`) leaving towards `control1` and arriving from `control2`.
    public mutating func curve(
        to x: Double, _ y: Double, control1: (x: Double, y: Double), control2: (x: Double, y: Double)
    ) {
        data += "C" + pair(control1.x, control1.y) + " " + pair(control2.x, control2.y) + " " + pair(x, y)
    }

    /// Closes the current subpath.
    public mutating func close() {
        data += "Z"
    }

    private func pair(_ x: Double, _ y: Double) -> String {
        SVGElement.coordinate(x) + " " + SVGElement.coordinate(y)
    }
}
