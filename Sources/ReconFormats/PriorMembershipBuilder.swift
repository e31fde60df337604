import ReconCore
import ReconIO

/// Combines index holdings files (iShares IWB, IWM, IWV, IWC) into the prior membership.
///
/// - A Russell 1000 file's lines are Russell 1000; a Russell 2000 file's lines are Russell 2000.
/// - A Russell 3000 file's lines in no Russell 2000 file are Russell 1000, because the Russell 2000
///   is the Russell 3000 minus the Russell 1000 (M7 §6.10). A Russell 2000 file wins over that
///   inference. With a Russell 1000 file and no Russell 2000 file, the Russell 3000 lines in no
///   Russell 1000 file are Russell 2000. A Russell 3000 file alone cannot be split: an error.
/// - A Microcap file's lines are marked `isMicrocap`; those in no Russell 1000/2000/3000 file have
///   tier `.none` (Microcap ranks below #3,000, M7 §6.10.1). When a Microcap file is given, the
///   other lines are marked not Microcap; otherwise `isMicrocap` is unknown.
/// - A line in both a Russell 1000 and a Russell 2000 file takes the tier of the file with the
///   later as-of date (the Russell 2000 file when the dates are equal or unknown), with a note.
/// - Of several dated files of one index, the latest alone gives its members: an earlier one holds
///   the companies that left the index since (takeovers, delistings), which are not members on
///   the later date. Each file superseded so is said, with the lines only it holds.
/// - Weights are fractions of the line's own index. For lines whose tier is inferred from a
///   Russell 3000 file, the Russell 3000 weights are rescaled to sum to 1 over those lines.
public struct PriorMembershipBuilder: Sendable {
    /// One holdings file added.
    public struct Source: Sendable, Hashable {
        public var file: String
        public var index: RussellIndex
        /// The file's as-of date, when known.
        public var asOf: CalendarDate?
        /// How many lines it gave.
        public var lines: Int
    }

    /// One line of a source.
    public struct Line: Sendable, Hashable {
        public var symbol: String
        public var name: String
        /// Weight in the source's index, as a fraction.
        public var weight: Double?

        public init(symbol: String, name: String, weight: Double? = nil) {
            self.symbol = symbol
            self.name = name
            self.weight = weight
        }
    }

    /// The combined membership and what was learned combining it.
    public struct Result: Sendable {
        public var membership: PriorLines
        public var sources: [Source]
        /// The latest as-of date among the sources, when any has one.
        public var asOf: CalendarDate?
        /// Conflicts resolved and other facts worth telling the user.
        public var notes: [String]
    }

    /// The sources added, in order.
    public private(set) var sources: [Source] = []
    private(set) var linesBySource: [[Line]] = []

    public init() {}

    /// Adds an iShares holdings file.
    public mutating func add(_ holdings: ISharesHoldings) {
        add(index: holdings.index, file: holdings.file, asOf: holdings.asOf,
            lines: holdings.holdings.map { Line(symbol: $0.symbol, name: $0.name, weight: $0.weight) })
    }

    /// Adds the lines of an index from any source.
    public mutating func add(index: RussellIndex, file: String, asOf: CalendarDate?, lines: [Line]) {
        sources.append(Source(file: file, index: index, asOf: asOf, lines: lines.count))
        linesBySource.append(lines)
    }

    /// What the sources say about one security (``Ticker/securityKey(_:)``: `BRK.B` in one file and
    /// `BRKB` in another are one; `BCC` and `BC^C`, which only normalise alike, are two).
    private struct Evidence {
        var order: Int
        var name: String
        /// Per index: the position in ``sources`` of the first file holding the line, and its weight there.
        var seen: [RussellIndex: (source: Int, weight: Double?)] = [:]
    }

    /// Combines the sources.
    /// - Throws: ``InputError`` when a Russell 3000 file has no Russell 1000 or 2000 file to split it.
    public func build() throws -> Result {
        let supersession = supersession()
        let evidence = collectEvidence(skipping: supersession)
        let given = Set(sources.map(\.index))
        if given.contains(.r3000), !given.contains(.r2000), !given.contains(.r1000) {
            let file = sources.first { $0.index == .r3000 }!.file
            throw InputError(file: file, message: "a Russell 3000 holdings file cannot be split into Russell 1000 and Russell 2000 on its own",
                             help: "also pass R2000=FILE (iShares IWM holdings): the Russell 1000 is the Russell 3000 minus the Russell 2000")
        }
        var notes = supersessionNotes(supersession) + olderRussell3000Notes()
        var entries: [PriorLines.Entry] = []
        var inferred: [IndexTier: [Int]] = [:]
        for (symbol, line) in evidence.sorted(by: { $0.value.order < $1.value.order }) {
            // A Russell 3000 line that an earlier file of the index splitting it held, and the
            // latest does not, left that index: it is not a member of the other one.
            if line.seen.keys.allSatisfy({ $0 == .r3000 }), supersession.departed[russell3000SplitBy]?.contains(symbol) == true {
                continue
            }
            let (tier, source, conflict) = decideTier(line, given: given)
            if let conflict { notes.append("\(symbol): \(conflict)") }
            let isMicrocap: Bool? = given.contains(.microcap) ? line.seen[.microcap] != nil : nil
            if source == .r3000 { inferred[tier, default: []].append(entries.count) }
            entries.append(PriorLines.Entry(symbol: symbol, name: line.name, tier: tier,
                                                 isMicrocap: isMicrocap, weight: line.seen[source]?.weight))
        }
        for tier in IndexTier.allCases {
            guard let positions = inferred[tier] else { continue }
            rescale(&entries, positions)
            notes.append("\(counted(positions.count, "Russell 3000 line")) in no \(russell3000SplitBy.name) file read as \(tier.rawValue)")
        }
        notes += PriorMembershipBuilder.unknownIndexes(given: given)
        let asOf = sources.compactMap(\.asOf).max()
        return Result(membership: PriorLines(entries), sources: sources, asOf: asOf, notes: notes)
    }

    /// A note for each of the Russell 1000 and 2000 whose members no file given names: its members
    /// read as non-members, so the band at #1,000 keeps none of them (M7 §6.10.2) and each counts
    /// as an addition (an IWM file alone gave the 2025 run 1,223 additions instead of about 250).
    static func unknownIndexes(given: Set<RussellIndex>) -> [String] {
        guard given.contains(.r1000) || given.contains(.r2000) || given.contains(.r3000) else { return [] }
        let knows1000 = given.contains(.r1000) || given.contains(.r3000) && given.contains(.r2000)
        let knows2000 = given.contains(.r2000) || given.contains(.r3000) && given.contains(.r1000)
        return [(knows1000, "Russell 1000", "IWB or IWV"), (knows2000, "Russell 2000", "IWM")].compactMap { known, index, funds in
            known ? nil : "no prior file gives the \(index) members: they read as non-members, so the band keeps none of "
                + "them and each counts as an addition; add --prior with an \(funds) holdings file"
        }
    }

    private func collectEvidence(skipping supersession: Supersession) -> [String: Evidence] {
        var evidence: [String: Evidence] = [:]
        var order = 0
        for (position, source) in sources.enumerated() where supersession.latest[position] == nil {
            for line in linesBySource[position] {
                guard !Ticker.normalize(line.symbol).isEmpty else { continue }
                let symbol = Ticker.securityKey(line.symbol)
                if evidence[symbol] == nil {
                    evidence[symbol] = Evidence(order: order, name: line.name)
                    order += 1
                }
                if evidence[symbol]!.seen[source.index] == nil {
                    evidence[symbol]!.seen[source.index] = (position, line.weight)
                }
            }
        }
        return evidence
    }

    /// The tier, the index whose file decided it, and a conflict note.
    private func decideTier(_ line: Evidence, given: Set<RussellIndex>) -> (IndexTier, RussellIndex, String?) {
        let r1000 = line.seen[.r1000], r2000 = line.seen[.r2000]
        if let r1000, let r2000 {
            let date1000 = sources[r1000.source].asOf, date2000 = sources[r2000.source].asOf
            if let date1000, let date2000, date1000 > date2000 {
                return (.r1000, .r1000, "in both a Russell 1000 and a Russell 2000 file; the later Russell 1000 file (\(date1000)) wins")
            }
            return (.r2000, .r2000, "in both a Russell 1000 and a Russell 2000 file; the Russell 2000 file wins")
        }
        if r2000 != nil { return (.r2000, .r2000, nil) }
        if r1000 != nil { return (.r1000, .r1000, nil) }
        if line.seen[.r3000] != nil {
            return given.contains(.r2000) ? (.r1000, .r3000, nil) : (.r2000, .r3000, nil)
        }
        return (.none, .microcap, nil)
    }

    /// Rescales the Russell 3000 weights of lines whose tier was inferred to sum to 1.
    private func rescale(_ entries: inout [PriorLines.Entry], _ positions: [Int]) {
        let total = positions.compactMap { entries[$0].weight }.reduce(0, +)
        guard total > 0 else { return }
        for position in positions {
            if let weight = entries[position].weight { entries[position].weight = weight / total }
        }
    }
}
