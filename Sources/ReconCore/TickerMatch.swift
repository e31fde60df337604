/// Pairs the symbols of two lists that name the same security: by exact symbol (``Ticker/exact(_:)``)
/// first, and failing that by normalised ticker (``Ticker/normalize(_:)``) when exactly one symbol
/// of each list normalises to it and neither is spelled as a preferred (``Ticker/isPreferredSpelling(_:)``).
///
/// Why not by normalised ticker alone: it drops what tells securities apart. In the Nasdaq screener
/// of 2026-06-11, `DCOM` (Dime's common, $39.51) and `DCOM^` (its preferred, $17.75) both normalise
/// to `DCOM`, as do `TFIN`/`TFIN^`, `TY`/`TY^`, `BCC`/`BC^C` (Boise Cascade's common, Brunswick's
/// notes) and `EPC`/`EP^C`; keyed by normalised ticker, the later line won. The fallback remains for
/// one security spelled two ways (`BRK/B` by Nasdaq, `BRK.B` or `BRKB` elsewhere), and the symbols
/// matched through it are listed (``byNormalisedTicker``) so that they can be counted and said.
public struct TickerMatch: Sendable, Equatable {
    /// For each symbol of the left list, the index of its match in the right list.
    public let match: [Int?]
    /// The indices of left symbols matched by normalised ticker, in order.
    public let byNormalisedTicker: [Int]

    public init(_ left: [String], _ right: [String]) {
        var rightByExact: [String: Int] = [:]
        var rightByTicker: [String: (index: Int, count: Int)] = [:]
        rightByExact.reserveCapacity(right.count)
        for (index, symbol) in right.enumerated() {
            if rightByExact[Ticker.exact(symbol)] == nil { rightByExact[Ticker.exact(symbol)] = index }
            let ticker = Ticker.normalize(symbol)
            rightByTicker[ticker] = (rightByTicker[ticker]?.index ?? index, (rightByTicker[ticker]?.count ?? 0) + 1)
        }
        let tickers = left.map(Ticker.normalize)
        var leftTickerCount: [String: Int] = [:]
        for ticker in tickers { leftTickerCount[ticker, default: 0] += 1 }
        var match: [Int?] = []
        match.reserveCapacity(left.count)
        var byNormalisedTicker: [Int] = []
        for (index, symbol) in left.enumerated() {
            if let exact = rightByExact[Ticker.exact(symbol)] {
                match.append(exact)
            } else if let only = rightByTicker[tickers[index]], only.count == 1, leftTickerCount[tickers[index]] == 1,
                      !tickers[index].isEmpty, !Ticker.isPreferredSpelling(symbol), !Ticker.isPreferredSpelling(right[only.index]) {
                match.append(only.index)
                byNormalisedTicker.append(index)
            } else {
                match.append(nil)
            }
        }
        self.match = match
        self.byNormalisedTicker = byNormalisedTicker
    }
}

/// Values by symbol, found as ``TickerMatch`` pairs symbols: by exact symbol first, and failing
/// that by normalised ticker when exactly one entry normalises to it and neither spelling is a
/// preferred's. For the look-ups of one security's facts in another file (prices, weights, a
/// run's lines), where `BRK/B` must find `BRKB` but `DCOM^` never `DCOM`.
public struct TickerTable<Value> {
    // Inlinable, so that the readers in other modules get it specialised for their value types:
    // unspecialised, its dictionaries' generic code was a tenth of a snapshot's CPU.
    @usableFromInline var exact: [String: Value] = [:]
    /// `nil` for a normalised ticker two entries share, or one only a preferred's spelling has.
    @usableFromInline var normalized: [String: Value?] = [:]

    /// Entries in order; a later entry with the same exact symbol replaces an earlier one.
    @inlinable
    public init(_ entries: [(symbol: String, value: Value)]) {
        exact.reserveCapacity(entries.count)
        normalized.reserveCapacity(entries.count)
        for (symbol, value) in entries {
            exact[Ticker.exact(symbol)] = value
            guard !Ticker.isPreferredSpelling(symbol) else { continue }
            let ticker = Ticker.normalize(symbol)
            normalized[ticker] = normalized[ticker] == nil ? .some(value) : .some(nil)
        }
    }

    /// The value of the entry with this symbol, `nil` when none (or two) match.
    @inlinable
    public func value(for symbol: String) -> Value? {
        if let value = exact[Ticker.exact(symbol)] { return value }
        guard !Ticker.isPreferredSpelling(symbol) else { return nil }
        return normalized[Ticker.normalize(symbol)] ?? nil
    }

    /// How many distinct exact symbols the table holds.
    @inlinable
    public var count: Int { exact.count }
}

extension TickerTable: Sendable where Value: Sendable {}
