/// A row a reader left out, with where it was and why (a cash line of an iShares file, a row
/// without a ticker, …). Readers return every dropped row so nothing disappears silently.
public struct DroppedRow: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// 1-based physical line of the row.
    public var line: Int
    /// The row's symbol, when it has one.
    public var symbol: String
    /// Why it was dropped (`asset class "Cash" is not Equity`).
    public var reason: String

    public init(file: String, line: Int, symbol: String, reason: String) {
        self.file = file
        self.line = line
        self.symbol = symbol
        self.reason = reason
    }

    /// `FILE:LINE: SYMBOL: reason`.
    public var description: String {
        "\(file):\(line): \(symbol.isEmpty ? "(no symbol)" : symbol): \(reason)"
    }
}

extension DroppedRow {
    /// The reason without the row's own detail, for counting: `no ticker (ACME CVR)` → `no ticker`,
    /// `ticker already read on line 12` → `ticker already read`.
    public var reasonKind: String {
        var kind = Substring(reason)
        for marker in [" (", " on line "] {
            if let range = kind.firstRange(of: marker) { kind = kind[..<range.lowerBound] }
        }
        return String(kind)
    }

    /// Rows dropped per ``reasonKind``.
    public static func counts(_ rows: [DroppedRow]) -> [String: Int] {
        rows.reduce(into: [:]) { counts, row in counts[row.reasonKind, default: 0] += 1 }
    }

    /// One line per file, for warnings: `IWM.csv: 13 rows dropped (no ticker 5, not listed 3, …)`,
    /// reasons by count (most first) then name; files in order of first appearance.
    public static func summary(_ rows: [DroppedRow]) -> [String] {
        var files: [String] = []
        var byFile: [String: [DroppedRow]] = [:]
        for row in rows {
            if byFile[row.file] == nil { files.append(row.file) }
            byFile[row.file, default: []].append(row)
        }
        return files.map { file in
            let counts = DroppedRow.counts(byFile[file]!).sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            let total = byFile[file]!.count
            return "\(file): \(counted(total, "row")) dropped (" + counts.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                + ")"
        }
    }
}
