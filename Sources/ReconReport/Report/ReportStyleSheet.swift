/// The CSS of an HTML report: a clean typographic page in system fonts, at most 1,100 pixels
/// wide, with a grid of headline numbers, tables whose numbers line up on the right, and the
/// colours of the chart theme (Okabe–Ito, colour-blind safe).
///
/// The text contains no `<` or `&`, so it sits in a `<style>` element of a page that is also
/// well-formed XML.
struct ReportStyleSheet {
    var theme: ChartTheme

    /// The accent (links, notes) and warning colours: the palette's blue and vermilion.
    private var accent: String { theme.seriesColor(at: 0) }
    private var warning: String { theme.seriesColor(at: 3) }
    private var caution: String { theme.seriesColor(at: 1) }

    var css: String {
        """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: \(theme.background); color: \(theme.textColor);
          font-family: \(theme.fontFamily); font-size: 15px; line-height: 1.55; }
        main { max-width: 1100px; margin: 0 auto; padding: 40px 28px 64px; }
        header { margin-bottom: 20px; }
        h1 { font-size: 30px; line-height: 1.2; margin: 0 0 6px; letter-spacing: -0.01em; }
        h2 { font-size: 21px; line-height: 1.3; margin: 44px 0 14px; padding-bottom: 6px;
          border-bottom: 1px solid \(theme.gridColor); }
        p { margin: 10px 0; max-width: 78ch; }
        .subtitle { color: \(theme.mutedTextColor); margin: 0; font-size: 16px; }
        a { color: \(accent); text-decoration: none; }
        a:hover { text-decoration: underline; }
        .notice { margin: 16px 0; padding: 12px 16px; border-left: 5px solid \(accent);
          border-radius: 6px; background: #f0f6fb; }
        .notice.synthetic { border-left-color: \(warning); background: #fdf1e8; font-size: 16px; }
        .notice.warning { border-left-color: \(caution); background: #fdf6e6; }
        .notice strong { margin-right: 4px; }
        .metrics { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 12px; margin: 18px 0; }
        .metric { border: 1px solid \(theme.gridColor); border-radius: 10px; padding: 12px 14px 10px; background: #f8fafc; }
        .metric .label { font-size: 12px; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase;
          color: \(theme.mutedTextColor); }
        .metric .value { font-size: 26px; font-weight: 650; line-height: 1.25; margin-top: 4px;
          font-variant-numeric: tabular-nums; }
        .metric .detail { font-size: 13px; color: \(theme.mutedTextColor); }
        nav.contents { margin: 24px 0 8px; font-size: 14px; }
        nav.contents ol { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 6px 18px; }
        .table { overflow-x: auto; margin: 14px 0 22px; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; font-variant-numeric: tabular-nums; }
        table.narrow { width: auto; min-width: min(100%, 520px); }
        caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: 6px; }
        th, td { padding: 6px 10px; text-align: left; vertical-align: top; border-bottom: 1px solid \(theme.gridColor); }
        th { font-size: 12px; font-weight: 600; letter-spacing: 0.03em; text-transform: uppercase;
          color: \(theme.mutedTextColor); border-bottom: 2px solid \(theme.axisColor); }
        th.num, td.num { text-align: right; white-space: nowrap; }
        tbody tr:hover { background: #f6f8fa; }
        .table-note { font-size: 13px; color: \(theme.mutedTextColor); margin-top: 6px; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 18px; margin: 16px 0 24px; }
        .charts.single { grid-template-columns: minmax(0, 1fr); }
        figure { margin: 0; }
        figure svg { display: block; width: 100%; height: auto; }
        figcaption { font-size: 13px; color: \(theme.mutedTextColor); margin-top: 6px; }
        ul { padding-left: 22px; }
        footer { margin-top: 56px; padding-top: 12px; border-top: 1px solid \(theme.gridColor);
          font-size: 13px; color: \(theme.mutedTextColor); }
        @media (max-width: 600px) { main { padding: 24px 16px 48px; } .charts { grid-template-columns: 1fr; } }
        @media print { main { max-width: none; padding: 0; } nav.contents { display: none; } section { break-inside: avoid-page; } }

        """
    }
}
