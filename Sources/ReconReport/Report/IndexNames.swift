import ReconCore

/// The names reports give indexes and the order they list them in.
enum IndexNames {
    /// The keys of `summary.json`'s `counts`, largest index last.
    static let countKeys = ["R1000", "R2000", "R3000", "R3000E", "Microcap"]
    /// The indexes turnover and concentration are measured for.
    static let measuredKeys = ["R2000", "R1000"]

    /// `R2000` → `Russell 2000`; unknown keys are shown as they are.
    static func display(_ key: String) -> String {
        switch key {
        case "R1000": return "Russell 1000"
        case "R2000": return "Russell 2000"
        case "R3000": return "Russell 3000"
        case "R3000E": return "Russell 3000E"
        case "Microcap": return "Russell Microcap"
        default: return key
        }
    }

    /// The display name of a tier, `Out` for none.
    static func display(_ tier: IndexTier) -> String {
        tier == .none ? "Out" : display(tier.rawValue)
    }
}
