/// Colours, fonts and strokes shared by every chart.
///
/// Colours are CSS colour strings written into `fill` and `stroke` attributes. The default
/// palette is Okabe and Ito's, which stays distinguishable with the common colour-vision
/// deficiencies.
public struct ChartTheme: Sendable, Hashable {
    /// Series colours, used in order and repeated when there are more series.
    public var palette: [String]
    /// The page behind the chart.
    public var background: String
    /// Titles, labels and legend text.
    public var textColor: String
    /// Tick labels, axis titles and notes.
    public var mutedTextColor: String
    /// Axis lines and tick marks.
    public var axisColor: String
    /// Grid lines behind the data.
    public var gridColor: String
    /// Vertical markers and cut lines.
    public var markerColor: String
    /// Shaded ranges (such as a band around a cut).
    public var bandColor: String
    /// The opacity of shaded ranges.
    public var bandOpacity: Double
    /// The `font-family` list; system fonts only, nothing is fetched.
    public var fontFamily: String
    /// The size of labels, in user units.
    public var fontSize: Double
    /// The size of the chart title, in user units.
    public var titleFontSize: Double

    public init(
        palette: [String] = ChartTheme.okabeIto,
        background: String = "#ffffff",
        textColor: String = "#1f2328",
        mutedTextColor: String = "#57606a",
        axisColor: String = "#8c959f",
        gridColor: String = "#eaeef2",
        markerColor: String = "#cf222e",
        bandColor: String = "#0969da",
        bandOpacity: Double = 0.1,
        fontFamily: String = "system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif",
        fontSize: Double = 12,
        titleFontSize: Double = 15
    ) {
        self.palette = palette
        self.background = background
        self.textColor = textColor
        self.mutedTextColor = mutedTextColor
        self.axisColor = axisColor
        self.gridColor = gridColor
        self.markerColor = markerColor
        self.bandColor = bandColor
        self.bandOpacity = bandOpacity
        self.fontFamily = fontFamily
        self.fontSize = fontSize
        self.titleFontSize = titleFontSize
    }

    /// The default theme.
    public static let standard = ChartTheme()

    /// Okabe and Ito's colour-blind-safe palette, most distinct colours first.
    public static let okabeIto = [
        "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#999999", "#F0E442",
    ]

    /// The colour of the series at `index`, cycling through the palette.
    public func seriesColor(at index: Int) -> String {
        guard !palette.isEmpty else { return textColor }
        return palette[abs(index) % palette.count]
    }
}
