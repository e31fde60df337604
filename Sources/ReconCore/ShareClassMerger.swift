/// Merges the common share classes of a universe into companies (``Companies``).
///
/// Rulebook: all share classes of a company are aggregated for ranking (M7 §6.5.2); the pricing
/// vehicle is the class with the highest trading volume (§6.5.3 uses two-year volume; a snapshot's
/// volume is the proxy), ties broken by the larger reported cap and then the ticker. A class that
/// carries an earlier verdict of its own (``Universe/hasPriorExclusion``) comes after every class
/// that does not: it is no index line (`PriorExclusion`), so it cannot price a company that its
/// other classes carry.
///
/// Sources report caps differently (``CapScope``). CRSP caps cover the row's own shares and are
/// summed. The Nasdaq screener reports, for every class, that class's price times the company's
/// shares of all classes (GOOG and GOOGL each show Alphabet's total): summing would double count.
/// When a source does not say (``CapScope/unknown``), the classes' implied share counts
/// (cap ÷ price) tell: if they agree within ``impliedShareTolerance`` the figures already cover the
/// company and the pricing vehicle's is taken; otherwise they are summed.
public enum ShareClassMerger {
    /// Relative spread of implied share counts under which classes are taken to report company totals.
    public static let impliedShareTolerance = 0.02

    /// The companies of `lines` (common stock already screened by type), each opened at its first
    /// line, with the prior tier and Microcap flag of each line given.
    ///
    /// - Complexity: O(lines), plus a sort of the classes of each company with several.
    public static func companies(of universe: Universe, lines: [Int32], priorTiers: [IndexTier], priorMicrocap: [Bool?]) -> Companies {
        // Lines grouped by company id, each company in order of its first line (a counting sort).
        var group = [Int32](repeating: -1, count: universe.keys.companyCount)
        var groupIDs: [Int32] = [], sizes: [Int32] = []
        var groupOfLine = [Int32](repeating: 0, count: lines.count)
        let companyOfLine = universe.company
        for (position, line) in lines.enumerated() {
            let company = Int(companyOfLine[Int(line)])
            if group[company] < 0 {
                group[company] = Int32(groupIDs.count)
                groupIDs.append(Int32(company))
                sizes.append(0)
            }
            groupOfLine[position] = group[company]
            sizes[Int(group[company])] += 1
        }
        var start = [Int32](repeating: 0, count: groupIDs.count + 1)
        for index in sizes.indices { start[index + 1] = start[index] + sizes[index] }
        var next = start, classes = [Int32](repeating: 0, count: lines.count)
        for (position, line) in lines.enumerated() {
            let index = Int(groupOfLine[position])
            classes[Int(next[index])] = line
            next[index] += 1
        }

        var companies = Companies(reserving: groupIDs.count)
        companies.lineStart = start
        for index in groupIDs.indices where sizes[index] > 1 {
            orderByPricingVehicle(&classes[Int(start[index]) ..< Int(start[index + 1])], in: universe)
        }
        companies.lines = classes
        let caps = universe.marketCap, prices = universe.price
        for (index, id) in groupIDs.enumerated() {
            let vehicle = Int(classes[Int(start[index])])
            let cap: Double, method: CapMethod, tier: IndexTier, microcap: Bool?
            if sizes[index] == 1 {
                // Most companies have one class: its cap, tier and Microcap flag.
                (cap, method) = caps[vehicle] > 0 ? (caps[vehicle], .singleClass) : (.nan, .missing)
                (tier, microcap) = (priorTiers[vehicle], priorMicrocap[vehicle])
            } else {
                let own = classes[Int(start[index]) ..< Int(start[index + 1])]
                (cap, method) = totalCap(of: own, in: universe)
                tier = own.map { priorTiers[Int($0)] }.min() ?? .none
                microcap = own.lazy.compactMap { priorMicrocap[Int($0)] }.first
            }
            companies.id.append(id)
            companies.totalMarketCap.append(cap)
            companies.capMethod.append(method)
            companies.price.append(prices[vehicle])
            companies.priorTier.append(tier)
            companies.priorMicrocap.append(microcap)
        }
        return companies
    }

    /// The classes with the pricing vehicle first (classes without an earlier verdict first, then
    /// highest volume, then larger cap, then ticker).
    static func orderByPricingVehicle(_ classes: inout ArraySlice<Int32>, in universe: Universe) {
        func orNone(_ value: Double) -> Double { value.isNaN ? -1 : value }
        classes.sort { a, b in
            let verdictA = universe.hasPriorExclusion[Int(a)], verdictB = universe.hasPriorExclusion[Int(b)]
            if verdictA != verdictB { return verdictB }
            let volumeA = orNone(universe.volume[Int(a)]), volumeB = orNone(universe.volume[Int(b)])
            if volumeA != volumeB { return volumeA > volumeB }
            let capA = orNone(universe.marketCap[Int(a)]), capB = orNone(universe.marketCap[Int(b)])
            if capA != capB { return capA > capB }
            return universe.text.symbol(Int(a)) < universe.text.symbol(Int(b))
        }
    }

    /// The total cap of a company of several classes (pricing vehicle first); NaN when none has one.
    static func totalCap(of classes: ArraySlice<Int32>, in universe: Universe) -> (Double, CapMethod) {
        let caps = universe.marketCap
        let withCap = classes.filter { caps[Int($0)] > 0 }
        guard let first = withCap.first else { return (.nan, .missing) }
        if withCap.count == 1 { return (caps[Int(first)], .pricingVehicle) }
        if reportsCompanyTotals(withCap, in: universe) { return (caps[Int(first)], .pricingVehicle) }
        return (withCap.reduce(0) { $0 + caps[Int($1)] }, .summedClasses)
    }

    /// Whether the caps of these classes each cover the whole company.
    static func reportsCompanyTotals(_ classes: [Int32], in universe: Universe) -> Bool {
        let scopes = Set(classes.map { universe.capScope[Int($0)] })
        if scopes == [.company] { return true }
        if scopes.contains(.security) { return false }
        let implied = classes.compactMap { line -> Double? in
            let cap = universe.marketCap[Int(line)], price = universe.price[Int(line)]
            guard !cap.isNaN, price > 0 else { return nil }
            return cap / price
        }
        guard implied.count == classes.count, let low = implied.min(), let high = implied.max(), low > 0 else { return false }
        return (high - low) / low <= impliedShareTolerance
    }
}

/// The companies of one reconstitution, as columns: the common share classes of a universe merged
/// per company (M7 §6.2.2: classes combined; §6.5.2–6.5.3: ranked on the total cap, priced by the
/// pricing vehicle), each with the index it was in before.
public struct Companies: Sendable {
    /// The company id (of the universe's keys) of each company.
    public var id: [Int32] = []
    /// The lines of company `c`, pricing vehicle first and lines with an earlier verdict
    /// (``Universe/hasPriorExclusion``) last: `lines[lineStart[c] ..< lineStart[c + 1]]`.
    public var lineStart: [Int32] = [0]
    public var lines: [Int32] = []
    /// Total cap of all classes (NaN when no class has one), and how it was formed.
    public var totalMarketCap: [Double] = []
    public var capMethod: [CapMethod] = []
    /// The pricing vehicle's price (NaN when none).
    public var price: [Double] = []
    /// The index the company was in before the reconstitution (its best class).
    public var priorTier: [IndexTier] = []
    /// Whether it was in the Microcap before, when known.
    public var priorMicrocap: [Bool?] = []

    init(reserving count: Int) {
        id.reserveCapacity(count); totalMarketCap.reserveCapacity(count); capMethod.reserveCapacity(count)
        price.reserveCapacity(count); priorTier.reserveCapacity(count); priorMicrocap.reserveCapacity(count)
    }

    public var count: Int { id.count }
    public var indices: Range<Int> { 0 ..< count }

    /// The company's lines, pricing vehicle first.
    public func classes(_ company: Int) -> ArraySlice<Int32> { lines[Int(lineStart[company]) ..< Int(lineStart[company + 1])] }

    /// The company's lines without an earlier verdict of their own (``Universe/hasPriorExclusion``),
    /// pricing vehicle first; empty when every line has one.
    public func classesWithoutEarlierVerdict(_ company: Int, in universe: Universe) -> ArraySlice<Int32> {
        classes(company).prefix { !universe.hasPriorExclusion[Int($0)] }
    }

    /// The line of the company's pricing vehicle.
    public func pricingVehicle(_ company: Int) -> Int { Int(lines[Int(lineStart[company])]) }

    /// Whether the company was a Russell 3000 member before (banding applies only to them; M7 §6.10.2).
    public func wasInRussell3000(_ company: Int) -> Bool { priorTier[company].isInRussell3000 }
}

/// How a company's total cap was formed from its classes' reported caps.
public enum CapMethod: String, Sendable, Hashable {
    /// One class only: its cap.
    case singleClass = "single_class"
    /// Classes' caps summed (each covered its own shares).
    case summedClasses = "summed_classes"
    /// The pricing vehicle's cap, which already covered every class's shares.
    case pricingVehicle = "pricing_vehicle"
    /// No class had a cap.
    case missing = "missing"
}
