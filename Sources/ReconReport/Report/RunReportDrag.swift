/// The reconstitution drag of one run as `drag.json` holds it (docs/outputs.md): the frozen
/// prior Russell 2000 against the reconstituted one over the same window.
public struct RunReportDrag: Sendable, Hashable {
    /// One weighting's measurement (`cap` or `equal`).
    public struct Measurement: Sendable, Hashable {
        public var frozenReturn: Double?
        public var reconstitutedReturn: Double?
        /// Frozen minus reconstituted; positive when the reconstitution cost return.
        public var gap: Double?
        /// The gap's exact decomposition, in the order reports show it; sums to ``gap``.
        public var components: [Component]
        public var frozenCount: Int?
        public var reconstitutedCount: Int?
        /// Holdings left out for want of a return, and their weight shares.
        public var leftOut: Int?
        public var leftOutFrozenWeight: Double?
        public var leftOutReconstitutedWeight: Double?

        public init(frozenReturn: Double?, reconstitutedReturn: Double?, gap: Double?, components: [Component] = [],
                    frozenCount: Int? = nil, reconstitutedCount: Int? = nil, leftOut: Int? = nil,
                    leftOutFrozenWeight: Double? = nil, leftOutReconstitutedWeight: Double? = nil) {
            self.frozenReturn = frozenReturn
            self.reconstitutedReturn = reconstitutedReturn
            self.gap = gap
            self.components = components
            self.frozenCount = frozenCount
            self.reconstitutedCount = reconstitutedCount
            self.leftOut = leftOut
            self.leftOutFrozenWeight = leftOutFrozenWeight
            self.leftOutReconstitutedWeight = leftOutReconstitutedWeight
        }

        /// The value of the component called `name`, if present.
        public func component(_ name: String) -> Double? {
            components.first { $0.name == name }?.value
        }
    }

    /// A named term of the gap (`deletions_upward`).
    public struct Component: Sendable, Hashable {
        public var name: String
        public var value: Double

        public init(name: String, value: Double) {
            self.name = name
            self.value = value
        }
    }

    /// A window's measurements (`windows.12m`).
    public struct Window: Sendable, Hashable {
        /// `1m`, `3m`, `12m`, `60m`.
        public var name: String
        public var cap: Measurement?
        public var equal: Measurement?

        public init(name: String, cap: Measurement?, equal: Measurement?) {
            self.name = name
            self.cap = cap
            self.equal = equal
        }
    }

    /// `snapshot` (two price files) or the return source of a replay.
    public var source: String?
    public var from: String?
    public var to: String?
    public var months: Int?
    /// Cap-weighted; in a replay, the 12-month window.
    public var cap: Measurement?
    /// Equal-weighted; in a replay, the 12-month window.
    public var equal: Measurement?
    /// Further windows (replays only), in the order of ``Window/order``.
    public var windows: [Window]

    public init(source: String? = nil, from: String? = nil, to: String? = nil, months: Int? = nil,
                cap: Measurement?, equal: Measurement?, windows: [Window] = []) {
        self.source = source
        self.from = from
        self.to = to
        self.months = months
        self.cap = cap
        self.equal = equal
        self.windows = windows.sorted { Self.windowOrder($0.name) < Self.windowOrder($1.name) }
    }

    /// Components in the order the decomposition reads: deletions, additions, stayers.
    public static let componentOrder = [
        "deletions_upward", "deletions_fall_out", "deletions_other",
        "additions_from_r1000", "additions_from_below", "additions_ipo", "stayers",
    ]

    /// Sort key of a window name: months as a number (`12m` → 12), unknown names last.
    static func windowOrder(_ name: String) -> (Int, String) {
        (Int(name.filter(\.isNumber)) ?? Int.max, name)
    }
}
