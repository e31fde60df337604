/// Index weights of member lines.
///
/// Rulebook: M7 §7 — after membership is set, each line is weighted by its available
/// (float-adjusted) cap: primary close × available shares. A source without float gives total-cap
/// weights, and a source that reports only company totals shares the company's cap equally among
/// its member lines; each row records which (``WeightBasis``), naming the company-facts file's
/// float fact when the float is its (``LineFacts/float``). Without a float from the source or the
/// facts, a float inferred from a prior holdings file's weight (``Universe/holdingsFloat``) is
/// used. Weights sum to 1 within each index.
enum IndexWeights {
    static func assign(to result: inout ReconstitutionResult) {
        let universe = result.universe, companies = result.companies
        // Member lines per company, to split company-level caps (only such companies need them).
        var memberLines: [Int32] = []
        if companies.capMethod.contains(.pricingVehicle) {
            memberLines = [Int32](repeating: 0, count: universe.keys.companyCount)
            for row in result.rowIndices where result.tier[row].isInRussell3000 { memberLines[Int(result.company[row])] += 1 }
        }
        // The total of each index, summed in row order.
        var total1000 = 0.0, total2000 = 0.0
        for line in universe.indices where result.tier[line].isInRussell3000 {
            let position = Int(result.companyOfLine[line])
            guard position >= 0 else { continue }
            var cap: Double
            var basis: WeightBasis
            if companies.capMethod[position] == .pricingVehicle {
                cap = companies.totalMarketCap[position] / Double(memberLines[Int(result.company[line])])
                basis = .companyCapSplit
            } else {
                cap = universe.marketCap[line]
                basis = .totalCap
            }
            // A member carried over without a cap (`carried_over_no_cap`) has no weight to give:
            // left empty, not 0, and the index's weights sum to 1 over the members that have one.
            guard !cap.isNaN else { continue }
            if !universe.floatFraction[line].isNaN {
                cap *= universe.floatFraction[line]
                basis = WeightBasis(floatFact: universe.facts?[line].float)
            } else if let float = universe.holdingsFloat?[line], !float.isNaN {
                cap *= float
                basis = .holdingsFloat
            }
            result.weight[line] = cap
            result.weightBasis[line] = basis
            if result.tier[line] == .r1000 { total1000 += cap } else { total2000 += cap }
        }
        for line in universe.indices where !result.weight[line].isNaN {
            let total = result.tier[line] == .r1000 ? total1000 : total2000
            guard total > 0 else { continue }
            result.weight[line] /= total
        }
    }
}
