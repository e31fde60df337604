/// Index weights of member lines.
///
/// Rulebook: M7 §7 — after membership is set, each line is weighted by its available
/// (float-adjusted) cap: primary close × available shares. A source without float gives total-cap
/// weights, and a source that reports only company totals shares the company's cap equally among
/// its member lines; each row records which (``WeightBasis``). Weights sum to 1 within each index.
public enum IndexWeights {
    public static func assign(to rows: inout [MembershipRow], universe: [Security], companies: [Company], companyOfLine: [Int?]) {
        // Member lines per company, to split company-level caps (only such companies need them).
        var memberLines: [String: Int] = [:]
        if companies.contains(where: { $0.capMethod == .pricingVehicle }) {
            memberLines.reserveCapacity(rows.count)
            // By position: a row copied out of the array retains each of its strings.
            for position in rows.indices where rows[position].index.isInRussell3000 {
                memberLines[rows[position].companyKey, default: 0] += 1
            }
        }

        // The total of each index, summed in row order.
        var total1000 = 0.0, total2000 = 0.0
        for position in rows.indices where rows[position].index.isInRussell3000 {
            guard let line = rows[position].universeIndex, let companyPosition = companyOfLine[line] else { continue }
            var cap: Double
            var basis: WeightBasis
            if companies[companyPosition].capMethod == .pricingVehicle {
                cap = (companies[companyPosition].totalMarketCap ?? 0) / Double(memberLines[rows[position].companyKey] ?? 1)
                basis = .companyCapSplit
            } else {
                cap = universe[line].marketCap ?? 0
                basis = .totalCap
            }
            if let fraction = universe[line].floatFraction {
                cap *= fraction
                basis = .floatAdjusted
            }
            rows[position].weight = cap
            rows[position].weightBasis = basis
            if rows[position].index == .r1000 { total1000 += cap } else { total2000 += cap }
        }
        for position in rows.indices {
            guard let cap = rows[position].weight else { continue }
            let total = rows[position].index == .r1000 ? total1000 : total2000
            guard total > 0 else { continue }
            rows[position].weight = cap / total
        }
    }
}
