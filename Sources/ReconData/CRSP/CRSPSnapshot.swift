import ReconCore

extension CRSPPanel {
    /// The cross-section at the last month-end on or before `date`, as the screens take it.
    ///
    /// A monthly panel has no rank-day prices, so a rank day inside a month uses the previous
    /// month-end: 2017's rank day, Friday May 12 (russell-rules.md §1.3), uses April 28, 2017
    /// data, and 2016's May 27 uses April 29, 2016. Rank days on the last trading day of May
    /// (1989–2015) or of April (2023 on) are month-ends, so they use their own month. A calendar
    /// month-end such as May 31, 2004 (a holiday; CRSP's month-end is May 28) also falls on its month.
    ///
    /// Each row becomes one ``Security``: `companyKey` is the PERMCO, so share classes of a
    /// company merge (M7 §6.2.2, §6.5.2: classes are summed); `marketCap` is |PRC| × SHROUT × 1,000
    /// with ``CapScope/security`` scope; share codes other than 10/11 are
    /// ``SecurityType/otherNonCommon`` with the code as evidence (M7 §5.13); exchange codes other
    /// than 1–3 are not on an eligible exchange (M7 §5.6–5.7; see ``CRSPCodes``). CRSP's share
    /// codes 10 and 11 are the ordinary common shares of US-incorporated companies (code 12 marks a
    /// company incorporated outside the US), so their country is the US (M7 §5.3); other codes are
    /// screened out by type anyway. The PERMNO is the line's ``Security/id``. Rows without a
    /// price or shares are left out (``CRSPLoadReport``). Empty before the panel's first month.
    public func snapshot(onOrBefore date: CalendarDate) -> [Security] {
        guard let month = monthIndex(onOrBefore: date) else { return [] }
        return snapshot(month: month)
    }

    /// The cross-section of the month at `monthIndex` in ``months``.
    public func snapshot(month monthIndex: Int) -> [Security] {
        let firstMonthKey = monthKeys.first ?? 0
        var securities: [Security] = []
        securities.reserveCapacity(rows(inMonth: monthIndex).count)
        for index in rows(inMonth: monthIndex) {
            let price = rowPrice[index], shares = rowShares[index] * 1_000
            guard !price.isNaN, !shares.isNaN else { continue }
            let s = Int(rowSecurity[index])
            let shareCode = Int(rowShareCode[index]), exchangeCode = Int(rowExchangeCode[index])
            let permno = securityPermno[s]
            let ticker = securityTicker[s], name = securityName[s]
            let firstRow = Int(securityRows[securityRowStart[s]])
            let firstKey = CRSPPanel.monthKey(yyyymmdd: rowDate[firstRow])
            securities.append(Security(
                symbol: ticker.isEmpty ? "PERMNO \(permno)" : ticker,
                id: String(permno),
                name: name,
                companyKey: String(rowCompany[index]),
                companyName: name,
                type: CRSPCodes.securityType(shareCode: shareCode),
                typeEvidence: CRSPCodes.typeEvidence(shareCode: shareCode),
                price: price,
                marketCap: price * shares,
                capScope: .security,
                sharesOutstanding: shares,
                country: CRSPCodes.isCommon(shareCode: shareCode) ? "United States" : nil,
                exchange: CRSPCodes.exchangeName(exchangeCode),
                isOnEligibleExchange: CRSPCodes.isEligibleExchange(exchangeCode),
                industry: securityIndustry[s] > 0 ? "SIC \(securityIndustry[s])" : nil,
                // A first row after the panel's first month is a new listing (an IPO, a spin-off
                // or a move from OTC); a security present from the start has no known listing year.
                ipoYear: firstKey > firstMonthKey ? Int(firstKey / 12) : nil,
                origin: "\(source):\(rowLine[index])"))
        }
        return securities
    }

    /// The rows of the month ``snapshot(onOrBefore:)`` takes that it leaves out, each with its
    /// reason (`missing_price`: PRC blank or 0; `missing_shares`: SHROUT blank or 0), so that a
    /// run can count and list them (`input.rows_dropped`, `excluded.csv`). Empty before the
    /// panel's first month.
    public func droppedRows(onOrBefore date: CalendarDate) -> [DroppedRow] {
        guard let month = monthIndex(onOrBefore: date) else { return [] }
        return rows(inMonth: month).compactMap { index -> DroppedRow? in
            let reason: CRSPLoadReport.DropReason
            if rowPrice[index].isNaN { reason = .missingPrice } else if rowShares[index].isNaN { reason = .missingShares } else { return nil }
            let s = Int(rowSecurity[index])
            let ticker = securityTicker[s]
            return DroppedRow(file: source, line: Int(rowLine[index]),
                              symbol: ticker.isEmpty ? "PERMNO \(securityPermno[s])" : ticker, reason: reason.rawValue)
        }
    }
}
