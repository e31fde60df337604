import ReconPlatform
import ReconCore
import ReconIO

/// The figures the synthetic market is calibrated to, one row per year: `Data/market-calibration.csv`.
///
/// Published values come from russell-rules.md (§4.4 breakpoints and smallest members, §4.1
/// Microcap counts, §1.3 rank days); every other value is marked as derived (`D`) or assumed
/// (`A`) in its `*_basis` column and explained in `source`. A blank value is interpolated between
/// the years around it (log-linearly for money, linearly for counts) and held flat beyond the
/// first and last. The binary carries a copy (``embedded``) so that it needs no `Data/` folder; a
/// test keeps the copy identical to the file.
public struct MarketCalibration: Sendable, Hashable {
    /// One year's row.
    public struct Year: Sendable, Hashable {
        public var year: Int
        /// The June reconstitution's rank day (russell-rules.md §1.3).
        public var rankDay: CalendarDate
        /// Total market cap of company #1,000 on the rank day, in dollars.
        public var breakpoint: Double?
        public var breakpointBasis: String
        /// The smallest Russell 3000 member after the reconstitution, in dollars.
        public var smallestMember: Double?
        public var smallestMemberBasis: String
        /// Companies passing the screens (common stock on NYSE/AMEX/NASDAQ, ≥ $1, ≥ $30M).
        public var eligibleCompanies: Double?
        public var eligibleCompaniesBasis: String
        /// Relative number of new listings (1 ≈ an average year): the IPO waves. Assumed.
        public var newListings: Double
        /// Total market cap of a typical (median) new listing, in dollars. Assumed.
        public var newListingMedian: Double?
        public var source: String
    }

    /// The rows, one per year, ascending and without gaps.
    public let years: [Year]

    // Each year's value with blanks filled in.
    private let filledLogBreakpoint: [Double]
    private let filledEligible: [Double]
    private let filledLogNewListingMedian: [Double]

    /// The table shipped with recon (the text of `Data/market-calibration.csv`).
    public static let embedded: MarketCalibration = {
        do {
            return try parse(bytes: Array(embeddedText.utf8), name: "Data/market-calibration.csv (embedded)")
        } catch {
            fatalError("the embedded market calibration does not parse: \(error)")
        }
    }()

    /// Reads a calibration file.
    public static func load(path: String) throws -> MarketCalibration {
        try parse(reader: CSVReader(path: path))
    }

    /// Parses calibration text.
    public static func parse(bytes: [UInt8], name: String) throws -> MarketCalibration {
        try parse(reader: CSVReader(bytes: bytes, name: name))
    }

    private static func parse(reader: CSVReader) throws -> MarketCalibration {
        let format = "market calibration"
        guard try reader.next() else { throw InputError(file: reader.name, message: "is empty, expected the market calibration table") }
        let header = try CSVHeader(reader: reader)
        func column(_ name: String) throws -> Int {
            try header.require(name, file: reader.name, line: reader.lineNumber, format: format)
        }
        let year = try column("year"), rankDay = try column("rank_day")
        let breakpoint = try column("breakpoint_1000_musd"), breakpointBasis = try column("breakpoint_basis")
        let smallest = try column("smallest_r3000_musd"), smallestBasis = try column("smallest_basis")
        let eligible = try column("eligible_companies"), eligibleBasis = try column("eligible_basis")
        let listings = try column("new_listings"), median = try column("new_listing_median_musd")
        let source = try column("source")
        var rows: [Year] = []
        while try reader.next() {
            if reader.isBlankLine { continue }
            func fail(_ column: Int, _ expected: String) throws -> Never {
                throw InputError(file: reader.name, line: reader.lineNumber, column: column + 1, columnName: header.names[column],
                                 message: "found \(InputError.quote((try? reader.trimmed(column)) ?? "")), expected \(expected)")
            }
            guard reader.fieldCount == header.names.count else {
                throw InputError(file: reader.name, line: reader.lineNumber,
                                 message: "found \(reader.fieldCount) fields, expected \(header.names.count) as in the header")
            }
            guard let value = Int(try reader.trimmed(year)), value == (rows.last?.year ?? value - 1) + 1 else {
                try fail(year, "the year after the previous row's")
            }
            guard let day = CalendarDate(parsing: try reader.trimmed(rankDay)), day.year == value else {
                try fail(rankDay, "a date YYYY-MM-DD in the row's year")
            }
            let millions = { (column: Int) throws -> Double? in
                guard let number = try reader.double(column, header: header, expected: "millions of dollars") else { return nil }
                guard number > 0 else { try fail(column, "a positive number of millions of dollars") }
                return number * 1_000_000
            }
            let weight = try reader.double(listings, header: header) ?? -1
            guard weight >= 0 else { try fail(listings, "a relative number of new listings ≥ 0") }
            rows.append(Year(
                year: value, rankDay: day,
                breakpoint: try millions(breakpoint), breakpointBasis: try reader.trimmed(breakpointBasis),
                smallestMember: try millions(smallest), smallestMemberBasis: try reader.trimmed(smallestBasis),
                eligibleCompanies: try reader.double(eligible, header: header), eligibleCompaniesBasis: try reader.trimmed(eligibleBasis),
                newListings: weight, newListingMedian: try millions(median), source: try reader.trimmed(source)))
        }
        guard !rows.isEmpty else { throw InputError(file: reader.name, message: "has a header but no rows, expected one row per year") }
        for (name, column, path) in [("breakpoint_1000_musd", breakpoint, \Year.breakpoint), ("eligible_companies", eligible, \Year.eligibleCompanies),
                                     ("new_listing_median_musd", median, \Year.newListingMedian)]
        where !rows.contains(where: { $0[keyPath: path] != nil }) {
            throw InputError(file: reader.name, column: column + 1, columnName: name, message: "has no value in any row, expected at least one")
        }
        return MarketCalibration(years: rows)
    }

    init(years: [Year]) {
        self.years = years
        filledLogBreakpoint = MarketCalibration.fill(years.map { $0.breakpoint.map(log) })
        filledEligible = MarketCalibration.fill(years.map(\.eligibleCompanies))
        filledLogNewListingMedian = MarketCalibration.fill(years.map { $0.newListingMedian.map(log) })
    }

    /// Linear interpolation over the blanks, flat beyond the first and last values.
    private static func fill(_ values: [Double?]) -> [Double] {
        let known = values.indices.filter { values[$0] != nil }
        return values.indices.map { index in
            if let value = values[index] { return value }
            guard let after = known.first(where: { $0 > index }) else { return values[known.last!]! }
            guard let before = known.last(where: { $0 < index }) else { return values[after]! }
            let fraction = Double(index - before) / Double(after - before)
            return values[before]! + fraction * (values[after]! - values[before]!)
        }
    }

    public var firstYear: Int { years[0].year }
    /// The last year of the table: a market generated past it has no published breakpoint to aim at.
    public var lastYear: Int { years[years.count - 1].year }

    private func position(_ year: Int) -> Int { min(max(year - firstYear, 0), years.count - 1) }

    /// The row of a year, `nil` outside the table.
    public func row(year: Int) -> Year? { (firstYear ... lastYear).contains(year) ? years[year - firstYear] : nil }

    /// The #1,000 breakpoint aimed at in a year (dollars): published, else interpolated.
    public func breakpoint(year: Int) -> Double { exp(filledLogBreakpoint[position(year)]) }

    /// The eligible companies aimed at in a year.
    public func eligibleCompanies(year: Int) -> Double { filledEligible[position(year)] }

    /// The typical new listing's total cap in a year (dollars).
    public func newListingMedian(year: Int) -> Double { exp(filledLogNewListingMedian[position(year)]) }

    /// The relative number of new listings in a year.
    public func newListings(year: Int) -> Double { years[position(year)].newListings }

    /// The rank day of a year; outside the table, the last business day of May.
    public func rankDay(year: Int) -> CalendarDate {
        if let row = row(year: year) { return row.rankDay }
        return TradingCalendar.lastBusinessDay(of: CalendarDate(year: year, month: 5, day: 1))
    }
}
