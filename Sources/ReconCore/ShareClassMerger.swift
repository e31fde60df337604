/// Merges the common share classes of a universe into companies.
///
/// Rulebook: all share classes of a company are aggregated for ranking (M7 §6.5.2); the pricing
/// vehicle is the class with the highest trading volume (§6.5.3 uses two-year volume; a snapshot's
/// volume is the proxy), ties broken by the larger reported cap and then the ticker.
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

    /// Groups the securities at `indices` (common stock already screened by type) by company key,
    /// in first-seen order.
    public static func companies(
        of universe: [Security], indices: [Int], priorTiers: [IndexTier], priorMicrocap: [Bool?]
    ) -> [Company] {
        companies(of: universe, indices: indices, priorTiers: priorTiers, priorMicrocap: priorMicrocap,
                  numbered: UniverseSnapshot(universe))
    }

    /// The same with the universe's company numbers made: lines are grouped by number (no key
    /// hashed again), each group opened at its first line among `indices`.
    static func companies(
        of universe: [Security], indices: [Int], priorTiers: [IndexTier], priorMicrocap: [Bool?], numbered: UniverseSnapshot
    ) -> [Company] {
        var groups: [[Int]] = []
        var groupOfCompany = [Int32](repeating: -1, count: numbered.companyNumber.count)
        for index in indices {
            let company = Int(numbered.companyOfLine[index])
            if groupOfCompany[company] >= 0 {
                groups[Int(groupOfCompany[company])].append(index)
            } else {
                groupOfCompany[company] = Int32(groups.count)
                groups.append([index])
            }
        }
        return groups.map { lines in
            // Most companies have one class: no order to find, no classes to combine.
            let classes = lines.count == 1 ? lines : orderedByPricingVehicle(lines, in: universe)
            let (cap, method) = totalCap(of: classes, in: universe)
            let vehicle = classes[0]
            let tier = classes.count == 1 ? priorTiers[vehicle] : classes.map { priorTiers[$0] }.min() ?? .none
            let microcap = classes.count == 1 ? priorMicrocap[vehicle] : classes.compactMap { priorMicrocap[$0] }.first
            return Company(key: universe[vehicle].companyKey, name: universe[vehicle].companyName, classes: classes,
                           totalMarketCap: cap, capMethod: method, price: universe[vehicle].price,
                           priorTier: tier, priorMicrocap: microcap)
        }
    }

    /// The classes with the pricing vehicle first (highest volume, then larger cap, then ticker).
    static func orderedByPricingVehicle(_ classes: [Int], in universe: [Security]) -> [Int] {
        classes.sorted { a, b in
            let volumeA = universe[a].volume ?? -1, volumeB = universe[b].volume ?? -1
            if volumeA != volumeB { return volumeA > volumeB }
            let capA = universe[a].marketCap ?? -1, capB = universe[b].marketCap ?? -1
            if capA != capB { return capA > capB }
            return universe[a].symbol < universe[b].symbol
        }
    }

    /// The company's total cap from its classes (pricing vehicle first).
    static func totalCap(of classes: [Int], in universe: [Security]) -> (Double?, CapMethod) {
        if classes.count == 1 {
            guard let cap = universe[classes[0]].marketCap, cap > 0 else { return (nil, .missing) }
            return (cap, .singleClass)
        }
        let withCap = classes.filter { (universe[$0].marketCap ?? 0) > 0 }
        guard !withCap.isEmpty else { return (nil, .missing) }
        if withCap.count == 1 { return (universe[withCap[0]].marketCap, classes.count == 1 ? .singleClass : .pricingVehicle) }
        if reportsCompanyTotals(withCap, in: universe) {
            return (universe[withCap[0]].marketCap, .pricingVehicle)
        }
        return (withCap.reduce(0) { $0 + universe[$1].marketCap! }, .summedClasses)
    }

    /// Whether the caps of these classes each cover the whole company.
    static func reportsCompanyTotals(_ classes: [Int], in universe: [Security]) -> Bool {
        let scopes = Set(classes.map { universe[$0].capScope })
        if scopes == [.company] { return true }
        if scopes.contains(.security) { return false }
        let implied = classes.compactMap { index -> Double? in
            let security = universe[index]
            guard let cap = security.marketCap, let price = security.price, price > 0 else { return nil }
            return cap / price
        }
        guard implied.count == classes.count, let low = implied.min(), let high = implied.max(), low > 0 else {
            return false
        }
        return (high - low) / low <= impliedShareTolerance
    }
}
