/// Builds the frozen and reconstituted Russell 2000 portfolios of a reconstitution and measures
/// the gap between them (``Drag``), cap-weighted and equal-weighted.
///
/// F holds the prior Russell 2000 lines, N the new ones. Cap weights are each line's company
/// total market cap as the membership output gives it (`total_market_cap`), so anyone can
/// recompute the figures from `membership.csv`; lines without a cap (prior members absent from the
/// universe) or without a return over the window are left out and reported.
public enum DragAnalysis {
    /// How the portfolios are weighted.
    public enum Weighting: String, Sendable, CaseIterable {
        case cap
        case equal
    }

    /// The component a line belongs to when it is in one portfolio only.
    public static func component(of migrationClass: MigrationClass) -> String {
        switch migrationClass {
        case .upward: return "deletions_upward"
        case .fallOutToMicrocap, .fallOutBelow: return "deletions_fall_out"
        case .exitIneligible, .exitAbsent: return "deletions_other"
        case .downward: return "additions_from_r1000"
        case .entryFromBelow: return "additions_from_below"
        case .ipoEntry: return "additions_ipo"
        case .stay1000, .stay2000, .outside: return Drag.stayersComponent
        }
    }

    /// F and N of one reconstitution, built once for every window and weighting, in the order
    /// ``Drag`` sums them (by holding key, `companyKey|symbol|row` as text), so that each window
    /// only looks up returns and adds up.
    public struct Portfolios: Sendable {
        /// The row of each holding, in key order.
        public let rows: [Int]
        let frozen: [Bool]
        let reconstituted: [Bool]
        /// The component of a holding in one portfolio only (``Drag/stayersComponent`` otherwise).
        let components: [String]
        /// The cap-weighting basis (`nil`: no cap, left out like a holding without a return).
        let capBases: [Double?]

        /// - Parameter classes: the migration class of each row (``MigrationSummary/classes``).
        public init(result: ReconstitutionResult, classes: [MigrationClass]) {
            let positions = result.rowIndices.filter { result.priorTier[$0] == .r2000 || result.tier[$0] == .r2000 }
            let keys = positions.map { HoldingKey(companyKey: result.companyKey($0), symbol: result.symbol($0), position: $0) }
            let order = keys.indices.sorted { keys[$0] < keys[$1] }
            rows = order.map { positions[$0] }
            frozen = rows.map { result.priorTier[$0] == .r2000 }
            reconstituted = rows.map { result.tier[$0] == .r2000 }
            components = rows.map { row in
                result.priorTier[row] == .r2000 && result.tier[row] == .r2000 ? Drag.stayersComponent : component(of: classes[row])
            }
            capBases = rows.map { result.totalMarketCap[$0] > 0 ? result.totalMarketCap[$0] : nil }
        }

        /// The gap under both weightings; `windowReturn` gives the return of the row at a position
        /// (asked once per holding).
        public func measure(windowReturn: (Int) -> Double?) -> [Weighting: Drag] {
            measure(holdingReturns: rows.map(windowReturn))
        }

        /// The same with the return of each holding given in holding order (``rows``).
        public func measure(holdingReturns returns: [Double?]) -> [Weighting: Drag] {
            var out: [Weighting: Drag] = [:]
            for weighting in Weighting.allCases {
                var holdings: [Drag.Holding] = []
                holdings.reserveCapacity(rows.count)
                for index in rows.indices {
                    let basis: Double? = weighting == .cap ? capBases[index] : 1
                    holdings.append(Drag.Holding(
                        key: "", frozenWeight: frozen[index] ? (basis ?? 0) : nil,
                        reconstitutedWeight: reconstituted[index] ? (basis ?? 0) : nil,
                        component: components[index], windowReturn: basis == nil ? nil : returns[index]))
                }
                out[weighting] = Drag(sortedHoldings: holdings)
            }
            return out
        }
    }
}

/// A holding's key, `companyKey|symbol|position`, compared as that string is, without making it:
/// by its first eight UTF-8 bytes when those differ and are ASCII (where byte order is the
/// string order), else by the strings themselves.
struct HoldingKey: Comparable {
    let companyKey: String
    let symbol: String
    let position: Int
    /// The first eight bytes, big-endian, zero-padded; `nil` when one of them is not ASCII.
    let prefix: UInt64?

    init(companyKey: String, symbol: String, position: Int) {
        self.companyKey = companyKey
        self.symbol = symbol
        self.position = position
        var prefix: UInt64 = 0, count = 0, ascii = true
        func take(_ byte: UInt8) {
            guard count < 8 else { return }
            if byte >= 0x80 { ascii = false }
            prefix = prefix << 8 | UInt64(byte)
            count += 1
        }
        for byte in companyKey.utf8 { if count == 8 { break }; take(byte) }
        take(0x7C)
        for byte in symbol.utf8 { if count == 8 { break }; take(byte) }
        take(0x7C)
        if count < 8 { for byte in String(position).utf8 { take(byte) } }
        if count < 8 { prefix <<= UInt64(8 * (8 - count)) }
        self.prefix = ascii ? prefix : nil
    }

    var text: String { "\(companyKey)|\(symbol)|\(position)" }

    static func < (a: HoldingKey, b: HoldingKey) -> Bool {
        if let x = a.prefix, let y = b.prefix, x != y { return x < y }
        return a.text < b.text
    }

    static func == (a: HoldingKey, b: HoldingKey) -> Bool { a.text == b.text }
}
