import ReconCore
import ReconIO

/// A CRSP monthly stock panel held columnar and compact, sorted by (month, PERMNO), so that the
/// cross-section at a date and a security's returns over a window are cheap.
///
/// ```swift
/// let panel = try CRSPPanel.load(path: "crsp_msf.csv")
/// let universe = panel.snapshot(onOrBefore: CalendarDate(year: 2017, month: 5, day: 12)) // April 2017 data
/// let held = panel.compoundReturn(companyKey: "20678", after: june2017, through: june2018)
/// ```
///
/// Memory: 48 bytes a row (four million rows ≈ 190 MB); names and tickers are kept once
/// per PERMNO (the latest). Loading streams the file (``load(path:progress:)``).
public struct CRSPPanel: Sendable {
    /// The file the panel was read from.
    public let source: String
    /// Rows read and rows left out of the cross-sections.
    public let report: CRSPLoadReport

    // One entry per row, rows sorted by (month, PERMNO).
    let rowSecurity: PanelColumn<Int32>
    let rowCompany: PanelColumn<Int32>
    let rowDate: PanelColumn<Int32>
    let rowShareCode: PanelColumn<Int16>
    let rowExchangeCode: PanelColumn<Int16>
    /// |PRC|; NaN when CRSP has no price.
    let rowPrice: PanelColumn<Double>
    /// SHROUT in thousands; NaN when missing.
    let rowShares: PanelColumn<Double>
    /// RET and DLRET; NaN when missing.
    let rowReturn: PanelColumn<Float>
    let rowDelistingReturn: PanelColumn<Float>
    /// The physical line of the row in ``source``.
    let rowLine: PanelColumn<Int32>

    /// Month keys (`year * 12 + month - 1`) present, ascending, with the rows of month `m` at
    /// `monthRowStart[m] ..< monthRowStart[m + 1]`.
    let monthKeys: [Int32]
    let monthRowStart: [Int]
    /// The month-ends present (the latest `date` of each month), ascending.
    public let months: [CalendarDate]

    // One entry per security (PERMNO), in order of first appearance.
    let securityOfPermno: [Int32: Int32]
    let securityPermno: [Int32]
    let securityTicker: [String]
    let securityName: [String]
    let securityIndustry: [Int32]
    let securityCusip: [String]
    /// The rows of security `s`, in month order: `securityRows[securityRowStart[s] ..< securityRowStart[s + 1]]`.
    let securityRowStart: [Int]
    let securityRows: PanelColumn<Int32>
    /// The month key of each entry of ``securityRows``.
    let securityRowMonth: PanelColumn<Int32>
    /// The securities that ever carried a PERMCO.
    let securitiesOfCompany: [Int32: [Int32]]

    /// The month key of each security's first row.
    let securityFirstMonthKey: [Int32]

    /// The panel's companies, tickers and names as universe ids: a company id is the place of its
    /// PERMCO in key order (the PERMCOs' decimal texts ascending), a ticker id numbers each
    /// security's normalised ticker (`PERMNO n` for a security without one), a name id is a
    /// security's index (its name is its company's display name).
    public let keys: UniverseKeys
    /// The ticker id of each security.
    let securitySymbol: [Int32]
    /// The company id of each PERMCO (``companyID(permco:)``): by index below ``directPermcos``.
    private let companyOfPermco: [Int32]
    private let companyOfLargePermco: [Int32: Int32]
    private static let directPermcos: Int32 = 1 << 22

    /// The row columns of a panel, in (month, PERMNO) order.
    struct Rows {
        var security: PanelColumn<Int32>
        var company: PanelColumn<Int32>
        var date: PanelColumn<Int32>
        var shareCode: PanelColumn<Int16>
        var exchangeCode: PanelColumn<Int16>
        var price: PanelColumn<Double>
        var shares: PanelColumn<Double>
        var `return`: PanelColumn<Float>
        var delistingReturn: PanelColumn<Float>
        var line: PanelColumn<Int32>
    }

    /// The panel of sorted rows and their indexes, whether just loaded (``assemble(source:report:rows:securities:ordered:)``)
    /// or mapped from a panel file (``PanelFile``); the per-security texts that cross-sections
    /// use are made here.
    init(source: String, report: CRSPLoadReport, rows: Rows, monthKeys: [Int32], monthRowStart: [Int], months: [CalendarDate],
         securities: CRSPSecurityTable, securityRowStart: [Int], securityRows: PanelColumn<Int32>,
         securityRowMonth: PanelColumn<Int32>, securitiesOfCompany: [Int32: [Int32]]) {
        self.source = source
        self.report = report
        rowSecurity = rows.security
        rowCompany = rows.company
        rowDate = rows.date
        rowShareCode = rows.shareCode
        rowExchangeCode = rows.exchangeCode
        rowPrice = rows.price
        rowShares = rows.shares
        rowReturn = rows.return
        rowDelistingReturn = rows.delistingReturn
        rowLine = rows.line
        self.monthKeys = monthKeys
        self.monthRowStart = monthRowStart
        self.months = months
        var securityOfPermno: [Int32: Int32] = [:]
        securityOfPermno.reserveCapacity(securities.permno.count)
        for (id, permno) in securities.permno.enumerated() { securityOfPermno[permno] = Int32(id) }
        self.securityOfPermno = securityOfPermno
        securityPermno = securities.permno
        securityTicker = securities.ticker
        securityName = securities.name
        securityIndustry = securities.industry
        securityCusip = securities.cusip
        self.securityRowStart = securityRowStart
        self.securityRows = securityRows
        self.securityRowMonth = securityRowMonth
        self.securitiesOfCompany = securitiesOfCompany
        // First months, for the cross-sections' IPO years.
        var firstMonthKey = [Int32](repeating: 0, count: securities.permno.count)
        for s in 0 ..< securities.permno.count where securityRowStart[s + 1] > securityRowStart[s] {
            firstMonthKey[s] = CRSPPanel.monthKey(yyyymmdd: rows.date[Int(securityRows[securityRowStart[s]])])
        }
        securityFirstMonthKey = firstMonthKey

        // Company ids in key order; ticker ids in order of first security.
        // Each PERMCO's order key made once, not twice per comparison (distinct PERMCOs, distinct keys).
        let permcos = securitiesOfCompany.keys.map { (order: CRSPPanel.textOrder($0), permco: $0) }
            .sorted { $0.order < $1.order }.map(\.permco)
        var direct = [Int32](repeating: -1, count: Int(min(permcos.max() ?? 0, CRSPPanel.directPermcos - 1)) + 1)
        var large: [Int32: Int32] = [:]
        for (id, permco) in permcos.enumerated() {
            if permco < CRSPPanel.directPermcos { direct[Int(permco)] = Int32(id) } else { large[permco] = Int32(id) }
        }
        companyOfPermco = direct
        companyOfLargePermco = large
        var builder = UniverseKeys.Builder(capacity: securities.permno.count)
        securitySymbol = securities.permno.indices.map { s in
            builder.symbol(securities.ticker[s].isEmpty ? "PERMNO \(securities.permno[s])" : securities.ticker[s])
        }
        // A line's company name is its security's name: name ids are security indices.
        keys = UniverseKeys(companyKeys: permcos.map { String($0) }, symbols: builder.finish().symbols, names: securities.name,
                            companyRank: (0 ..< Int32(permcos.count)).map { $0 })
    }

    /// A PERMCO's key text is its decimal text: text order is digit order, shorter first on a tie
    /// (`12` < `120` < `13`), which this integer pair gives without comparing strings.
    static func textOrder(_ permco: Int32) -> (Int64, Int) {
        var digits = 1, scale: Int64 = 1
        while scale * 10 <= Int64(permco) { scale *= 10; digits += 1 }
        return (Int64(permco) * (1_000_000_000_000 / scale), digits)
    }

    /// The company id of a PERMCO of the panel.
    @inline(__always)
    func companyID(permco: Int32) -> Int32 {
        permco >= 0 && Int(permco) < companyOfPermco.count ? companyOfPermco[Int(permco)] : companyOfLargePermco[permco] ?? -1
    }

    /// Whether every row's PERMCO is one of the panel's companies: always so for a panel loaded
    /// from a CSV; a panel file is checked with it when opened (``PanelFile``), since a damaged one
    /// could name a company its company section does not list.
    /// - Complexity: O(rows), on every core.
    func everyRowHasACompany() -> Bool {
        Parallel.allBlocksSatisfy(rowCount) { block in block.allSatisfy { companyID(permco: rowCompany[$0]) >= 0 } }
    }

    /// Number of rows.
    public var rowCount: Int { rowDate.count }
    /// Number of distinct PERMNOs.
    public var securityCount: Int { securityPermno.count }

    // MARK: - Months

    static func monthKey(yyyymmdd: Int32) -> Int32 { (yyyymmdd / 10_000) * 12 + (yyyymmdd / 100 % 100) - 1 }
    static func monthKey(_ date: CalendarDate) -> Int32 { Int32(date.year * 12 + date.month - 1) }
    static func date(_ yyyymmdd: Int32) -> CalendarDate {
        CalendarDate(year: Int(yyyymmdd / 10_000), month: Int(yyyymmdd / 100 % 100), day: Int(yyyymmdd % 100))
    }

    /// The index in ``months`` of the last month-end on or before `date`, `nil` before the first.
    public func monthIndex(onOrBefore date: CalendarDate) -> Int? {
        var low = 0, high = months.count
        while low < high {
            let mid = (low + high) / 2
            if months[mid] <= date { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : low - 1
    }

    /// The month whose month-end a rank day ranks: the rank day's own month when the rank day is
    /// that month's last business day (April 30, 2026), else the month before (May 12, 2017 ranks
    /// April's month-end), as ``monthIndex(onOrBefore:)`` finds it in a panel that goes on.
    public static func rankedMonth(_ rankDay: CalendarDate) -> CalendarDate {
        let month = CalendarDate(year: rankDay.year, month: rankDay.month, day: 1)
        return rankDay >= TradingCalendar.lastBusinessDay(of: month) ? month : month.adding(months: -1)
    }

    /// Whether the panel holds the month ``rankedMonth(_:)`` names for `rankDay`. A panel without it
    /// (one that starts or ends before, or skips that month) would rank another month's prices as
    /// the rank day's: December 2025's for April 2026, or none at all before its first month.
    public func hasRankedMonth(_ rankDay: CalendarDate) -> Bool {
        monthIndex(containing: CRSPPanel.rankedMonth(rankDay)) != nil
    }

    /// `2025-12-31 to 2026-04-30`: the panel's first and last month-ends, for messages.
    public var monthRange: String {
        guard let first = months.first, let last = months.last else { return "no month" }
        return "\(first) to \(last)"
    }

    /// The index in ``months`` of the calendar month containing `date`, `nil` when absent.
    public func monthIndex(containing date: CalendarDate) -> Int? {
        let key = CRSPPanel.monthKey(date)
        var low = 0, high = monthKeys.count
        while low < high {
            let mid = (low + high) / 2
            if monthKeys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < monthKeys.count && monthKeys[low] == key ? low : nil
    }

    /// The rows of the month at `monthIndex` (positions for ``row(_:)``).
    public func rows(inMonth monthIndex: Int) -> Range<Int> { monthRowStart[monthIndex] ..< monthRowStart[monthIndex + 1] }

    // MARK: - Rows

    /// One row of the panel, decoded.
    public struct Row: Sendable, Hashable {
        public var permno: Int
        public var permco: Int
        public var date: CalendarDate
        public var shareCode: Int
        public var exchangeCode: Int
        /// |PRC| in dollars, `nil` when CRSP has no price.
        public var price: Double?
        /// Shares outstanding (SHROUT × 1,000), `nil` when missing.
        public var sharesOutstanding: Double?
        public var `return`: Double?
        public var delistingReturn: Double?
        /// The physical line in the source file.
        public var line: Int

        /// |PRC| × SHROUT × 1,000, when both are known.
        public var marketCap: Double? {
            guard let price, let sharesOutstanding else { return nil }
            return price * sharesOutstanding
        }
    }

    /// The row at position `index` (``rows(inMonth:)`` gives positions).
    public func row(_ index: Int) -> Row {
        let security = Int(rowSecurity[index])
        func optional(_ value: Double) -> Double? { value.isNaN ? nil : value }
        return Row(permno: Int(securityPermno[security]), permco: Int(rowCompany[index]),
                   date: CRSPPanel.date(rowDate[index]), shareCode: Int(rowShareCode[index]),
                   exchangeCode: Int(rowExchangeCode[index]), price: optional(rowPrice[index]),
                   sharesOutstanding: optional(rowShares[index] * 1_000), return: optional(Double(rowReturn[index])),
                   delistingReturn: optional(Double(rowDelistingReturn[index])), line: Int(rowLine[index]))
    }

    // MARK: - Securities

    /// The latest ticker, name, SIC code and CUSIP of a PERMNO, `nil` when absent.
    public func names(permno: Int) -> (ticker: String, name: String, industryCode: Int?, cusip: String)? {
        guard let security = securityOfPermno[Int32(truncatingIfNeeded: permno)] else { return nil }
        let s = Int(security)
        return (securityTicker[s], securityName[s], securityIndustry[s] > 0 ? Int(securityIndustry[s]) : nil, securityCusip[s])
    }

    /// The rows of a PERMNO in month order, as positions for ``row(_:)``.
    public func rows(permno: Int) -> [Int] {
        guard let security = securityOfPermno[Int32(truncatingIfNeeded: permno)] else { return [] }
        let s = Int(security)
        return securityRows[securityRowStart[s] ..< securityRowStart[s + 1]].map(Int.init)
    }

    /// The month-end of a PERMNO's first row, `nil` when absent.
    public func firstMonth(permno: Int) -> CalendarDate? {
        rows(permno: permno).first.map { CRSPPanel.date(rowDate[$0]) }
    }

    /// The month-end of a PERMNO's last row, `nil` when absent. A last month before the panel's
    /// last month means the security left CRSP then: delisted, acquired or merged (its DLRET, when
    /// present, is on that row).
    public func lastMonth(permno: Int) -> CalendarDate? {
        guard let security = securityOfPermno[Int32(truncatingIfNeeded: permno)] else { return nil }
        let s = Int(security)
        let end = securityRowStart[s + 1]
        return end > securityRowStart[s] ? CRSPPanel.date(rowDate[Int(securityRows[end - 1])]) : nil
    }

    /// The PERMNOs that ever carried a PERMCO, ascending.
    public func permnos(permco: Int) -> [Int] {
        (securitiesOfCompany[Int32(truncatingIfNeeded: permco)] ?? []).map { Int(securityPermno[Int($0)]) }.sorted()
    }
}
