import ReconCore
import ReconIO
import ReconCRSP
import ReconFormats

/// Reads the universe and prior-membership files a command names.
enum UniverseLoading {
    /// A universe as read, and for a CRSP panel the panel, which can read the same rank day again
    /// under another convention (``crossSection(_:convention:rankDay:)``).
    struct Loaded {
        var result: UniverseReadResult
        var panel: CRSPPanel? = nil
    }

    /// Reads a universe snapshot in the detected (or given) format; a CRSP panel's share codes
    /// are read by `convention`, from `loadedPanel` when the caller has loaded it already.
    static func universe(path: String, format explicit: String?, rankDay: CalendarDate,
                         convention: ShareTypeConvention, loadedPanel: CRSPPanel? = nil) throws -> Loaded {
        let detection = try FormatDetector.detect(path: path, explicit: explicit)
        switch detection.format {
        case .nasdaqScreener:
            return Loaded(result: try NasdaqScreenerReader.read(path: path))
        case .nativeUniverse:
            return Loaded(result: try NativeUniverseReader.read(path: path))
        case .crsp:
            let panel = try loadedPanel ?? self.panel(path: path, rankDay: rankDay)
            return Loaded(result: crossSection(panel, convention: convention, rankDay: rankDay), panel: panel)
        case .isharesHoldings, .nativeMembership, .membershipList:
            throw InputError(file: path, message: "is a membership file (format \(detection.format)), expected a universe",
                             help: "pass it with --prior, and give the universe with --universe")
        }
    }

    /// The CRSP panel at `path`, which must hold the month `rankDay` ranks.
    static func panel(path: String, rankDay: CalendarDate) throws -> CRSPPanel {
        let panel = try CRSPPanel.load(path: path)
        try requireRankedMonth(panel, path: path, rankDay: rankDay)
        return panel
    }

    /// Refuses a CRSP file without the month a rank day ranks (``CRSPPanel/hasRankedMonth(_:)``):
    /// another month-end would stand for the rank day's prices.
    private static func requireRankedMonth(_ panel: CRSPPanel, path: String, rankDay: CalendarDate) throws {
        guard !panel.hasRankedMonth(rankDay) else { return }
        let month = CRSPPanel.rankedMonth(rankDay)
        throw InputError(file: path,
                         message: "has no month-end in \(month.monthDescription), which the rank day "
                            + "\(rankDay) ranks (its data runs from \(panel.monthRange)), expected that month's rows",
                         help: "give a CRSP file with that month, or the --year its data covers")
    }

    /// A CRSP panel's cross-section at `rankDay` as a universe file's read result.
    static func crossSection(_ panel: CRSPPanel, convention: ShareTypeConvention, rankDay: CalendarDate) -> UniverseReadResult {
        let wholePanel = panel.report.dropped.sorted { $0.key < $1.key }.map {
            "\($0.value) rows of the whole panel have \($0.key.rawValue) (left out of every cross-section)"
        }
        return UniverseReadResult(format: .crsp, securities: panel.snapshot(onOrBefore: rankDay, convention: convention),
                                  dropped: panel.droppedRows(onOrBefore: rankDay), notes: wholePanel,
                                  asOf: panel.monthIndex(onOrBefore: rankDay).map { panel.months[$0] })
    }

    /// The prior membership and the notes its readers made.
    struct Prior: Sendable {
        var membership: PriorLines
        var notes: [String]
        /// The dated prices of the prior's files, for the rank day's prices (``RankDayPrices``).
        var prices: [DatedPrices] = []
        /// The weights of the prior's holdings files, for the members' floats (``HoldingsFloat``).
        var holdings: [HoldingsWeights] = []
        /// Each holdings file's `Fund Holdings as of` date, where it has one.
        var holdingsDates: [(file: String, asOf: CalendarDate)] = []
    }

    /// Reads `--prior` arguments: `FILE` or `R2000=FILE` (R1000, R3000, MICROCAP).
    static func prior(arguments: [String], console: Console) throws -> Prior {
        // Said with the run's warnings: every company an addition, no band, no migration.
        guard !arguments.isEmpty else { return Prior(membership: PriorLines(), notes: ["no prior membership: every company treated as new"]) }
        var builder = PriorMembershipBuilder()
        var fromMembershipFiles: [PriorLines.Entry] = []
        var prices: [DatedPrices] = []
        var weights: [HoldingsWeights] = []
        var holdingsDates: [(file: String, asOf: CalendarDate)] = []
        // What the holdings readers said, and the rows they left out: shown, never dropped silently.
        var readerNotes: [String] = []
        for argument in arguments {
            let (index, path) = RussellIndex.splitAssignment(argument)
            console.progress("reading \(path)")
            let detection = try FormatDetector.detect(path: path, explicit: nil, prior: true)
            switch detection.format {
            case .isharesHoldings:
                let holdings = try ISharesHoldingsReader.read(path: path, index: index)
                builder.add(holdings)
                if let dated = holdings.datedPrices { prices.append(dated) }
                if let held = holdings.holdingsWeights { weights.append(held) }
                if let asOf = holdings.asOf { holdingsDates.append((path, asOf)) }
                readerNotes += holdings.notes.map { "\(path): \($0)" } + DroppedRow.summary(holdings.dropped)
            case .nativeMembership:
                if index != nil {
                    throw CommandError("\(argument): a membership file names each line's index; drop the '\(index!)=' prefix",
                                       help: "--prior \(path)")
                }
                fromMembershipFiles += try NativeMembershipReader.read(path: path).entries
            case .membershipList:
                readerNotes += try addMembershipList(path: path, index: index, to: &builder)
            default:
                throw InputError(file: path, message: "is a \(detection.format) file, expected iShares holdings, a membership CSV or a list of tickers",
                                 help: "give the universe with --universe and the prior membership with --prior")
            }
        }
        var notes = readerNotes
        var membership = PriorLines(fromMembershipFiles)
        if !builder.sources.isEmpty {
            let built = try builder.build()
            notes += built.notes
            for entry in built.membership.entries { membership.add(entry) }
        }
        return Prior(membership: membership, notes: notes, prices: prices, holdings: weights, holdingsDates: holdingsDates)
    }
}

extension UniverseLoading {
    /// Adds a list of one index's tickers given as `R2000=FILE` (FTSE Russell's membership lists,
    /// converted from their PDFs) to `builder`, dated by its name; returns what to say of it (the
    /// rows it left out too). No weights and no prices: its members are the prior membership, and
    /// nothing else.
    /// - Throws: ``CommandError`` when the argument names no index: a list does not say which it holds.
    private static func addMembershipList(path: String, index: RussellIndex?, to builder: inout PriorMembershipBuilder) throws -> [String] {
        guard let index else {
            throw CommandError("\(path) is a list of tickers, which does not say which index it holds",
                               help: "--prior R2000=\(path) (or R1000=, R3000=, MICROCAP=)")
        }
        let list = try TickerList.read(path: path)
        let lines = zip(list.tickers, list.names).map { PriorMembershipBuilder.Line(symbol: $0, name: $1) }
        builder.add(index: index, file: path, asOf: FileNameDate.date(ofFile: path), lines: lines)
        let read = "\(path): \(counted(lines.count, "ticker")) read as \(index) (a membership list: no weights or prices)"
        return [read] + list.notes
    }
}

extension UniverseLoading.Prior {
    /// A warning for each holdings file dated outside the span whose membership the prior is: after
    /// `rulebook`'s run took effect, it holds the run's result (lent to the run's own banding and
    /// migration); before `previous` took effect, it misses that run's changes. A file between the
    /// rank day and the effective date still holds the membership before, as IWM_2025-05-13 does
    /// for June 2025.
    func dateWarnings(for rulebook: Rulebook, previous: RulebookTable.Reconstitution?) -> [String] {
        holdingsDates.compactMap { file, asOf in
            if asOf > rulebook.effectiveDate {
                return "\(file): holdings as of \(asOf), after the \(rulebook.run) run took effect (\(rulebook.effectiveDate)): "
                    + "they hold its result, not the membership before it; give holdings dated on or before \(rulebook.effectiveDate)"
            }
            if let previous, asOf <= previous.effectiveDate {
                return "\(file): holdings as of \(asOf), before the \(previous.run) run took effect (\(previous.effectiveDate)): "
                    + "they miss its changes to the membership before \(rulebook.run); give holdings dated after \(previous.effectiveDate)"
            }
            return nil
        }
    }

    /// The prior with members that changed ticker matched to their universe company by name
    /// (``PriorTickerChanges``), each match said in a note.
    func matchingTickerChanges(in universe: UniverseReadResult) -> UniverseLoading.Prior {
        let (resolved, matches) = PriorTickerChanges.resolve(membership, universe: universe.securities, issuerKeys: universe.issuerKeys)
        var matched = self
        matched.membership = resolved
        if !matches.isEmpty {
            let listed = matches.map { "\($0.oldSymbol) → \($0.newSymbol)" }.joined(separator: ", ")
            matched.notes.append("\(counted(matches.count, "prior line")) whose ticker is not in the universe matched by company name (a ticker change): \(listed)")
        }
        let linesOfMembers = resolved.entries.filter { $0.absentLineOf != nil }.map(\.spelling)
        if !linesOfMembers.isEmpty {
            matched.notes.append("\(counted(linesOfMembers.count, "prior line")) whose ticker is not in the universe \(linesOfMembers.count == 1 ? "names" : "name") a company that is a prior "
                + "member through another line (a class the universe does not list, or a ticker changed while another class's did not): "
                + "each line reads as a deletion, its company does not: \(linesOfMembers.joined(separator: ", "))")
        }
        return matched
    }
}

extension UniverseReadResult {
    /// Marks the classes the prior shows were judged ineligible (``PriorExclusion``), in place,
    /// and adds a note naming their companies, and the classes a company is judged on instead.
    mutating func markPriorExclusions(_ prior: PriorLines, rulebook: Rulebook) {
        let findings = PriorExclusion.mark(&securities, prior: prior, run: rulebook.run, largest: rulebook.russell1000Count)
        guard !findings.isEmpty else { return }
        let listed = findings.map { finding in
            finding.unmarkedClasses.isEmpty ? finding.symbol
                : "\(finding.symbol) (judged on \(finding.unmarkedClasses.joined(separator: " and ")))"
        }.joined(separator: ", ")
        notes.append("\(counted(findings.count, "company", plural: "companies")) among the \(rulebook.russell1000Count) largest, listed before the previous "
            + "rank day and in no prior Russell index, read as judged ineligible then (excluded_before): \(listed)")
    }
}
