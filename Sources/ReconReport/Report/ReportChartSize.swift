/// The sizes report charts are drawn at, so that their text is about as large as the page's
/// once the page scales them to its column.
enum ReportChartSize {
    /// A chart alone on its row: the width of the page's column.
    static let wide = ChartSize(width: 960, height: 400)
    /// One of two charts side by side.
    static let half = ChartSize(width: 540, height: 420)
}
