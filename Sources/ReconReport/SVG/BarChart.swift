/// Vertical bars, one per category and series: series sit side by side within a category.
/// Values may be negative; bars then hang below the zero line.
///
///     let drag = BarChart(
///         title: "Reconstitution drag",
///         categories: (1989...2025).map(String.init),
///         series: [.init(name: "Russell 2000", values: dragByYear)],
///         marker: CategoryMarker(before: "2007", label: "banding from 2007"),
///         yAxisTitle: "Drag", valueFormat: .percent)
///     let markup = drag.svg()
public struct BarChart: SVGChart {
    /// One named row of values, one value per category.
    public struct Series: Sendable, Hashable {
        /// The name shown in the legend and tooltips.
        public var name: String
        /// The values in the order of the chart's categories. A value that is not finite, or
        /// missing at the end, draws no bar.
        public var values: [Double]
        /// The bar colour; `nil` takes the theme's palette colour for the series' position.
        public var color: String?

        public init(name: String, values: [Double], color: String? = nil) {
            self.name = name
            self.values = values
            self.color = color
        }
    }

    /// The visible title and the accessible name.
    public var title: String
    /// The accessible description; `nil` describes the data in one sentence.
    public var summary: String?
    /// The category labels along the x axis, left to right (such as years).
    public var categories: [String]
    /// The series; a legend is shown when there is more than one.
    public var series: [Series]
    /// A labelled line between two categories.
    public var marker: CategoryMarker?
    /// The title under the x axis.
    public var xAxisTitle: String?
    /// The title along the y axis.
    public var yAxisTitle: String?
    /// How values are written on the y axis and in bar tooltips.
    public var valueFormat: NumberFormat
    /// The outer size of the chart.
    public var size: ChartSize

    public init(
        title: String, summary: String? = nil, categories: [String], series: [Series],
        marker: CategoryMarker? = nil, xAxisTitle: String? = nil, yAxisTitle: String? = nil,
        valueFormat: NumberFormat = .plain, size: ChartSize = .standard
    ) {
        self.title = title
        self.summary = summary
        self.categories = categories
        self.series = series
        self.marker = marker
        self.xAxisTitle = xAxisTitle
        self.yAxisTitle = yAxisTitle
        self.valueFormat = valueFormat
        self.size = size
    }

    /// The chart as an SVG document; see ``SVGChart/document(id:theme:)``.
    public func document(id: String?, theme: ChartTheme) -> SVGDocument {
        let values = drawableValues
        guard !values.isEmpty, let valueScale = ContinuousScale(
            covering: values, kind: .linear, nice: true, includingZero: true, reversed: true)
        else {
            return ChartLayout.emptyDocument(title: title, summary: summary, id: id, size: size, theme: theme)
        }
        let yTicks = valueScale.ticks(format: valueFormat)
        let markerIndex = marker.flatMap { categories.firstIndex(of: $0.category) }
        let layout = ChartLayout(
            size: size, theme: theme, legend: legend(theme: theme), leftLabels: yTicks.map(\.label),
            hasXAxisTitle: xAxisTitle != nil, hasYAxisTitle: yAxisTitle != nil,
            annotationRows: markerIndex == nil ? 0 : 1)
        let y = valueScale.withRange(layout.plot.verticalRange)
        let x = BandScale(categories: categories, range: layout.plot.horizontalRange)

        var content = [layout.background(theme: theme), layout.titleElement(title, theme: theme)]
        if let legend = layout.legendElement(legend(theme: theme), theme: theme) { content.append(legend) }
        content.append(yAxis(ticks: yTicks, scale: y).element(plot: layout.plot, size: size, theme: theme))
        content.append(bars(x: x, y: y, theme: theme))
        content.append(zeroLine(y: y, plot: layout.plot, theme: theme))
        content.append(xAxis(x).element(plot: layout.plot, size: size, theme: theme))
        if let markerIndex, let marker, let baseline = layout.annotationBaselines.first {
            content.append(Annotation.verticalLine(
                at: x.boundary(before: markerIndex), label: marker.label, plot: layout.plot,
                baseline: baseline, size: size, theme: theme))
        }
        return SVGDocument(
            width: size.width, height: size.height, title: title, summary: summary ?? defaultSummary, id: id,
            rootAttributes: ChartLayout.rootAttributes(theme: theme), content: content)
    }

    /// The finite values that belong to a category.
    private var drawableValues: [Double] {
        guard !categories.isEmpty else { return [] }
        return series.flatMap { $0.values.prefix(categories.count).filter(\.isFinite) }
    }

    private func color(ofSeriesAt index: Int, theme: ChartTheme) -> String {
        series[index].color ?? theme.seriesColor(at: index)
    }

    /// A key of the series when there are several; empty otherwise.
    private func legend(theme: ChartTheme) -> Legend {
        guard series.count > 1 else { return Legend(entries: []) }
        return Legend(entries: series.indices.map { index in
            Legend.Entry(label: series[index].name, color: color(ofSeriesAt: index, theme: theme), swatch: .box)
        })
    }

    private func bars(x: BandScale, y: ContinuousScale, theme: ChartTheme) -> SVGElement {
        let slots = BandScale(
            categories: series.map(\.name), range: 0...x.bandwidth,
            paddingInner: series.count > 1 ? 0.1 : 0, paddingOuter: 0)
        let zero = y.position(of: 0) ?? 0
        var rects: [SVGElement] = []
        for (categoryIndex, category) in categories.enumerated() {
            for (seriesIndex, series) in series.enumerated() {
                guard categoryIndex < series.values.count, let top = y.position(of: series.values[categoryIndex])
                else { continue }
                rects.append(
                    SVGElement("rect").attribute("class", "bar")
                        .attribute("x", x.start(at: categoryIndex) + slots.start(at: seriesIndex))
                        .attribute("y", min(top, zero)).attribute("width", slots.bandwidth)
                        .attribute("height", abs(zero - top))
                        .attribute("fill", color(ofSeriesAt: seriesIndex, theme: theme))
                        .titled(tooltip(category: category, series: series, value: series.values[categoryIndex])))
            }
        }
        return SVGElement("g", children: rects).attribute("class", "bars")
    }

    private func tooltip(category: String, series: Series, value: Double) -> String {
        let label = self.series.count > 1 ? "\(category), \(series.name)" : category
        return "\(label): \(valueFormat.string(for: value))"
    }

    private func zeroLine(y: ContinuousScale, plot: PlotArea, theme: ChartTheme) -> SVGElement {
        let zero = y.position(of: 0) ?? plot.bottom
        return SVGElement("line").attribute("class", "zero")
            .attribute("x1", plot.left).attribute("y1", zero).attribute("x2", plot.right).attribute("y2", zero)
            .attribute("stroke", theme.axisColor)
    }

    private func yAxis(ticks: [(value: Double, label: String)], scale: ContinuousScale) -> Axis {
        Axis(edge: .left, ticks: Axis.ticks(ticks, placedOn: scale), title: yAxisTitle, drawsGrid: true)
    }

    private func xAxis(_ x: BandScale) -> Axis {
        let ticks = categories.indices.map { Axis.Tick(position: x.center(at: $0), label: categories[$0]) }
        return Axis(edge: .bottom, ticks: ticks, title: xAxisTitle, drawsGrid: false, drawsLine: false)
    }

    private var defaultSummary: String {
        let names = series.map(\.name).joined(separator: ", ")
        let span = categories.count > 1 ? " from \(categories[0]) to \(categories[categories.count - 1])" : ""
        return "Bar chart of \(names) over \(categories.count) categories\(span)."
    }
}
