/// Counts the distinct companies of one group of rows after another, by company number
/// (``ReconstitutionResult/companyOfRow``): one array marks the companies met in the current
/// group, so no key is hashed and nothing is cleared between groups.
struct CompanyTally {
    /// The group in which each company was last met (0: none yet).
    private var lastGroup: [Int]
    private var group = 0

    /// For company numbers `0 ..< companies`.
    init(companies: Int) {
        lastGroup = [Int](repeating: 0, count: companies)
    }

    /// Starts the next group: every company is new to it.
    mutating func startGroup() { group += 1 }

    /// Whether `company` is met for the first time in the current group (it is then marked met).
    mutating func isNew(_ company: Int32) -> Bool {
        guard lastGroup[Int(company)] != group else { return false }
        lastGroup[Int(company)] = group
        return true
    }
}
