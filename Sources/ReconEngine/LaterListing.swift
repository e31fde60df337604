import ReconCore
import ReconIO
import ReconFormats

/// Every ticker listed on a day after a run took effect, such as a later Nasdaq screener export:
/// `recon validate --later-listing`.
///
/// Between reconstitutions an index deletes a member that is taken over or delisted, and does not
/// replace it (russell-rules.md §6.2, M7 §9.2.1). Holdings dated months after a run no longer hold
/// those companies, so each the run placed in the index is a false hit of the holdings. A listing
/// from after the holdings tells which false hits are no longer listed at all: their category is
/// ``ValidationCategory/notListedLater``. It explains, and does not excuse: a line the run wrongly
/// placed may be delisted later too, and a later listing does not say when a ticker left, so the
/// score is unchanged.
struct LaterListing {
    /// The listing's file name, for the finding's detail.
    let file: String
    /// Tickers as compared exactly.
    private let exact: Set<String>
    /// Normalised tickers of the lines not spelled as a preferred's (`DCOM^` lists no `DCOM`).
    private let normalized: Set<String>

    /// The listing at `path`, read as ``TickerList`` reads a truth file, `nil` without one; the
    /// rows it leaves out are said on `console`, and so is a listing dated (by its file name) on or
    /// before the run took effect, which can show no deletion since.
    /// - Throws: ``InputError`` for a file that is not a list of tickers, or is a fund's holdings
    ///   (which lacks every company outside its index, not only the delisted).
    static func read(path: String?, dates: RunSummaryDates?, console: Console) throws -> LaterListing? {
        guard let path else { return nil }
        let list = try TickerList.read(path: path, expected: "a listing of every security traded on a day after the run, such as "
                                       + "a Nasdaq screener export",
                                       option: "a later screener export with --later-listing", console: console)
        if let dates, let listed = FileNameDate.date(ofFile: path), listed <= dates.effectiveDate {
            console.warn("--later-listing \(FilePaths.fileName(of: path)): dated \(listed) by its name, not after the \(dates.run) run "
                         + "took effect (\(dates.effectiveDate)): it cannot show the companies delisted since; give a listing dated "
                         + "after the holdings")
        }
        return LaterListing(file: FilePaths.fileName(of: path), exact: Set(list.tickers.map(Ticker.exact)),
                            normalized: Set(list.tickers.filter { !$0.contains("^") }.map(Ticker.normalize)))
    }

    /// Whether the listing has `symbol`, as spelled or normalised (`BRK.B` is `BRK/B`).
    func lists(_ symbol: String) -> Bool {
        exact.contains(Ticker.exact(symbol)) || normalized.contains(Ticker.normalize(symbol))
    }
}
