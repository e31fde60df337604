/// Which share types and exchanges of a CRSP file count as eligible common stock.
///
/// CRSP marks each security with a share code (SHRCD) and an exchange code (EXCHCD), or, in its
/// current CIZ layout, with the attributes they are derived from. Two readings of them are in use:
/// - ``rulebook``: FTSE Russell's own rules. Common stock includes REITs (M7 §5.12 removes only
///   REITs with unblocked UBTI, which CRSP does not mark) and the eligible exchanges include NYSE
///   Arca and Cboe (M7 §5.6). Closed-end funds (§5.11), ADRs (§5.13), ETFs (§5.11) and units
///   stay out, each with its own reason; a company incorporated outside the US is common stock
///   whose country is decided by the home-country rules (§5.3–5.5), which without other facts
///   leave it out.
/// - ``academic``: the convention of the peer replications (Chang–Hong–Liskovich, pyndex;
///   prior-art.md §A1–A2): share codes 10 and 11 on NYSE, AMEX and NASDAQ (exchange codes 1–3)
///   only. `--variant convention=academic` selects it, to reproduce results in that style.
public enum ShareTypeConvention: String, Sendable, Hashable, CaseIterable {
    case rulebook
    case academic
}
