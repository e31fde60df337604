import ReconIO
import ReconCRSP
/// The synthetic market in CRSP's CIZ layout (`crsp.msf_v2` joined with
/// `crsp.stksecurityinfohist`), as `recon generate --layout ciz` writes it: the columns recon
/// reads, in the order of a WRDS export and with its mixed-case names.
///
/// Each value is the legacy row's, spelled as CIZ spells it (reference/crsp-ciz.md):
/// - share and exchange codes as their attributes, by the inverse of the `%ciztosiz` mapping
///   (``CIZCodes/attributes(shareCode:)``, ``CIZCodes/attributes(exchangeCode:)``): 10 → NS,
///   EQTY, COM, Y, ACOR; 11 → … CORP; 12 → … N, CORP; 14 → NS, FUND, CEF, Y, ACOR; 18 → NS, EQTY,
///   COM, Y, REIT; 31 → AD, EQTY, COM, N, CORP; 48 → SB, EQTY, COM, Y, REIT; 73 → NS, FUND, ETF,
///   Y, ACOR; exchange 1/2/3/4/5 → N/A/Q/R/B trading regular way (RW) and active (A); 0 → X, NT;
/// - `MthPrc` positive, with `MthPrcFlg` BA where the legacy `PRC` is negative (a bid/ask
///   midpoint), TR for a trade, MP where there is no price;
/// - `MthRet` with the delisting return in it: (1 + RET)(1 + DLRET) − 1 in a security's last
///   month, DLRET alone when RET is missing, RET otherwise; blank where the legacy file has a
///   letter code (`B`, `C`) or nothing. Values are those the legacy file writes (six decimals),
///   compounded and written to six decimals as CRSP writes `MthRet`;
/// - dates as `YYYYMM` and ISO `MthCalDt`; `MthCap` as price × shares in thousands (recon does
///   not read it).
final class SyntheticCIZRows: SyntheticRowFormat {
    let header = "PERMNO,PrimaryExch,ConditionalType,TradingStatusFlg,USIncFlg,IssuerType,SecurityType,SecuritySubType,"
        + "ShareType,Ticker,PERMCO,SICCD,IssuerNm,YYYYMM,MthCalDt,MthPrc,MthPrcFlg,MthCap,MthRet,ShrOut\n"

    /// `PrimaryExch,ConditionalType,TradingStatusFlg,` of each exchange code met.
    private var exchangeFields: [Int: [UInt8]] = [:]
    /// `USIncFlg,IssuerType,SecurityType,SecuritySubType,ShareType,` of each share code met.
    private var shareFields: [Int: [UInt8]] = [:]

    func write(_ row: SyntheticRow, to writer: ByteWriter) throws {
        let comma = UInt8(ascii: ",")
        try writer.appendInteger(Int(row.permno)); try writer.append(comma)
        try writer.append(exchangeAttributes(row.exchangeCode))
        try writer.append(shareAttributes(row.shareCode))
        let separator = row.label.firstIndex(of: comma) ?? row.label.endIndex
        try writer.append(row.label[..<separator]); try writer.append(comma)
        try writer.appendInteger(Int(row.permco)); try writer.append(comma)
        try writer.appendInteger(row.industry); try writer.append(comma)
        try writer.append(row.label[min(separator + 1, row.label.endIndex)...]); try writer.append(comma)
        try writer.append(row.monthEnd.yyyymm); try writer.append(comma)
        try writer.append(row.monthEnd.iso); try writer.append(comma)
        try writePrice(row, to: writer)
        if let value = SyntheticCIZRows.totalReturn(row) { try writer.appendDecimal(value, decimals: 6) }
        try writer.append(comma)
        if let shares = row.shares { try writer.appendInteger(Int(shares)) }
        try writer.append(UInt8(ascii: "\n"))
    }

    /// `MthPrc,MthPrcFlg,MthCap,`.
    private func writePrice(_ row: SyntheticRow, to writer: ByteWriter) throws {
        let comma = UInt8(ascii: ",")
        guard let price = row.price else { return try writer.append(Array(",MP,,".utf8)) }
        try writer.appendDecimal(price, decimals: 5, trimZeros: true); try writer.append(comma)
        try writer.append(Array((row.midpoint ? "BA" : "TR").utf8)); try writer.append(comma)
        if let shares = row.shares {
            let cap = price * shares
            if cap < 9e9 { try writer.appendDecimal(cap, decimals: 2) } else { try writer.appendInteger(Int(cap.rounded())) }
        }
        try writer.append(comma)
    }

    /// `MthRet`: the month's return with the delisting return compounded in, from the values
    /// the legacy file writes (rounded to six decimals); `nil` (blank) when neither is known.
    static func totalReturn(_ row: SyntheticRow) -> Double? {
        func written(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }
        var monthly: Double?
        if case .value(let value) = row.monthlyReturn { monthly = written(value) }
        guard case .value(let delisting) = row.delistingReturn else { return monthly }
        guard let monthly else { return written(delisting) }
        return (1 + monthly) * (1 + written(delisting)) - 1
    }

    private func exchangeAttributes(_ code: Int) -> [UInt8] {
        if let known = exchangeFields[code] { return known }
        let fields = CIZCodes.attributes(exchangeCode: code).map { [$0.primaryExchange, $0.conditionalType, $0.tradingStatus] }
            ?? ["", "", ""]
        let bytes = Array(fields.map { $0 + "," }.joined().utf8)
        exchangeFields[code] = bytes
        return bytes
    }

    private func shareAttributes(_ code: Int) -> [UInt8] {
        if let known = shareFields[code] { return known }
        let fields = CIZCodes.attributes(shareCode: code).map {
            [$0.incorporation, $0.issuerType, $0.securityType, $0.securitySubType, $0.shareType]
        } ?? ["", "", "", "", ""]
        let bytes = Array(fields.map { $0 + "," }.joined().utf8)
        shareFields[code] = bytes
        return bytes
    }
}
