/// Where the parts of a chart go, top to bottom: the title, the legend, rows for annotation
/// labels (markers, shaded ranges), then the plot with its axes. Also draws the parts every
/// chart shares: background, title, legend and the note of an empty chart.
struct ChartLayout {
    /// The empty margin around everything.
    static let padding = 12.0

    var size: ChartSize
    var titleBaseline: Double
    var legendTop: Double
    /// Baselines of the annotation rows, the one nearest the plot first.
    var annotationBaselines: [Double]
    var plot: PlotArea

    /// A layout for a chart with a value axis on the left (labelled `leftLabels`), labels
    /// along the bottom, optional axis titles, `legend` and `annotationRows` label rows.
    init(
        size: ChartSize, theme: ChartTheme, legend: Legend?, leftLabels: [String],
        hasBottomLabels: Bool = true, hasXAxisTitle: Bool, hasYAxisTitle: Bool, annotationRows: Int = 0
    ) {
        let padding = Self.padding
        self.size = size
        titleBaseline = padding + theme.titleFontSize
        legendTop = titleBaseline + 8
        let legendHeight = legend?.height(width: size.width - 2 * padding, theme: theme) ?? 0
        let rowHeight = theme.fontSize + 6
        let annotationTop = legendTop + legendHeight + (legendHeight > 0 ? 4 : 0)
        let plotTop = annotationTop + Double(annotationRows) * rowHeight + 12
        annotationBaselines = (0..<annotationRows).map { row in plotTop - 10 - Double(row) * rowHeight }

        let leftLabelWidth = ChartText.widestWidth(of: leftLabels, fontSize: theme.fontSize)
        let left = padding + (hasYAxisTitle ? theme.fontSize + 10 : 0)
            + (leftLabels.isEmpty ? 0 : leftLabelWidth + Axis.tickLength + 6)
        let bottom = size.height - padding - (hasXAxisTitle ? theme.fontSize + 8 : 0)
            - (hasBottomLabels ? theme.fontSize + Axis.tickLength + 6 : 0)
        plot = PlotArea(left: left, top: plotTop, right: size.width - padding - 8, bottom: bottom)
    }

    /// A rectangle of the theme's background colour behind everything.
    func background(theme: ChartTheme) -> SVGElement {
        SVGElement("rect").attribute("width", size.width).attribute("height", size.height)
            .attribute("fill", theme.background)
    }

    /// The visible title at the top left.
    func titleElement(_ title: String, theme: ChartTheme) -> SVGElement {
        ChartText.element(
            title, x: Self.padding, y: titleBaseline, color: theme.textColor, fontSize: theme.titleFontSize, bold: true)
    }

    /// The legend under the title; `nil` when it has no entries.
    func legendElement(_ legend: Legend, theme: ChartTheme) -> SVGElement? {
        guard !legend.entries.isEmpty else { return nil }
        return legend.element(left: Self.padding, top: legendTop, width: size.width - 2 * Self.padding, theme: theme)
    }

    /// An empty plot frame with a "No data" note in the middle.
    func noDataElement(theme: ChartTheme) -> SVGElement {
        let frame = SVGElement("rect").attribute("x", plot.left).attribute("y", plot.top)
            .attribute("width", plot.width).attribute("height", plot.height)
            .attribute("fill", "none").attribute("stroke", theme.gridColor)
        let note = ChartText.element(
            "No data", x: plot.centerX, y: plot.centerY, anchor: .middle, color: theme.mutedTextColor)
        return SVGElement("g", children: [frame, note]).attribute("class", "no-data")
    }

    /// The full document of a chart without data: title, frame and note.
    static func emptyDocument(
        title: String, summary: String?, id: String?, size: ChartSize, theme: ChartTheme
    ) -> SVGDocument {
        let layout = ChartLayout(
            size: size, theme: theme, legend: nil, leftLabels: [], hasBottomLabels: false,
            hasXAxisTitle: false, hasYAxisTitle: false)
        return SVGDocument(
            width: size.width, height: size.height, title: title, summary: summary ?? "No data.", id: id,
            rootAttributes: rootAttributes(theme: theme),
            content: [layout.background(theme: theme), layout.titleElement(title, theme: theme),
                      layout.noDataElement(theme: theme)])
    }

    /// Attributes every chart's `<svg>` carries: fonts, and a style that lets the drawing
    /// shrink with the page.
    static func rootAttributes(theme: ChartTheme) -> [SVGElement.Attribute] {
        [
            .init(name: "font-family", value: theme.fontFamily),
            .init(name: "font-size", value: SVGElement.coordinate(theme.fontSize)),
            .init(name: "style", value: "max-width:100%;height:auto"),
        ]
    }
}
