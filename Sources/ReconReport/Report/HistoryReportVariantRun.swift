/// One line of a replay's `variants.csv`: one run's measures under one rule variant (or under
/// the published rules).
public struct HistoryReportVariantRun: Sendable, Hashable {
    /// `band=0`, or the name the replay gives the published rules.
    public var variant: String
    public var run: String
    public var r1000Count: Int?
    public var r2000Count: Int?
    public var movedUp: Int?
    public var movedDown: Int?
    public var turnoverNames: Double?
    public var turnoverWeight: Double?
    public var drag12mCap: Double?
    public var drag12mEqual: Double?

    public init(
        variant: String, run: String, r1000Count: Int? = nil, r2000Count: Int? = nil, movedUp: Int? = nil,
        movedDown: Int? = nil, turnoverNames: Double? = nil, turnoverWeight: Double? = nil, drag12mCap: Double? = nil,
        drag12mEqual: Double? = nil
    ) {
        self.variant = variant
        self.run = run
        self.r1000Count = r1000Count
        self.r2000Count = r2000Count
        self.movedUp = movedUp
        self.movedDown = movedDown
        self.turnoverNames = turnoverNames
        self.turnoverWeight = turnoverWeight
        self.drag12mCap = drag12mCap
        self.drag12mEqual = drag12mEqual
    }
}
