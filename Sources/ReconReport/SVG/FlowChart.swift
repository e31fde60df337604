/// Membership before and after, as a two-column Sankey diagram: groups before on the left,
/// groups after on the right, and a ribbon for each pair whose thickness is proportional to
/// its count.
///
///     let moves = FlowChart(
///         title: "Membership, 2023 → 2024",
///         flows: [.init(from: "R1000", to: "R1000", count: 960), .init(from: "R1000", to: "R2000", count: 38),
///                 .init(from: "R2000", to: "R1000", count: 41), .init(from: "Out", to: "R2000", count: 150)],
///         leftNodes: ["R1000", "R2000", "Microcap", "Out"], rightNodes: ["R1000", "R2000", "Microcap", "Out"])
///     let markup = moves.svg()
///
/// Nodes are labelled with their name and count. A ribbon thick enough to hold text is
/// labelled with its count; every ribbon's count is in its tooltip. Flows with a count of zero
/// or less are not drawn; flows between the same pair of nodes are added together.
public struct FlowChart: SVGChart {
    /// A number of members moving from a group before to a group after.
    public struct Flow: Sendable, Hashable {
        /// The group before (left column).
        public var from: String
        /// The group after (right column).
        public var to: String
        /// The number of members; flows of zero or less are not drawn.
        public var count: Int

        public init(from: String, to: String, count: Int) {
            self.from = from
            self.to = to
            self.count = count
        }
    }

    /// The visible title and the accessible name.
    public var title: String
    /// The accessible description; `nil` lists the flows.
    public var summary: String?
    /// The flows; see the type's documentation for how they are combined.
    public var flows: [Flow]
    /// The left column, top to bottom. Groups named only in ``flows`` follow, in order of
    /// appearance; groups listed here without flows are shown with a count of zero.
    public var leftNodes: [String]
    /// The right column, top to bottom; as ``leftNodes``.
    public var rightNodes: [String]
    /// The heading of the left column.
    public var leftTitle: String
    /// The heading of the right column.
    public var rightTitle: String
    /// The outer size of the chart.
    public var size: ChartSize

    public init(
        title: String, summary: String? = nil, flows: [Flow], leftNodes: [String] = [], rightNodes: [String] = [],
        leftTitle: String = "Before", rightTitle: String = "After", size: ChartSize = .standard
    ) {
        self.title = title
        self.summary = summary
        self.flows = flows
        self.leftNodes = leftNodes
        self.rightNodes = rightNodes
        self.leftTitle = leftTitle
        self.rightTitle = rightTitle
        self.size = size
    }

    /// The chart as an SVG document; see ``SVGChart/document(id:theme:)``.
    public func document(id: String?, theme: ChartTheme) -> SVGDocument {
        let flows = mergedFlows
        guard !flows.isEmpty else {
            return ChartLayout.emptyDocument(title: title, summary: summary, id: id, size: size, theme: theme)
        }
        let layout = FlowLayout(
            flows: flows, leftNodes: orderedNodes(leftNodes, adding: flows.map(\.from)),
            rightNodes: orderedNodes(rightNodes, adding: flows.map(\.to)), size: size, theme: theme)
        let chrome = ChartLayout(
            size: size, theme: theme, legend: nil, leftLabels: [], hasBottomLabels: false,
            hasXAxisTitle: false, hasYAxisTitle: false)
        var content = [chrome.background(theme: theme), chrome.titleElement(title, theme: theme)]
        content.append(columnTitles(layout: layout, theme: theme))
        content.append(SVGElement("g", children: layout.ribbons.map { ribbon($0, layout: layout, theme: theme) })
            .attribute("class", "ribbons"))
        content.append(SVGElement("g", children: layout.nodes.map { node($0, layout: layout, theme: theme) })
            .attribute("class", "nodes"))
        return SVGDocument(
            width: size.width, height: size.height, title: title, summary: summary ?? defaultSummary(flows), id: id,
            rootAttributes: ChartLayout.rootAttributes(theme: theme), content: content)
    }

    /// Positive flows, those between the same pair added together (at most `Int.max`), in
    /// order of first appearance.
    var mergedFlows: [Flow] {
        var merged: [Flow] = []
        for flow in flows where flow.count > 0 {
            if let index = merged.firstIndex(where: { $0.from == flow.from && $0.to == flow.to }) {
                let (sum, overflowed) = merged[index].count.addingReportingOverflow(flow.count)
                merged[index].count = overflowed ? Int.max : sum
            } else {
                merged.append(flow)
            }
        }
        return merged
    }

    /// `listed`, then the names of `named` that are not listed, each once, in order.
    private func orderedNodes(_ listed: [String], adding named: [String]) -> [String] {
        var ordered: [String] = []
        for name in listed + named where !ordered.contains(name) { ordered.append(name) }
        return ordered
    }

    private func columnTitles(layout: FlowLayout, theme: ChartTheme) -> SVGElement {
        let y = layout.columnTitleBaseline
        return SVGElement("g", children: [
            ChartText.element(leftTitle, x: layout.leftNodeX + FlowLayout.nodeWidth, y: y, anchor: .end,
                              color: theme.textColor, bold: true),
            ChartText.element(rightTitle, x: layout.rightNodeX, y: y, color: theme.textColor, bold: true),
        ]).attribute("class", "column-titles")
    }

    private func ribbon(_ ribbon: FlowLayout.Ribbon, layout: FlowLayout, theme: ChartTheme) -> SVGElement {
        let startX = layout.leftNodeX + FlowLayout.nodeWidth
        let endX = layout.rightNodeX
        let middleX = (startX + endX) / 2
        var path = SVGPath()
        path.move(to: startX, ribbon.sourceTop)
        path.curve(to: endX, ribbon.targetTop, control1: (middleX, ribbon.sourceTop), control2: (middleX, ribbon.targetTop))
        path.line(to: endX, ribbon.targetTop + ribbon.thickness)
        path.curve(to: startX, ribbon.sourceTop + ribbon.thickness,
                   control1: (middleX, ribbon.targetTop + ribbon.thickness),
                   control2: (middleX, ribbon.sourceTop + ribbon.thickness))
        path.close()
        let count = NumberFormat.grouped.string(for: Double(ribbon.flow.count))
        var children = [
            SVGElement("path").attribute("class", "ribbon").attribute("d", path.data)
                .attribute("fill", layout.color(of: ribbon.flow.from, theme: theme)).attribute("fill-opacity", 0.4)
                .titled("\(ribbon.flow.from) → \(ribbon.flow.to): \(count)"),
        ]
        if ribbon.thickness >= theme.fontSize + 2 {
            children.append(ChartText.element(
                count, x: endX - 6, y: ribbon.targetTop + ribbon.thickness / 2 + theme.fontSize * 0.35,
                anchor: .end, color: theme.textColor))
        }
        return SVGElement("g", children: children)
    }

    private func node(_ node: FlowLayout.Node, layout: FlowLayout, theme: ChartTheme) -> SVGElement {
        let x = node.isLeft ? layout.leftNodeX : layout.rightNodeX
        let count = NumberFormat.grouped.string(for: node.count)
        let columnTitle = node.isLeft ? leftTitle : rightTitle
        let bar = SVGElement("rect").attribute("class", "node").attribute("x", x).attribute("y", node.top)
            .attribute("width", FlowLayout.nodeWidth).attribute("height", max(node.height, 1))
            .attribute("fill", layout.color(of: node.name, theme: theme))
            .titled("\(columnTitle), \(node.name): \(count)")
        let labelX = node.isLeft ? x - 6 : x + FlowLayout.nodeWidth + 6
        let label = ChartText.element(
            FlowLayout.label(node.name, count: node.count), x: labelX,
            y: node.top + node.height / 2 + theme.fontSize * 0.35, anchor: node.isLeft ? .end : .start,
            color: theme.textColor)
        return SVGElement("g", children: [bar, label])
    }

    private func defaultSummary(_ flows: [Flow]) -> String {
        let described = flows.map { "\($0.from) to \($0.to): \(NumberFormat.grouped.string(for: Double($0.count)))" }
        return "Flows from \(leftTitle.lowercased()) to \(rightTitle.lowercased()). " + described.joined(separator: "; ") + "."
    }
}
