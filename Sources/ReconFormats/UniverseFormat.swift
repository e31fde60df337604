import ReconIO
/// The input formats recon reads. Each is documented in `docs/formats.md`.
public enum UniverseFormat: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Nasdaq's stock screener export: `Symbol,Name,Last Sale,…,Market Cap,…` (a universe).
    case nasdaqScreener = "nasdaq-screener"
    /// An iShares fund holdings export, with or without its preamble (a prior membership).
    case isharesHoldings = "ishares-holdings"
    /// recon's own universe CSV (`symbol,name,company_key,…,market_cap,…`).
    case nativeUniverse = "native-universe"
    /// recon's own membership CSV (`symbol,name,index,…`), also recon's `membership.csv` output.
    case nativeMembership = "native-membership"
    /// One index's tickers (`Company,Ticker`), as FTSE Russell publishes its membership lists; a
    /// prior membership given with its index (`R2000=FILE`), told only where a prior is read.
    case membershipList = "membership-list"
    /// A CRSP monthly stock file (`PERMNO,date,…`, or the CIZ layout `PERMNO,MthCalDt,…`), read
    /// by the CRSP reader.
    case crsp = "crsp"

    public var description: String { rawValue }

    /// One line for help texts: the name and what it is.
    public var summary: String {
        switch self {
        case .nasdaqScreener: return "nasdaq-screener: Nasdaq stock screener CSV (Symbol, Name, Last Sale, Market Cap, ...)"
        case .isharesHoldings: return "ishares-holdings: iShares fund holdings CSV (Ticker, Name, ..., Asset Class, Market Value, Weight (%), ...)"
        case .nativeUniverse: return "native-universe: recon universe CSV (symbol, market_cap or price and shares_outstanding, ...)"
        case .nativeMembership: return "native-membership: recon membership CSV (symbol, name, index, ...)"
        case .membershipList: return "membership-list: one index's tickers as --prior R2000=FILE (Ticker or Symbol, Company or Name)"
        case .crsp: return "crsp: CRSP monthly stock file (PERMNO, date, ... or CIZ: PERMNO, MthCalDt, ...)"
        }
    }

    /// Whether the format describes a universe (securities to rank) rather than a membership.
    public var isUniverse: Bool {
        switch self {
        case .nasdaqScreener, .nativeUniverse, .crsp: return true
        case .isharesHoldings, .nativeMembership, .membershipList: return false
        }
    }

    /// The format named `name` (as passed to `--format`), ignoring case.
    /// - Throws: ``InputError`` listing the format names when `name` is none of them.
    public init(name: String, file: String) throws {
        let wanted = name.lowercased().trimmingSpaces
        guard let format = UniverseFormat(rawValue: wanted) else {
            throw InputError(file: file,
                             message: "found the format name '\(name)', expected one of: \(UniverseFormat.allNames)",
                             help: "pass --format with one of the names listed (see docs/formats.md)")
        }
        self = format
    }

    /// `nasdaq-screener, ishares-holdings, …`.
    public static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
