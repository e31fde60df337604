/// Writes a ``ReportDocument`` as GitHub-flavoured Markdown with the same numbers and tables as
/// the HTML page.
///
/// Headline numbers become a table; each chart becomes an image link to its SVG file
/// (``ReportChart/fileName``), which ``RenderedReport`` writes beside the Markdown. The same
/// document always gives the same bytes.
public struct MarkdownReportRenderer: Sendable {
    public init() {}

    /// The Markdown text.
    public func render(_ document: ReportDocument) -> String {
        var paragraphs: [String] = ["# " + Self.inline(document.title)]
        if let subtitle = document.subtitle { paragraphs.append(Self.inline(subtitle)) }
        paragraphs += document.notices.map(notice)
        if !document.headline.isEmpty {
            paragraphs.append("## Headline numbers")
            paragraphs.append(metrics(document.headline))
        }
        for section in document.sections {
            paragraphs.append("## " + Self.inline(section.title))
            paragraphs += section.blocks.map(block)
        }
        if let footer = document.footer { paragraphs.append("---\n\n" + Self.inline(footer)) }
        return paragraphs.joined(separator: "\n\n") + "\n"
    }

    private func block(_ block: ReportBlock) -> String {
        switch block {
        case .paragraph(let text): return Self.inline(text)
        case .notice(let notice): return self.notice(notice)
        case .metrics(let metrics): return self.metrics(metrics)
        case .table(let table): return self.table(table)
        case .charts(let charts): return charts.map(chart).joined(separator: "\n\n")
        case .list(let items): return items.map { "- " + Self.inline($0) }.joined(separator: "\n")
        }
    }

    private func notice(_ notice: ReportNotice) -> String {
        let marker = notice.kind == .note ? "" : "⚠ "
        return "> \(marker)**\(Self.inline(notice.title))** \(Self.inline(notice.text))"
    }

    /// Headline numbers as a three-column table.
    private func metrics(_ metrics: [ReportMetric]) -> String {
        var table = ReportTable(columns: [.text("Measure"), .number("Value"), .text("Detail")])
        for metric in metrics { table.append([metric.label, metric.value, metric.detail ?? ""]) }
        return self.table(table)
    }

    private func table(_ table: ReportTable) -> String {
        var lines: [String] = []
        if let caption = table.caption { lines += ["**\(Self.inline(caption))**", ""] }
        lines.append(row(table.columns.map(\.title)))
        lines.append("|" + table.columns.map { $0.alignment == .right ? " ---: " : " :--- " }.joined(separator: "|") + "|")
        lines += table.rows.map { row(table.cells(of: $0)) }
        if let note = table.note { lines += ["", "_\(Self.inline(note))_"] }
        return lines.joined(separator: "\n")
    }

    private func row(_ cells: [String]) -> String {
        "| " + cells.map(Self.inline).joined(separator: " | ") + " |"
    }

    private func chart(_ chart: ReportChart) -> String {
        let image = "![\(Self.inline(chart.title))](\(chart.fileName))"
        guard let caption = chart.caption else { return image }
        return image + "\n\n_\(Self.inline(caption))_"
    }

    /// Text with Markdown's punctuation escaped, line breaks turned into spaces and control
    /// characters dropped, so a company name cannot start a heading, break a table, turn into a
    /// link or emphasis.
    /// Underscores inside words (`fall_out_microcap`) are left as they are: they emphasise nothing.
    static func inline(_ text: String) -> String {
        let characters = Array(text)
        var escaped = ""
        for (position, character) in characters.enumerated() {
            switch character {
            case "\\", "`", "*", "[", "]", "<", ">", "|":
                escaped += "\\" + String(character)
            case "#" where position == 0:
                escaped += "\\#"
            case "_" where !isInsideWord(characters, at: position):
                escaped += "\\_"
            case "\n", "\r", "\r\n":
                escaped += " "
            case _ where character.unicodeScalars.allSatisfy({ $0.value < 0x20 || $0.value == 0x7F }):
                continue
            default:
                escaped.append(character)
            }
        }
        return escaped
    }

    /// Whether the character at `position` has a letter or digit on both sides.
    private static func isInsideWord(_ characters: [Character], at position: Int) -> Bool {
        position > 0 && position + 1 < characters.count
            && (characters[position - 1].isLetter || characters[position - 1].isNumber)
            && (characters[position + 1].isLetter || characters[position + 1].isNumber)
    }
}
