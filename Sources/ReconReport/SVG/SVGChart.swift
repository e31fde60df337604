/// A chart that draws itself as a self-contained SVG document.
///
///     let chart = BarChart(title: "Drag", categories: ["2023", "2024"],
///                          series: [.init(name: "Drag", values: [-0.012, 0.004])])
///     let markup = chart.svg()                    // "<svg xmlns=…>…</svg>\n"
///     let onPage = chart.svg(id: "drag-2024")     // ids for aria-labelledby on an HTML page
public protocol SVGChart: Sendable {
    /// The chart as an SVG document, drawn with `theme`. `id`, when given, must be unique on
    /// the page the chart is placed in; see ``SVGDocument/id``.
    func document(id: String?, theme: ChartTheme) -> SVGDocument
}

extension SVGChart {
    /// The chart as the text of one `<svg>` element. The same chart and theme always give
    /// the same text, byte for byte.
    public func svg(id: String? = nil, theme: ChartTheme = .standard) -> String {
        document(id: id, theme: theme).markup
    }
}
