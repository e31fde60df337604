import ReconCore
import ReconCRSP

/// One row of the synthetic market as the simulation decides it, before it is spelled in a
/// layout (``SyntheticRowFormat``): the same values make the legacy file's row and the CIZ file's.
struct SyntheticRow {
    /// The return the legacy file writes in `RET`.
    enum MonthlyReturn {
        /// Blank: no price this month.
        case blank
        /// `C`: no previous price (the security's first month).
        case noPreviousPrice
        /// `B`: CRSP has no return for the month (off-exchange, or too long between prices).
        case missingCode
        case value(Double)
    }

    /// The legacy file's `DLRET`.
    enum DelistingReturn {
        /// Not the security's last month.
        case none
        /// `S`: delisted, CRSP does not know the return.
        case unknown
        case value(Double)
    }

    var permno: Int32
    var permco: Int32
    /// The `TICKER,COMNAM` bytes of a CSV row (the name quoted when it holds a comma).
    var label: [UInt8]
    var monthEnd: SyntheticMonthEnd
    var shareCode: Int
    var exchangeCode: Int
    var industry: Int
    /// The price on its tick, positive; `nil` for none.
    var price: Double?
    /// Whether the price is a bid/ask midpoint (a negative `PRC`, `MthPrcFlg` BA).
    var midpoint: Bool
    /// Shares outstanding in thousands, a whole number; `nil` for none.
    var shares: Double?
    var monthlyReturn: MonthlyReturn
    var delistingReturn: DelistingReturn
}

/// A month-end of the synthetic market, spelled the ways the layouts write it.
struct SyntheticMonthEnd {
    /// `19790131` (legacy `date`).
    let yyyymmdd: [UInt8]
    /// `1979-01-31` (CIZ `MthCalDt`, as WRDS exports write it).
    let iso: [UInt8]
    /// `197901` (CIZ `YYYYMM`).
    let yyyymm: [UInt8]

    init(_ date: CalendarDate) {
        let digits = Array(String(date.yyyymmdd).utf8)
        yyyymmdd = digits
        yyyymm = Array(digits[0 ..< 6])
        iso = Array(digits[0 ..< 4]) + [UInt8(ascii: "-")] + Array(digits[4 ..< 6]) + [UInt8(ascii: "-")] + Array(digits[6 ..< 8])
    }
}
