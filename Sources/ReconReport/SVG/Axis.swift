/// An axis along the bottom or the left of a plot: tick marks, tick labels, grid lines and a
/// title. Labels that would overlap along the bottom are thinned to every n-th one.
struct Axis {
    enum Edge {
        case bottom
        case left
    }

    /// A tick at a drawing position.
    struct Tick: Hashable {
        var position: Double
        var label: String
    }

    var edge: Edge
    var ticks: [Tick]
    var title: String?
    /// Whether grid lines cross the plot at each tick.
    var drawsGrid: Bool
    /// Whether the axis line itself is drawn (bottom axes only).
    var drawsLine: Bool = true

    static let tickLength = 4.0

    /// Labelled values placed at their positions on `scale`; values it cannot place are dropped.
    static func ticks(_ ticks: [(value: Double, label: String)], placedOn scale: ContinuousScale) -> [Tick] {
        ticks.compactMap { tick in scale.position(of: tick.value).map { Tick(position: $0, label: tick.label) } }
    }

    /// The axis, its ticks and its title around `plot`.
    func element(plot: PlotArea, size: ChartSize, theme: ChartTheme) -> SVGElement {
        var children = drawsGrid ? gridLines(plot: plot, theme: theme) : []
        switch edge {
        case .bottom:
            if drawsLine { children.append(bottomLine(plot: plot, theme: theme)) }
            children += bottomTicks(plot: plot, theme: theme)
            if let title { children.append(bottomTitle(title, plot: plot, size: size, theme: theme)) }
        case .left:
            children += leftTicks(plot: plot, theme: theme)
            if let title { children.append(leftTitle(title, plot: plot, theme: theme)) }
        }
        let role = edge == .bottom ? "x-axis" : "y-axis"
        return SVGElement("g", children: children).attribute("class", role)
    }

    private func gridLines(plot: PlotArea, theme: ChartTheme) -> [SVGElement] {
        ticks.map { tick in
            let line = SVGElement("line")
            switch edge {
            case .bottom:
                return line.attribute("x1", tick.position).attribute("y1", plot.top)
                    .attribute("x2", tick.position).attribute("y2", plot.bottom)
                    .attribute("stroke", theme.gridColor)
            case .left:
                return line.attribute("x1", plot.left).attribute("y1", tick.position)
                    .attribute("x2", plot.right).attribute("y2", tick.position)
                    .attribute("stroke", theme.gridColor)
            }
        }
    }

    private func bottomLine(plot: PlotArea, theme: ChartTheme) -> SVGElement {
        SVGElement("line").attribute("x1", plot.left).attribute("y1", plot.bottom)
            .attribute("x2", plot.right).attribute("y2", plot.bottom).attribute("stroke", theme.axisColor)
    }

    private func bottomTicks(plot: PlotArea, theme: ChartTheme) -> [SVGElement] {
        let labelEvery = labelStride(theme: theme)
        var elements: [SVGElement] = []
        for (index, tick) in ticks.enumerated() {
            elements.append(
                SVGElement("line").attribute("x1", tick.position).attribute("y1", plot.bottom)
                    .attribute("x2", tick.position).attribute("y2", plot.bottom + Self.tickLength)
                    .attribute("stroke", theme.axisColor))
            guard index % labelEvery == 0 else { continue }
            elements.append(
                ChartText.element(
                    tick.label, x: tick.position, y: plot.bottom + Self.tickLength + theme.fontSize + 2,
                    anchor: .middle, color: theme.mutedTextColor))
        }
        return elements
    }

    /// Show every n-th bottom label so that neighbours keep a gap between them.
    private func labelStride(theme: ChartTheme) -> Int {
        guard ticks.count >= 2 else { return 1 }
        let spacing = abs(ticks[1].position - ticks[0].position)
        let widest = ChartText.widestWidth(of: ticks.map(\.label), fontSize: theme.fontSize) + 6
        guard spacing > 0 else { return ticks.count }
        return max(1, Int((widest / spacing).rounded(.up)))
    }

    private func leftTicks(plot: PlotArea, theme: ChartTheme) -> [SVGElement] {
        ticks.map { tick in
            ChartText.element(
                tick.label, x: plot.left - Self.tickLength - 4, y: tick.position + theme.fontSize * 0.35,
                anchor: .end, color: theme.mutedTextColor)
        }
    }

    private func bottomTitle(_ title: String, plot: PlotArea, size: ChartSize, theme: ChartTheme) -> SVGElement {
        ChartText.element(
            title, x: plot.centerX, y: size.height - ChartLayout.padding, anchor: .middle,
            color: theme.mutedTextColor)
    }

    private func leftTitle(_ title: String, plot: PlotArea, theme: ChartTheme) -> SVGElement {
        let x = ChartLayout.padding + theme.fontSize
        let y = plot.centerY
        return ChartText.element(title, x: x, y: y, anchor: .middle, color: theme.mutedTextColor)
            .attribute("transform", "rotate(-90 \(SVGElement.coordinate(x)) \(SVGElement.coordinate(y)))")
    }
}
