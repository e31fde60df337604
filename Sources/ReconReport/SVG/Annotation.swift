/// Drawing of the annotations of a plot: a labelled vertical line, a labelled shaded range.
/// Labels sit in rows above the plot (see ``ChartLayout/annotationBaselines``) so that they
/// never cover data.
enum Annotation {
    /// A dashed vertical line across `plot` at `x`, labelled above the plot at `baseline`.
    static func verticalLine(
        at x: Double, label: String, plot: PlotArea, baseline: Double, size: ChartSize, theme: ChartTheme
    ) -> SVGElement {
        let line = SVGElement("line").attribute("x1", x).attribute("y1", plot.top - 4)
            .attribute("x2", x).attribute("y2", plot.bottom)
            .attribute("stroke", theme.markerColor).attribute("stroke-width", 1.5)
            .attribute("stroke-dasharray", "5 3")
        let text = labelElement(label, besideX: x, baseline: baseline, size: size, theme: theme, color: theme.markerColor)
        return SVGElement("g", children: [line, text]).attribute("class", "marker")
    }

    /// A shaded band across `plot` from `startX` to `endX`, labelled above the plot at `baseline`.
    static func shadedRange(
        from startX: Double, to endX: Double, label: String, plot: PlotArea, baseline: Double,
        size: ChartSize, theme: ChartTheme
    ) -> SVGElement {
        let left = min(max(min(startX, endX), plot.left), plot.right)
        let right = min(max(max(startX, endX), plot.left), plot.right)
        let band = SVGElement("rect").attribute("x", left).attribute("y", plot.top)
            .attribute("width", right - left).attribute("height", plot.height)
            .attribute("fill", theme.bandColor).attribute("fill-opacity", theme.bandOpacity)
        let text = labelElement(label, besideX: left, baseline: baseline, size: size, theme: theme, color: theme.mutedTextColor)
        return SVGElement("g", children: [band, text]).attribute("class", "band")
    }

    /// A label starting just right of `x`, or ending just left of it when it would run off
    /// the chart.
    private static func labelElement(
        _ label: String, besideX x: Double, baseline: Double, size: ChartSize, theme: ChartTheme, color: String
    ) -> SVGElement {
        let width = ChartText.estimatedWidth(of: label, fontSize: theme.fontSize)
        let fitsRight = x + 4 + width <= size.width - ChartLayout.padding
        return ChartText.element(
            label, x: fitsRight ? x + 4 : x - 4, y: baseline, anchor: fitsRight ? .start : .end, color: color)
    }
}
