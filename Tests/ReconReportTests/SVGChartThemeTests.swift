import XCTest
@testable import ReconReport

final class SVGChartThemeTests: XCTestCase {
    func testSeriesColorsCycleThroughThePalette() {
        let theme = ChartTheme(palette: ["#111111", "#222222"])
        XCTAssertEqual((0..<5).map(theme.seriesColor(at:)), ["#111111", "#222222", "#111111", "#222222", "#111111"])
    }

    func testAnEmptyPaletteFallsBackToTheTextColor() {
        let theme = ChartTheme(palette: [], textColor: "#333333")
        XCTAssertEqual(theme.seriesColor(at: 3), "#333333")
    }

    func testThemeColorsAndFontsReachTheOutput() {
        let theme = ChartTheme(palette: ["#abcdef"], background: "#fafafa", fontFamily: "Georgia, serif", fontSize: 11)
        let markup = BarChart(title: "T", categories: ["a"], series: [.init(name: "s", values: [1])]).svg(theme: theme)
        XCTAssertTrue(markup.contains(##"fill="#abcdef""##))
        XCTAssertTrue(markup.contains(##"fill="#fafafa""##))
        XCTAssertTrue(markup.contains(#"font-family="Georgia, serif" font-size="11""#))
    }

    func testSizesAreKeptAboveTheMinimum() {
        XCTAssertEqual(ChartSize(width: 10, height: -5), ChartSize(width: 240, height: 160))
        XCTAssertEqual(ChartSize(width: .nan, height: .infinity), ChartSize.standard)
        let tiny = BarChart(title: "Tiny", categories: ["a"], series: [.init(name: "s", values: [1])],
                            size: ChartSize(width: 0, height: 0))
        XCTAssertTrue(tiny.svg().hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 160""#))
    }
}
