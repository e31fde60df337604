import ReconPlatform
import ReconCore
import ReconIO
import ReconCRSP

/// The embedded synthetic market: a seeded generator that writes a CRSP-format monthly panel
/// (the columns ``CRSPPanel/load(path:progress:)`` reads, with DLRET and SICCD) so that recon
/// can replay 1979–2026 without WRDS.
///
/// ```swift
/// let path = try SyntheticMarket.cachedPanel(configuration: .init())   // generated once, then reused
/// let panel = try CRSPPanel.load(path: path)
/// ```
///
/// The market has listings in waves (1983, 1986, 1991–96, 1999–2000, 2020–21), deaths by
/// acquisition (positive DLRET) and by failure (negative DLRET), two-class companies, securities
/// the screens must remove (SHRCD 12, 14, 18, 31, 48, 73; EXCHCD 0, 4, 5), penny stocks, a
/// fat-tailed cap distribution, and returns with a market factor, a size effect, momentum and
/// idiosyncratic volatility that grows as firms get smaller. Each June its company #1,000 sits on
/// the breakpoint of `Data/market-calibration.csv` (``MarketCalibration``). See
/// docs/synthetic-market.md for the model and its calibration table.
public enum SyntheticMarket {
    /// What to generate.
    public struct Configuration: Sendable, Hashable {
        public var firstYear: Int
        public var lastYear: Int
        /// About how many PERMNOs the panel holds; it scales the market (25,000 ≈ 2.3M rows).
        public var firms: Int
        public var seed: UInt64
        public var calibration: MarketCalibration

        public init(firstYear: Int = 1979, lastYear: Int = 2026, firms: Int = SyntheticMarket.defaultFirms,
                    seed: UInt64 = 1, calibration: MarketCalibration = .embedded) {
            self.firstYear = firstYear
            self.lastYear = lastYear
            self.firms = firms
            self.seed = seed
            self.calibration = calibration
        }
    }

    /// The default scale: about 25,000 PERMNOs over 1979–2026.
    public static let defaultFirms = 25_000

    /// One June of the generated market, measured on the rows as written: the companies passing
    /// the screens (SHRCD 10/11, EXCHCD 1–3, |PRC| ≥ $1, total cap ≥ $30M; classes summed by PERMCO)
    /// at the last month-end on or before the rank day.
    public struct YearStatistics: Sendable, Hashable {
        public var year: Int
        public var monthEnd: CalendarDate
        /// The breakpoint aimed at (published, or interpolated; see ``MarketCalibration``).
        public var targetBreakpoint: Double
        /// The rank calibrated: 1,000 in the default market, in proportion to ``Configuration/firms`` otherwise.
        public var calibrationRank: Int
        /// The companies aimed at passing the screens (the table's count, scaled).
        public var eligibleTarget: Double
        /// The companies passing the screens, largest total cap first.
        public var companies: [RankedCompany]
        /// New PERMNOs and last rows since the previous June.
        public var listings: Int
        public var delistings: Int

        /// The total cap of the company at ``calibrationRank``, 0 when there are fewer.
        public var breakpoint: Double { totalCap(rank: calibrationRank) ?? 0 }
        /// The total cap of the company at a rank (1-based), `nil` when there are fewer.
        public func totalCap(rank: Int) -> Double? { rank >= 1 && rank <= companies.count ? companies[rank - 1].totalCap : nil }
        public var eligibleCompanies: Int { companies.count }
    }

    /// A company passing the screens at a rank month.
    public struct RankedCompany: Sendable, Hashable {
        public var permco: Int
        /// All its share classes passing the screens, |PRC| × SHROUT × 1,000 summed.
        public var totalCap: Double
    }

    /// What a generation wrote.
    public struct Summary: Sendable {
        public var path: String
        public var rows: Int
        public var bytes: Int
        /// Distinct PERMNOs and PERMCOs written.
        public var securities: Int
        public var companies: Int
        public var years: [YearStatistics]
    }

    /// Writes the panel to `path` with ``AtomicFile`` (a temporary file beside it, flushed, renamed
    /// over it), so that an interrupted generation never leaves half a file. Same configuration,
    /// same bytes.
    /// - Parameters:
    ///   - layout: the legacy monthly stock file's columns (the default) or CRSP's CIZ layout
    ///     (``SyntheticCIZRows``): the same market, the same rows, spelled as each layout spells them.
    ///   - progress: called now and then with the fraction done (0...1).
    public static func write(to path: String, configuration: Configuration = Configuration(), layout: CRSPLayout = .legacy,
                             progress: ((Double) -> Void)? = nil) throws -> Summary {
        try validate(configuration, path: path)
        var summary: Summary?
        try AtomicFile.write(to: path) { pieces in
            let writer = ByteWriter(into: pieces)
            let simulation = MarketSimulation(configuration: configuration, writer: writer, layout: layout)
            try simulation.run(progress: progress)
            try writer.flush()
            summary = simulation.summary
            summary!.path = path
            summary!.bytes = writer.bytesWritten
        }
        progress?(1)
        return summary!
    }

    /// Runs the generation without writing the file: the same market and the same measurements
    /// (``Summary/years``; `bytes` is 0), in about a third of the time.
    public static func measure(configuration: Configuration = Configuration(), progress: ((Double) -> Void)? = nil) throws -> Summary {
        try validate(configuration, path: "(measurement)")
        let simulation = MarketSimulation(configuration: configuration, writer: nil)
        try simulation.run(progress: progress)
        progress?(1)
        return simulation.summary
    }

    private static func validate(_ configuration: Configuration, path: String) throws {
        guard configuration.firstYear <= configuration.lastYear else {
            throw InputError(file: path, message: "cannot generate years \(configuration.firstYear)–\(configuration.lastYear), expected the first year not after the last")
        }
        guard configuration.firms >= 50 else {
            throw InputError(file: path, message: "cannot generate a market of \(configuration.firms) firms, expected at least 50")
        }
    }

    /// `<package or current folder>/.cache/synthetic-<seed>-<firms>-<from>-<to>.csv`: the package
    /// is the nearest folder at or above `directory` holding `Package.swift`.
    public static func defaultCachePath(configuration: Configuration = Configuration(), directory: String? = nil) -> String {
        let start = directory ?? currentDirectory()
        var folder = start
        var root = start
        while true {
            if access(folder + "/Package.swift", F_OK) == 0 {
                root = folder
                break
            }
            guard let slash = folder.lastIndex(of: "/"), folder != "/" else { break }
            folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
        }
        let c = configuration
        return (root == "/" ? "" : root) + "/.cache/synthetic-\(c.seed)-\(c.firms)-\(c.firstYear)-\(c.lastYear).csv"
    }

    /// The path of the panel for a configuration, generated into the cache folder when absent
    /// and reused afterwards. Delete `.cache/` after upgrading recon: the file name does not
    /// change when the generator does.
    public static func cachedPanel(configuration: Configuration = Configuration(), directory: String? = nil,
                                   progress: ((Double) -> Void)? = nil) throws -> String {
        let path = defaultCachePath(configuration: configuration, directory: directory)
        var status = stat()
        if stat(path, &status) == 0, status.st_size > 0 { return path }
        let folder = String(path[..<path.lastIndex(of: "/")!])
        if mkdir(folder, 0o755) != 0, errno != EEXIST {
            throw InputError(file: folder, message: "cannot create the cache folder (\(String(cString: strerror(errno))))")
        }
        // Two processes starting at once (two test runs, a replay and a reconstitute) generate it
        // once: the second waits for the first, then finds the file.
        let destination = try FileDestination.begin(path, waiting: true)
        defer { destination.finish() }
        if stat(path, &status) == 0, status.st_size > 0 { return path }
        _ = try write(to: path, configuration: configuration, progress: progress)
        return path
    }

    private static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
