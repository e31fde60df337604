import ReconCore
import ReconCRSP
import ReconSynthetic

/// The embedded synthetic market: a seeded CRSP-format panel generated into `.cache/` on first
/// use and reused afterwards. Everything made from it is marked synthetic.
public struct EmbeddedMarket: Sendable {
    public static let defaultSeed = 1
    public static let defaultFirms = SyntheticMarket.defaultFirms
    public static let firstYear = 1979
    /// The last year the market covers (every month through its December): that of its
    /// calibration (``MarketCalibration/embedded``), not the calendar's, which may list runs the
    /// published breakpoints do not reach yet.
    public static let lastYear = MarketCalibration.embedded.lastYear

    public var panel: CRSPPanel
    public var path: String

    /// Refuses a run after ``lastYear`` before the market is generated or loaded.
    public static func requireCovers(_ run: RunID) throws {
        guard run.year > lastYear else { return }
        throw CommandError("the embedded market covers \(firstYear)–\(lastYear), not the run \(run)",
                           help: "choose a year up to \(lastYear), or give data that reaches \(run): "
                               + "--universe FILE (reconstitute) or --panel CRSP.csv (replay)")
    }

    /// The market of `seed` and `firms`, generated on first use.
    public static func load(seed: Int, firms: Int, console: Console) throws -> EmbeddedMarket {
        let configuration = SyntheticMarket.Configuration(firstYear: firstYear, lastYear: lastYear, firms: firms, seed: UInt64(seed))
        let expected = SyntheticMarket.defaultCachePath(configuration: configuration)
        if !FileChecks.exists(expected) {
            console.progress("generating the embedded synthetic market (\(firms) firms, \(firstYear)–\(lastYear), seed \(seed)) into \(expected)")
        }
        let path = try SyntheticMarket.cachedPanel(configuration: configuration,
                                                   progress: console.percentProgress("  generated"))
        return EmbeddedMarket(panel: try PanelLoading.load(path: path, console: console), path: path)
    }
}

/// Loads a CRSP-format panel with progress on standard error.
enum PanelLoading {
    static func load(path: String, console: Console) throws -> CRSPPanel {
        console.progress("loading \(path)")
        let panel = try CRSPPanel.load(path: path, progress: console.percentProgress("  read", step: 20))
        console.progress("  \(panel.report.rowsRead) rows, \(panel.securityCount) securities, \(panel.months.count) months")
        return panel
    }
}

extension CRSPPanel: MarketHistory {
    public func universe(onOrBefore date: CalendarDate, convention: ShareTypeConvention) -> Universe {
        monthIndex(onOrBefore: date).map { crossSection(month: $0, convention: convention).universe } ?? universe(rows: [], convention: convention)
    }
}
