import ReconCore
import ReconIO
import ReconFormats

/// Prices of a later universe snapshot, as a returns source for the drag: a line's return is its
/// later price over its price in the ranked universe, minus one. The later line is found by exact
/// symbol, and by normalised ticker only where that cannot be another security (``TickerMatch``).
/// A line with no later price is left out of both portfolios (and counted), never given a made-up
/// return; so is a line whose price relative is more than threefold apart from its market-cap
/// relative (``relativesApart``): a split, reverse split or reused ticker that the price relative
/// does not see.
struct ForwardPrices {
    var path: String
    /// Each universe line's later price and market cap, when the later snapshot has a positive one
    /// for the line that answers for it (``TickerMatch``: two snapshots of one format spell a
    /// ticker the same way).
    var endPrices: [Double?]
    var endCaps: [Double?]
    /// The universe's prices by line.
    var startPrices: [Double?]
    /// Each line's price relative over its market-cap relative (the inverse of its share count's
    /// change), when both snapshots give both; and the median of them over the lines.
    var priceOverCapRelative: [Double?]
    var medianPriceOverCapRelative: Double?
    /// Universe lines priced through their normalised ticker (a symbol spelled differently).
    var matchedByNormalisedTicker: [Int]
    /// The later snapshot's spelling of each of those lines' symbols.
    var laterSymbols: [Int: String]
    var fromLabel: String
    var toLabel: String
    /// The day the later snapshot is of: a CRSP file's last month-end, else the date its name
    /// gives (``FileNameDate``); `nil` when neither says.
    var date: CalendarDate?

    static func load(path: String, format: String?, universe: [Security]) throws -> ForwardPrices {
        // Only prices and caps are read: how share codes are read does not matter.
        let later = try UniverseLoading.universe(path: path, format: format, rankDay: CalendarDate(year: 9999, month: 12, day: 31),
                                                 convention: .rulebook).result
        var prices = ForwardPrices(path: path, universe: universe, later: later.securities)
        prices.date = later.asOf ?? FileNameDate.date(ofFile: path)
        return prices
    }

    init(path: String, universe: [Security], later: [Security]) {
        let match = TickerMatch(universe.map(\.symbol), later.map(\.symbol))
        self.path = path
        endPrices = match.match.map { line in line.flatMap { later[$0].price }.flatMap { $0 > 0 ? $0 : nil } }
        endCaps = match.match.map { line in line.flatMap { later[$0].marketCap }.flatMap { $0 > 0 ? $0 : nil } }
        startPrices = universe.map(\.price)
        priceOverCapRelative = universe.indices.map { [endPrices, endCaps] line in
            guard let startPrice = universe[line].price, startPrice > 0, let endPrice = endPrices[line],
                  let startCap = universe[line].marketCap, startCap > 0, let endCap = endCaps[line] else { return nil }
            return (endPrice / startPrice) / (endCap / startCap)
        }
        let known = priceOverCapRelative.compactMap { $0 }.sorted()
        medianPriceOverCapRelative = known.isEmpty ? nil : known[known.count / 2]
        matchedByNormalisedTicker = match.byNormalisedTicker
        laterSymbols = Dictionary(uniqueKeysWithValues: match.byNormalisedTicker.map { ($0, later[match.match[$0]!].symbol) })
        fromLabel = "universe snapshot"
        toLabel = FilePaths.fileName(of: path)
    }

    /// The price relative of a row of `result` minus one; `nil` when either price is missing or the
    /// relatives are apart (``relativesApart``).
    func windowReturn(_ result: ReconstitutionResult, row: Int) -> Double? {
        guard let priceReturn = priceReturn(result, row: row), !relativesApart(line: row) else { return nil }
        return priceReturn
    }

    private func priceReturn(_ result: ReconstitutionResult, row: Int) -> Double? {
        guard result.isLine(row), let start = startPrices[row], start > 0, let end = endPrices[row] else { return nil }
        return end / start - 1
    }

    /// Whether a row's price relative and market-cap relative are more than threefold apart, next
    /// to the median line's (so that two files counting caps in other units, or at other dates of
    /// the share count, are compared fairly). Over a year a company's share count rarely moves
    /// threefold but through a split or reverse split (1-for-10 and more in penny stocks), a
    /// merger, or a ticker that now names another company: then the price relative measures no
    /// holding's return (and the market-cap relative does not either when shares were issued).
    /// Without both caps, nothing is seen.
    private func relativesApart(line: Int) -> Bool {
        guard let ratio = priceOverCapRelative[line], let median = medianPriceOverCapRelative else { return false }
        let apart = ratio / median
        return apart > 3 || apart < 1.0 / 3
    }

    /// Russell 2000 lines (before or after) left out of the drag because their relatives are apart.
    func linesWithRelativesApart(_ result: ReconstitutionResult) -> [String] {
        result.rowIndices.compactMap { row -> String? in
            guard result.priorTier[row] == .r2000 || result.tier[row] == .r2000, priceReturn(result, row: row) != nil,
                  relativesApart(line: row) else { return nil }
            return result.symbol(row)
        }
    }

    /// Warnings about a later snapshot that is not later than the run's effective date, names left
    /// out of the drag (with no later price, or relatives apart), and Russell 2000 lines priced
    /// through their normalised ticker.
    func warnings(for drag: RunWriter.DragWindow?, result: ReconstitutionResult) -> [String] {
        var warnings: [String] = []
        let effective = result.rulebook.effectiveDate
        if drag != nil, let date, date <= effective {
            warnings.append("drag: \(FilePaths.fileName(of: path)) is of \(date), not after the \(result.rulebook.run) run took effect "
                + "(\(effective)): its prices measure no holding of the reconstituted Russell 2000; give a snapshot taken after \(effective)")
        }
        if let cap = drag?.byWeighting[.cap], cap.leftOut > 0 {
            let apart = linesWithRelativesApart(result), noPrice = cap.leftOut - apart.count
            let reasons = [noPrice > 0 ? "\(noPrice) have no price in \(FilePaths.fileName(of: path))" : nil,
                           apart.isEmpty ? nil : "\(apart.count) have price and market-cap relatives more than 3x apart (a split, "
                               + "reverse split or reused ticker the price relative does not see: \(apart.prefix(10).joined(separator: ", "))"
                               + (apart.count > 10 ? ", …" : "") + ")"]
            warnings.append("drag: \(cap.leftOut) Russell 2000 lines are left out "
                + "(\(formatNumber(cap.leftOutFrozenWeight * 100, decimals: 2))% of the frozen and "
                + "\(formatNumber(cap.leftOutReconstitutedWeight * 100, decimals: 2))% of the reconstituted cap weight): "
                + reasons.compactMap { $0 }.joined(separator: "; "))
        }
        let normalised = matchedByNormalisedTicker.filter { result.priorTier[$0] == .r2000 || result.tier[$0] == .r2000 }
        if drag != nil, !normalised.isEmpty {
            let examples = normalised.prefix(5).map { "\(result.symbol($0)) → \(laterSymbols[$0]!)" }.joined(separator: ", ")
            warnings.append("drag: \(normalised.count) Russell 2000 lines have no line of the same symbol in \(FilePaths.fileName(of: path)) "
                + "and are priced by the one line whose ticker normalises alike (\(examples))")
        }
        return warnings
    }
}
