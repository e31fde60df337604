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
        crossSection(month: monthIndex).securities
    }

    /// A cross-section with the panel row of each of its securities.
    public struct CrossSection: Sendable {
        /// The index in ``CRSPPanel/months``.
        public let month: Int
        public let securities: [Security]
        /// The panel row each security was made from (``CRSPPanel/row(_:)``).
        public let rows: [Int32]
    }

    /// The cross-section of the month at `monthIndex`, as ``snapshot(month:)`` gives it, with rows.
    public func crossSection(month monthIndex: Int) -> CrossSection {
        let rows = crossSectionRows(month: monthIndex)
        return CrossSection(month: monthIndex, securities: securities(rows: rows), rows: rows)
    }

    /// The rows of a month that have a price and shares (the lines of its cross-section).
    public func crossSectionRows(month monthIndex: Int) -> [Int32] {
        var lines: [Int32] = []
        lines.reserveCapacity(rows(inMonth: monthIndex).count)
        let prices = rowPrice.elements, shares = rowShares.elements
        for index in rows(inMonth: monthIndex) where !prices[index].isNaN && !(shares[index] * 1_000).isNaN {
            lines.append(Int32(index))
        }
        return withExtendedLifetime(self) { lines }
    }

    /// The security of each of these rows (rows of a cross-section).
    public func securities(rows lineRows: [Int32]) -> [Security] {
        let firstMonthKey = monthKeys.first ?? 0
        var securities: [Security] = []
        securities.reserveCapacity(lineRows.count)
        var evidence: [Int: String?] = [:]
        let origin = OriginText(source: source)
        for row in lineRows {
            let index = Int(row)
            let price = rowPrice[index], shares = rowShares[index] * 1_000
            let s = Int(rowSecurity[index])
            let shareCode = Int(rowShareCode[index]), exchangeCode = Int(rowExchangeCode[index])
            let ticker = securityTicker[s], name = securityName[s]
            let isCommon = CRSPCodes.isCommon(shareCode: shareCode)
            let typeEvidence: String?
            if isCommon {
                typeEvidence = nil
            } else if let known = evidence[shareCode] {
                typeEvidence = known
            } else {
                typeEvidence = CRSPCodes.typeEvidence(shareCode: shareCode)
                evidence[shareCode] = typeEvidence
            }
            let firstKey = securityFirstMonthKey[s]
            securities.append(Security(
                symbol: ticker.isEmpty ? "PERMNO \(securityPermno[s])" : ticker,
                id: securityIDText[s],
                name: name,
                companyKey: companyKey(row: index),
                companyName: name,
                type: isCommon ? .commonStock : .otherNonCommon,
                typeEvidence: typeEvidence,
                price: price,
                marketCap: price * shares,
                capScope: .security,
                sharesOutstanding: shares,
                country: isCommon ? "United States" : nil,
                exchange: CRSPCodes.exchangeName(exchangeCode),
                isOnEligibleExchange: CRSPCodes.isEligibleExchange(exchangeCode),
                industry: securityIndustryText[s],
                // A first row after the panel's first month is a new listing (an IPO, a spin-off
                // or a move from OTC); a security present from the start has no known listing year.
                ipoYear: firstKey > firstMonthKey ? Int(firstKey / 12) : nil,
                origin: origin.text(line: Int(rowLine[index]))))
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

    /// A row's company key, its PERMCO as text (made once per security for its usual PERMCO).
    func companyKey(row index: Int) -> String {
        let company = rowCompany[index], s = Int(rowSecurity[index])
        return company == securityCompany[s] ? securityCompanyText[s] : String(company)
    }

    /// The companies of a cross-section without making its securities: their keys, each one's
    /// cap (its classes' |PRC| × SHROUT × 1,000 summed in row order, as a snapshot's securities
    /// would be summed) in company-key order, and the company key of each line.
    public func companies(ofCrossSection lineRows: [Int32]) -> (keys: Set<String>, caps: [(companyKey: String, cap: Double)], lineKeys: [String]) {
        var keys = Set<String>(minimumCapacity: lineRows.count)
        var capOf: [Int32: Double] = [:]
        var order: [Int32] = []
        var lineKeys: [String] = []
        lineKeys.reserveCapacity(lineRows.count)
        for row in lineRows {
            let index = Int(row)
            let key = companyKey(row: index)
            keys.insert(key)
            lineKeys.append(key)
            let cap = rowPrice[index] * (rowShares[index] * 1_000)
            let company = rowCompany[index]
            if let sum = capOf[company] { capOf[company] = sum + cap } else { capOf[company] = 0 + cap; order.append(company) }
        }
        // A PERMCO's key is its decimal text: text order is digit order, shorter first on a tie
        // ("12" < "120" < "13"), which this integer pair gives without comparing strings.
        func textOrder(_ permco: Int32) -> (Int64, Int) {
            var digits = 1, scale: Int64 = 1
            while scale * 10 <= Int64(permco) { scale *= 10; digits += 1 }
            return (Int64(permco) * (1_000_000_000_000 / scale), digits)
        }
        order.sort { textOrder($0) < textOrder($1) }
        return (keys, order.map { (companyKey: String($0), cap: capOf[$0]!) }, lineKeys)
    }
}

/// `FILE:LINE` texts without string interpolation (a cross-section makes thousands).
private struct OriginText {
    let prefix: [UInt8]

    init(source: String) {
        prefix = Array(source.utf8) + [UInt8(ascii: ":")]
    }

    func text(line: Int) -> String {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var value = line.magnitude
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(truncatingIfNeeded: value % 10) + 0x30
                value /= 10
                count += 1
            } while value > 0
        }
        let negative = line < 0
        return String(unsafeUninitializedCapacity: prefix.count + count + (negative ? 1 : 0)) { out in
            var position = 0
            for byte in prefix { out[position] = byte; position += 1 }
            if negative { out[position] = UInt8(ascii: "-"); position += 1 }
            withUnsafeBytes(of: &digits) { buffer in
                for k in (20 - count) ..< 20 { out[position] = buffer[k]; position += 1 }
            }
            return position
        }
    }
}
