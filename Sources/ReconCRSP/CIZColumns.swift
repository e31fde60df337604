import ReconIO
/// Where the columns only the CIZ layout has are in a header (names in any case and order).
///
/// The attributes that stand for the legacy share code (`ShareType`, `SecurityType`,
/// `SecuritySubType`, `USIncFlg`, `IssuerType`) and exchange code (`PrimaryExch`,
/// `ConditionalType`, `TradingStatusFlg`) are required; ``CIZCodes`` maps them. `MthPrcFlg` is
/// optional (without it no price is a bid/ask midpoint). The date is `MthCalDt`, or `YYYYMM` when
/// the file has no `MthCalDt` (read as the month's last business day, ``CIZMonthEnd``). `MthCap`
/// is never read: a cap is price × shares, as for the legacy file.
struct CIZColumns {
    /// Whether the date column is `YYYYMM` (the file has no `MthCalDt`).
    let dateIsYearMonth: Bool
    let priceFlag: Int?
    let primaryExchange: Int
    let conditionalType: Int
    let tradingStatus: Int
    let shareType: Int
    let securityType: Int
    let securitySubType: Int
    let incorporation: Int
    let issuerType: Int

    /// - Parameter require: the index of a required column, or the layout's missing-column error.
    init(header: CSVHeader, dateIsYearMonth: Bool, require: (String) throws -> Int) throws {
        self.dateIsYearMonth = dateIsYearMonth
        priceFlag = header.index(of: "MthPrcFlg")
        primaryExchange = try require("PrimaryExch")
        conditionalType = try require("ConditionalType")
        tradingStatus = try require("TradingStatusFlg")
        shareType = try require("ShareType")
        securityType = try require("SecurityType")
        securitySubType = try require("SecuritySubType")
        incorporation = try require("USIncFlg")
        issuerType = try require("IssuerType")
    }
}
