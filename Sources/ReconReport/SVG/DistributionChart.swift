/// Points by group around a cut: x is a rank (or any number), y a value such as market
/// capitalisation (logarithmic by default), with an optional shaded x range (a band around the
/// cut) and an optional vertical cut line. Groups differ by colour and by symbol.
///
///     let caps = DistributionChart(
///         title: "Caps around the #1000 cut",
///         groups: [.init(name: "stay", points: stay), .init(name: "moved up", points: up, symbol: .triangleUp)],
///         band: ShadedRange(x: 951...1052, label: "±2.5% band"),
///         cut: VerticalMarker(x: 1000, label: "#1000"),
///         xAxisTitle: "Rank", yAxisTitle: "Market cap")
///     let markup = caps.svg()
///
/// Points that cannot be drawn (a coordinate not finite, or y not positive on a log axis) are
/// skipped. The legend counts the points of each group that are drawn.
public struct DistributionChart: SVGChart {
    /// One category of points, such as the companies that moved up.
    public struct Group: Sendable, Hashable {
        /// The name shown in the legend and tooltips.
        public var name: String
        /// The points, in the order given.
        public var points: [ChartPoint]
        /// The symbol; `nil` takes ``PointSymbol/standard(at:)`` for the group's position.
        public var symbol: PointSymbol?
        /// The colour; `nil` takes the theme's palette colour for the group's position.
        public var color: String?

        public init(name: String, points: [ChartPoint], symbol: PointSymbol? = nil, color: String? = nil) {
            self.name = name
            self.points = points
            self.symbol = symbol
            self.color = color
        }
    }

    /// The visible title and the accessible name.
    public var title: String
    /// The accessible description; `nil` describes the data in one sentence.
    public var summary: String?
    /// The groups, drawn in order (later groups on top).
    public var groups: [Group]
    /// A shaded x range, such as the band around the cut.
    public var band: ShadedRange?
    /// A vertical line, such as the cut itself.
    public var cut: VerticalMarker?
    /// The title under the x axis.
    public var xAxisTitle: String?
    /// The title along the y axis.
    public var yAxisTitle: String?
    /// How x values are written (ranks: `1,000`).
    public var xFormat: NumberFormat
    /// How y values are written (caps: `$4.6B`).
    public var yFormat: NumberFormat
    /// Whether the y axis is linear or logarithmic.
    public var yScale: ValueScaleKind
    /// The outer size of the chart.
    public var size: ChartSize

    public init(
        title: String, summary: String? = nil, groups: [Group], band: ShadedRange? = nil,
        cut: VerticalMarker? = nil, xAxisTitle: String? = nil, yAxisTitle: String? = nil,
        xFormat: NumberFormat = .grouped, yFormat: NumberFormat = .currency,
        yScale: ValueScaleKind = .logarithmic, size: ChartSize = .standard
    ) {
        self.title = title
        self.summary = summary
        self.groups = groups
        self.band = band
        self.cut = cut
        self.xAxisTitle = xAxisTitle
        self.yAxisTitle = yAxisTitle
        self.xFormat = xFormat
        self.yFormat = yFormat
        self.yScale = yScale
        self.size = size
    }

    /// The share of the x span left empty on each side, so that edge points are not cut.
    private static let xMargin = 0.02
    private static let pointSize = 6.0

    /// The chart as an SVG document; see ``SVGChart/document(id:theme:)``.
    public func document(id: String?, theme: ChartTheme) -> SVGDocument {
        let points = groups.flatMap(\.points).filter(isDrawable)
        guard let xFit = ContinuousScale(covering: xExtent(of: points), kind: .linear, nice: false),
              let yFit = ContinuousScale(covering: points.map(\.y), kind: yScale, nice: true, reversed: true)
        else {
            return ChartLayout.emptyDocument(title: title, summary: summary, id: id, size: size, theme: theme)
        }
        let xTicks = xFit.ticks(format: xFormat)
        let yTicks = yFit.ticks(format: yFormat)
        let legend = legend(theme: theme)
        let layout = ChartLayout(
            size: size, theme: theme, legend: legend, leftLabels: yTicks.map(\.label),
            hasXAxisTitle: xAxisTitle != nil, hasYAxisTitle: yAxisTitle != nil, annotationRows: annotationRowCount)
        let x = xFit.withRange(layout.plot.horizontalRange)
        let y = yFit.withRange(layout.plot.verticalRange)

        var content = [layout.background(theme: theme), layout.titleElement(title, theme: theme)]
        if let legend = layout.legendElement(legend, theme: theme) { content.append(legend) }
        content += annotations(x: x, layout: layout, theme: theme)
        content.append(Axis(edge: .left, ticks: Axis.ticks(yTicks, placedOn: y), title: yAxisTitle, drawsGrid: true)
            .element(plot: layout.plot, size: size, theme: theme))
        content.append(Axis(edge: .bottom, ticks: Axis.ticks(xTicks, placedOn: x), title: xAxisTitle, drawsGrid: false)
            .element(plot: layout.plot, size: size, theme: theme))
        content.append(pointsElement(x: x, y: y, theme: theme))
        return SVGDocument(
            width: size.width, height: size.height, title: title, summary: summary ?? defaultSummary, id: id,
            rootAttributes: ChartLayout.rootAttributes(theme: theme), content: content)
    }

    private func isDrawable(_ point: ChartPoint) -> Bool {
        point.isFinite && (yScale == .linear || point.y > 0)
    }

    /// The x values to cover: the points, the band and the cut, with a small margin.
    private func xExtent(of points: [ChartPoint]) -> [Double] {
        guard !points.isEmpty else { return [] }
        var xs = points.map(\.x)
        if let band { xs += [band.x.lowerBound, band.x.upperBound].filter(\.isFinite) }
        if let cut, cut.x.isFinite { xs.append(cut.x) }
        guard let low = xs.min(), let high = xs.max(), high > low else { return xs }
        let margin = (high - low) * Self.xMargin
        return [low - margin, high + margin]
    }

    private var annotationRowCount: Int {
        (band == nil ? 0 : 1) + (cut == nil ? 0 : 1)
    }

    /// The band under everything, then the cut line; the cut's label sits nearest the plot.
    private func annotations(x: ContinuousScale, layout: ChartLayout, theme: ChartTheme) -> [SVGElement] {
        var elements: [SVGElement] = []
        var baselines = layout.annotationBaselines[...]
        let cutBaseline = cut == nil ? nil : baselines.popFirst()
        if let band, let start = x.position(of: band.x.lowerBound), let end = x.position(of: band.x.upperBound),
           let baseline = baselines.popFirst() {
            elements.append(Annotation.shadedRange(
                from: start, to: end, label: band.label, plot: layout.plot, baseline: baseline, size: size, theme: theme))
        }
        if let cut, let cutX = x.position(of: cut.x), let cutBaseline {
            elements.append(Annotation.verticalLine(
                at: cutX, label: cut.label, plot: layout.plot, baseline: cutBaseline, size: size, theme: theme))
        }
        return elements
    }

    private func style(ofGroupAt index: Int, theme: ChartTheme) -> (symbol: PointSymbol, color: String) {
        (groups[index].symbol ?? .standard(at: index), groups[index].color ?? theme.seriesColor(at: index))
    }

    private func legend(theme: ChartTheme) -> Legend {
        Legend(entries: groups.indices.map { index in
            let count = groups[index].points.filter(isDrawable).count
            let style = style(ofGroupAt: index, theme: theme)
            return Legend.Entry(
                label: "\(groups[index].name) (\(NumberFormat.grouped.string(for: Double(count))))",
                color: style.color, swatch: .symbol(style.symbol))
        })
    }

    private func pointsElement(x: ContinuousScale, y: ContinuousScale, theme: ChartTheme) -> SVGElement {
        let groupElements = groups.indices.map { index in
            let style = style(ofGroupAt: index, theme: theme)
            let symbols = groups[index].points.compactMap { point -> SVGElement? in
                guard isDrawable(point), let px = x.position(of: point.x), let py = y.position(of: point.y)
                else { return nil }
                return style.symbol.element(x: px, y: py, size: Self.pointSize, color: style.color)
            }
            return SVGElement("g", children: [SVGElement("title", text: groups[index].name)] + symbols)
                .attribute("class", "group").attribute("fill-opacity", 0.85)
        }
        return SVGElement("g", children: groupElements).attribute("class", "points")
    }

    private var defaultSummary: String {
        let counts = groups.map { group in
            "\(group.name): \(NumberFormat.grouped.string(for: Double(group.points.filter(isDrawable).count)))"
        }
        return "Distribution of points by group (\(counts.joined(separator: "; ")))."
    }
}
