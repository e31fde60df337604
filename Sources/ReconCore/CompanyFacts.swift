/// What a company-facts file (Compustat, FactSet) says about securities or companies, by key and
/// date: the inputs of the screens a universe file rarely carries — the home-country indicators
/// (M7 §5.3–5.5), float (§5.10, §7) and unrestricted votes (§5.15).
///
/// Read by ReconFormats' `CompanyFactsReader`; overlaid on a universe at a rank day by
/// ``FactsOverlay``. A file is keyed by one kind of key. Each row applies from its `start` to its
/// `end` date (both inclusive, open when absent); rows of one key may not overlap in time, so at
/// any date a key has at most one row in force (``init(file:keyKind:rows:)`` checks it).
public struct CompanyFacts: Sendable {
    /// What a file's keys name.
    public enum KeyKind: String, Sendable, Hashable, CaseIterable {
        /// A CRSP PERMNO: one security (a universe line).
        case permno
        /// A CRSP PERMCO: one company, every line of it.
        case permco
        /// A ticker: one universe line, compared normalised (``Ticker/normalize(_:)``).
        case ticker

        /// The key as messages name it.
        public var label: String { self == .ticker ? "ticker" : rawValue.uppercased() }
    }

    /// A float fact: a factor, or float shares to divide by shares outstanding.
    public enum Float: Sendable, Hashable {
        /// The fraction of shares available to the public (0…1).
        case factor(Double)
        /// Float shares, with the shares outstanding the file gives beside them (`nil`: the
        /// universe's shares at the rank day are used).
        case shares(Double, outstanding: Double?)

        /// The facts column it came from, as outputs name it (`float_factor`, `float_shares`).
        public var column: String {
            switch self {
            case .factor: return "float_factor"
            case .shares: return "float_shares"
            }
        }
    }

    /// One row of the file.
    public struct Row: Sendable, Hashable {
        /// The key: a PERMNO or PERMCO as decimal text without leading zeros, or a normalised ticker.
        public var key: String
        /// The first and last day the row applies (inclusive), `nil` when open.
        public var start: CalendarDate?
        public var end: CalendarDate?
        /// The home-country indicators, `nil` when the row gives no headquarters country.
        public var homeCountry: HomeCountry.Indicators?
        public var float: Float?
        /// The fraction of votes held by unrestricted holders (0…1).
        public var votingFraction: Double?
        /// The row's physical line in the file.
        public var line: Int

        public init(key: String, start: CalendarDate? = nil, end: CalendarDate? = nil, homeCountry: HomeCountry.Indicators? = nil,
                    float: Float? = nil, votingFraction: Double? = nil, line: Int) {
            self.key = key
            self.start = start
            self.end = end
            self.homeCountry = homeCountry
            self.float = float
            self.votingFraction = votingFraction
            self.line = line
        }

        /// Whether the row applies at `date`.
        public func applies(at date: CalendarDate) -> Bool {
            (start.map { $0 <= date } ?? true) && (end.map { date <= $0 } ?? true)
        }

        /// Whether the row's dates overlap `other`'s.
        func overlaps(_ other: Row) -> Bool {
            let startsBeforeOtherEnds = start.flatMap { start in other.end.map { start <= $0 } } ?? true
            let otherStartsBeforeEnd = other.start.flatMap { start in end.map { start <= $0 } } ?? true
            return startsBeforeOtherEnds && otherStartsBeforeEnd
        }
    }

    /// Two rows of one key whose dates overlap (indices into ``rows``, the earlier first).
    public struct Overlap: Error, Sendable, Equatable {
        public var first: Int
        public var second: Int
    }

    /// Where a file's key column is, for messages about the key (`FILE:LINE:COL`).
    public struct KeyColumn: Sendable, Hashable {
        /// The header's line, the 1-based column and its name as written.
        public var line: Int
        public var column: Int
        public var name: String

        public init(line: Int, column: Int, name: String) {
            self.line = line
            self.column = column
            self.name = name
        }
    }

    /// The file the facts came from, for messages.
    public let file: String
    public let keyKind: KeyKind
    public let rows: [Row]
    /// The key column of the file, when read from one.
    public var keyColumn: KeyColumn?
    /// The rows of each key, in file order.
    private let rowsOfKey: [String: [Int]]

    /// - Throws: ``Overlap`` for the first pair of rows of one key (in file order of the later
    ///   row) whose dates overlap.
    public init(file: String, keyKind: KeyKind, rows: [Row]) throws {
        var rowsOfKey: [String: [Int]] = [:]
        for (index, row) in rows.enumerated() {
            if let earlier = rowsOfKey[row.key]?.first(where: { rows[$0].overlaps(row) }) {
                throw Overlap(first: earlier, second: index)
            }
            rowsOfKey[row.key, default: []].append(index)
        }
        self.file = file
        self.keyKind = keyKind
        self.rows = rows
        self.rowsOfKey = rowsOfKey
    }

    /// The row of `key` in force at `date` (an index into ``rows``), `nil` when none.
    public func row(for key: String, at date: CalendarDate) -> Int? {
        rowsOfKey[key]?.first { rows[$0].applies(at: date) }
    }

    /// The rows in force at `date`, in file order.
    public func rowsInForce(at date: CalendarDate) -> [Int] {
        rows.indices.filter { rows[$0].applies(at: date) }
    }
}
