/// Text of a chart: how wide a label will be, and `<text>` elements.
///
/// Widths are estimates (no font is measured, so that output never depends on the machine):
/// an average glyph takes 0.6 of the font size, which errs on the wide side for proportional
/// sans-serif fonts.
enum ChartText {
    /// How far text is anchored at a point.
    enum Anchor: String {
        case start, middle, end
    }

    /// The estimated width of `text` at `fontSize`.
    static func estimatedWidth(of text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * 0.6
    }

    /// The widest of `texts` at `fontSize`; 0 when there are none.
    static func widestWidth(of texts: [String], fontSize: Double) -> Double {
        texts.map { estimatedWidth(of: $0, fontSize: fontSize) }.max() ?? 0
    }

    /// A `<text>` element with its baseline at `y`.
    static func element(
        _ text: String, x: Double, y: Double, anchor: Anchor = .start, color: String,
        fontSize: Double? = nil, bold: Bool = false
    ) -> SVGElement {
        var element = SVGElement("text", text: text).attribute("x", x).attribute("y", y)
        if anchor != .start { element = element.attribute("text-anchor", anchor.rawValue) }
        if let fontSize { element = element.attribute("font-size", fontSize) }
        if bold { element = element.attribute("font-weight", "600") }
        return element.attribute("fill", color)
    }
}
