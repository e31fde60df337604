import ReconCore

/// The Russell index an iShares holdings file (or a `--prior` argument) stands for.
///
/// A Russell 3000 file gives the Russell 1000 as its members that no Russell 2000 file holds
/// (M7 §6.10: the Russell 2000 is the Russell 3000 minus the Russell 1000); see
/// ``PriorMembershipBuilder``.
public enum RussellIndex: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case r1000 = "R1000"
    case r2000 = "R2000"
    case r3000 = "R3000"
    case microcap = "MICROCAP"

    public var description: String { rawValue }

    /// The index's name in prose: `Russell 2000`, `Russell Microcap`.
    public var name: String {
        switch self {
        case .r1000: return "Russell 1000"
        case .r2000: return "Russell 2000"
        case .r3000: return "Russell 3000"
        case .microcap: return "Russell Microcap"
        }
    }

    /// The iShares fund that tracks it, as its holdings files are named.
    public var isharesTicker: String {
        switch self {
        case .r1000: return "IWB"
        case .r2000: return "IWM"
        case .r3000: return "IWV"
        case .microcap: return "IWC"
        }
    }

    /// The index from an iShares fund name: `iShares Russell 2000 ETF` → R2000,
    /// `iShares Micro-Cap ETF` → Microcap. Style and size subsets (`Russell 2000 Value`,
    /// `Russell Mid-Cap`) are not whole indexes and give `nil`.
    public init?(fundName: String) {
        let words = SecurityName.tokenize(fundName).map(\.folded)
        func has(_ phrase: [String]) -> Bool {
            guard words.count >= phrase.count else { return false }
            return (0...(words.count - phrase.count)).contains { start in
                (0..<phrase.count).allSatisfy { words[start + $0] == phrase[$0] }
            }
        }
        let subsets = ["value", "growth", "mid", "midcap", "top", "dividend", "momentum", "quality", "factor", "esg"]
        guard !words.contains(where: subsets.contains) else { return nil }
        if has(["russell", "1000"]) { self = .r1000 }
        else if has(["russell", "2000"]) { self = .r2000 }
        else if has(["russell", "3000"]) { self = .r3000 }
        else if has(["micro", "cap"]) || has(["microcap"]) { self = .microcap }
        else { return nil }
    }

    /// The index from a file name that starts with its iShares ticker (`IWM_2025-05-13.csv`,
    /// `iwv-holdings.csv`): the ticker must be followed by a non-letter or the end.
    public init?(fileName path: String) {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let upper = base.uppercased()
        for index in RussellIndex.allCases where upper.hasPrefix(index.isharesTicker) {
            let rest = upper.dropFirst(index.isharesTicker.count)
            if rest.first.map({ !$0.isLetter }) ?? true {
                self = index
                return
            }
        }
        return nil
    }

    /// Splits a `--prior` argument written `R2000=FILE` (also `R1000=`, `R3000=`, `MICROCAP=`,
    /// any case) into the index and the path; any other argument is a path with no index.
    public static func splitAssignment(_ argument: String) -> (index: RussellIndex?, path: String) {
        guard let equals = argument.firstIndex(of: "=") else { return (nil, argument) }
        let name = argument[..<equals].uppercased()
        guard let index = RussellIndex(rawValue: name) else { return (nil, argument) }
        return (index, String(argument[argument.index(after: equals)...]))
    }
}
