import ReconCore
import ReconCRSP

/// The `crsp` target: ``CRSPPanel/load(path:progress:)``, then every month's cross-section, a
/// security's rows and a compound return. A panel read without an error must have its months in
/// order, and caps and prices that are finite and positive.
enum CRSPTarget {
    static func run(_ bytes: [UInt8]) {
        let path = ScratchFolder.shared.write(bytes, named: "msf.csv")
        guard let panel = FuzzTargetRunner.attempt(.crsp, { try CRSPPanel.load(path: path) }) else { return }
        check(panel)
    }

    /// The properties of a panel read without an error.
    static func check(_ panel: CRSPPanel) {
        FuzzCheck.require(panel.rowCount > 0 && !panel.months.isEmpty, "crsp: a panel without rows")
        FuzzCheck.require(zip(panel.months, panel.months.dropFirst()).allSatisfy { $0 < $1 }, "crsp: months out of order \(panel.months)")
        FuzzCheck.require(panel.report.rowsRead == panel.rowCount, "crsp: \(panel.report.rowsRead) rows read, \(panel.rowCount) kept")
        FuzzCheck.require(panel.report.rowsInCrossSections + panel.report.droppedTotal == panel.rowCount,
                          "crsp: rows in cross-sections and dropped do not add up to the rows read")
        var inCrossSections = 0
        for month in panel.months.indices {
            let securities = panel.snapshot(month: month)
            inCrossSections += securities.count
            checkSnapshot(securities)
        }
        FuzzCheck.require(inCrossSections == panel.report.rowsInCrossSections,
                          "crsp: \(inCrossSections) rows in the snapshots, the report says \(panel.report.rowsInCrossSections)")
        checkSecurities(panel)
    }

    /// Every line of a cross-section has a positive finite price and cap, and comes from its own row
    /// (two PERMNOs may share a ticker, so lines are told apart by their origin).
    static func checkSnapshot(_ securities: [Security]) {
        FuzzCheck.unique(securities.map(\.origin), "crsp snapshot rows")
        for security in securities {
            FuzzCheck.require((security.price ?? 0) > 0, "crsp \(security.origin): price \(String(describing: security.price))")
            FuzzCheck.amount(security.price, "crsp \(security.origin) price")
            FuzzCheck.amount(security.marketCap, "crsp \(security.origin) market cap")
        }
    }

    /// Every month's snapshot, the first rows' names and months, and a return over the whole panel,
    /// computed and not judged (a forged panel file's).
    static func exercise(_ panel: CRSPPanel) {
        for month in panel.months.indices { _ = panel.snapshot(month: month) }
        guard let first = panel.months.first, let last = panel.months.last else { return }
        for index in 0..<min(panel.rowCount, 8) {
            let row = panel.row(index)
            _ = (panel.rows(permno: row.permno), panel.names(permno: row.permno), panel.firstMonth(permno: row.permno),
                 panel.lastMonth(permno: row.permno), panel.permnos(permco: row.permco),
                 panel.compoundReturn(permno: row.permno, after: first, through: last))
        }
    }

    /// The rows of the first few securities decode, and a return over the whole panel is finite.
    static func checkSecurities(_ panel: CRSPPanel) {
        guard let first = panel.months.first, let last = panel.months.last else { return }
        for index in 0..<min(panel.rowCount, 8) {
            let row = panel.row(index)
            FuzzCheck.require(panel.rows(permno: row.permno).contains(index), "crsp: row \(index) not among its PERMNO's rows")
            _ = (panel.names(permno: row.permno), panel.firstMonth(permno: row.permno), panel.lastMonth(permno: row.permno),
                 panel.permnos(permco: row.permco))
            if let value = panel.compoundReturn(permno: row.permno, after: first, through: last)?.value {
                FuzzCheck.require(!value.isNaN, "crsp: PERMNO \(row.permno) has a NaN return")
            }
        }
    }
}
