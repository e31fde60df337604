/// The CIZ attributes as the legacy share code (`SHRCD`) and exchange code (`EXCHCD`): what the
/// WRDS macro `%ciztosiz` derives (reference/crsp-ciz.md; WRDS research macros, "CRSP CIZ to
/// SIZ"), so that the screens (``CRSPCodes``) see the codes they see in a legacy file.
///
/// Share code, the macro's table row by row:
///
/// | ShareType | SecurityType | SecuritySubType | USIncFlg | IssuerType | SHRCD |
/// |---|---|---|---|---|---|
/// | NS | EQTY | COM | Y | ACOR / CORP | 10 / 11 |
/// | NS | EQTY | COM | N | CORP | 12 (incorporated outside the US) |
/// | NS | FUND | CEF | Y / N | ACOR | 14 / 15 (closed-end fund) |
/// | NS | EQTY | COM | Y | REIT | 18 (REIT) |
/// | AD | EQTY | COM | N | ACOR / CORP | 30 / 31 (ADR) |
/// | SB | EQTY | COM | Y | ACOR / CORP | 40 / 41 (shares of beneficial interest) |
/// | SB | FUND | CEF | Y | ACOR | 44 |
/// | SB | EQTY | COM | Y | REIT | 48 (SBI REIT) |
/// | UG | EQTY | COM | Y / Y / N | ACOR / CORP / CORP | 70 / 71 / 72 (units) |
/// | NS | FUND | ETF | Y | ACOR | 73 |
///
/// recon builds the code by the construction the table follows, so that every row comes out as
/// the table says and a neighbouring combination reads the way CRSP's share-code definition
/// (``CRSPCodes/shareCodeMeaning(_:)``) reads it:
/// - first digit, the kind, from `ShareType`: NS 1, AD 3, SB 4, UG 7;
/// - second digit, for `EQTY`/`COM`: IssuerType REIT 8, else USIncFlg N 2, else (USIncFlg Y)
///   ACOR 0, CORP 1; an ADR (AD) is foreign by its kind, so its second digit is ACOR 0, CORP 1
///   (or REIT 8) whatever USIncFlg says;
/// - for `FUND`/`CEF`: USIncFlg Y 4, N 5 (closed-end fund, incorporated outside the US);
/// - `NS`/`FUND`/`ETF` is 73.
///
/// Any other combination (another `ShareType` such as CE certificates, another security type
/// such as preferred stock, a blank or unknown attribute) is 0: unknown, so not common stock,
/// as a blank `SHRCD` is in a legacy file. (The macro's full text also has rows for certificates,
/// CE: 20, 21, 24, Americus Trust components, NS DERV ATR: 23, and unit ETVs, UG FUND ETV: 74, and
/// writes 75 for every other combination; all are non-common codes, as 0 is.)
///
/// Exchange code:
///
/// | PrimaryExch | ConditionalType | TradingStatusFlg | EXCHCD |
/// |---|---|---|---|
/// | N / A / Q (NYSE, NYSE American, Nasdaq) | RW (regular way) | A (active) | 1 / 2 / 3 |
/// | R / B / I (NYSE Arca, Cboe BZX, IEX) | RW | A | 4 / 5 / 6 |
/// | any of the above | any | H (halted) / S (suspended) | −2 / −1 |
/// | any of the above | NW or WI (when-issued) | A | 30 + the code above: 31 / 32 / 33 … |
/// | X, blank or another exchange; another condition or status (D delisted, blank) | | | 0 |
///
/// The macro has the halted and suspended rows for N, A and Q only and writes 99 where its
/// table ends; recon's 0 means "not on a listed exchange" as in the legacy file.
package enum CIZCodes {
    /// The codes as packed words (``CIZAttributes/pack(_:)``: bytes first-lowest); `CIZCodesTests`
    /// checks each against its text.
    enum Word {
        static let ns: UInt64 = 0x534E          // NS: normal shares
        static let ad: UInt64 = 0x4441          // AD: ADR
        static let sb: UInt64 = 0x4253          // SB: shares of beneficial interest
        static let ug: UInt64 = 0x4755          // UG: units
        static let eqty: UInt64 = 0x5954_5145   // EQTY
        static let fund: UInt64 = 0x444E_5546   // FUND
        static let com: UInt64 = 0x4D_4F43      // COM: common
        static let cef: UInt64 = 0x46_4543      // CEF: closed-end fund
        static let etf: UInt64 = 0x46_5445      // ETF
        static let yes: UInt64 = 0x59           // Y
        static let no: UInt64 = 0x4E            // N
        static let acor: UInt64 = 0x524F_4341   // ACOR: corporation (not further defined)
        static let corp: UInt64 = 0x5052_4F43   // CORP: corporation
        static let reit: UInt64 = 0x5449_4552   // REIT
        static let nyse: UInt64 = 0x4E          // N: NYSE
        static let nyseAmerican: UInt64 = 0x41  // A: NYSE American (AMEX)
        static let nasdaq: UInt64 = 0x51        // Q: Nasdaq
        static let nyseArca: UInt64 = 0x52      // R: NYSE Arca
        static let cboe: UInt64 = 0x42          // B: Cboe BZX
        static let iex: UInt64 = 0x49           // I: IEX
        static let regularWay: UInt64 = 0x5752  // RW
        static let whenIssued: UInt64 = 0x4957  // WI
        static let newWhenIssued: UInt64 = 0x574E   // NW
        static let active: UInt64 = 0x41        // A
        static let halted: UInt64 = 0x48        // H
        static let suspended: UInt64 = 0x53     // S
        static let bidAsk: UInt64 = 0x4142      // BA: MthPrc is the bid/ask average
    }

    /// The primary exchanges' letters by their legacy code (index + 1).
    static let exchangeLetters = ["N", "A", "Q", "R", "B", "I"]

    // MARK: - CIZ to legacy

    /// The legacy share code of a row's attributes (see the type's description).
    @inline(__always)
    static func shareCode(_ a: CIZAttributes) -> Int {
        let kind: Int
        switch a.shareType {
        case Word.ns: kind = 1
        case Word.ad: kind = 3
        case Word.sb: kind = 4
        case Word.ug: kind = 7
        default: return 0
        }
        switch (a.securityType, a.securitySubType) {
        case (Word.eqty, Word.com):
            guard let detail = commonDetail(a, isADR: kind == 3) else { return 0 }
            return kind * 10 + detail
        case (Word.fund, Word.cef):
            switch a.incorporation {
            case Word.yes: return kind * 10 + 4
            case Word.no: return kind * 10 + 5
            default: return 0
            }
        case (Word.fund, Word.etf):
            return kind == 1 ? 73 : 0
        default:
            return 0
        }
    }

    /// The second digit of common shares: REIT 8; incorporated outside the US 2; ACOR 0, CORP 1.
    @inline(__always)
    private static func commonDetail(_ a: CIZAttributes, isADR: Bool) -> Int? {
        if a.issuerType == Word.reit { return 8 }
        if !isADR {
            switch a.incorporation {
            case Word.no: return 2
            case Word.yes: break
            default: return nil
            }
        }
        switch a.issuerType {
        case Word.acor: return 0
        case Word.corp: return 1
        default: return nil
        }
    }

    /// The legacy exchange code of a row's attributes (see the type's description).
    @inline(__always)
    static func exchangeCode(_ a: CIZAttributes) -> Int {
        let base: Int
        switch a.primaryExchange {
        case Word.nyse: base = 1
        case Word.nyseAmerican: base = 2
        case Word.nasdaq: base = 3
        case Word.nyseArca: base = 4
        case Word.cboe: base = 5
        case Word.iex: base = 6
        default: return 0
        }
        switch a.tradingStatus {
        case Word.halted: return -2
        case Word.suspended: return -1
        case Word.active:
            switch a.conditionalType {
            case Word.regularWay: return base
            case Word.whenIssued, Word.newWhenIssued: return 30 + base
            default: return 0
            }
        default:
            return 0
        }
    }

    /// Whether `MthPrcFlg` marks the price as a bid/ask midpoint (`BA`), as a negative `PRC` does
    /// in a legacy file.
    @inline(__always)
    static func isMidpoint(_ a: CIZAttributes) -> Bool { a.priceFlag == Word.bidAsk }

    // MARK: - Legacy to CIZ (the synthetic market's CIZ file)

    /// The attributes spelling a legacy share code.
    package struct ShareAttributes: Hashable {
        package var shareType, securityType, securitySubType, incorporation, issuerType: String
    }

    /// The attributes spelling a legacy exchange code.
    package struct ExchangeAttributes: Hashable {
        package var primaryExchange, conditionalType, tradingStatus: String
    }

    /// The CIZ attributes of a legacy share code, the inverse of ``shareCode(_:)``: the table's
    /// row for each of its codes (30, 31 with USIncFlg N), and the construction's for the others
    /// it can express (for example 42: SB, EQTY, COM, N, CORP; 34: AD, FUND, CEF, Y, ACOR).
    /// `nil` for a code no attributes give (0, 13, 20–29, 32, 33, …): it has no CIZ spelling.
    package static func attributes(shareCode: Int) -> ShareAttributes? {
        if shareCode == 73 { return ShareAttributes(shareType: "NS", securityType: "FUND", securitySubType: "ETF", incorporation: "Y", issuerType: "ACOR") }
        let kinds = [1: "NS", 3: "AD", 4: "SB", 7: "UG"]
        guard let kind = kinds[shareCode / 10], shareCode >= 10, shareCode < 80 else { return nil }
        let isADR = shareCode / 10 == 3
        switch shareCode % 10 {
        case 0: return ShareAttributes(shareType: kind, securityType: "EQTY", securitySubType: "COM", incorporation: isADR ? "N" : "Y", issuerType: "ACOR")
        case 1: return ShareAttributes(shareType: kind, securityType: "EQTY", securitySubType: "COM", incorporation: isADR ? "N" : "Y", issuerType: "CORP")
        case 2 where !isADR: return ShareAttributes(shareType: kind, securityType: "EQTY", securitySubType: "COM", incorporation: "N", issuerType: "CORP")
        case 4: return ShareAttributes(shareType: kind, securityType: "FUND", securitySubType: "CEF", incorporation: "Y", issuerType: "ACOR")
        case 5: return ShareAttributes(shareType: kind, securityType: "FUND", securitySubType: "CEF", incorporation: "N", issuerType: "ACOR")
        case 8: return ShareAttributes(shareType: kind, securityType: "EQTY", securitySubType: "COM", incorporation: "Y", issuerType: "REIT")
        default: return nil
        }
    }

    /// The CIZ attributes of a legacy exchange code, the inverse of ``exchangeCode(_:)``: 1–6 the
    /// exchange trading regular way and active; −2 and −1 NYSE halted and suspended (the legacy
    /// code does not say which exchange); 31–36 the exchange when-issued (NW); 0 PrimaryExch X,
    /// ConditionalType NT (not trading on a listed exchange) and no status. `nil` for any other code.
    package static func attributes(exchangeCode: Int) -> ExchangeAttributes? {
        switch exchangeCode {
        case 1 ... 6: return ExchangeAttributes(primaryExchange: exchangeLetters[exchangeCode - 1], conditionalType: "RW", tradingStatus: "A")
        case -2: return ExchangeAttributes(primaryExchange: "N", conditionalType: "RW", tradingStatus: "H")
        case -1: return ExchangeAttributes(primaryExchange: "N", conditionalType: "RW", tradingStatus: "S")
        case 31 ... 36: return ExchangeAttributes(primaryExchange: exchangeLetters[exchangeCode - 31], conditionalType: "NW", tradingStatus: "A")
        case 0: return ExchangeAttributes(primaryExchange: "X", conditionalType: "NT", tradingStatus: "")
        default: return nil
        }
    }
}

extension CRSPRowSink.RowFields {
    /// Sets the legacy share and exchange codes and the midpoint flag of a CIZ row from its
    /// attributes, once all its fields are read (the price flag may come before the price).
    @inline(__always)
    mutating func deriveLegacyCodes() {
        shareCode = CIZCodes.shareCode(attributes)
        exchangeCode = CIZCodes.exchangeCode(attributes)
        midpoint = !price.isNaN && CIZCodes.isMidpoint(attributes)
    }
}
