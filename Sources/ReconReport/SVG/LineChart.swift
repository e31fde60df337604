/// Lines through numeric x values (such as years), one per named series, with an optional
/// vertical marker and an optional logarithmic y axis (growth of $1, dollar breakpoints).
///
///     let growth = LineChart(
///         title: "Growth of $1",
///         series: [.init(name: "Russell 1000", points: r1000), .init(name: "Russell 2000", points: r2000)],
///         marker: VerticalMarker(x: 2007, label: "banding"),
///         xFormat: .year, yFormat: .currency, yScale: .logarithmic)
///     let markup = growth.svg()
///
/// Points are joined in the order given. A point that cannot be drawn (a coordinate not
/// finite, or y not positive on a log axis) is skipped and breaks its line; a point left
/// alone between breaks is drawn as a dot.
public struct LineChart: SVGChart {
    /// One named line.
    public struct Series: Sendable, Hashable {
        /// The name shown in the legend and tooltips.
        public var name: String
        /// The points, in the order given.
        public var points: [ChartPoint]
        /// The line colour; `nil` takes the theme's palette colour for the series' position.
        public var color: String?

        public init(name: String, points: [ChartPoint], color: String? = nil) {
            self.name = name
            self.points = points
            self.color = color
        }
    }

    /// The visible title and the accessible name.
    public var title: String
    /// The accessible description; `nil` describes the data in one sentence.
    public var summary: String?
    /// The lines; a legend is shown when there is more than one.
    public var series: [Series]
    /// A labelled vertical line; not drawn when outside the data's x range.
    public var marker: VerticalMarker?
    /// The title under the x axis.
    public var xAxisTitle: String?
    /// The title along the y axis.
    public var yAxisTitle: String?
    /// How x values are written; ``NumberFormat/year`` also keeps ticks on whole years.
    public var xFormat: NumberFormat
    /// How y values are written.
    public var yFormat: NumberFormat
    /// Whether the y axis is linear or logarithmic.
    public var yScale: ValueScaleKind
    /// The outer size of the chart.
    public var size: ChartSize

    public init(
        title: String, summary: String? = nil, series: [Series], marker: VerticalMarker? = nil,
        xAxisTitle: String? = nil, yAxisTitle: String? = nil, xFormat: NumberFormat = .plain,
        yFormat: NumberFormat = .plain, yScale: ValueScaleKind = .linear, size: ChartSize = .standard
    ) {
        self.title = title
        self.summary = summary
        self.series = series
        self.marker = marker
        self.xAxisTitle = xAxisTitle
        self.yAxisTitle = yAxisTitle
        self.xFormat = xFormat
        self.yFormat = yFormat
        self.yScale = yScale
        self.size = size
    }

    /// The chart as an SVG document; see ``SVGChart/document(id:theme:)``.
    public func document(id: String?, theme: ChartTheme) -> SVGDocument {
        let points = series.flatMap(\.points).filter(isDrawable)
        guard let xFit = ContinuousScale(covering: points.map(\.x), kind: .linear, nice: false),
              let yFit = ContinuousScale(covering: points.map(\.y), kind: yScale, nice: true, reversed: true)
        else {
            return ChartLayout.emptyDocument(title: title, summary: summary, id: id, size: size, theme: theme)
        }
        let xTicks = xFit.ticks(format: xFormat)
        let yTicks = yFit.ticks(format: yFormat)
        let drawnMarker = marker.flatMap { xFit.domain.contains($0.x) ? $0 : nil }
        let legend = legend(theme: theme)
        let layout = ChartLayout(
            size: size, theme: theme, legend: legend, leftLabels: yTicks.map(\.label),
            hasXAxisTitle: xAxisTitle != nil, hasYAxisTitle: yAxisTitle != nil,
            annotationRows: drawnMarker == nil ? 0 : 1)
        let x = xFit.withRange(layout.plot.horizontalRange)
        let y = yFit.withRange(layout.plot.verticalRange)

        var content = [layout.background(theme: theme), layout.titleElement(title, theme: theme)]
        if let legend = layout.legendElement(legend, theme: theme) { content.append(legend) }
        content.append(Axis(edge: .left, ticks: Axis.ticks(yTicks, placedOn: y), title: yAxisTitle, drawsGrid: true)
            .element(plot: layout.plot, size: size, theme: theme))
        content.append(Axis(edge: .bottom, ticks: Axis.ticks(xTicks, placedOn: x), title: xAxisTitle, drawsGrid: false)
            .element(plot: layout.plot, size: size, theme: theme))
        if let drawnMarker, let markerX = x.position(of: drawnMarker.x), let baseline = layout.annotationBaselines.first {
            content.append(Annotation.verticalLine(
                at: markerX, label: drawnMarker.label, plot: layout.plot, baseline: baseline, size: size, theme: theme))
        }
        content.append(lines(x: x, y: y, theme: theme))
        return SVGDocument(
            width: size.width, height: size.height, title: title, summary: summary ?? defaultSummary, id: id,
            rootAttributes: ChartLayout.rootAttributes(theme: theme), content: content)
    }

    private func isDrawable(_ point: ChartPoint) -> Bool {
        point.isFinite && (yScale == .linear || point.y > 0)
    }

    private func color(ofSeriesAt index: Int, theme: ChartTheme) -> String {
        series[index].color ?? theme.seriesColor(at: index)
    }

    /// A key of the series when there are several; empty otherwise.
    private func legend(theme: ChartTheme) -> Legend {
        guard series.count > 1 else { return Legend(entries: []) }
        return Legend(entries: series.indices.map { index in
            Legend.Entry(label: series[index].name, color: color(ofSeriesAt: index, theme: theme), swatch: .line)
        })
    }

    private func lines(x: ContinuousScale, y: ContinuousScale, theme: ChartTheme) -> SVGElement {
        let elements = series.indices.map { index in
            line(of: series[index], x: x, y: y, color: color(ofSeriesAt: index, theme: theme))
        }
        return SVGElement("g", children: elements).attribute("class", "lines")
    }

    /// The series as one path of unbroken runs, plus dots for points left alone.
    private func line(of series: Series, x: ContinuousScale, y: ContinuousScale, color: String) -> SVGElement {
        var path = SVGPath()
        var dots: [SVGElement] = []
        for run in runs(of: series.points) {
            let positions = run.compactMap { point in
                x.position(of: point.x).flatMap { px in y.position(of: point.y).map { (px, $0) } }
            }
            guard let first = positions.first else { continue }
            if positions.count == 1 {
                dots.append(SVGElement("circle").attribute("cx", first.0).attribute("cy", first.1)
                    .attribute("r", 3).attribute("fill", color))
                continue
            }
            path.move(to: first.0, first.1)
            for position in positions.dropFirst() { path.line(to: position.0, position.1) }
        }
        var children: [SVGElement] = [SVGElement("title", text: series.name)]
        if !path.isEmpty {
            children.append(SVGElement("path").attribute("d", path.data).attribute("fill", "none")
                .attribute("stroke", color).attribute("stroke-width", 2).attribute("stroke-linejoin", "round")
                .attribute("stroke-linecap", "round"))
        }
        return SVGElement("g", children: children + dots).attribute("class", "series")
    }

    /// The series' points split at the ones that cannot be drawn.
    private func runs(of points: [ChartPoint]) -> [[ChartPoint]] {
        points.split(whereSeparator: { !isDrawable($0) }).map(Array.init)
    }

    private var defaultSummary: String {
        let names = series.map(\.name).joined(separator: ", ")
        let scale = yScale == .logarithmic ? " on a logarithmic scale" : ""
        return "Line chart of \(names)\(scale)."
    }
}
