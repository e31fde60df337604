/// The columns of recon's own universe CSV (`native-universe`), in the order the writer uses.
///
/// Only `symbol` is required, with `market_cap` or both `price` and `shares_outstanding`;
/// every other column is optional, and columns not listed here are ignored. See
/// `docs/formats.md` for each column's meaning and default.
public enum NativeUniverseFormat {
    /// Every column, in the order written.
    public static let columns = [
        "symbol", "name", "company_key", "company_name", "type", "price", "average_price_30d",
        "market_cap", "cap_scope", "shares_outstanding", "float_fraction", "voting_fraction",
        "country", "exchange", "eligible_exchange", "sector", "industry", "volume", "ipo_year",
        "type_evidence",
    ]
}
