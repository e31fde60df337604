import ReconCore

/// One month's total return of a security, with the delisting return folded in.
public struct MonthlyReturn: Sendable, Hashable {
    public var monthEnd: CalendarDate
    /// `RET`, compounded with `DLRET` in the delisting month: (1 + RET)(1 + DLRET) − 1, or DLRET
    /// alone when RET is missing. `nil` when the month has neither.
    public var value: Double?
    /// `DLRET`, when the row carries one (the security left CRSP that month).
    public var delistingReturn: Double?
}

/// A buy-and-hold return over a window of months.
public struct CompoundReturn: Sendable, Hashable {
    /// Π(1 + monthly return) − 1 over the months with a return.
    public var value: Double
    /// Months with a row inside the window.
    public var months: Int
    /// Of those, months with no return (counted as 0%).
    public var missingMonths: Int
    /// The last month-end with data when the security's rows end inside the window (it left
    /// CRSP: the holding ends there, after its delisting return); `nil` when it lasts the window.
    public var endedAt: CalendarDate?
}

extension CRSPPanel {
    /// The total return of row `index` (see ``MonthlyReturn/value``).
    @inline(__always)
    func totalReturn(row index: Int) -> Double? {
        let ret = rowReturn.elements[index], delisting = rowDelistingReturn.elements[index]
        switch (ret.isNaN, delisting.isNaN) {
        case (false, false): return (1 + Double(ret)) * (1 + Double(delisting)) - 1
        case (false, true): return Double(ret)
        case (true, false): return Double(delisting)
        case (true, true): return nil
        }
    }

    /// The return of a PERMNO in the calendar month containing `date`; `nil` when it has no row then.
    public func monthlyReturn(permno: Int, monthOf date: CalendarDate) -> MonthlyReturn? {
        let key = CRSPPanel.monthKey(date)
        guard let index = securityRowIndices(permno: permno).first(where: { CRSPPanel.monthKey(yyyymmdd: rowDate[$0]) == key })
        else { return nil }
        return monthlyReturn(row: index)
    }

    /// The monthly returns of a PERMNO for the calendar months after the month of `start`
    /// through the month of `end`.
    public func monthlyReturns(permno: Int, after start: CalendarDate, through end: CalendarDate) -> [MonthlyReturn] {
        window(permno: permno, after: start, through: end).map(monthlyReturn(row:))
    }

    /// The buy-and-hold return of a PERMNO over the calendar months after the month of `start`
    /// through the month of `end`; `nil` when it has no row in the window.
    ///
    /// Monthly data approximates a holding period between two days inside months: from one
    /// June reconstitution (effective late June) to the next is July through June. A security
    /// that leaves CRSP inside the window is held until its last row, delisting return included,
    /// and the proceeds are then held as cash (0%).
    public func compoundReturn(permno: Int, after start: CalendarDate, through end: CalendarDate) -> CompoundReturn? {
        guard let security = securityOfPermno[Int32(truncatingIfNeeded: permno)] else { return nil }
        return compoundReturn(security: Int(security), afterMonth: CRSPPanel.monthKey(start), throughMonth: CRSPPanel.monthKey(end))
    }

    /// ``compoundReturn(permno:after:through:)`` of a security (an index of the panel's
    /// securities) over the month keys in (`low`, `high`]: O(log rows + window), rows read in place.
    func compoundReturn(security s: Int, afterMonth low: Int32, throughMonth high: Int32) -> CompoundReturn? {
        let rows = windowPositions(security: s, afterMonth: low, throughMonth: high)
        guard !rows.isEmpty else { return nil }
        var growth = 1.0, missing = 0
        for position in rows {
            if let value = totalReturn(row: Int(securityRows[position])) { growth *= 1 + value } else { missing += 1 }
        }
        let last = Int(securityRows[rows.upperBound - 1])
        let lastKey = securityRowMonth[rows.upperBound - 1]
        let endedAt: CalendarDate? = lastKey < high && isLastRow(last) ? CRSPPanel.date(rowDate[last]) : nil
        return CompoundReturn(value: growth - 1, months: rows.count, missingMonths: missing, endedAt: endedAt)
    }

    /// The buy-and-hold return (``CompoundReturn/value``) of the security of a panel row (as a
    /// ``CrossSection/rows`` gives it) over the calendar months after the month of `start`
    /// through the month of `end`; `nil` when it has no row in the window.
    public func windowReturn(row: Int32, after start: CalendarDate, through end: CalendarDate) -> Double? {
        compoundReturn(security: Int(rowSecurity[Int(row)]), afterMonth: CRSPPanel.monthKey(start),
                       throughMonth: CRSPPanel.monthKey(end))?.value
    }

    /// The buy-and-hold returns of the securities of panel rows (a cross-section's, as
    /// ``CrossSection/rows`` gives them) over several windows that start together: the calendar
    /// months after the month of `start` through the month of each of `ends` (ascending). Each is
    /// ``windowReturn(row:after:through:)``, the same sequence of multiplications; `nil` for a
    /// window without a row of the security.
    ///
    /// One pass over the rows of the windows' months, month by month as the panel stores them,
    /// rather than a search and a walk through the months per security, which reads one row in
    /// each month's block: 14% less wall time for a history-only replay of 47 Junes (A/B,
    /// docs/performance.md).
    /// - Complexity: O(rows given + panel rows in the windows' months + securities).
    public func windowReturns(ofRows lineRows: [Int32], after start: CalendarDate, through ends: [CalendarDate]) -> [[Double?]] {
        let none = [Double?](repeating: nil, count: ends.count)
        guard !ends.isEmpty, !lineRows.isEmpty else { return [[Double?]](repeating: none, count: lineRows.count) }
        // One slot per distinct security: rows of one security share its returns.
        var slotOfSecurity = [Int32](repeating: -1, count: securityPermno.count)
        var slotOfRow = [Int](repeating: 0, count: lineRows.count)
        var slots = 0
        for (index, row) in lineRows.enumerated() {
            let security = Int(rowSecurity[Int(row)])
            if slotOfSecurity[security] < 0 {
                slotOfSecurity[security] = Int32(slots)
                slots += 1
            }
            slotOfRow[index] = Int(slotOfSecurity[security])
        }
        var growth = [Double](repeating: 1, count: slots), seen = [Bool](repeating: false, count: slots)
        var bySlot = [[Double?]](repeating: none, count: slots)
        let low = CRSPPanel.monthKey(start)
        var month = firstMonth(after: low)
        let securities = rowSecurity.elements
        for (window, end) in ends.enumerated() {
            let high = CRSPPanel.monthKey(end)
            while month < monthKeys.count, monthKeys[month] <= high {
                for row in rows(inMonth: month) {
                    let slot = Int(slotOfSecurity[Int(securities[row])])
                    guard slot >= 0 else { continue }
                    seen[slot] = true
                    if let value = totalReturn(row: row) { growth[slot] *= 1 + value }
                }
                month += 1
            }
            for slot in 0 ..< slots where seen[slot] { bySlot[slot][window] = growth[slot] - 1 }
        }
        return withExtendedLifetime(self) { slotOfRow.map { bySlot[$0] } }
    }

    /// The buy-and-hold return of a company (a PERMCO as ``Security/companyKey`` gives it) over the
    /// same window: its share classes weighted by their market caps at the last month-end on or
    /// before `start`. `nil` when the company has no priced class then or no row in the window.
    public func compoundReturn(companyKey: String, after start: CalendarDate, through end: CalendarDate) -> CompoundReturn? {
        guard let permco = Int32(companyKey), let securities = securitiesOfCompany[permco],
              let startMonth = monthIndex(onOrBefore: start) else { return nil }
        var weighted: [(weight: Double, result: CompoundReturn)] = []
        for security in securities {
            let permno = Int(securityPermno[Int(security)])
            guard let index = rowIndex(security: Int(security), month: startMonth), rowCompany[index] == permco,
                  let cap = row(index).marketCap, cap > 0,
                  let result = compoundReturn(permno: permno, after: start, through: end) else { continue }
            weighted.append((cap, result))
        }
        guard !weighted.isEmpty else { return nil }
        if weighted.count == 1 { return weighted[0].result }
        let total = weighted.reduce(0) { $0 + $1.weight }
        return CompoundReturn(
            value: weighted.reduce(0) { $0 + $1.weight / total * $1.result.value },
            months: weighted.map(\.result.months).max()!,
            missingMonths: weighted.reduce(0) { $0 + $1.result.missingMonths },
            endedAt: weighted.allSatisfy { $0.result.endedAt != nil } ? weighted.compactMap(\.result.endedAt).max() : nil)
    }

    // MARK: - Helpers

    func monthlyReturn(row index: Int) -> MonthlyReturn {
        let delisting = rowDelistingReturn[index]
        return MonthlyReturn(monthEnd: CRSPPanel.date(rowDate[index]), value: totalReturn(row: index),
                             delistingReturn: delisting.isNaN ? nil : Double(delisting))
    }

    /// Row positions of a PERMNO, in month order (a slice of the index, no copy).
    func securityRowIndices(permno: Int) -> LazyMapSequence<Slice<PanelColumn<Int32>>, Int> {
        guard let security = securityOfPermno[Int32(truncatingIfNeeded: permno)] else { return securityRows[0..<0].lazy.map(Int.init) }
        let s = Int(security)
        return securityRows[securityRowStart[s] ..< securityRowStart[s + 1]].lazy.map(Int.init)
    }

    /// The rows of a PERMNO with month keys in (month of `start`, month of `end`].
    func window(permno: Int, after start: CalendarDate, through end: CalendarDate) -> [Int] {
        guard let security = securityOfPermno[Int32(truncatingIfNeeded: permno)] else { return [] }
        let positions = windowPositions(security: Int(security), afterMonth: CRSPPanel.monthKey(start), throughMonth: CRSPPanel.monthKey(end))
        return positions.map { Int(securityRows[$0]) }
    }

    /// The positions in ``securityRows`` of a security's rows with month keys in (`low`, `high`]:
    /// a binary search for the first, the security's rows being in month order.
    func windowPositions(security s: Int, afterMonth low: Int32, throughMonth high: Int32) -> Range<Int> {
        let end = securityRowStart[s + 1]
        let months = securityRowMonth.elements
        let key = { (position: Int) in months[position] }
        var first = securityRowStart[s], upper = end
        while first < upper {
            let middle = (first + upper) / 2
            if key(middle) <= low { first = middle + 1 } else { upper = middle }
        }
        var last = first
        while last < end, key(last) <= high { last += 1 }
        return first ..< last
    }

    /// The index of the first month whose key is above `key` (the month count when none is).
    func firstMonth(after key: Int32) -> Int {
        var low = 0, high = monthKeys.count
        while low < high {
            let middle = (low + high) / 2
            if monthKeys[middle] <= key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The row of a security in the month at `monthIndex`, by binary search within the month.
    func rowIndex(security: Int, month monthIndex: Int) -> Int? {
        let permno = securityPermno[security]
        var low = monthRowStart[monthIndex], high = monthRowStart[monthIndex + 1]
        while low < high {
            let mid = (low + high) / 2
            if securityPermno[Int(rowSecurity[mid])] < permno { low = mid + 1 } else { high = mid }
        }
        return low < monthRowStart[monthIndex + 1] && Int(rowSecurity[low]) == security ? low : nil
    }

    /// Whether `index` is its security's last row.
    func isLastRow(_ index: Int) -> Bool {
        let s = Int(rowSecurity[index])
        return Int(securityRows[securityRowStart[s + 1] - 1]) == index
    }
}
