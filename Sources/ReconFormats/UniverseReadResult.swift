import ReconCore
import ReconIO

/// What a universe reader returns: the lines read, the rows left out, and notes about the file.
public struct UniverseReadResult: Sendable {
    /// The format the file was read as.
    public var format: UniverseFormat
    /// One security per kept row, in file order.
    public var securities: [Security]
    /// Every row left out, with its line and reason.
    public var dropped: [DroppedRow]
    /// Facts about the whole file worth telling the user (`953 rows have no market cap`).
    public var notes: [String]
    /// Each security's issuer key from its name alone (``IssuerKey/key(name:symbol:)``), in the
    /// order of ``securities``, when the reader made them on the way to the company keys (the
    /// Nasdaq screener): ``PriorTickerChanges`` then need not split every name again.
    public var issuerKeys: [String]?
    /// The day the file's prices are from, when known: a CRSP cross-section's month-end, the date
    /// a screener export's file name carries (``FileNameDate``).
    public var asOf: CalendarDate?

    public init(format: UniverseFormat, securities: [Security], dropped: [DroppedRow] = [], notes: [String] = [],
                issuerKeys: [String]? = nil, asOf: CalendarDate? = nil) {
        self.format = format
        self.securities = securities
        self.dropped = dropped
        self.notes = notes
        self.issuerKeys = issuerKeys
        self.asOf = asOf
    }
}
