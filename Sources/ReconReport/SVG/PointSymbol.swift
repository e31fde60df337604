/// The shape drawn for each point of a distribution chart's group, so that groups differ by
/// shape as well as colour.
public enum PointSymbol: String, Sendable, Hashable, CaseIterable {
    case circle
    case square
    case triangleUp
    case triangleDown
    case diamond
    case cross

    /// The symbol a group gets by default: shapes in declaration order, repeated.
    public static func standard(at index: Int) -> PointSymbol {
        allCases[abs(index) % allCases.count]
    }

    /// The shape centred on (`x`, `y`), about `size` across, filled with `color`.
    func element(x: Double, y: Double, size: Double, color: String) -> SVGElement {
        let half = size / 2
        switch self {
        case .circle:
            return SVGElement("circle").attribute("cx", x).attribute("cy", y).attribute("r", half)
                .attribute("fill", color)
        case .square:
            let side = size * 0.9
            return SVGElement("rect").attribute("x", x - side / 2).attribute("y", y - side / 2)
                .attribute("width", side).attribute("height", side).attribute("fill", color)
        case .triangleUp:
            return polygon([(x, y - half * 1.15), (x + half * 1.15, y + half), (x - half * 1.15, y + half)], color)
        case .triangleDown:
            return polygon([(x, y + half * 1.15), (x + half * 1.15, y - half), (x - half * 1.15, y - half)], color)
        case .diamond:
            return polygon([(x, y - half * 1.25), (x + half, y), (x, y + half * 1.25), (x - half, y)], color)
        case .cross:
            let arm = half * 0.9
            var path = SVGPath()
            path.move(to: x - arm, y - arm)
            path.line(to: x + arm, y + arm)
            path.move(to: x - arm, y + arm)
            path.line(to: x + arm, y - arm)
            return SVGElement("path").attribute("d", path.data).attribute("stroke", color)
                .attribute("stroke-width", max(size / 4, 1)).attribute("fill", "none")
        }
    }

    private func polygon(_ corners: [(Double, Double)], _ color: String) -> SVGElement {
        let points = corners.map { SVGElement.coordinate($0.0) + "," + SVGElement.coordinate($0.1) }
        return SVGElement("polygon").attribute("points", points.joined(separator: " ")).attribute("fill", color)
    }
}
