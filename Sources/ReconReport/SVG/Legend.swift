/// The key of a chart: one swatch and name per series, laid out in rows that wrap.
struct Legend {
    /// What stands for a series in the key.
    enum Swatch: Hashable {
        case box
        case line
        case symbol(PointSymbol)
    }

    struct Entry: Hashable {
        var label: String
        var color: String
        var swatch: Swatch
    }

    var entries: [Entry]

    private static let swatchSize = 12.0
    private static let swatchGap = 5.0
    private static let entryGap = 16.0

    /// The entries split into rows no wider than `width`.
    func rows(width: Double, theme: ChartTheme) -> [[Entry]] {
        var rows: [[Entry]] = []
        var current: [Entry] = []
        var used = 0.0
        for entry in entries {
            let entryWidth = Self.width(of: entry, theme: theme)
            if !current.isEmpty, used + entryWidth > width {
                rows.append(current)
                current = []
                used = 0
            }
            current.append(entry)
            used += entryWidth + Self.entryGap
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }

    /// The height the legend takes when its rows are at most `width` wide; 0 without entries.
    func height(width: Double, theme: ChartTheme) -> Double {
        Double(rows(width: width, theme: theme).count) * Self.rowHeight(theme)
    }

    /// The legend drawn from (`left`, `top`), wrapping at `width`.
    func element(left: Double, top: Double, width: Double, theme: ChartTheme) -> SVGElement {
        var children: [SVGElement] = []
        for (rowIndex, row) in rows(width: width, theme: theme).enumerated() {
            let middle = top + Self.rowHeight(theme) * (Double(rowIndex) + 0.5)
            var x = left
            for entry in row {
                children.append(Self.swatch(entry, x: x, middle: middle))
                let textX = x + Self.swatchSize + Self.swatchGap
                children.append(
                    ChartText.element(entry.label, x: textX, y: middle + theme.fontSize * 0.35, color: theme.textColor))
                x += Self.width(of: entry, theme: theme) + Self.entryGap
            }
        }
        return SVGElement("g", children: children).attribute("class", "legend")
    }

    private static func rowHeight(_ theme: ChartTheme) -> Double {
        theme.fontSize + 8
    }

    private static func width(of entry: Entry, theme: ChartTheme) -> Double {
        swatchSize + swatchGap + ChartText.estimatedWidth(of: entry.label, fontSize: theme.fontSize)
    }

    private static func swatch(_ entry: Entry, x: Double, middle: Double) -> SVGElement {
        switch entry.swatch {
        case .box:
            return SVGElement("rect").attribute("x", x).attribute("y", middle - swatchSize / 2)
                .attribute("width", swatchSize).attribute("height", swatchSize).attribute("fill", entry.color)
        case .line:
            return SVGElement("line").attribute("x1", x).attribute("y1", middle)
                .attribute("x2", x + swatchSize).attribute("y2", middle)
                .attribute("stroke", entry.color).attribute("stroke-width", 2.5)
        case .symbol(let symbol):
            return symbol.element(x: x + swatchSize / 2, y: middle, size: 8, color: entry.color)
        }
    }
}
