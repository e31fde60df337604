import ReconCore
import ReconIO
import ReconFormats

/// Additions FTSE Russell published after a run took effect, such as the quarterly IPO additions
/// (russell-rules.md §6.1, M7 §9.2), read from lists of tickers: `recon validate --later-additions`.
///
/// Index holdings are often dated months after the reconstitution they are scored against, and
/// hold the companies added since: the IWM file of 2025-11-05 holds 15 of the third quarter's IPO
/// additions. Each was added after the run, so none was a member when the run took effect: they
/// are left out of the holdings an index set is scored against (``withoutLaterAdditions(_:)``), and
/// listed. A run that predicted one predicted it a quarter early: it stays a false hit, in its own
/// category (``ValidationCategory/addedAfterRun``). Deletions between reconstitutions (takeovers,
/// delistings) have no such list: the run's lines that left since stay false hits, and a later
/// listing names those no longer listed (``LaterListing``).
struct LaterAdditions {
    /// The name of the file that lists each ticker, found as the score pairs tickers
    /// (``TickerTable``: `BRK/B` is `BRK.B`, `DCOM^` is not `DCOM`).
    private let files: TickerTable<String>

    /// The lists at `paths`, read as ``TickerList`` reads a truth file; the rows each leaves out
    /// are said on `console`.
    /// - Throws: ``InputError`` for a file that is not a list of tickers, or is a fund's holdings
    ///   (given here, its every member would leave the score).
    static func read(paths: [String], console: Console) throws -> LaterAdditions {
        var entries: [(symbol: String, value: String)] = [], seen: Set<String> = []
        for path in paths {
            let list = try TickerList.read(path: path, expected: "a list of the additions published after the run, such as FTSE "
                                           + "Russell's quarterly IPO additions",
                                           option: "the additions list with --later-additions", console: console)
            // A ticker two lists share is named by the first (entered twice, it would match no other spelling).
            entries += list.tickers.filter { seen.insert(Ticker.exact($0)).inserted }.map { ($0, FilePaths.fileName(of: path)) }
        }
        return LaterAdditions(files: TickerTable(entries))
    }

    /// Whether no list was given.
    var isEmpty: Bool { files.count == 0 }

    /// The name of the file that lists `symbol` as a later addition, `nil` when none does.
    func file(listing symbol: String) -> String? { files.value(for: symbol) }

    /// `tickers` split into those kept and those a later addition names, each with its file.
    /// - Complexity: O(tickers).
    func withoutLaterAdditions(_ tickers: [String]) -> (kept: [String], leftOut: [(symbol: String, file: String)]) {
        var kept: [String] = [], leftOut: [(symbol: String, file: String)] = []
        for symbol in tickers {
            if let file = file(listing: symbol) { leftOut.append((symbol, file)) } else { kept.append(symbol) }
        }
        return (kept, leftOut)
    }
}
