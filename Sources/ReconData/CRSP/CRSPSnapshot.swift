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
        let firstMonthKey = monthKeys.first ?? 0
        let range = rows(inMonth: monthIndex)
        var securities: [Security] = []
        var lineRows: [Int32] = []
        securities.reserveCapacity(range.count)
        lineRows.reserveCapacity(range.count)
        var evidence: [Int: String?] = [:]
        let origin = OriginText(source: source)
        for index in range {
            let price = rowPrice[index], shares = rowShares[index] * 1_000
            guard !price.isNaN, !shares.isNaN else { continue }
            let s = Int(rowSecurity[index])
            let shareCode = Int(rowShareCode[index]), exchangeCode = Int(rowExchangeCode[index])
            let ticker = securityTicker[s], name = securityName[s]
            let company = rowCompany[index]
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
                companyKey: company == securityCompany[s] ? securityCompanyText[s] : String(company),
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
            lineRows.append(Int32(index))
        }
        return CrossSection(month: monthIndex, securities: securities, rows: lineRows)
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
