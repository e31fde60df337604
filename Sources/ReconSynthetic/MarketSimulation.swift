import ReconPlatform
import ReconCore
import ReconCRSP

/// The synthetic market's engine: firms' own dynamics month by month, the market level solved
/// at each rank month so that company #1,000 sits on the calibrated breakpoint, and the rows
/// written once the level of their block is known.
///
/// Time runs in blocks from one rank month to the next. Within a block every firm's own path
/// (returns, share issues, listings and delistings) is drawn first; its market cap is then
/// linear in the block's closing market level (in logs), which ``LevelSolver`` sets; a Brownian
/// bridge of monthly market shocks joins the two levels, and the block is written. The market
/// starts `burnInYears` before the first year so that the first cross-section already has the
/// shape the dynamics give it.
final class MarketSimulation {
    static let burnInYears = 8
    /// Monthly standard deviation of the market's log return.
    static let marketVolatility = 0.045
    /// Expected new listings a month at scale 1 and a listings weight of 1.
    static let baseMonthlyListings = 42.0

    private let configuration: SyntheticMarket.Configuration
    private let calibration: MarketCalibration
    private let writer: ByteWriter?
    /// How the rows are spelled: the legacy file's layout or CIZ's.
    private let format: SyntheticRowFormat
    /// The market's size relative to the default (``SyntheticMarket/defaultFirms``).
    private let scale: Double
    /// The rank put on the breakpoint: 1,000 in the default market, in proportion otherwise (a
    /// market twice the default is a replica with twice the companies at every size).
    private let calibrationRank: Int

    private var dynamics: SyntheticRandom
    private var presentation: SyntheticRandom
    private var shocks: SyntheticRandom
    private var naming: SyntheticRandom

    private var firms: [SyntheticFirm] = []
    /// The `TICKER,COMNAM` bytes of each firm's rows, and of its second class (empty when none).
    private var labels: [[UInt8]] = []
    private var secondLabels: [[UInt8]] = []
    /// Living firms, in PERMNO order (listing order).
    private var alive: [Int32] = []
    private var takenTickers = Set<UInt32>()
    private var nextPermno: Int32 = 10_001
    private var nextPermco: Int32 = 20_001
    /// Steering toward the eligible-company count of the calibration table (see ``steer(month:estimate:)``).
    private var listingMultiplier = 1.0
    private var listingPressure = 1.0
    private var acquisitionPressure = 1.0
    /// Eligible companies measured at the last rank month over the monthly estimate then.
    private var estimateBias = 1.0
    private var lastEstimate = 0.0

    /// Month keys (`year * 12 + month - 1`): the burn-in start, the first and last written.
    private let startMonth: Int
    private let firstWrittenMonth: Int
    private let endMonth: Int
    /// log(calibrated breakpoint) for every month from `startMonth`, interpolated between rank months.
    private var logTarget: [Double] = []
    /// Rank month key → year.
    private var rankYear: [Int: Int] = [:]
    private var monthEnds: [SyntheticMonthEnd] = []

    private var records: [MonthRecord] = []
    private var listingsSinceRank = 0, delistingsSinceRank = 0
    private(set) var summary = SyntheticMarket.Summary(path: "", rows: 0, bytes: 0, securities: 0, companies: 0, years: [])

    init(configuration: SyntheticMarket.Configuration, writer: ByteWriter?, layout: CRSPLayout = .legacy) {
        self.configuration = configuration
        calibration = configuration.calibration
        self.writer = writer
        format = SyntheticRowFormats.format(layout)
        scale = Double(configuration.firms) / Double(SyntheticMarket.defaultFirms)
        calibrationRank = max(1, Int((1_000 * scale).rounded()))
        dynamics = SyntheticRandom(seed: configuration.seed, stream: 1)
        presentation = SyntheticRandom(seed: configuration.seed, stream: 2)
        shocks = SyntheticRandom(seed: configuration.seed, stream: 3)
        naming = SyntheticRandom(seed: configuration.seed, stream: 4)
        startMonth = (configuration.firstYear - MarketSimulation.burnInYears) * 12
        firstWrittenMonth = configuration.firstYear * 12
        endMonth = configuration.lastYear * 12 + 11
        prepareCalendar()
    }

    // MARK: - Calendar and targets

    private static func key(_ date: CalendarDate) -> Int { date.year * 12 + date.month - 1 }

    /// The month whose end is the last month-end on or before the year's rank day (the month a
    /// CRSP panel's snapshot uses; see ``CRSPPanel/snapshot(onOrBefore:)``).
    private func rankMonth(year: Int) -> Int {
        let day = calibration.rankDay(year: year)
        let monthEnd = TradingCalendar.lastBusinessDay(of: day)
        return MarketSimulation.key(day) - (monthEnd <= day ? 0 : 1)
    }

    /// log(breakpoint) aimed at in a year; before the table it falls 8% a year, after it grows 6%.
    private func logBreakpoint(year: Int) -> Double {
        if year < calibration.firstYear { return log(calibration.breakpoint(year: calibration.firstYear)) - 0.08 * Double(calibration.firstYear - year) }
        if year > calibration.lastYear { return log(calibration.breakpoint(year: calibration.lastYear)) + 0.06 * Double(year - calibration.lastYear) }
        return log(calibration.breakpoint(year: year))
    }

    private func clampedYear(_ year: Int) -> Int { min(max(year, calibration.firstYear), calibration.lastYear) }

    private func prepareCalendar() {
        let firstYear = startMonth / 12 - 1, lastYear = endMonth / 12 + 1
        let anchors = (firstYear ... lastYear).map { (month: rankMonth(year: $0), value: logBreakpoint(year: $0)) }
        for year in firstYear ... lastYear { rankYear[rankMonth(year: year)] = year }
        var anchor = 0
        for month in startMonth ... endMonth {
            while anchor + 2 < anchors.count, anchors[anchor + 1].month <= month { anchor += 1 }
            let (m0, v0) = anchors[anchor], (m1, v1) = anchors[anchor + 1]
            logTarget.append(v0 + (v1 - v0) * Double(month - m0) / Double(m1 - m0))
        }
        for month in startMonth ... endMonth {
            let date = TradingCalendar.lastBusinessDay(of: CalendarDate(year: month / 12, month: month % 12 + 1, day: 1))
            monthEnds.append(SyntheticMonthEnd(date))
        }
    }

    private func target(_ month: Int) -> Double { logTarget[month - startMonth] }

    // MARK: - Running

    func run(progress: ((Double) -> Void)?) throws {
        try writer?.append(format.header)
        var level = target(startMonth)
        seedPopulation(month: startMonth, level: level)
        var boundaries = rankYear.keys.filter { $0 > startMonth && $0 <= endMonth }.sorted()
        if boundaries.last != endMonth { boundaries.append(endMonth) }
        var blockStart = startMonth
        for blockEnd in boundaries {
            level = try runBlock(from: blockStart, to: blockEnd, level: level)
            blockStart = blockEnd
            if let progress, blockEnd >= firstWrittenMonth {
                progress(Double(blockEnd - firstWrittenMonth) / Double(endMonth - firstWrittenMonth + 1))
            }
        }
    }

    /// Simulates months `start + 1 ... end`, solves the level at `end`, writes the rows; returns the level at `end`.
    private func runBlock(from start: Int, to end: Int, level startLevel: Double) throws -> Double {
        let length = end - start
        // Market shocks and their Brownian bridge (zero at both ends).
        var walk = [0.0]
        for _ in 0 ..< length { walk.append(walk[walk.count - 1] + MarketSimulation.marketVolatility * shocks.normal()) }
        let isRankMonth = rankYear[end] != nil
        let bridge = walk.indices.map { walk[$0] - Double($0) / Double(length) * walk[length] }

        records.removeAll(keepingCapacity: true)
        var monthStart: [Int] = []
        for step in 1 ... length {
            monthStart.append(records.count)
            simulateMonth(start + step, step: step, length: length, startLevel: startLevel, bridge: bridge[step])
        }
        monthStart.append(records.count)

        let endLevel: Double
        if isRankMonth {
            endLevel = solveLevel(month: end, records: records[monthStart[length - 1]...],
                                  guess: startLevel + target(end) - target(start))
        } else {
            endLevel = startLevel + 0.006 * Double(length) + walk[length]
        }
        for index in firms.indices where firms[index].birthSlope != 0 {
            firms[index].birthLevel += firms[index].birthSlope * endLevel
            firms[index].birthSlope = 0
        }
        for step in 1 ... length {
            let path = startLevel + Double(step) / Double(length) * (endLevel - startLevel) + bridge[step]
            try writeMonth(start + step, records: monthStart[step - 1] ..< monthStart[step], level: path)
        }
        // Relative sizes now follow the realised market.
        for id in alive {
            let firm = firms[Int(id)]
            let logCap = firm.logPrice + firm.beta * (endLevel - firm.birthLevel) + log(firm.shares * 1_000 * firm.companyCapFactor)
            firms[Int(id)].relativeSize = logCap - target(end)
        }
        return endLevel
    }

    // MARK: - One month of firms' own dynamics

    private func simulateMonth(_ month: Int, step: Int, length: Int, startLevel: Double, bridge: Double) {
        let year = month / 12
        let drift = target(month) - target(month - 1)
        let crisis = [2001, 2002, 2008, 2009, 2020].contains(year) ? 1.8 : 1.0
        let mergers: Double
        switch year {
        case 1984 ... 1989: mergers = 1.4
        case 1995 ... 2000: mergers = 1.5
        case 2005 ... 2007, 2014 ... 2019: mergers = 1.25
        default: mergers = 1.0
        }
        var estimate = 0
        let smallestEligible = log(30e6) - target(month)
        var survivors: [Int32] = []
        survivors.reserveCapacity(alive.count + 64)
        for id in alive {
            var firm = firms[Int(id)]
            var record = MonthRecord(firm: id, logPrice: 0, shares: 0, flags: .none, delistingReturn: .nan)
            advance(&firm, logTargetChange: drift)
            record.logPrice = firm.logPrice
            record.shares = firm.shares
            delist(&firm, month: month, mergers: mergers, crisis: crisis, record: &record)
            if !record.flags.contains(.delisted) {
                survivors.append(id)
                if firm.relativeSize < -3, dynamics.chance(0.0015) { record.flags.insert(.noPrice) }
                if dynamics.chance(0.0004) { record.flags.insert(.missingShares) }
                if dynamics.chance(0.0004) { record.flags.insert(.returnCode) }
                if firm.exchangeCode == 3 || firm.exchangeCode == 2, firm.relativeSize > 0.5, dynamics.chance(0.003) {
                    firm.exchangeCode = 1
                }
                if dynamics.chance(0.0008) { renameFirm(&firm, id: Int(id)) }
                if firm.isEligibleType, firm.relativeSize >= smallestEligible { estimate += 1 }
            }
            firms[Int(id)] = firm
            records.append(record)
        }
        alive = survivors
        steer(month: month, estimate: Double(estimate))
        // New listings, in the waves of the calibration table.
        let expected = MarketSimulation.baseMonthlyListings * scale * calibration.newListings(year: clampedYear(year))
            * listingMultiplier * listingPressure
        let count = poisson(expected)
        let fraction = Double(step) / Double(length)
        for _ in 0 ..< count {
            let id = list(month: month, birthLevel: startLevel * (1 - fraction) + bridge, birthSlope: fraction)
            let firm = firms[Int(id)]
            records.append(MonthRecord(firm: id, logPrice: firm.logPrice, shares: firm.shares, flags: .none, delistingReturn: .nan))
        }
    }

    /// One month of a firm's own return and share changes.
    ///
    /// Idiosyncratic volatility rises as the firm gets smaller against the breakpoint; the
    /// expected return has a size premium, a momentum term and the volatility drag; a rare jump
    /// adds fat tails; mega caps mean-revert slowly so that the tail stays Pareto-like.
    private func advance(_ firm: inout SyntheticFirm, logTargetChange: Double) {
        let small = max(0, -firm.relativeSize), big = max(0, firm.relativeSize)
        var sigma = firm.volatility * max(0.04, 0.085 + 0.026 * min(small, 7) - 0.005 * big)
        if firm.shareCode % 10 == 4 || firm.shareCode % 10 == 8 { sigma *= 0.6 }
        let expected = 0.0006 * min(small, 6) + 0.03 * firm.momentum - 0.5 * sigma * sigma - 0.002 * max(0, firm.relativeSize - 4.5)
        var shock = sigma * dynamics.normal()
        if dynamics.chance(0.01) { shock += dynamics.normal(mean: -0.03, deviation: 0.3) }
        firm.momentum = 0.85 * firm.momentum + shock
        firm.logPrice += expected + shock
        var issue = 0.0
        let draw = dynamics.uniform()
        if draw < 0.012 {
            issue = log(1 + dynamics.uniform(0.02, 0.15))
        } else if draw < 0.02 {
            issue = log(1 - dynamics.uniform(0.01, 0.05))
        }
        firm.shares *= exp(issue)
        firm.relativeSize += expected + shock + issue + (firm.beta - 1) * logTargetChange
    }

    /// Decides whether the firm leaves this month (its last row): marks the record delisted with its DLRET.
    private func delist(_ firm: inout SyntheticFirm, month: Int, mergers: Double, crisis: Double, record: inout MonthRecord) {
        let operating = firm.shareCode / 10 == 1 && firm.shareCode % 10 != 4 && firm.shareCode % 10 != 8
        let cap = exp(target(month) + firm.relativeSize)
        let acquisition = (operating ? 0.025 * mergers * acquisitionPressure * (firm.relativeSize > 2 ? 0.4 : 1) : 0.04) / 12
        let distress = 1 / (1 + exp(-(log(12e6) - log(cap)) / 0.5))
        let failure = (operating ? (0.003 + 0.5 * distress) * crisis : 0.03 + 0.3 * distress) / 12
        let other = (operating ? 0.004 : 0.03) / 12
        let draw = dynamics.uniform()
        guard draw < acquisition + failure + other else { return }
        record.flags.insert(.delisted)
        if draw < acquisition {
            // Acquired at a premium; a stock-for-stock deal pays about the market price.
            record.delistingReturn = dynamics.chance(0.15) ? dynamics.uniform(-0.02, 0.03) : dynamics.uniform(0.05, 0.45)
        } else if draw < acquisition + failure {
            // Dropped for performance: about −30% (Shumway's estimate), sometimes a wipe-out,
            // sometimes unknown to CRSP (written as the code `S`).
            let kind = dynamics.uniform()
            record.delistingReturn = kind < 0.45 ? dynamics.uniform(-0.5, -0.15) : kind < 0.7 ? dynamics.uniform(-1, -0.6) : .nan
            if dynamics.chance(0.4) {
                record.flags.insert(.noPrice)
            } else if dynamics.chance(0.3) {
                record.flags.insert(.offExchange)
            }
        } else {
            // Went private, moved to OTC, liquidated.
            record.delistingReturn = dynamics.chance(0.5) ? dynamics.uniform(-0.05, 0.05) : .nan
        }
        takenTickers.remove(firm.ticker)
        if let second = firm.second { takenTickers.remove(second.ticker) }
    }

    // MARK: - Listings

    /// The first population, spread over sizes: a Pareto-like tail above the breakpoint and
    /// a flat spread in log size below it, down to about $4M.
    private func seedPopulation(month: Int, level: Double) {
        let year = clampedYear(month / 12 + MarketSimulation.burnInYears)
        let count = Int((calibration.eligibleCompanies(year: year) * scale * 1.3).rounded())
        let topShare = Double(calibrationRank) / Double(count)
        let floor = log(4e6) - target(month)
        for _ in 0 ..< count {
            let size = dynamics.chance(topShare) ? -log(1 - dynamics.uniform()) / 1.1 : dynamics.uniform() * floor
            let id = list(month: month, birthLevel: level, birthSlope: 0, relativeSize: size)
            firms[Int(id)].lastPrice = exp(firms[Int(id)].logPrice)
        }
    }

    /// A new security listed this month. Returns its index in `firms`.
    @discardableResult
    private func list(month: Int, birthLevel: Double, birthSlope: Double, relativeSize: Double? = nil) -> Int32 {
        let year = month / 12
        let calibrationYear = clampedYear(year)
        let shareCode = drawShareCode(year: year)
        let exchangeCode = drawExchange(shareCode: shareCode, year: year)
        let size = relativeSize ?? dynamics.normal(mean: log(calibration.newListingMedian(year: calibrationYear)) - target(month), deviation: 1.6)
        let cap = exp(target(month) + size)
        let price = cap < 20e6 ? exp(dynamics.uniform(log(0.5), log(8))) : exp(dynamics.uniform(log(5), log(30)))
        let hasSecondClass = (shareCode == 10 || shareCode == 11) && dynamics.chance(0.028)
        let shareFraction = dynamics.uniform(0.1, 0.7), priceRatio = dynamics.uniform(0.9, 1.1)
        let capFactor = hasSecondClass ? 1 + shareFraction * priceRatio : 1
        let paysDividend: Bool, yield: Double
        switch shareCode {
        case 14, 15, 18, 48:
            paysDividend = true
            yield = dynamics.uniform(0.03, 0.08)
        default:
            paysDividend = dynamics.chance(size > -1 ? 0.5 : 0.2)
            yield = dynamics.uniform(0.01, 0.045)
        }
        let beta = min(max(dynamics.normal(mean: 1, deviation: 0.25), 0.3), 2)
        let volatility = exp(dynamics.normal(mean: 0, deviation: 0.25))
        let phase = dynamics.integer(below: 3)

        let industry = SyntheticNames.industry(shareCode: shareCode, random: &naming)
        let name = SyntheticNames.name(industry: industry, shareCode: shareCode, random: &naming)
        let listedOnNYSEOrAMEX = exchangeCode == 1 || exchangeCode == 2
        let length = hasSecondClass ? 3 : listedOnNYSEOrAMEX ? [1, 2, 2, 3, 3, 3][naming.integer(below: 6)] : 4
        let base = SyntheticNames.ticker(length: length, taken: takenTickers, random: &naming)
        var ticker = base
        var second: SyntheticFirm.SecondClass?
        if hasSecondClass {
            ticker = SyntheticNames.ticker(base, appending: "A")
            let secondTicker = SyntheticNames.ticker(base, appending: "B")
            takenTickers.insert(secondTicker)
            second = .init(ticker: secondTicker, shareFraction: shareFraction, priceRatio: priceRatio)
        }
        takenTickers.insert(ticker)
        let firm = SyntheticFirm(
            shareCode: Int16(shareCode), exchangeCode: Int16(exchangeCode), industryCode: Int16(industry.code),
            ticker: ticker,
            relativeSize: size, logPrice: log(price), shares: cap / price / 1_000 / capFactor,
            beta: beta, volatility: volatility, dividendYield: paysDividend ? yield : 0, dividendPhase: phase,
            birthLevel: birthLevel, birthSlope: birthSlope, second: second)
        firms.append(firm)
        labels.append(SyntheticNames.label(ticker: ticker, name: name))
        secondLabels.append(second.map { SyntheticNames.label(ticker: $0.ticker, name: name) } ?? [])
        alive.append(Int32(firms.count - 1))
        if month > startMonth { listingsSinceRank += 1 }
        return Int32(firms.count - 1)
    }

    /// CRSP share code of a new listing: mostly common stock (10, 11); some that the screens
    /// remove: 12 common of a company incorporated outside the US, 14 closed-end fund, 18 REIT,
    /// 31 ADR, 48 REIT shares of beneficial interest, 73 Americus Trust units (before 1993 only).
    private func drawShareCode(year: Int) -> Int {
        let codes = [10, 11, 12, 14, 18, 31, 48, 73]
        let weights = [0.36, 0.54, 0.016, 0.018, 0.022, 0.025, 0.004, year < 1993 ? 0.008 : 0]
        return codes[dynamics.pick(weights: weights)]
    }

    /// CRSP exchange code: 1 NYSE, 2 AMEX, 3 NASDAQ; a few elsewhere (0 before NYSE Arca took
    /// listings, then 4 NYSE Arca and, from 2012, 5 Cboe BZX), which the screens remove.
    private func drawExchange(shareCode: Int, year: Int) -> Int {
        let weights: [Double] = shareCode == 14 ? [0.6, 0.4, 0, 0] : [0.27, 0.11, 0.6, 0.02]
        let choice = dynamics.pick(weights: weights)
        if choice < 3 { return choice + 1 }
        return year < 2006 ? 0 : (year >= 2012 && dynamics.chance(0.5) ? 5 : 4)
    }

    /// A new name and ticker (CRSP keeps the latest per PERMNO).
    private func renameFirm(_ firm: inout SyntheticFirm, id: Int) {
        let industry = SyntheticNames.Industry(code: Int(firm.industryCode), words: ["HOLDINGS INC", "GROUP INC", "CORP"])
        let name = SyntheticNames.name(industry: industry, shareCode: Int(firm.shareCode), random: &naming)
        takenTickers.remove(firm.ticker)
        if var second = firm.second {
            takenTickers.remove(second.ticker)
            let base = SyntheticNames.ticker(length: 3, taken: takenTickers, random: &naming)
            firm.ticker = SyntheticNames.ticker(base, appending: "A")
            second.ticker = SyntheticNames.ticker(base, appending: "B")
            secondLabels[id] = SyntheticNames.label(ticker: second.ticker, name: name)
            takenTickers.insert(second.ticker)
            firm.second = second
        } else {
            let length = firm.exchangeCode == 3 ? 4 : 3
            firm.ticker = SyntheticNames.ticker(length: length, taken: takenTickers, random: &naming)
        }
        takenTickers.insert(firm.ticker)
        labels[id] = SyntheticNames.label(ticker: firm.ticker, name: name)
    }

    private func poisson(_ mean: Double) -> Int {
        if mean > 40 { return max(0, Int((dynamics.normal(mean: mean, deviation: mean.squareRoot())).rounded())) }
        let limit = exp(-mean)
        var product = dynamics.uniform(), count = 0
        while product > limit {
            product *= dynamics.uniform()
            count += 1
        }
        return count
    }

    // MARK: - Level

    /// The level at the rank month that puts company #``calibrationRank`` on the breakpoint.
    private func solveLevel(month: Int, records: ArraySlice<MonthRecord>, guess: Double) -> Double {
        var companies: [LevelSolver.Company] = []
        companies.reserveCapacity(records.count)
        for record in records where !record.flags.contains(.noPrice) && !record.flags.contains(.offExchange) {
            let firm = firms[Int(record.firm)]
            guard firm.isEligibleType else { continue }
            let slope = firm.beta * (1 - firm.birthSlope)
            let own = record.logPrice - firm.beta * firm.birthLevel
            companies.append(LevelSolver.Company(logCap: own + log(record.shares * 1_000 * firm.companyCapFactor),
                                                 slope: slope, logPrice: own - log(firm.splitFactor)))
        }
        return LevelSolver.solve(companies, rank: calibrationRank, target: target(month), start: guess)
    }

    // MARK: - Writing

    /// Writes (or, during the burn-in, only plays) the rows of one month at market level `level`.
    private func writeMonth(_ month: Int, records range: Range<Int>, level: Double) throws {
        let writing = month >= firstWrittenMonth
        let monthEnd = monthEnds[month - startMonth]
        let isRank = rankYear[month] != nil
        // Total caps of the companies passing the screens (classes summed; a second class
        // follows its first), measured at rank months.
        var companies: [SyntheticMarket.RankedCompany] = []
        var currentCap = 0.0, currentCompany = 0
        for index in range {
            let record = records[index]
            var firm = firms[Int(record.firm)]
            if writing, firm.permno == 0 {
                firm.permno = nextPermno
                firm.permco = nextPermco
                nextPermno += firm.second == nil ? 1 : 2
                nextPermco += 1
                firm.second?.permno = firm.permno + 1
                summary.securities += firm.second == nil ? 1 : 2
                summary.companies += 1
            }
            let economicPrice = exp(record.logPrice + firm.beta * (level - firm.birthLevel))
            var splitRatio = 1.0
            if !record.flags.contains(.noPrice) {
                let shown = economicPrice / firm.splitFactor
                if shown > 150, presentation.chance(0.3) {
                    splitRatio = shown > 400 ? 4 : 2
                } else if shown < 0.5, presentation.chance(0.03) {
                    splitRatio = 0.1
                }
                firm.splitFactor *= splitRatio
            }
            let offExchange = record.flags.contains(.offExchange)
            let exchangeCode = offExchange ? 0 : Int(firm.exchangeCode)
            let eligibleRow = isRank && firm.isEligibleType && !offExchange && !record.flags.contains(.noPrice)
                && !record.flags.contains(.missingShares)

            var row = Row(price: record.flags.contains(.noPrice) ? nil : tick(economicPrice / firm.splitFactor, month: month),
                          shares: record.flags.contains(.missingShares) ? nil : max(1, (record.shares * firm.splitFactor).rounded()),
                          previousPrice: firm.lastPrice, splitRatio: splitRatio,
                          dividend: firm.dividendYield > 0 && month % 3 == firm.dividendPhase ? firm.lastPrice * firm.dividendYield / 4 : 0,
                          returnCode: record.flags.contains(.returnCode),
                          delisted: record.flags.contains(.delisted), delistingReturn: record.delistingReturn)
            if writing {
                try write(row, permno: firm.permno, permco: firm.permco, label: labels[Int(record.firm)], monthEnd: monthEnd,
                          shareCode: Int(firm.shareCode), exchangeCode: exchangeCode, industry: Int(firm.industryCode),
                          midpoint: firm.relativeSize < -2.5 && exchangeCode == 3 && presentation.chance(0.08))
            }
            if let price = row.price { firm.lastPrice = price }
            if currentCap > 0 { companies.append(.init(permco: currentCompany, totalCap: currentCap)) }
            currentCap = 0
            currentCompany = Int(firm.permco)
            if eligibleRow, let price = row.price, let shares = row.shares, price >= 1 {
                currentCap += price * shares * 1_000
            }

            if var second = firm.second {
                let secondPrice = row.price.map { tick($0 * second.priceRatio * exp(0.01 * presentation.normal()), month: month) }
                row = Row(price: secondPrice, shares: row.shares.map { max(1, ($0 * second.shareFraction).rounded()) },
                          previousPrice: second.lastPrice, splitRatio: splitRatio,
                          dividend: row.dividend > 0 ? second.lastPrice * firm.dividendYield / 4 : 0,
                          returnCode: row.returnCode, delisted: row.delisted, delistingReturn: row.delistingReturn)
                if writing {
                    try write(row, permno: second.permno, permco: firm.permco, label: secondLabels[Int(record.firm)], monthEnd: monthEnd,
                              shareCode: Int(firm.shareCode), exchangeCode: exchangeCode, industry: Int(firm.industryCode), midpoint: false)
                }
                if let price = row.price { second.lastPrice = price }
                if eligibleRow, let price = row.price, let shares = row.shares, price >= 1 {
                    currentCap += price * shares * 1_000
                }
                firm.second = second
            }
            if record.flags.contains(.delisted) { delistingsSinceRank += 1 }
            firms[Int(record.firm)] = firm
        }
        if currentCap > 0 { companies.append(.init(permco: currentCompany, totalCap: currentCap)) }
        if let year = rankYear[month] { recordRankMonth(year: year, month: month, companies: companies, writing: writing) }
    }

    /// Steers the market toward the eligible-company count of the calibration table, from a
    /// monthly estimate (common stock on NYSE/AMEX/NASDAQ worth about $30M or more): new listings
    /// follow the gap slowly (their waves keep their shape) and more or fewer acquisitions close
    /// it quickly.
    private func steer(month: Int, estimate: Double) {
        let year = month / 12
        let fraction = Double(month % 12) / 12
        let aimed = scale * ((1 - fraction) * calibration.eligibleCompanies(year: clampedYear(year))
                             + fraction * calibration.eligibleCompanies(year: clampedYear(year + 1)))
        lastEstimate = estimate
        let gap = (aimed - estimate * estimateBias) / aimed
        listingMultiplier = min(max(listingMultiplier * exp(0.06 * gap), 0.2), 5)
        listingPressure = min(max(exp(2 * gap), 0.3), 2)
        acquisitionPressure = min(max(exp(-5 * gap), 0.3), 5)
    }

    /// Measures a rank month (and learns how far the monthly estimate is from the measure).
    private func recordRankMonth(year: Int, month: Int, companies: [SyntheticMarket.RankedCompany], writing: Bool) {
        var eligible = companies.filter { $0.totalCap >= 30e6 }
        eligible.sort { $0.totalCap > $1.totalCap || ($0.totalCap == $1.totalCap && $0.permco < $1.permco) }
        let aimed = calibration.eligibleCompanies(year: clampedYear(year)) * scale
        if lastEstimate > 0 { estimateBias = 0.5 * estimateBias + 0.5 * Double(eligible.count) / lastEstimate }
        if writing {
            summary.years.append(SyntheticMarket.YearStatistics(
                year: year, monthEnd: TradingCalendar.lastBusinessDay(of: CalendarDate(year: month / 12, month: month % 12 + 1, day: 1)),
                targetBreakpoint: exp(target(month)), calibrationRank: calibrationRank,
                eligibleTarget: aimed, companies: eligible,
                listings: listingsSinceRank, delistings: delistingsSinceRank))
        }
        listingsSinceRank = 0
        delistingsSinceRank = 0
    }

    /// One row's values as written.
    private struct Row {
        var price: Double?
        var shares: Double?
        var previousPrice: Double
        var splitRatio: Double
        var dividend: Double
        var returnCode: Bool
        var delisted: Bool
        var delistingReturn: Double

        /// RET: `C` with no previous price, blank with no price now.
        var monthlyReturn: Double? {
            guard let price, previousPrice > 0 else { return nil }
            return (price * splitRatio + dividend) / previousPrice - 1
        }
    }

    /// The price on the tick of its era: eighths until June 1997, sixteenths until April 2001,
    /// then cents; prices under $1 in 32nds before decimalisation and in hundredths of a cent after.
    private func tick(_ price: Double, month: Int) -> Double {
        let decimal = month >= 2001 * 12 + 3
        let size: Double
        if price < 1 {
            size = decimal ? 0.0001 : 1.0 / 32
        } else {
            size = decimal ? 0.01 : month >= 1997 * 12 + 5 ? 1.0 / 16 : 1.0 / 8
        }
        return max(size, (price / size).rounded() * size)
    }

    private func write(_ row: Row, permno: Int32, permco: Int32, label: [UInt8], monthEnd: SyntheticMonthEnd, shareCode: Int,
                       exchangeCode: Int, industry: Int, midpoint: Bool) throws {
        summary.rows += 1
        guard let writer else { return }
        let monthlyReturn: SyntheticRow.MonthlyReturn
        if row.price == nil {
            monthlyReturn = .blank
        } else if row.previousPrice <= 0 {
            monthlyReturn = .noPreviousPrice
        } else if row.returnCode {
            monthlyReturn = .missingCode
        } else {
            monthlyReturn = row.monthlyReturn.map { .value($0) } ?? .blank
        }
        let delistingReturn: SyntheticRow.DelistingReturn = !row.delisted ? .none
            : row.delistingReturn.isNaN ? .unknown : .value(row.delistingReturn)
        try format.write(SyntheticRow(permno: permno, permco: permco, label: label, monthEnd: monthEnd, shareCode: shareCode,
                                      exchangeCode: exchangeCode, industry: industry, price: row.price,
                                      midpoint: midpoint && row.price != nil, shares: row.shares,
                                      monthlyReturn: monthlyReturn, delistingReturn: delistingReturn),
                         to: writer)
    }
}
