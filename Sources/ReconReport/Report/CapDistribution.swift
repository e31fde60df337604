import ReconCore

/// Companies ranked near a cut (#1,000 or #3,000) by class of change, for a distribution chart
/// of total cap against rank: stayers, upward and downward migrants, additions, deletions, and
/// companies outside the Russell 3000 before and after.
public struct CapDistribution: Sendable, Hashable {
    /// A class of change with its look, fixed so every chart marks a class the same way.
    public struct MoverClass: Sendable, Hashable {
        public var name: String
        public var changes: Set<MembershipChange>
        public var symbol: PointSymbol
        public var color: String
        /// Whether the class is listed even when no company near the cut belongs to it.
        public var alwaysShown: Bool
    }

    /// The classes, in drawing order (stayers underneath).
    public static let classes: [MoverClass] = [
        MoverClass(name: "stay", changes: [.stay], symbol: .circle, color: "#999999", alwaysShown: true),
        MoverClass(name: "moved up", changes: [.upward], symbol: .triangleUp, color: "#0072B2", alwaysShown: true),
        MoverClass(name: "moved down", changes: [.downward], symbol: .triangleDown, color: "#D55E00", alwaysShown: true),
        MoverClass(name: "added", changes: [.addition], symbol: .diamond, color: "#009E73", alwaysShown: true),
        MoverClass(name: "deleted", changes: [.deletion], symbol: .cross, color: "#CC79A7", alwaysShown: true),
        MoverClass(name: "not a member", changes: [.none], symbol: .square, color: "#E69F00", alwaysShown: false),
    ]

    /// The cut's rank: 1,000 or 3,000.
    public var cut: Int
    /// The ranks shown.
    public var window: ClosedRange<Int>
    /// The ranks of the band around the cut, when there is one.
    public var band: ClosedRange<Int>?
    /// The companies of one class near the cut, as (rank, total cap) points.
    public struct ClassPoints: Sendable, Hashable {
        public var moverClass: MoverClass
        public var points: [ChartPoint]
    }

    /// Per class, in ``classes`` order; a class that is not ``MoverClass/alwaysShown`` is left
    /// out when empty.
    public var groups: [ClassPoints]

    /// Ranks shown beyond the band (or either side of the cut without one): at least this many.
    static let minimumMargin = 100

    /// - Parameters:
    ///   - band: the band's ranks (see ``bandRanks(members:capHigh:capLow:)``); `nil` for none.
    ///   - margin: ranks shown either side of the band or the cut; `nil` for half the band's
    ///     width, at least ``minimumMargin``.
    public init(members: [RunReportMember], cut: Int, band: ClosedRange<Int>?, margin: Int? = nil) {
        self.cut = cut
        self.band = band
        let span = band ?? cut...cut
        let margin = margin ?? max(Self.minimumMargin, (span.upperBound - span.lowerBound) / 2)
        let window = max(1, span.lowerBound - margin)...(span.upperBound + margin)
        self.window = window
        let ranked = RunReportMember.linePerCompany(members).filter { member in
            member.rank.map(window.contains) ?? false
        }
        groups = Self.classes.compactMap { moverClass in
            let points = ranked.filter { moverClass.changes.contains($0.change) }.compactMap { member -> ChartPoint? in
                guard let rank = member.rank, let cap = member.totalMarketCap else { return nil }
                return ChartPoint(x: Double(rank), y: cap)
            }
            return points.isEmpty && !moverClass.alwaysShown ? nil : ClassPoints(moverClass: moverClass, points: points)
        }
    }

    /// The number of companies of the class called `name` near the cut.
    public func count(_ name: String) -> Int {
        groups.first { $0.moverClass.name == name }?.points.count ?? 0
    }

    /// The chart: total cap (log) against rank, the band shaded, the cut drawn.
    public func chart(title: String, bandLabel: String = "band", size: ChartSize = .standard) -> DistributionChart {
        DistributionChart(
            title: title,
            groups: groups.map { DistributionChart.Group(
                name: $0.moverClass.name, points: $0.points, symbol: $0.moverClass.symbol, color: $0.moverClass.color) },
            band: band.map { ShadedRange(x: Double($0.lowerBound)...Double($0.upperBound), label: bandLabel) },
            cut: VerticalMarker(x: Double(cut) + 0.5, label: "#" + ReportNumber.count(cut)),
            xAxisTitle: "Rank", yAxisTitle: "Total market cap", size: size)
    }

    /// The ranks of the companies inside the band: from the company whose cap is the band's
    /// upper edge cap to the one whose cap is its lower edge cap (`band_cap_high`,
    /// `band_cap_low`). `nil` when either is unknown or no ranked company lies between them.
    public static func bandRanks(members: [RunReportMember], capHigh: Double?, capLow: Double?) -> ClosedRange<Int>? {
        guard let capHigh, let capLow else { return nil }
        let tolerance = 1e-9
        let inside = members.compactMap { member -> Int? in
            guard let rank = member.rank, let cap = member.totalMarketCap,
                  cap <= capHigh * (1 + tolerance), cap >= capLow * (1 - tolerance) else { return nil }
            return rank
        }
        guard let low = inside.min(), let high = inside.max() else { return nil }
        return low...high
    }
}
