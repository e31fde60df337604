/// One line of a replay's `history.csv`: one reconstitution's measures (docs/outputs.md).
///
/// Counts are companies; caps are US dollars; turnover and drag are fractions. An empty cell is
/// `nil` (band edges before banding, drag where the return data end).
public struct HistoryReportRun: Sendable, Hashable {
    /// `2025-06`; the run's folder inside the replay folder has this name.
    public var run: String
    public var rankDay: String?
    public var effectiveDate: String?
    public var r1000Count: Int?
    public var r2000Count: Int?
    public var r3000Count: Int?
    public var microcapCount: Int?
    public var breakpoint1000: Double?
    public var breakpoint3000: Double?
    /// Total cap at the band's lower edge; `nil` without a band.
    public var bandLow: Double?
    /// Total cap at the band's upper edge; `nil` without a band.
    public var bandHigh: Double?
    public var movedUp: Int?
    public var movedDown: Int?
    public var additions: Int?
    public var deletions: Int?
    /// New listings added between the last reconstitution and this one.
    public var ipoAdditionsBefore: Int?
    /// Members deleted between the last reconstitution and this one.
    public var deletionsBefore: Int?
    public var turnoverNames: Double?
    public var turnoverWeight: Double?
    public var drag12mCap: Double?
    public var drag12mEqual: Double?

    public init(
        run: String, rankDay: String? = nil, effectiveDate: String? = nil, r1000Count: Int? = nil, r2000Count: Int? = nil,
        r3000Count: Int? = nil, microcapCount: Int? = nil, breakpoint1000: Double? = nil, breakpoint3000: Double? = nil,
        bandLow: Double? = nil, bandHigh: Double? = nil, movedUp: Int? = nil, movedDown: Int? = nil, additions: Int? = nil,
        deletions: Int? = nil, ipoAdditionsBefore: Int? = nil, deletionsBefore: Int? = nil, turnoverNames: Double? = nil,
        turnoverWeight: Double? = nil, drag12mCap: Double? = nil, drag12mEqual: Double? = nil
    ) {
        self.run = run
        self.rankDay = rankDay
        self.effectiveDate = effectiveDate
        self.r1000Count = r1000Count
        self.r2000Count = r2000Count
        self.r3000Count = r3000Count
        self.microcapCount = microcapCount
        self.breakpoint1000 = breakpoint1000
        self.breakpoint3000 = breakpoint3000
        self.bandLow = bandLow
        self.bandHigh = bandHigh
        self.movedUp = movedUp
        self.movedDown = movedDown
        self.additions = additions
        self.deletions = deletions
        self.ipoAdditionsBefore = ipoAdditionsBefore
        self.deletionsBefore = deletionsBefore
        self.turnoverNames = turnoverNames
        self.turnoverWeight = turnoverWeight
        self.drag12mCap = drag12mCap
        self.drag12mEqual = drag12mEqual
    }

    /// Whether the run had a band at #1,000.
    public var hasBand: Bool { bandLow != nil || bandHigh != nil }
}
