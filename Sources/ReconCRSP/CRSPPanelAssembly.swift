import ReconCore
import ReconIO

extension CRSPPanel {
    /// The panel of the rows a load read: rows sorted by (month, PERMNO), duplicates refused, and
    /// the month and security indexes built.
    ///
    /// - Parameter ordered: whether the loader saw the rows in (month, PERMNO) order already (as
    ///   the synthetic market writes them); `nil` when it did not check. Ordered rows are kept in
    ///   place: sorting them would give the same order.
    static func assemble(source: String, report: CRSPLoadReport, rows: CRSPRowColumns,
                         securities: CRSPSecurityTable, ordered: Bool?) throws -> CRSPPanel {
        var report = report
        let count = rows.count
        var columns = rows
        if !(ordered ?? isOrdered(rows, securities: securities)) {
            let order = try sortedOrder(rows, securities: securities, source: source)
            columns = gather(rows, order: order)
        }
        let date = PanelColumn(columns.date)
        let security = PanelColumn(columns.security)
        let company = PanelColumn(columns.company)

        // Months present.
        var monthKeys: [Int32] = [], monthRowStart: [Int] = [], months: [CalendarDate] = []
        date.withBuffer { date in
            for index in 0 ..< count {
                let key = CRSPPanel.monthKey(yyyymmdd: date[index])
                if monthKeys.last != key {
                    monthKeys.append(key)
                    monthRowStart.append(index)
                    months.append(CRSPPanel.date(date[index]))
                } else if date[index] > months[months.count - 1].yyyymmdd {
                    months[months.count - 1] = CRSPPanel.date(date[index])
                }
            }
        }
        monthRowStart.append(count)

        let (securityRowStart, securityRows, securityRowMonth) = rowsBySecurity(
            security, securities: securities.permno.count, monthKeys: monthKeys, monthRowStart: monthRowStart)
        let securitiesOfCompany = securitiesByCompany(company: company, security: security)

        report.securities = securities.permno.count
        report.companies = securitiesOfCompany.count
        report.months = monthKeys.count
        let sorted = Rows(security: security, company: company, date: date,
                          shareCode: PanelColumn(columns.shareCode), exchangeCode: PanelColumn(columns.exchangeCode),
                          price: PanelColumn(columns.price), shares: PanelColumn(columns.shares),
                          return: PanelColumn(columns.returns), delistingReturn: PanelColumn(columns.delistingReturns),
                          line: PanelColumn(columns.line))
        return CRSPPanel(source: source, report: report, rows: sorted, monthKeys: monthKeys, monthRowStart: monthRowStart,
                         months: months, securities: securities, securityRowStart: securityRowStart, securityRows: securityRows,
                         securityRowMonth: securityRowMonth, securitiesOfCompany: securitiesOfCompany)
    }

    // MARK: - Order

    /// Whether every row's (month, PERMNO) is after the previous row's: then sorting would not move
    /// anything and no PERMNO has two rows in a month.
    static func isOrdered(_ rows: CRSPRowColumns, securities: CRSPSecurityTable) -> Bool {
        let date = rows.date.base, security = rows.security.base
        var previous: (month: Int32, permno: Int32) = (.min, .min)
        for index in 0 ..< rows.count {
            let current = (CRSPPanel.monthKey(yyyymmdd: date[index]), securities.permno[Int(security[index])])
            guard current > previous else { return false }
            previous = current
        }
        return true
    }

    /// The row order by (month, PERMNO): a stable counting sort by month (files sorted by
    /// PERMNO then date, as WRDS exports them, come out in order), then a sort of any month whose
    /// PERMNOs are out of order. Two rows of one PERMNO in one month are an error naming both lines.
    static func sortedOrder(_ rows: CRSPRowColumns, securities: CRSPSecurityTable, source: String) throws -> [Int32] {
        let count = rows.count
        let date = rows.date.base, security = rows.security.base, line = rows.line.base
        var low = Int32.max, high = Int32.min
        for index in 0 ..< count {
            let key = CRSPPanel.monthKey(yyyymmdd: date[index])
            low = min(low, key)
            high = max(high, key)
        }
        var start = [Int](repeating: 0, count: Int(high - low) + 2)
        for index in 0 ..< count { start[Int(CRSPPanel.monthKey(yyyymmdd: date[index]) - low) + 1] += 1 }
        for k in 1 ..< start.count { start[k] += start[k - 1] }
        var order = [Int32](repeating: 0, count: count)
        var cursor = start
        for index in 0 ..< count {
            let k = Int(CRSPPanel.monthKey(yyyymmdd: date[index]) - low)
            order[cursor[k]] = Int32(index)
            cursor[k] += 1
        }
        let permno = { (row: Int32) -> Int32 in securities.permno[Int(security[Int(row)])] }
        for k in 0 ..< start.count - 1 where start[k + 1] - start[k] > 1 {
            let range = start[k] ..< start[k + 1]
            var sorted = true
            for position in range.dropFirst() where permno(order[position - 1]) >= permno(order[position]) {
                sorted = false
                break
            }
            if !sorted {
                order[range].sort { (permno($0), $0) < (permno($1), $1) }
            }
            for position in range.dropFirst() where permno(order[position - 1]) == permno(order[position]) {
                let first = Int(order[position - 1]), second = Int(order[position])
                let month = CRSPPanel.date(date[first])
                throw InputError(file: source, line: Int(line[second]),
                                 message: "found a second row for PERMNO \(permno(order[position])) in \(month.monthDescription) (lines \(line[first]) and \(line[second])), expected one row per PERMNO and month",
                                 help: "remove the duplicate row; a CRSP monthly export has one row per PERMNO and month-end")
            }
        }
        return withExtendedLifetime(rows) { order }
    }

    /// The rows in `order`, in new columns.
    static func gather(_ rows: CRSPRowColumns, order: [Int32]) -> CRSPRowColumns {
        let sorted = CRSPRowColumns(capacity: order.count)
        func gather<T>(_ from: PanelColumnStorage<T>, _ to: PanelColumnStorage<T>) {
            for (position, index) in order.enumerated() { to.base[position] = from.base[Int(index)] }
            to.setCount(order.count)
        }
        gather(rows.security, sorted.security); gather(rows.company, sorted.company); gather(rows.date, sorted.date)
        gather(rows.shareCode, sorted.shareCode); gather(rows.exchangeCode, sorted.exchangeCode)
        gather(rows.price, sorted.price); gather(rows.shares, sorted.shares)
        gather(rows.returns, sorted.returns); gather(rows.delistingReturns, sorted.delistingReturns)
        gather(rows.line, sorted.line)
        return sorted
    }

    // MARK: - Indexes

    /// The rows of each security, in month order (the rows are in month order):
    /// `rows[start[s] ..< start[s + 1]]`, with the month key of each beside it (`months`), so
    /// that finding a window of a security's months reads one contiguous column and divides nothing.
    static func rowsBySecurity(_ security: PanelColumn<Int32>, securities: Int, monthKeys: [Int32], monthRowStart: [Int])
        -> (start: [Int], rows: PanelColumn<Int32>, months: PanelColumn<Int32>) {
        var start = [Int](repeating: 0, count: securities + 1)
        let rows = PanelColumnStorage<Int32>(capacity: security.count)
        let months = PanelColumnStorage<Int32>(capacity: security.count)
        security.withBuffer { security in
            for s in security { start[Int(s) + 1] += 1 }
            for s in 0 ..< securities { start[s + 1] += start[s] }
        }
        // On every core, each placing the rows of its own range of securities: the writes land all
        // over the index, and each core reading every row costs less than one core writing them all.
        let starts = start, ranges = Parallel.cores
        let index = PanelIndexWriter(rows: rows.base, months: months.base)
        _ = Parallel.map(ranges) { part -> Int in
            let owned = securities * part / ranges ..< securities * (part + 1) / ranges
            var cursor = starts
            security.withBuffer { security in
                for (month, key) in monthKeys.enumerated() {
                    for row in monthRowStart[month] ..< monthRowStart[month + 1] {
                        let s = Int(security[row])
                        guard owned.contains(s) else { continue }
                        index.rows[cursor[s]] = Int32(row)
                        index.months[cursor[s]] = key
                        cursor[s] += 1
                    }
                }
            }
            return 0
        }
        rows.setCount(security.count)
        months.setCount(security.count)
        return (start, PanelColumn(rows), PanelColumn(months))
    }

    /// The securities that ever carried each PERMCO, in order of their first row with it.
    static func securitiesByCompany(company: PanelColumn<Int32>, security: PanelColumn<Int32>) -> [Int32: [Int32]] {
        var securitiesOfCompany: [Int32: [Int32]] = [:]
        // The company of each security's previous row: a security keeps its PERMCO for years, so
        // only a first row or a change needs the dictionary.
        var lastCompany: [Int32] = []
        company.withBuffer { company in
            security.withBuffer { security in
                for index in 0 ..< company.count {
                    let s = Int(security[index]), c = company[index]
                    if s >= lastCompany.count { lastCompany += repeatElement(-1, count: s + 1 - lastCompany.count) }
                    guard lastCompany[s] != c else { continue }
                    lastCompany[s] = c
                    if !(securitiesOfCompany[c]?.contains(security[index]) ?? false) {
                        securitiesOfCompany[c, default: []].append(security[index])
                    }
                }
            }
        }
        return securitiesOfCompany
    }
}

/// The index columns ``CRSPPanel/rowsBySecurity(_:securities:monthKeys:monthRowStart:)`` fills
/// from several threads, each writing the entries of its own securities only: no two threads
/// write one element, hence `@unchecked Sendable`.
private struct PanelIndexWriter: @unchecked Sendable {
    let rows: UnsafeMutablePointer<Int32>
    let months: UnsafeMutablePointer<Int32>
}
