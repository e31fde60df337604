extension RunSummary {
    /// The member counts of a result — each index's lines and distinct companies, the prior
    /// indexes' companies, the companies of each change — from one pass over the rows and one
    /// over the companies (each row's categories as bits, OR-ed into its company's).
    ///
    /// - Complexity: O(rows + companies).
    struct Counts {
        enum Category: Int, CaseIterable {
            case r1000, r2000, r3000, r3000E, microcap, priorR1000, priorR2000
            case addition, deletion, upward, downward, stay
        }

        private var rows = [Int](repeating: 0, count: Category.allCases.count)
        private var companies = [Int](repeating: 0, count: Category.allCases.count)

        init(_ result: ReconstitutionResult) {
            var categoriesOfCompany = [UInt16](repeating: 0, count: result.universe.keys.companyCount)
            for row in result.rowIndices {
                let categories = Counts.categories(of: row, in: result)
                guard categories != 0 else { continue }
                Counts.forEach(in: categories) { rows[$0] += 1 }
                categoriesOfCompany[Int(result.company[row])] |= categories
            }
            for categories in categoriesOfCompany where categories != 0 {
                Counts.forEach(in: categories) { companies[$0] += 1 }
            }
        }

        /// Lines and distinct companies of a category.
        func count(_ category: Category) -> Count {
            Count(companies: companies[category.rawValue], securities: rows[category.rawValue])
        }

        /// Distinct companies of a category.
        func companies(_ category: Category) -> Int { companies[category.rawValue] }

        private static func bit(_ category: Category) -> UInt16 { 1 << UInt16(category.rawValue) }

        /// Calls `body` with the raw value of each category whose bit is set.
        private static func forEach(in categories: UInt16, _ body: (Int) -> Void) {
            var remaining = categories
            while remaining != 0 {
                body(remaining.trailingZeroBitCount)
                remaining &= remaining - 1
            }
        }

        private static func categories(of row: Int, in result: ReconstitutionResult) -> UInt16 {
            let tier = result.tier[row], priorTier = result.priorTier[row]
            var categories: UInt16 = 0
            if tier == .r1000 { categories |= bit(.r1000) }
            if tier == .r2000 { categories |= bit(.r2000) }
            if tier.isInRussell3000 { categories |= bit(.r3000) }
            if result.isRussell3000E[row] { categories |= bit(.r3000E) }
            if result.isMicrocap[row] { categories |= bit(.microcap) }
            if priorTier == .r1000 { categories |= bit(.priorR1000) }
            if priorTier == .r2000 { categories |= bit(.priorR2000) }
            switch MembershipChange(prior: priorTier, new: tier) {
            case .addition: categories |= bit(.addition)
            case .deletion: categories |= bit(.deletion)
            case .upward: categories |= bit(.upward)
            case .downward: categories |= bit(.downward)
            case .stay: categories |= bit(.stay)
            case .none: break
            }
            return categories
        }
    }
}
