/// The geometry of a ``FlowChart``: where its nodes and ribbons go.
///
/// Both columns share one scale (units per member), chosen so that the taller column, with a
/// gap between nodes, fills the plot height; each column is centred vertically. Ribbons leave
/// a node in the order of their targets and enter one in the order of their sources, which
/// keeps crossings down.
struct FlowLayout {
    struct Node {
        var name: String
        var isLeft: Bool
        var count: Double
        var top: Double
        var height: Double
    }

    struct Ribbon {
        var flow: FlowChart.Flow
        var sourceTop: Double
        var targetTop: Double
        var thickness: Double
    }

    static let nodeWidth = 12.0
    static let nodeGap = 14.0

    var nodes: [Node] = []
    var ribbons: [Ribbon] = []
    var leftNodeX: Double
    var rightNodeX: Double
    var columnTitleBaseline: Double
    private var colorIndexByName: [String: Int] = [:]

    init(flows: [FlowChart.Flow], leftNodes: [String], rightNodes: [String], size: ChartSize, theme: ChartTheme) {
        let leftCounts = leftNodes.map { name in Self.total(of: flows.filter { $0.from == name }) }
        let rightCounts = rightNodes.map { name in Self.total(of: flows.filter { $0.to == name }) }
        let leftLabels = zip(leftNodes, leftCounts).map { Self.label($0, count: $1) }
        let rightLabels = zip(rightNodes, rightCounts).map { Self.label($0, count: $1) }

        columnTitleBaseline = ChartLayout.padding + theme.titleFontSize + 8 + theme.fontSize + 4
        let top = columnTitleBaseline + 10
        let bottom = size.height - ChartLayout.padding
        leftNodeX = ChartLayout.padding + ChartText.widestWidth(of: leftLabels, fontSize: theme.fontSize) + 6
        rightNodeX = size.width - ChartLayout.padding - ChartText.widestWidth(of: rightLabels, fontSize: theme.fontSize)
            - 6 - Self.nodeWidth
        rightNodeX = max(rightNodeX, leftNodeX + Self.nodeWidth + 40)

        let total = Self.total(of: flows)
        let tallest = Double(max(leftNodes.count, rightNodes.count) - 1) * Self.nodeGap
        let unitsPerMember = total > 0 ? max(bottom - top - tallest, 1) / total : 0

        nodes = Self.column(leftNodes, counts: leftCounts, isLeft: true, top: top, bottom: bottom, unitsPerMember: unitsPerMember)
            + Self.column(rightNodes, counts: rightCounts, isLeft: false, top: top, bottom: bottom, unitsPerMember: unitsPerMember)
        ribbons = Self.ribbons(flows, leftNodes: leftNodes, rightNodes: rightNodes, nodes: nodes, unitsPerMember: unitsPerMember)
        for name in leftNodes + rightNodes where colorIndexByName[name] == nil {
            colorIndexByName[name] = colorIndexByName.count
        }
    }

    /// The colour of the node named `name`, the same in both columns.
    func color(of name: String, theme: ChartTheme) -> String {
        theme.seriesColor(at: colorIndexByName[name] ?? 0)
    }

    /// A node's label: `R1000 (1,002)`.
    static func label(_ name: String, count: Double) -> String {
        "\(name) (\(NumberFormat.grouped.string(for: count)))"
    }

    /// The members of `flows`, added as doubles so that no sum can overflow.
    private static func total(of flows: [FlowChart.Flow]) -> Double {
        flows.reduce(0) { $0 + Double($1.count) }
    }

    private static func column(
        _ names: [String], counts: [Double], isLeft: Bool, top: Double, bottom: Double, unitsPerMember: Double
    ) -> [Node] {
        let heights = counts.map { $0 * unitsPerMember }
        let columnHeight = heights.reduce(0, +) + Double(max(names.count - 1, 0)) * nodeGap
        var y = top + max(0, (bottom - top - columnHeight) / 2)
        var nodes: [Node] = []
        for (index, name) in names.enumerated() {
            nodes.append(Node(name: name, isLeft: isLeft, count: counts[index], top: y, height: heights[index]))
            y += heights[index] + nodeGap
        }
        return nodes
    }

    private static func ribbons(
        _ flows: [FlowChart.Flow], leftNodes: [String], rightNodes: [String], nodes: [Node], unitsPerMember: Double
    ) -> [Ribbon] {
        let sourceOrder = flows.sorted { order(of: $0, in: leftNodes, rightNodes) < order(of: $1, in: leftNodes, rightNodes) }
        let targetOrder = flows.sorted { order(of: $0, in: rightNodes, leftNodes, target: true) < order(of: $1, in: rightNodes, leftNodes, target: true) }
        let sourceTops = offsets(of: sourceOrder, node: \.from, nodes: nodes.filter(\.isLeft), unitsPerMember: unitsPerMember)
        let targetTops = offsets(of: targetOrder, node: \.to, nodes: nodes.filter { !$0.isLeft }, unitsPerMember: unitsPerMember)
        return sourceOrder.indices.map { index in
            let flow = sourceOrder[index]
            let targetIndex = targetOrder.firstIndex(of: flow) ?? 0
            return Ribbon(flow: flow, sourceTop: sourceTops[index], targetTop: targetTops[targetIndex],
                          thickness: Double(flow.count) * unitsPerMember)
        }
    }

    /// Sort key of a flow: its node's place in `primary`, then its other end's place in `secondary`.
    private static func order(
        of flow: FlowChart.Flow, in primary: [String], _ secondary: [String], target: Bool = false
    ) -> (Int, Int) {
        let own = target ? flow.to : flow.from
        let other = target ? flow.from : flow.to
        return (primary.firstIndex(of: own) ?? primary.count, secondary.firstIndex(of: other) ?? secondary.count)
    }

    /// The top of each flow within its node, the flows stacked in the order given.
    private static func offsets(
        of flows: [FlowChart.Flow], node: KeyPath<FlowChart.Flow, String>, nodes: [Node], unitsPerMember: Double
    ) -> [Double] {
        var used: [String: Double] = [:]
        return flows.map { flow in
            let name = flow[keyPath: node]
            let nodeTop = nodes.first { $0.name == name }?.top ?? 0
            let top = nodeTop + (used[name] ?? 0)
            used[name, default: 0] += Double(flow.count) * unitsPerMember
            return top
        }
    }
}
