/// Every reconstitution's calendar and every era's rules, from which the ``Rulebook`` of one run
/// is resolved.
///
/// The table is the in-memory form of `Data/calendar.csv` (one ``Reconstitution`` per run) and
/// `Data/eras.csv` (one ``Era`` per span of runs sharing the same parameters); ReconFormats'
/// `RulebookLoader` reads them. Rules that change by year are data, so the engine asks
/// `rulebook.band1000` and never `if year >= 2007` (russell-rules.md §9, item 1).
///
/// The initializer checks the invariants a replay relies on: runs in increasing order and each
/// once, rank day before effective date, both on business days, the effective date in the run's
/// month, eras in order that cover every run exactly once, and parameters in range. A violation is
/// an ``InvalidTable`` naming the entry and field, which the loader turns into a file location.
///
/// ```swift
/// let rulebook = try table.rulebook(for: RunID(year: 2024))
/// for run in table.runs(from: 2020, to: 2026) { ... }
/// for ipo in table.quarterlyIPODates(after: run) { ... }
/// ```
public struct RulebookTable: Sendable, Hashable {
    /// The reconstitutions, in increasing run order.
    public let reconstitutions: [Reconstitution]
    /// The eras, in order; together they cover every run of ``reconstitutions`` exactly once.
    public let eras: [Era]
    /// The benefit-driven-incorporation countries (M7 App. B), handed to every rulebook.
    public let benefitDrivenIncorporationCountries: BenefitDrivenIncorporationCountries

    /// Builds a table after checking it.
    /// - Parameter benefitDrivenIncorporationCountries: the list of
    ///   `Data/benefit-driven-incorporation-countries.csv`; ``BenefitDrivenIncorporationCountries/none``
    ///   for a table built in code that does not need it.
    /// - Throws: ``InvalidTable`` naming the first entry (and field) that breaks an invariant.
    public init(reconstitutions: [Reconstitution], eras: [Era],
                benefitDrivenIncorporationCountries: BenefitDrivenIncorporationCountries = .none) throws {
        try RulebookTable.check(reconstitutions)
        try RulebookTable.check(eras, against: reconstitutions)
        self.reconstitutions = reconstitutions
        self.eras = eras
        self.benefitDrivenIncorporationCountries = benefitDrivenIncorporationCountries
    }

    /// The first run of the calendar.
    public var firstRun: RunID { reconstitutions[0].run }
    /// The last run of the calendar.
    public var lastRun: RunID { reconstitutions[reconstitutions.count - 1].run }

    /// The calendar entry of `run`, or `nil` when the calendar has no such run.
    public func reconstitution(for run: RunID) -> Reconstitution? {
        guard let index = index(of: run) else { return nil }
        return reconstitutions[index]
    }

    /// The era in force at `run`, or `nil` when the calendar has no such run.
    public func era(for run: RunID) -> Era? {
        guard index(of: run) != nil else { return nil }
        return eras.first { $0.fromRun <= run && run <= $0.toRun }
    }

    /// The parameters of one reconstitution: its calendar row combined with its era's rules.
    /// - Throws: ``RunNotInCalendar`` when the calendar has no such run, naming the range it covers.
    public func rulebook(for run: RunID) throws -> Rulebook {
        guard let entry = reconstitution(for: run), let era = era(for: run) else {
            throw RunNotInCalendar(run: run, firstRun: firstRun, lastRun: lastRun)
        }
        var rulebook = Rulebook(
            run: run, rankDay: entry.rankDay, effectiveDate: entry.effectiveDate,
            band1000: era.band1000, microcapBand: era.microcapBand, hasMicrocap: era.hasMicrocap,
            minimumPrice: era.minimumPrice ?? 0,
            memberPriceAverageException: era.memberPriceAverageException,
            minimumTotalCap: era.minimumTotalCap ?? 0,
            minimumFloat: era.minimumFloat, minimumVoting: era.minimumVoting,
            votingAppliesToMembers: era.votingAppliesToMembers,
            benefitDrivenIncorporationEligible: era.benefitDrivenIncorporationEligible,
            excludesBusinessDevelopmentCompanies: era.excludesBusinessDevelopmentCompanies,
            quarterlyIPOAdditions: era.quarterlyIPOAdditions,
            additionalClassMinimumDailyValue: era.additionalClassMinimumDailyValue,
            source: "calendar \(run) [\(entry.tag.rawValue)] \(entry.source); era \(era.fromRun) to \(era.toRun): \(era.source)")
        rulebook.benefitDrivenIncorporationCountries = benefitDrivenIncorporationCountries
        return rulebook
    }

    /// The calendar's runs whose year lies in `firstYear...lastYear`, in order: June of each year,
    /// and December too where the calendar has it (from 2026). Empty when the range is empty or
    /// outside the calendar.
    public func runs(from firstYear: Int, to lastYear: Int) -> [RunID] {
        reconstitutions.map(\.run).filter { firstYear <= $0.year && $0.year <= lastYear }
    }

    /// The reconstitution before `run` in the calendar: `nil` for the first, or a run the calendar
    /// does not have.
    public func reconstitution(before run: RunID) -> Reconstitution? {
        guard let index = index(of: run), index > 0 else { return nil }
        return reconstitutions[index - 1]
    }

    /// The run that follows `run` in the calendar, or `nil` for the last run or an unknown run.
    public func run(after run: RunID) -> RunID? {
        guard let index = index(of: run), index + 1 < reconstitutions.count else { return nil }
        return reconstitutions[index + 1].run
    }

    /// The quarterly IPO additions between `run` and the next reconstitution, in date order.
    ///
    /// Empty unless the era of `run` has ``Era/quarterlyIPOAdditions`` (from Q3 2004 after the
    /// 2004 run; russell-rules.md §6.1), and empty for the last run of the calendar (the next run,
    /// hence the quarters before it, is unknown) or a run not in the calendar.
    ///
    /// One convention for every year, that of the v7.0 rulebook (M7 §6.8–6.9; russell-rules.md §6.1):
    /// - additions happen in the quarter-end months (March, June, September, December) strictly
    ///   between the month of `run` and the month of the next run; a month holding a
    ///   reconstitution folds its IPOs into it. So in the annual regime (2004–2025) the additions
    ///   are September, December and March; in the semi-annual regime (from 2026) March and
    ///   September only;
    /// - the IPO rank day is the last business day of the month two months before (July, October,
    ///   January, April);
    /// - additions take effect after the close of the third Friday of the month, or of the
    ///   business day before when it is a holiday (IPOPAGE; e.g. Thursday 2008-03-20, Good Friday
    ///   being 2008-03-21).
    ///
    /// The first additions really took effect after the close of 2004-09-30 with a 2004-08-31
    /// snapshot (BOBS2004), and c. 2016–2018 the rank day was the last business day of the month
    /// before the quarter-end month (IPOPAGE); the single convention simplifies both.
    public func quarterlyIPODates(after run: RunID) -> [(rankDay: CalendarDate, effectiveDate: CalendarDate)] {
        guard let era = era(for: run), era.quarterlyIPOAdditions, let next = self.run(after: run) else { return [] }
        var dates: [(rankDay: CalendarDate, effectiveDate: CalendarDate)] = []
        let start = CalendarDate(year: run.year, month: run.month, day: 1)
        let months = start.months(to: CalendarDate(year: next.year, month: next.month, day: 1))
        for offset in stride(from: 1, to: months, by: 1) {
            let month = start.adding(months: offset)
            guard month.month % 3 == 0 else { continue }
            let rankDay = TradingCalendar.lastBusinessDay(of: month.adding(months: -2))
            let effective = TradingCalendar.businessDayOnOrBefore(TradingCalendar.nthWeekday(3, .friday, of: month))
            dates.append((rankDay: rankDay, effectiveDate: effective))
        }
        return dates
    }

    private func index(of run: RunID) -> Int? {
        // Binary search: the runs are strictly increasing.
        var low = 0, high = reconstitutions.count
        while low < high {
            let middle = (low + high) / 2
            if reconstitutions[middle].run < run { low = middle + 1 } else { high = middle }
        }
        return low < reconstitutions.count && reconstitutions[low].run == run ? low : nil
    }
}

// MARK: - Rows

extension RulebookTable {
    /// How a date or rule is known, as russell-rules.md tags it.
    public enum Tag: String, Sendable, Hashable, CaseIterable {
        /// [C] an FTSE Russell / Russell document or press release states it.
        case confirmed = "C"
        /// [S] secondary: news, blogs, papers or third-party code quoting FTSE Russell.
        case secondary = "S"
        /// [D] derived by calendar arithmetic or inference from a confirmed rule.
        case derived = "D"
        /// [R] recollection, not found in the available material.
        case recollection = "R"
    }

    /// One reconstitution's calendar: a row of `Data/calendar.csv` (russell-rules.md §1.3).
    public struct Reconstitution: Sendable, Hashable {
        public var run: RunID
        /// Market caps are measured at this day's close (M7 §5.14).
        public var rankDay: CalendarDate
        /// The reconstitution takes effect after this day's close (M7 §9.3.1).
        public var effectiveDate: CalendarDate
        /// How the row's least certain date is known.
        public var tag: Tag
        /// The citation: source ids and section of russell-rules.md, or the rule applied.
        public var source: String

        public init(run: RunID, rankDay: CalendarDate, effectiveDate: CalendarDate, tag: Tag, source: String) {
            self.run = run
            self.rankDay = rankDay
            self.effectiveDate = effectiveDate
            self.tag = tag
            self.source = source
        }
    }

    /// A span of consecutive runs sharing the same rules: a row of `Data/eras.csv`.
    ///
    /// `nil` and `false` mean "not in force" (an empty cell in the file). Where each rule starts
    /// is russell-rules.md §3.2, §4.2, §6.1; the row's ``source`` cites it and states assumptions.
    public struct Era: Sendable, Hashable {
        /// First run of the era (inclusive).
        public var fromRun: RunID
        /// Last run of the era (inclusive).
        public var toRun: RunID
        /// Half-width of the cumulative-cap band at #1,000; `nil` is a hard cut (§4.2; 0.025 from 2007).
        public var band1000: Double?
        /// Half-width of the band at #2,000 for the Microcap; `nil` is a hard cut (§4.2).
        public var microcapBand: Double?
        /// Whether the Russell 3000E and Microcap exist (from June 2005; §3.2).
        public var hasMicrocap: Bool
        /// Minimum rank-day close; `nil` is no minimum (§3.1, M7 §5.8).
        public var minimumPrice: Double?
        /// Whether an existing member under the minimum price stays on its 30-day average (M7 §5.8).
        public var memberPriceAverageException: Bool
        /// Minimum total market cap in dollars; `nil` is no minimum (M7 §5.9).
        public var minimumTotalCap: Double?
        /// Minimum fraction of shares available; `nil` when not in force (M7 §5.10).
        public var minimumFloat: Double?
        /// Minimum fraction of votes held by unrestricted holders; `nil` when not in force (M7 §5.15).
        public var minimumVoting: Double?
        /// Whether the voting screen also removes existing members (from 2023; M7 §5.15.2).
        public var votingAppliesToMembers: Bool
        /// Whether companies incorporated in a BDI country with a US headquarters are eligible (from 2007; §3.2).
        public var benefitDrivenIncorporationEligible: Bool
        /// Whether business development companies are excluded (from 2014; §3.2).
        public var excludesBusinessDevelopmentCompanies: Bool
        /// Whether IPOs are added quarterly between reconstitutions (from Q3 2004; §6.1).
        public var quarterlyIPOAdditions: Bool
        /// Minimum daily traded value of a share class other than the pricing vehicle to be an index
        /// line of its own; `nil` when not in force (M7 §6.5.1).
        public var additionalClassMinimumDailyValue: Double?
        /// The citation of what starts with this era, with its tags and assumptions.
        public var source: String

        /// An era; every rule defaults to "not in force".
        public init(
            from fromRun: RunID, to toRun: RunID, band1000: Double? = nil, microcapBand: Double? = nil,
            hasMicrocap: Bool = false, minimumPrice: Double? = nil, memberPriceAverageException: Bool = false,
            minimumTotalCap: Double? = nil, minimumFloat: Double? = nil, minimumVoting: Double? = nil,
            votingAppliesToMembers: Bool = false, benefitDrivenIncorporationEligible: Bool = false,
            excludesBusinessDevelopmentCompanies: Bool = false, quarterlyIPOAdditions: Bool = false,
            additionalClassMinimumDailyValue: Double? = nil, source: String = ""
        ) {
            self.fromRun = fromRun
            self.toRun = toRun
            self.band1000 = band1000
            self.microcapBand = microcapBand
            self.hasMicrocap = hasMicrocap
            self.minimumPrice = minimumPrice
            self.memberPriceAverageException = memberPriceAverageException
            self.minimumTotalCap = minimumTotalCap
            self.minimumFloat = minimumFloat
            self.minimumVoting = minimumVoting
            self.votingAppliesToMembers = votingAppliesToMembers
            self.benefitDrivenIncorporationEligible = benefitDrivenIncorporationEligible
            self.excludesBusinessDevelopmentCompanies = excludesBusinessDevelopmentCompanies
            self.quarterlyIPOAdditions = quarterlyIPOAdditions
            self.additionalClassMinimumDailyValue = additionalClassMinimumDailyValue
            self.source = source
        }
    }

    /// A field of a calendar entry or an era; the raw value is its column in `Data/*.csv`.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case run, rankDay = "rank_day", effectiveDate = "effective_date", tag, source
        case fromRun = "from_run", toRun = "to_run", band1000 = "band_1000", microcapBand = "microcap_band"
        case hasMicrocap = "has_microcap", minimumPrice = "min_price"
        case memberPriceAverageException = "member_price_average_exception"
        case minimumTotalCap = "min_total_cap", minimumFloat = "min_float", minimumVoting = "min_voting"
        case votingAppliesToMembers = "voting_applies_to_members"
        case benefitDrivenIncorporationEligible = "bdi_us_hq_eligible"
        case excludesBusinessDevelopmentCompanies = "excludes_bdcs"
        case quarterlyIPOAdditions = "quarterly_ipo_additions"
        case additionalClassMinimumDailyValue = "additional_class_min_daily_value"
    }
}

// MARK: - Errors

extension RulebookTable {
    /// A run asked for that the calendar does not have.
    public struct RunNotInCalendar: Error, Sendable, Hashable, CustomStringConvertible {
        public var run: RunID
        public var firstRun: RunID
        public var lastRun: RunID

        /// `no reconstitution 1975-06 in the calendar; the calendar covers 1979-06 to 2026-12`.
        public var description: String {
            "no reconstitution \(run) in the calendar; the calendar covers \(firstRun) to \(lastRun)"
        }
    }

    /// A calendar or era list that breaks one of the table's invariants.
    public struct InvalidTable: Error, Sendable, Hashable, CustomStringConvertible {
        /// The two lists of a table.
        public enum List: String, Sendable, Hashable {
            /// ``RulebookTable/reconstitutions`` (`Data/calendar.csv`).
            case reconstitutions = "calendar"
            /// ``RulebookTable/eras`` (`Data/eras.csv`).
            case eras = "eras"
        }

        /// The list with the problem.
        public var list: List
        /// The offending entry's index in ``list``; `nil` when the list as a whole is wrong (empty).
        public var index: Int?
        /// The offending field of that entry.
        public var field: Field?
        /// Another entry of the same list involved: the first occurrence of a duplicate run, the
        /// era overlapped or followed by a gap.
        public var relatedIndex: Int?
        /// What was found and what was expected.
        public var message: String

        public init(list: List, index: Int?, field: Field?, relatedIndex: Int? = nil, message: String) {
            self.list = list
            self.index = index
            self.field = field
            self.relatedIndex = relatedIndex
            self.message = message
        }

        /// `eras entry 3, from_run: found ...`.
        public var description: String {
            var text = list.rawValue
            if let index { text += " entry \(index + 1)" }
            if let field { text += ", \(field.rawValue)" }
            return text + ": " + message
        }
    }
}

// MARK: - Invariants

extension RulebookTable {
    private static func check(_ reconstitutions: [Reconstitution]) throws {
        guard !reconstitutions.isEmpty else {
            throw InvalidTable(list: .reconstitutions, index: nil, field: nil, message: "found no reconstitution, expected at least one")
        }
        for (index, entry) in reconstitutions.enumerated() {
            func fail(_ field: Field, _ message: String, related: Int? = nil) -> InvalidTable {
                InvalidTable(list: .reconstitutions, index: index, field: field, relatedIndex: related, message: message)
            }
            if index > 0 {
                let previous = reconstitutions[index - 1].run
                if entry.run == previous {
                    throw fail(.run, "found the run \(entry.run) a second time, expected each run once", related: index - 1)
                }
                if entry.run < previous {
                    throw fail(.run, "found the run \(entry.run) after \(previous), expected runs in increasing order", related: index - 1)
                }
            }
            guard entry.effectiveDate.year == entry.run.year, entry.effectiveDate.month == entry.run.month else {
                throw fail(.effectiveDate, "found the effective date \(entry.effectiveDate) for the run \(entry.run), expected a date in the run's month")
            }
            guard entry.rankDay < entry.effectiveDate else {
                throw fail(.rankDay, "found the rank day \(entry.rankDay) on or after the effective date \(entry.effectiveDate), expected a rank day before it")
            }
            if let why = TradingCalendar.whyNotBusinessDay(entry.rankDay) {
                throw fail(.rankDay, "found the rank day \(entry.rankDay), \(why), expected a business day")
            }
            if let why = TradingCalendar.whyNotBusinessDay(entry.effectiveDate) {
                throw fail(.effectiveDate, "found the effective date \(entry.effectiveDate), \(why), expected a business day")
            }
            guard !entry.source.isEmpty else {
                throw fail(.source, "found no source, expected a citation of russell-rules.md")
            }
        }
    }

    private static func check(_ eras: [Era], against reconstitutions: [Reconstitution]) throws {
        guard !eras.isEmpty else {
            throw InvalidTable(list: .eras, index: nil, field: nil, message: "found no era, expected eras covering every run of the calendar")
        }
        let runs = reconstitutions.map(\.run)
        for (index, era) in eras.enumerated() {
            func fail(_ field: Field, _ message: String, related: Int? = nil) -> InvalidTable {
                InvalidTable(list: .eras, index: index, field: field, relatedIndex: related, message: message)
            }
            guard let first = runs.firstIndex(of: era.fromRun) else {
                throw fail(.fromRun, "found \(era.fromRun), which is not a run of the calendar (\(runs[0]) to \(runs[runs.count - 1])), expected a run of the calendar")
            }
            guard runs.contains(era.toRun) else {
                throw fail(.toRun, "found \(era.toRun), which is not a run of the calendar (\(runs[0]) to \(runs[runs.count - 1])), expected a run of the calendar")
            }
            guard era.fromRun <= era.toRun else {
                throw fail(.toRun, "found \(era.toRun) before the era's first run \(era.fromRun), expected a run on or after it")
            }
            if index == 0 {
                guard first == 0 else {
                    throw fail(.fromRun, "found \(era.fromRun), which leaves \(describe(runs[0..<first])) in no era, expected the first era to start at the calendar's first run \(runs[0])")
                }
            } else {
                let previous = eras[index - 1]
                let previousEnd = runs.firstIndex(of: previous.toRun)!
                let expected = previousEnd + 1 < runs.count ? "\(runs[previousEnd + 1])" : "no further era"
                if first <= previousEnd {
                    throw fail(.fromRun, "found \(era.fromRun), which overlaps the era before it (\(previous.fromRun) to \(previous.toRun)), expected \(expected): eras follow each other in run order", related: index - 1)
                }
                if first > previousEnd + 1 {
                    throw fail(.fromRun, "found \(era.fromRun), which leaves a gap: \(describe(runs[(previousEnd + 1)..<first])) in no era, expected \(expected)", related: index - 1)
                }
            }
            if index == eras.count - 1, era.toRun != runs[runs.count - 1] {
                let rest = runs[(runs.firstIndex(of: era.toRun)! + 1)...]
                throw fail(.toRun, "found \(era.toRun), which leaves \(describe(rest)) in no era, expected the last era to end at the calendar's last run \(runs[runs.count - 1])")
            }
            try checkParameters(of: era, fail: { fail($0, $1) })
        }
    }

    private static func checkParameters(of era: Era, fail: (Field, String) -> InvalidTable) throws {
        func fraction(_ value: Double?, _ field: Field, in range: ClosedRange<Double>, what: String) throws {
            guard let value else { return }
            guard range.contains(value) else {
                throw fail(field, "found \(value), expected \(what) (blank when not in force)")
            }
        }
        try fraction(era.band1000, .band1000, in: 0...0.5, what: "a fraction between 0 and 0.5 (0.025 is ±2.5%)")
        try fraction(era.microcapBand, .microcapBand, in: 0...0.5, what: "a fraction between 0 and 0.5 (0.005 is ±0.5%)")
        try fraction(era.minimumFloat, .minimumFloat, in: 0...1, what: "a fraction between 0 and 1 (0.05 is 5%)")
        try fraction(era.minimumVoting, .minimumVoting, in: 0...1, what: "a fraction between 0 and 1 (0.05 is 5%)")
        if let price = era.minimumPrice, !(price >= 0) {
            throw fail(.minimumPrice, "found \(price), expected a price in dollars of 0 or more")
        }
        if let value = era.additionalClassMinimumDailyValue, !(value >= 0) {
            throw fail(.additionalClassMinimumDailyValue, "found \(value), expected a daily traded value in dollars of 0 or more")
        }
        if let cap = era.minimumTotalCap, !(cap >= 0) {
            throw fail(.minimumTotalCap, "found \(cap), expected a market cap in dollars of 0 or more")
        }
        if era.microcapBand != nil, !era.hasMicrocap {
            throw fail(.microcapBand, "found a Microcap band in an era without the Microcap, expected has_microcap true or no band")
        }
        if era.votingAppliesToMembers, era.minimumVoting == nil {
            throw fail(.votingAppliesToMembers, "found true without a minimum voting share, expected min_voting or false")
        }
        if era.source.isEmpty {
            throw fail(.source, "found no source, expected a citation of russell-rules.md with its tags")
        }
    }

    private static func describe(_ runs: ArraySlice<RunID>) -> String {
        guard let first = runs.first, let last = runs.last else { return "no run" }
        return first == last ? "the run \(first)" : "the runs \(first) to \(last)"
    }
}
