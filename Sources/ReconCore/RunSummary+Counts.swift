extension RunSummary {
    /// The member counts of a result — each index's lines and distinct companies, the prior
    /// indexes' companies, the companies of each change — from one pass over the rows and one
    /// over the companies (each row's categories as bits, OR-ed into its company's).
    ///
    /// A line's change is its own; a company's is that of its membership, from the index of any of
    /// its lines before to the index of any now (the Russell 1000 first): a company whose class B
    /// left while its class A stays is a deletion of a line and a company that stays.
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
            let companyCount = result.universe.keys.companyCount
            var categoriesOfCompany = [UInt16](repeating: 0, count: companyCount)
            var priorTierOfCompany = [IndexTier](repeating: .none, count: companyCount)
            var tierOfCompany = [IndexTier](repeating: .none, count: companyCount)
            for row in result.rowIndices {
                let categories = Counts.categories(of: row, in: result)
                guard categories != 0 else { continue }
                Counts.forEach(in: categories) { rows[$0] += 1 }
                let company = Int(result.company[row])
                categoriesOfCompany[company] |= categories & ~Counts.changes
                priorTierOfCompany[company] = min(priorTierOfCompany[company], result.priorTier[row])
                tierOfCompany[company] = min(tierOfCompany[company], result.tier[row])
            }
            for company in categoriesOfCompany.indices where categoriesOfCompany[company] != 0 {
                let change = Counts.bit(of: MembershipChange(prior: priorTierOfCompany[company], new: tierOfCompany[company]))
                Counts.forEach(in: categoriesOfCompany[company] | change) { companies[$0] += 1 }
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
            return categories | bit(of: MembershipChange(prior: priorTier, new: tier))
        }

        /// The bit of a change's category (none for `none`).
        private static func bit(of change: MembershipChange) -> UInt16 {
            switch change {
            case .addition: bit(.addition)
            case .deletion: bit(.deletion)
            case .upward: bit(.upward)
            case .downward: bit(.downward)
            case .stay: bit(.stay)
            case .none: 0
            }
        }

        /// The bits of the change categories.
        private static let changes = bit(.addition) | bit(.deletion) | bit(.upward) | bit(.downward) | bit(.stay)
    }
}
