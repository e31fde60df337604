import ReconCore
import ReconIO

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
    /// with ``CapScope/security`` scope; the share and exchange codes give the type (with the code
    /// as evidence when it is not common stock, M7 §5.11, §5.13) and whether the exchange is
    /// eligible (M7 §5.6–5.7), read by `convention` (see ``CRSPCodes``). A common share code says
    /// whether the company is incorporated in the US (code 12 marks one incorporated outside it):
    /// a US one's country is the US (M7 §5.3); one incorporated outside is left to the
    /// home-country rules, which without other facts do not assign it to the US. The PERMNO is the
    /// line's ``Security/id``. Rows without a price or shares are left out (``CRSPLoadReport``).
    /// Empty before the panel's first month.
    public func snapshot(onOrBefore date: CalendarDate, convention: ShareTypeConvention = .rulebook) -> [Security] {
        guard let month = monthIndex(onOrBefore: date) else { return [] }
        return snapshot(month: month, convention: convention)
    }

    /// The cross-section of the month at `monthIndex` in ``months``.
    public func snapshot(month monthIndex: Int, convention: ShareTypeConvention = .rulebook) -> [Security] {
        securities(rows: crossSectionRows(month: monthIndex), convention: convention)
    }

    /// A month's cross-section as a universe (numbered into ``keys``), with the panel row of each line.
    public struct CrossSection: Sendable {
        /// The index in ``CRSPPanel/months``.
        public let month: Int
        public let universe: Universe
        /// The panel row each line was made from (``CRSPPanel/row(_:)``).
        public let rows: [Int32]
    }

    /// The cross-section of the month at `monthIndex`: the lines ``snapshot(month:)`` gives, as
    /// columns, their texts read from the panel when asked for.
    public func crossSection(month monthIndex: Int, convention: ShareTypeConvention) -> CrossSection {
        let rows = crossSectionRows(month: monthIndex)
        return CrossSection(month: monthIndex, universe: universe(rows: rows, convention: convention), rows: rows)
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

    /// The universe of these rows (rows of a cross-section), as ``securities(rows:)`` gives them,
    /// each column made in one pass over the rows.
    public func universe(rows lineRows: [Int32], convention: ShareTypeConvention) -> Universe {
        let firstMonthKey = monthKeys.first ?? 0
        let security = lineRows.map { rowSecurity[Int($0)] }
        let type = lineRows.map { CRSPCodes.securityType(shareCode: Int(rowShareCode[Int($0)]), convention: convention) }
        let price = lineRows.map { rowPrice[Int($0)] }
        let none = [Double](repeating: .nan, count: lineRows.count)
        return Universe(
            keys: keys, text: PanelLineTexts(panel: self, rows: lineRows, convention: convention),
            company: lineRows.map { companyID(permco: rowCompany[Int($0)]) },
            symbol: security.map { securitySymbol[Int($0)] }, name: security,
            type: type, typeInferred: type.map { $0 != .commonStock },
            price: price, averagePrice30Days: none,
            marketCap: lineRows.indices.map { price[$0] * (rowShares[Int(lineRows[$0])] * 1_000) },
            capScope: [CapScope](repeating: .security, count: lineRows.count), floatFraction: none, votingFraction: none, volume: none,
            eligibleExchange: lineRows.map { CRSPCodes.isEligibleExchange(Int(rowExchangeCode[Int($0)]), convention: convention) },
            country: lineRows.indices.map { type[$0] == .commonStock && CRSPCodes.isUSIncorporated(shareCode: Int(rowShareCode[Int(lineRows[$0])])) ? .unitedStates : .other },
            ipoYear: security.map { securityFirstMonthKey[Int($0)] > firstMonthKey ? securityFirstMonthKey[Int($0)] / 12 : 0 },
            hasPriorExclusion: [Bool](repeating: false, count: lineRows.count))
    }

    /// The security of each of these rows (rows of a cross-section).
    public func securities(rows lineRows: [Int32], convention: ShareTypeConvention) -> [Security] {
        let texts = PanelLineTexts(panel: self, rows: lineRows, convention: convention)
        let firstMonthKey = monthKeys.first ?? 0
        return lineRows.indices.map { line in
            let index = Int(lineRows[line]), s = Int(rowSecurity[index])
            let price = rowPrice[index], shares = rowShares[index] * 1_000
            let type = CRSPCodes.securityType(shareCode: Int(rowShareCode[index]), convention: convention)
            let firstKey = securityFirstMonthKey[s]
            return Security(
                symbol: texts.symbol(line), id: String(securityPermno[s]), name: texts.name(line),
                companyKey: keys.companyKeys[Int(companyID(permco: rowCompany[index]))], companyName: texts.name(line),
                type: type, typeEvidence: texts.typeEvidence(line),
                price: price, marketCap: price * shares, capScope: .security, sharesOutstanding: shares,
                country: texts.country(line), exchange: texts.exchange(line),
                isOnEligibleExchange: CRSPCodes.isEligibleExchange(Int(rowExchangeCode[index]), convention: convention),
                industry: securityIndustry[s] > 0 ? "SIC \(securityIndustry[s])" : nil,
                // A first row after the panel's first month is a new listing (an IPO, a spin-off
                // or a move from OTC); a security present from the start has no known listing year.
                ipoYear: firstKey > firstMonthKey ? Int(firstKey / 12) : nil,
                origin: texts.origin(line))
        }
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

/// The texts of a cross-section's lines, read from the panel's securities and rows when asked for.
struct PanelLineTexts: UniverseText {
    let panel: CRSPPanel
    let rows: [Int32]
    let convention: ShareTypeConvention
    let originPrefix: OriginText

    init(panel: CRSPPanel, rows: [Int32], convention: ShareTypeConvention) {
        self.panel = panel
        self.rows = rows
        self.convention = convention
        originPrefix = OriginText(source: panel.source)
    }

    private func security(_ line: Int) -> Int { Int(panel.rowSecurity[Int(rows[line])]) }
    private func shareCode(_ line: Int) -> Int { Int(panel.rowShareCode[Int(rows[line])]) }

    func symbol(_ line: Int) -> String {
        let s = security(line)
        return panel.securityTicker[s].isEmpty ? "PERMNO \(panel.securityPermno[s])" : panel.securityTicker[s]
    }
    func id(_ line: Int) -> String { String(panel.securityPermno[security(line)]) }
    func name(_ line: Int) -> String { panel.securityName[security(line)] }
    func typeEvidence(_ line: Int) -> String? { CRSPCodes.typeEvidence(shareCode: shareCode(line), convention: convention) }
    func exchange(_ line: Int) -> String? { CRSPCodes.exchangeName(Int(panel.rowExchangeCode[Int(rows[line])])) }
    /// What the share code says of the company's country: the US for common stock of a US
    /// company; for common stock incorporated elsewhere, that (the country itself is not given).
    func country(_ line: Int) -> String? {
        let code = shareCode(line)
        guard CRSPCodes.isCommon(shareCode: code, convention: convention) else { return nil }
        return CRSPCodes.isUSIncorporated(shareCode: code) ? "United States" : "incorporated outside the US, SHRCD \(code)"
    }
    func priorExclusion(_ line: Int) -> String? { nil }
    func origin(_ line: Int) -> String { originPrefix.text(line: Int(panel.rowLine[Int(rows[line])])) }
}

/// `FILE:LINE` texts without string interpolation (a cross-section makes thousands).
struct OriginText: Sendable {
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
