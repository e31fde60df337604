import ReconCore
import ReconIO

/// Holdings files of one index on different dates, and a Russell 3000 file older than the file
/// it is split by.
///
/// Between reconstitutions an index only loses members (takeovers, delistings) and gains IPOs
/// (russell-rules.md §6); no company moves between the Russell 1000 and 2000. So of several dated
/// files of one index, the latest gives its members, and a member of an earlier one that the
/// latest lacks has left the index: it is a member of neither. Without that rule the 2026 run
/// given IWM files of January and May read 51 lines of companies that had left the Russell 2000 as
/// members.
extension PriorMembershipBuilder {
    /// Which files a later file of their index supersedes, and the members only they hold.
    struct Supersession {
        /// For each superseded source, the position of the latest file of its index.
        var latest: [Int: Int] = [:]
        /// Per index, the securities (``Ticker/securityKey(_:)``) a superseded file holds and no
        /// current file of the index does: members that left it.
        var departed: [RussellIndex: Set<String>] = [:]
        /// For each superseded source, how many of its lines are departed members.
        var departedLines: [Int: Int] = [:]
    }

    /// - Complexity: O(sources² + lines).
    func supersession() -> Supersession {
        var supersession = Supersession()
        for (position, source) in sources.enumerated() {
            guard let asOf = source.asOf else { continue }
            let later = sources.indices.filter { sources[$0].index == source.index && (sources[$0].asOf.map { $0 > asOf } ?? false) }
            if let latest = later.max(by: { (sources[$0].asOf!, $1) < (sources[$1].asOf!, $0) }) { supersession.latest[position] = latest }
        }
        for index in Set(supersession.latest.keys.map { sources[$0].index }) {
            let files = sources.indices.filter { sources[$0].index == index }
            let keys = Dictionary(uniqueKeysWithValues: files.map { ($0, Set(securityKeys($0))) })
            let superseded = files.filter { supersession.latest[$0] != nil }
            let current = files.filter { supersession.latest[$0] == nil }.reduce(into: Set<String>()) { $0.formUnion(keys[$1]!) }
            let departed = superseded.reduce(into: Set<String>()) { $0.formUnion(keys[$1]!) }.subtracting(current)
            supersession.departed[index] = departed
            for file in superseded { supersession.departedLines[file] = keys[file]!.intersection(departed).count }
        }
        return supersession
    }

    /// What is said of each superseded file: its date, the later file's, and how many members only it holds.
    func supersessionNotes(_ supersession: Supersession) -> [String] {
        supersession.latest.keys.sorted().map { position in
            let source = sources[position], latest = sources[supersession.latest[position]!]
            let departed = supersession.departedLines[position] ?? 0, index = source.index.name
            return "\(FilePaths.fileName(of: source.file)) holds the \(index) as of \(source.asOf!), before "
                + "\(FilePaths.fileName(of: latest.file)) (\(latest.asOf!)): the prior \(index) is the later file's; "
                + (departed == 1 ? "1 line only the earlier one holds left the index between the two dates and is not a prior member"
                    : "\(departed) lines only the earlier one holds left the index between the two dates and are not prior members")
        }
    }

    /// A Russell 3000 file dated more than a month before every file of the index it is split by:
    /// its members that left that index in between read as members of the other (a company that
    /// left the Russell 2000 after the IWV file's date reads as Russell 1000), and the other's
    /// additions since (quarterly IPOs, spin-offs) as non-members (2026 inputs: CRCL, CAI and NIQ,
    /// IPO additions of September 2025 that no IWM file holds, and SOLS, spun off in October 2025,
    /// read as additions in June 2026); only later files tell them apart. Within a month few leave
    /// (the Russell 2000 lost 93 members from November 2025 to May 2026, about 15 a month), so
    /// files a few days apart, as iShares publishes them, are not flagged.
    func olderRussell3000Notes() -> [String] {
        let splitBy = russell3000SplitBy
        let splitDates = sources.filter { $0.index == splitBy }.map(\.asOf)
        guard let earliest = splitDates.compactMap({ $0 }).min(), !splitDates.contains(nil) else { return [] }
        let other = splitBy == .r2000 ? RussellIndex.r1000 : .r2000
        let monthBefore = earliest.dayNumber - 31
        return sources.filter { $0.index == .r3000 && ($0.asOf.map { $0.dayNumber < monthBefore } ?? false) }.map { source in
            "\(FilePaths.fileName(of: source.file)) holds the Russell 3000 as of \(source.asOf!), before every \(splitBy.name) file "
                + "(the earliest of \(earliest)): its companies that left the \(splitBy.name) in between read as \(other.name) members, "
                + "and the \(other.name)'s additions since (quarterly IPOs, spin-offs) as non-members; "
                + "add an \(splitBy.isharesTicker) file dated on or before \(source.asOf!) (its members that the latest lacks are left out), "
                + "or give an \(RussellIndex.r3000.isharesTicker) file dated near \(earliest)"
        }
    }

    /// The index whose files split a Russell 3000 file: its lines in no file of that index are
    /// members of the other (the Russell 2000 when one is given, else the Russell 1000).
    var russell3000SplitBy: RussellIndex { sources.contains { $0.index == .r2000 } ? .r2000 : .r1000 }

    private func securityKeys(_ position: Int) -> [String] {
        linesBySource[position].lazy.filter { !Ticker.normalize($0.symbol).isEmpty }.map { Ticker.securityKey($0.symbol) }
    }
}
