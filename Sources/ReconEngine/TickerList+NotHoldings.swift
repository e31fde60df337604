import ReconIO
import ReconFormats

extension TickerList {
    /// The list at `path` for an option that takes a list other than a fund's holdings
    /// (`--later-additions`, `--later-listing`); the rows it leaves out are said on `console`.
    /// - Parameters:
    ///   - expected: what the option takes, for the error (`a list of the additions published after the run, …`).
    ///   - option: the option, for the help line.
    /// - Throws: ``InputError`` for a file that is not a list of tickers, or is a fund's holdings.
    static func read(path: String, expected: String, option: String, console: Console) throws -> TickerList {
        let list = try TickerList.read(path: path)
        guard !list.isHoldings else {
            throw InputError(file: path, message: "is a fund's holdings (it has an Asset Class column), expected \(expected)",
                             help: "give the holdings with --r2000, --r1000 or --r3000, and \(option)")
        }
        for note in list.notes { console.warn(note) }
        return list
    }
}
