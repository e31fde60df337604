/// One simulated security of the synthetic market, with its optional second share class.
///
/// The economic state (``logPrice``, ``shares``, ``beta``, ``birthLevel``) gives its market cap
/// for any market level `M`: cap = exp(logPrice + beta·(M − birthLevel)) × shares × 1,000. Splits
/// only change how the price and shares are written (``splitFactor``). Its `TICKER,COMNAM` bytes
/// are kept beside it by the simulation, so that a firm is a plain value, cheap to copy.
struct SyntheticFirm {
    /// CRSP identifiers, given when the security is first written (0 before).
    var permno: Int32 = 0
    var permco: Int32 = 0
    var shareCode: Int16
    var exchangeCode: Int16
    var industryCode: Int16
    var ticker: UInt32

    /// log(total cap / calibrated breakpoint): where the company stands against #1,000 (0 = at it).
    var relativeSize: Double
    /// Its own cumulative log price (the market's part is added with ``beta``).
    var logPrice: Double
    /// Shares outstanding in thousands, before splits.
    var shares: Double
    var beta: Double
    /// Multiplier of the size-dependent idiosyncratic volatility.
    var volatility: Double
    /// Exponentially weighted past idiosyncratic returns (the momentum effect feeds on it).
    var momentum = 0.0
    /// Annual dividend yield, paid quarterly in months with `month % 3 == dividendPhase`.
    var dividendYield: Double
    var dividendPhase: Int
    /// The market level when it listed: `birthLevel + birthSlope × M_T`, where the slope is
    /// non-zero only until the level `M_T` of its first block is solved.
    var birthLevel: Double
    var birthSlope: Double

    /// Written shares = shares × splitFactor; written price = economic price / splitFactor.
    var splitFactor = 1.0
    /// The last written price (after splits), 0 before the first row: its return is then `C`.
    var lastPrice = 0.0
    var second: SecondClass?

    /// A second listed share class of the same company (same PERMCO, next PERMNO).
    struct SecondClass {
        var permno: Int32 = 0
        var ticker: UInt32
        /// Its shares as a fraction of the first class's.
        var shareFraction: Double
        /// Its price as a fraction of the first class's.
        var priceRatio: Double
        var lastPrice = 0.0
    }

    /// Company total cap over the first class's: 1 + the second class's share of it.
    var companyCapFactor: Double { 1 + (second.map { $0.shareFraction * $0.priceRatio } ?? 0) }

    /// Whether the academic convention's screens take it: common stock (SHRCD 10/11) on NYSE,
    /// AMEX or NASDAQ. The market is calibrated on these companies, as it was before recon read
    /// CRSP codes by the rulebook (REITs and NYSE Arca/Cboe admitted, ``ShareTypeConvention``):
    /// calibrating on the rulebook's would change every generated market.
    var isEligibleType: Bool { (shareCode == 10 || shareCode == 11) && (1 ... 3).contains(exchangeCode) }
}

/// What happened to a security in one month, kept until the block's market level is known.
struct MonthRecord {
    var firm: Int32
    var logPrice: Double
    var shares: Double
    var flags: Flags
    /// DLRET when ``Flags/delisted`` (NaN: written as the missing code `S`).
    var delistingReturn: Double

    /// A set of bits (not an `OptionSet`: its generic defaults are slow in debug builds, which the tests use).
    struct Flags {
        var rawValue: UInt8
        static let none = Flags(rawValue: 0)
        /// No trade at the month-end: PRC and RET blank.
        static let noPrice = Flags(rawValue: 1)
        /// Its last month: DLRET follows.
        static let delisted = Flags(rawValue: 2)
        /// Written with EXCHCD 0 (moved off NYSE/AMEX/NASDAQ before delisting).
        static let offExchange = Flags(rawValue: 4)
        /// SHROUT blank.
        static let missingShares = Flags(rawValue: 8)
        /// RET written as the missing code `B`.
        static let returnCode = Flags(rawValue: 16)

        func contains(_ flag: Flags) -> Bool { rawValue & flag.rawValue != 0 }
        mutating func insert(_ flag: Flags) { rawValue |= flag.rawValue }
    }
}
