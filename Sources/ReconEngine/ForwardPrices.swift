import ReconCore
import ReconData

/// Prices of a later universe snapshot, as a returns source for the drag: a line's return is its
/// later price over its price in the ranked universe, minus one. A line with no later price is
/// left out of both portfolios (and counted), never given a made-up return.
struct ForwardPrices {
    var path: String
    /// Later price by normalised ticker.
    var prices: [String: Double]
    /// Later market cap by normalised ticker (to spot splits).
    var caps: [String: Double]
    /// The universe's prices by line.
    var startPrices: [Double?]
    var fromLabel: String
    var toLabel: String

    static func load(path: String, format: String?, universe: [Security]) throws -> ForwardPrices {
        // Only prices and caps are read: how share codes are read does not matter.
        let later = try UniverseLoading.universe(path: path, format: format, rankDay: CalendarDate(year: 9999, month: 12, day: 31),
                                                 convention: .rulebook).result
        var prices: [String: Double] = [:], caps: [String: Double] = [:]
        for security in later.securities {
            if let price = security.price, price > 0 { prices[security.normalizedSymbol] = price }
            if let cap = security.marketCap, cap > 0 { caps[security.normalizedSymbol] = cap }
        }
        return ForwardPrices(path: path, prices: prices, caps: caps, startPrices: universe.map(\.price),
                             fromLabel: "universe snapshot", toLabel: FilePaths.fileName(of: path))
    }

    /// The price relative of a row of `result`, or `nil` when either price is missing.
    func windowReturn(_ result: ReconstitutionResult, row: Int) -> Double? {
        guard result.isLine(row), let start = startPrices[row], start > 0,
              let end = prices[Ticker.normalize(result.symbol(row))] else { return nil }
        return end / start - 1
    }

    /// Russell 2000 lines (before or after) whose price relative and market-cap relative differ more
    /// than threefold: a split or reverse split the price relative does not see.
    func suspectedSplits(_ result: ReconstitutionResult) -> [String] {
        result.rowIndices.compactMap { row -> String? in
            let startCap = result.totalMarketCap[row]
            guard result.priorTier[row] == .r2000 || result.tier[row] == .r2000, let priceReturn = windowReturn(result, row: row),
                  startCap > 0, let endCap = caps[Ticker.normalize(result.symbol(row))] else { return nil }
            let ratio = (1 + priceReturn) / (endCap / startCap)
            return ratio > 3 || ratio < 1.0 / 3 ? result.symbol(row) : nil
        }
    }

    /// Warnings about names left out of the drag.
    func warnings(for drag: RunWriter.DragWindow?) -> [String] {
        guard let cap = drag?.byWeighting[.cap], cap.leftOut > 0 else { return [] }
        return ["drag: \(cap.leftOut) Russell 2000 lines have no price in \(FilePaths.fileName(of: path)) and are left out "
                + "(\(formatNumber(cap.leftOutFrozenWeight * 100, decimals: 2))% of the frozen and "
                + "\(formatNumber(cap.leftOutReconstitutedWeight * 100, decimals: 2))% of the reconstituted cap weight)"]
    }
}
