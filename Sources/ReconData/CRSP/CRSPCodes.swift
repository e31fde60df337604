import ReconCore

/// What CRSP's share codes (`SHRCD`) and exchange codes (`EXCHCD`) mean for the screens.
///
/// The reader follows the academic convention of Chang–Hong–Liskovich and pyndex
/// (prior-art.md §A1–A2): common stock is share code 10 or 11, and the eligible exchanges are
/// NYSE, AMEX (NYSE American) and NASDAQ, exchange codes 1–3. Two consequences to keep in mind:
/// REITs (share code 18) are screened out although FTSE Russell admits REITs (M7 §5.12 only
/// removes those with unblocked UBTI), and NYSE Arca and Cboe listings (4, 5) are screened out
/// although M7 §5.6 lists both exchanges. Both are rare among US operating companies.
public enum CRSPCodes {
    /// Whether a share code is ordinary common stock of a US company (10: not further defined,
    /// 11: need not be further defined). M7 §5.13 excludes every other share type.
    public static func isCommon(shareCode: Int) -> Bool { shareCode == 10 || shareCode == 11 }

    /// The security type the screens see for a share code.
    public static func securityType(shareCode: Int) -> SecurityType {
        isCommon(shareCode: shareCode) ? .commonStock : .otherNonCommon
    }

    /// `SHRCD 31 (ADR)`: the evidence shown for a non-common line; `nil` for common stock. (Made
    /// once per code: a replay shows it on every excluded line of every run.)
    public static func typeEvidence(shareCode: Int) -> String? {
        codes.contains(shareCode) ? evidenceByCode[shareCode - codes.lowerBound] : makeTypeEvidence(shareCode: shareCode)
    }

    /// The codes a CRSP file may hold (``CRSPRecordReader`` refuses any other).
    private static let codes = -99 ... 999
    private static let evidenceByCode = codes.map(makeTypeEvidence)

    private static func makeTypeEvidence(shareCode: Int) -> String? {
        if isCommon(shareCode: shareCode) { return nil }
        if shareCode == 0 { return "SHRCD blank" }
        return "SHRCD \(shareCode) (\(shareCodeMeaning(shareCode)))"
    }

    /// CRSP's definition of a share code: the first digit is the kind of security, the second
    /// digit a further detail (CRSP Stock File data description, share code table).
    public static func shareCodeMeaning(_ shareCode: Int) -> String {
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

    /// Whether an exchange code is NYSE (1), AMEX (2) or NASDAQ (3) (M7 §5.6–5.7, as above).
    public static func isEligibleExchange(_ exchangeCode: Int) -> Bool { (1...3).contains(exchangeCode) }

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
