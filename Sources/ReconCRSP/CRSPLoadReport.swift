/// What loading a CRSP panel found: rows read, rows left out of the cross-sections and why.
///
/// A row without a price or without shares outstanding is not an error (CRSP has such months,
/// for example when a security did not trade): it stays in the panel for its returns and for
/// delisting detection, but a cross-section cannot rank it, so ``CRSPPanel/snapshot(onOrBefore:)``
/// leaves it out and the report counts it under its reason.
public struct CRSPLoadReport: Sendable, Hashable, CustomStringConvertible {
    /// Why a row is left out of the cross-sections.
    public enum DropReason: String, Sendable, Hashable, CaseIterable, Comparable {
        /// `PRC` blank or 0: CRSP has neither a close nor a bid/ask midpoint.
        case missingPrice = "missing_price"
        /// `SHROUT` blank or 0.
        case missingShares = "missing_shares"

        public static func < (lhs: DropReason, rhs: DropReason) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The file as named.
    public var file: String
    /// Data rows read (the header and blank lines not counted).
    public var rowsRead = 0
    /// Rows with a price and shares: the ones the cross-sections use.
    public var rowsInCrossSections = 0
    /// Rows left out of the cross-sections, by reason (a row with neither counts as `missingPrice`).
    public var dropped: [DropReason: Int] = [:]
    /// Rows whose `RET` is a missing-value code or blank.
    public var missingReturns = 0
    /// Rows whose `PRC` was negative: CRSP's bid/ask midpoint, used as the price (|PRC|).
    public var midpointPrices = 0
    /// Blank lines skipped.
    public var blankLines = 0
    /// Distinct PERMNOs, PERMCOs and months.
    public var securities = 0
    public var companies = 0
    public var months = 0

    public init(file: String) {
        self.file = file
    }

    /// Rows left out of the cross-sections, all reasons together.
    public var droppedTotal: Int { dropped.values.reduce(0, +) }

    /// `file: 2,145,003 rows (9,812 securities, 5,120 companies, 576 months); 2,140,000 in cross-sections; dropped: missing_price 4,100, missing_shares 903`.
    public var description: String {
        var text = "\(file): \(rowsRead) rows (\(securities) securities, \(companies) companies, \(months) months); \(rowsInCrossSections) in cross-sections"
        if !dropped.isEmpty {
            text += "; dropped: " + dropped.keys.sorted().map { "\($0.rawValue) \(dropped[$0]!)" }.joined(separator: ", ")
        }
        return text
    }
}
