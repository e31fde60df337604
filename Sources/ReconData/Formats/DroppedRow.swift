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
