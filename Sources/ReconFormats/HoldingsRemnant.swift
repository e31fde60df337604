/// A line an index fund holds that is no share of its index: what a corporate action left in the
/// fund, carried under the asset class `Equity`.
///
/// Why: a Russell index holds shares listed on an eligible exchange only; OTC-quoted and unlisted
/// securities (M7 §5.6–5.7), rights and warrants (§5.13) are ineligible. A fund keeps what its
/// members' takeovers and restructurings hand their holders — contingent value rights (`AKERO
/// THERAPEUTICS CVR`), warrants (`CHORD ENERGY EQUITY WARRANTS SERIE`), escrow shares (`Petrocorp
/// Inc Escrow`, quoted on the Non-NMS Quotation Service) and shares of companies that stopped
/// trading, carried at a price of 0 (`PDL BIOPHARMA INC`, `STERLING BANCORP INC`). Read as members,
/// each is a prior member no universe lists (a deletion) or a holding no run can predict (a miss).
/// The iShares files of 2025 and 2026 carry 5 to 10 such lines each.
enum HoldingsRemnant {
    /// Words that name a right, a warrant or escrow shares when they follow the issuer's first word
    /// (`CVR ENERGY INC` is a company).
    private static let instrumentWords: Set<Substring> = ["CVR", "CVRS", "ESCROW", "WARRANT", "WARRANTS", "RIGHTS"]

    /// Why a fund's equity line is not a listed share of the index, `nil` when it may be one.
    static func reason(name: String, exchange: String?, price: Double?) -> String? {
        // iShares' `NO MARKET (E.G. UNLISTED)`, and the OTC `Non-Nms Quotation Service (Nnqs)`.
        if let exchange, case let upper = exchange.uppercased(), upper.containsText("NO MARKET") || upper.containsText("NON-NMS") {
            return "not listed (exchange \"\(exchange)\")"
        }
        let words = name.uppercased().split { !$0.isLetter && !$0.isNumber }
        if let word = words.dropFirst().first(where: instrumentWords.contains) { return "not a share (name says \"\(word)\")" }
        if price == 0 { return "not traded (price 0)" }
        return nil
    }
}
