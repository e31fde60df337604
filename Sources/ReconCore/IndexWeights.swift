/// Index weights of member lines.
///
/// Rulebook: M7 §7 — after membership is set, each line is weighted by its available
/// (float-adjusted) cap: primary close × available shares. A source without float gives total-cap
/// weights, and a source that reports only company totals shares the company's cap equally among
/// its member lines; each row records which (``WeightBasis``). Weights sum to 1 within each index.
public enum IndexWeights {
    public static func assign(to rows: inout [MembershipRow], universe: [Security], companies: [Company], companyOfLine: [Int?]) {
        // Member lines per company, to split company-level caps.
        var memberLines: [String: Int] = [:]
        for row in rows where row.index.isInRussell3000 { memberLines[row.companyKey, default: 0] += 1 }

        var totals: [IndexTier: Double] = [:]
        for position in rows.indices where rows[position].index.isInRussell3000 {
            guard let line = rows[position].universeIndex, let companyPosition = companyOfLine[line] else { continue }
            let security = universe[line]
            let company = companies[companyPosition]
            var cap: Double
            var basis: WeightBasis
            if company.capMethod == .pricingVehicle {
                cap = (company.totalMarketCap ?? 0) / Double(memberLines[rows[position].companyKey] ?? 1)
                basis = .companyCapSplit
            } else {
                cap = security.marketCap ?? 0
                basis = .totalCap
            }
            if let fraction = security.floatFraction {
                cap *= fraction
                basis = .floatAdjusted
            }
            rows[position].weight = cap
            rows[position].weightBasis = basis
            totals[rows[position].index, default: 0] += cap
        }
        for position in rows.indices {
            guard let cap = rows[position].weight, let total = totals[rows[position].index], total > 0 else { continue }
            rows[position].weight = cap / total
        }
    }
}
