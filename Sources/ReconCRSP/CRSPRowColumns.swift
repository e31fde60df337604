/// The rows of a CRSP file as they are read, one column per field, in file order; ``CRSPPanel``
/// sorts and indexes them once the whole file is read.
struct CRSPRowColumns {
    /// The security of each row: an index into the loader's securities (PERMNOs in order of first appearance).
    let security: PanelColumnStorage<Int32>
    let company: PanelColumnStorage<Int32>
    /// `YYYYMMDD`.
    let date: PanelColumnStorage<Int32>
    let shareCode: PanelColumnStorage<Int16>
    let exchangeCode: PanelColumnStorage<Int16>
    /// |PRC|; NaN when CRSP has no price.
    let price: PanelColumnStorage<Double>
    /// SHROUT in thousands; NaN when missing.
    let shares: PanelColumnStorage<Double>
    /// RET and DLRET; NaN when missing.
    let returns: PanelColumnStorage<Float>
    let delistingReturns: PanelColumnStorage<Float>
    /// The physical line of the row.
    let line: PanelColumnStorage<Int32>

    init(capacity: Int) {
        security = PanelColumnStorage(capacity: capacity)
        company = PanelColumnStorage(capacity: capacity)
        date = PanelColumnStorage(capacity: capacity)
        shareCode = PanelColumnStorage(capacity: capacity)
        exchangeCode = PanelColumnStorage(capacity: capacity)
        price = PanelColumnStorage(capacity: capacity)
        shares = PanelColumnStorage(capacity: capacity)
        returns = PanelColumnStorage(capacity: capacity)
        delistingReturns = PanelColumnStorage(capacity: capacity)
        line = PanelColumnStorage(capacity: capacity)
    }

    var count: Int { security.count }

    /// Appends one row.
    func append(security s: Int32, company c: Int32, date d: Int32, shareCode sc: Int16, exchangeCode ec: Int16,
                price p: Double, shares sh: Double, return r: Float, delistingReturn dr: Float, line l: Int32) {
        security.append(s)
        company.append(c)
        date.append(d)
        shareCode.append(sc)
        exchangeCode.append(ec)
        price.append(p)
        shares.append(sh)
        returns.append(r)
        delistingReturns.append(dr)
        line.append(l)
    }

    /// Sets the row count of every column after writing through a ``RowWriter``.
    func setCount(_ count: Int) {
        security.setCount(count); company.setCount(count); date.setCount(count)
        shareCode.setCount(count); exchangeCode.setCount(count)
        price.setCount(count); shares.setCount(count)
        returns.setCount(count); delistingReturns.setCount(count); line.setCount(count)
    }

    /// Writes rows straight into the columns' memory (the parser's hot loop: no call per field).
    /// Valid until the columns next grow; ``CRSPRowColumns/setCount(_:)`` publishes the rows
    /// written. Writers on different threads may fill disjoint stretches of the same columns.
    struct RowWriter {
        var count: Int
        let capacity: Int
        let security, company, date, line: UnsafeMutablePointer<Int32>
        let shareCode, exchangeCode: UnsafeMutablePointer<Int16>
        let price, shares: UnsafeMutablePointer<Double>
        let returns, delistingReturns: UnsafeMutablePointer<Float>

        /// Writes `rows` from row `start` on, `limit` rows at most (within the columns' capacity).
        init(_ rows: CRSPRowColumns, start: Int, limit: Int) {
            precondition(start >= 0 && limit >= 0 && start + limit <= rows.security.capacity)
            count = start
            capacity = start + limit
            security = rows.security.base; company = rows.company.base; date = rows.date.base; line = rows.line.base
            shareCode = rows.shareCode.base; exchangeCode = rows.exchangeCode.base
            price = rows.price.base; shares = rows.shares.base
            returns = rows.returns.base; delistingReturns = rows.delistingReturns.base
        }

        var isFull: Bool { count == capacity }

        @inline(__always)
        mutating func append(security s: Int32, company c: Int32, date d: Int32, shareCode sc: Int16, exchangeCode ec: Int16,
                             price p: Double, shares sh: Double, return r: Float, delistingReturn dr: Float, line l: Int32) {
            security[count] = s; company[count] = c; date[count] = d; line[count] = l
            shareCode[count] = sc; exchangeCode[count] = ec
            price[count] = p; shares[count] = sh
            returns[count] = r; delistingReturns[count] = dr
            count += 1
        }
    }
}

/// The securities (PERMNOs) a load met, in order of first appearance, with the latest ticker,
/// name, SIC code and CUSIP of each.
struct CRSPSecurityTable {
    var permno: [Int32] = []
    var ticker: [String] = []
    var name: [String] = []
    var industry: [Int32] = []
    var cusip: [String] = []
}
