import ReconCore

/// What CRSP's share codes (`SHRCD`) and exchange codes (`EXCHCD`) mean for the screens, under
/// either reading of them (``ShareTypeConvention``).
///
/// A share code has two digits: the first is the kind of security (1 ordinary common shares,
/// 2 certificates, 3 ADRs, 4 shares of beneficial interest, 7 units), the second a detail
/// (0 not further defined, 1 need not be further defined, 2 incorporated outside the US,
/// 3 Americus Trust component, 4 closed-end fund, 5 closed-end fund incorporated outside the US,
/// 8 REIT); 73 is an ETF (an Americus Trust component before 1993) (CRSP Stock File data description, share code table;
/// ../shared/reference/crsp-ciz.md).
///
/// The rulebook's reading (the default):
/// - common stock: 10, 11 (US), 12 (incorporated outside the US: common stock, whose country the
///   home-country rules then decide, M7 §5.3–5.5), 18 and 48 (REITs: eligible, M7 §5.12 removes
///   only those with unblocked UBTI, which CRSP does not mark);
/// - closed-end funds (x4, x5) and ETFs (73) are excluded company structures (M7 §5.11), ADRs
///   (3x) and units (7x) excluded share types (M7 §5.13);
/// - anything else (certificates, Americus Trust components, shares of beneficial interest
///   without the REIT detail — mostly royalty and grantor trusts, which M7 §5.11 excludes — and
///   blank codes) is not common stock;
/// - eligible exchanges: NYSE, AMEX (NYSE American), NASDAQ, NYSE Arca and Cboe BZX, codes 1–5
///   (M7 §5.6–5.7).
///
/// The academic reading (Chang–Hong–Liskovich and pyndex, prior-art.md §A1–A2): common stock is
/// share code 10 or 11 only, on exchange codes 1–3; every other code is ``SecurityType/otherNonCommon``.
public enum CRSPCodes {
    /// Whether a share code is common stock under `convention`.
    public static func isCommon(shareCode: Int, convention: ShareTypeConvention) -> Bool {
        securityType(shareCode: shareCode, convention: convention) == .commonStock
    }

    /// The security type the screens see for a share code under `convention`.
    public static func securityType(shareCode: Int, convention: ShareTypeConvention) -> SecurityType {
        switch convention {
        case .academic:
            return shareCode == 10 || shareCode == 11 ? .commonStock : .otherNonCommon
        case .rulebook:
            switch shareCode {
            case 10, 11, 12, 18, 48: return .commonStock
            case 73: return .exchangeTradedFund
            case _ where shareCode % 10 == 4 || shareCode % 10 == 5: return .closedEndFund
            case 30 ... 39: return .depositaryReceipt
            case 70 ... 79: return .unit
            default: return .otherNonCommon
            }
        }
    }

    /// Whether the share code says the company is incorporated in the US: every common code but
    /// 12 (the home-country screen reads it, M7 §5.3).
    public static func isUSIncorporated(shareCode: Int) -> Bool { shareCode % 10 != 2 }

    /// `SHRCD 31 (ADR)`: the evidence shown for a line that is not common stock under
    /// `convention`; `nil` for common stock. (Made once per code: a replay shows it on every
    /// excluded line of every run.)
    public static func typeEvidence(shareCode: Int, convention: ShareTypeConvention) -> String? {
        guard !isCommon(shareCode: shareCode, convention: convention) else { return nil }
        return codes.contains(shareCode) ? evidenceByCode[shareCode - codes.lowerBound] : makeTypeEvidence(shareCode: shareCode)
    }

    /// The codes a CRSP file may hold (``CRSPRecordReader`` refuses any other).
    private static let codes = -99 ... 999
    private static let evidenceByCode = codes.map(makeTypeEvidence)

    private static func makeTypeEvidence(shareCode: Int) -> String {
        shareCode == 0 ? "SHRCD blank" : "SHRCD \(shareCode) (\(shareCodeMeaning(shareCode)))"
    }

    /// CRSP's definition of a share code: the first digit is the kind of security, the second
    /// digit a further detail (CRSP Stock File data description, share code table).
    public static func shareCodeMeaning(_ shareCode: Int) -> String {
        // CRSP gave 73 to Americus Trust components until they ended in 1992, then to ETFs.
        if shareCode == 73 { return "units, an ETF (an Americus Trust component before 1993)" }
        let kind: String
        switch shareCode / 10 {
        case 1: kind = "ordinary common shares"
        case 2: kind = "certificates"
        case 3: kind = "ADR"
        case 4: kind = "shares of beneficial interest"
        case 7: kind = "units"
        default: kind = "unknown kind"
        }
        let detail: String?
        switch shareCode % 10 {
        case 2: detail = "incorporated outside the US"
        case 3: detail = "Americus Trust component"
        case 4: detail = "closed-end fund"
        case 5: detail = "closed-end fund incorporated outside the US"
        case 8: detail = "REIT"
        default: detail = nil
        }
        return detail.map { "\(kind), \($0)" } ?? kind
    }

    /// Whether an exchange code is an eligible exchange under `convention` (M7 §5.6–5.7: NYSE,
    /// AMEX, NASDAQ, and for the rulebook also NYSE Arca and Cboe BZX).
    public static func isEligibleExchange(_ exchangeCode: Int, convention: ShareTypeConvention) -> Bool {
        switch convention {
        case .academic: return (1 ... 3).contains(exchangeCode)
        case .rulebook: return (1 ... 5).contains(exchangeCode)
        }
    }

    /// A readable exchange name: `NYSE`, `AMEX`, `NASDAQ`, `NYSE Arca`, else `EXCHCD n`.
    public static func exchangeName(_ exchangeCode: Int) -> String {
        switch exchangeCode {
        case 1: return "NYSE"
        case 2: return "AMEX"
        case 3: return "NASDAQ"
        case 4: return "NYSE Arca"
        case 5: return "Cboe BZX"
        case 0: return "EXCHCD 0 (not on NYSE, AMEX or NASDAQ)"
        case -1: return "EXCHCD -1 (suspended)"
        case -2: return "EXCHCD -2 (halted)"
        default: return "EXCHCD \(exchangeCode)"
        }
    }
}
