import ReconCore
import ReconData

/// Prices of a later universe snapshot, as a returns source for the drag: a line's return is its
/// later price over its price in the ranked universe, minus one. A line with no later price is
/// left out of both portfolios (and counted), never given a made-up return.
struct ForwardPrices {
    var path: String
    /// Later price by normalised ticker.
    var prices: [String: Double]
    /// The universe's prices by line.
    var startPrices: [Double?]
    var fromLabel: String
    var toLabel: String

    static func load(path: String, format: String?, universe: [Security]) throws -> ForwardPrices {
        let later = try UniverseLoading.universe(path: path, format: format, rankDay: CalendarDate(year: 9999, month: 12, day: 31))
        var prices: [String: Double] = [:]
        for security in later.securities {
            if let price = security.price, price > 0 { prices[security.normalizedSymbol] = price }
        }
        return ForwardPrices(path: path, prices: prices, startPrices: universe.map(\.price),
                             fromLabel: "universe snapshot", toLabel: FilePaths.fileName(of: path))
    }

    /// The row's price relative, or `nil` when either price is missing.
    func windowReturn(_ row: MembershipRow) -> Double? {
        guard let line = row.universeIndex, let start = startPrices[line], start > 0,
              let end = prices[Ticker.normalize(row.symbol)] else { return nil }
        return end / start - 1
    }

    /// Warnings about names left out of the drag.
    func warnings(for drag: RunWriter.DragWindow?) -> [String] {
        guard let cap = drag?.byWeighting[.cap], cap.leftOut > 0 else { return [] }
        return ["drag: \(cap.leftOut) Russell 2000 lines have no price in \(FilePaths.fileName(of: path)) and are left out "
                + "(\(formatNumber(cap.leftOutFrozenWeight * 100, decimals: 2))% of the frozen and "
                + "\(formatNumber(cap.leftOutReconstitutedWeight * 100, decimals: 2))% of the reconstituted cap weight)"]
    }
}
