/// How much of the prior Russell 2000's return over the year before the rank day came from the
/// companies that then graduated to the Russell 1000 (prior-art.md §C2.4, the Citi-style figure:
/// about 28% of the return from a 6.3% weight in 2015).
///
/// Weights are each line's weight at the start of the window, recovered from its cap at the rank
/// day and its return over the window (cap ÷ (1 + R)), so the figure is a buy-and-hold attribution.
public struct GraduateContribution: Sendable, Equatable {
    /// Start-of-window weight of the graduates in the prior Russell 2000.
    public var weight: Double
    /// Σ w_i R_i over the graduates.
    public var contribution: Double
    /// The prior Russell 2000's cap-weighted return over the window.
    public var indexReturn: Double
    /// contribution ÷ index return (`nil` when the index return is zero).
    public var shareOfReturn: Double?
    /// Lines left out for want of a return or a cap.
    public var leftOut: Int

    /// - Parameters:
    ///   - isGraduate: whether a row is an upward migrant.
    ///   - windowReturn: a row's return over the year to the rank day.
    public init?(result: ReconstitutionResult, isGraduate: (Int) -> Bool, windowReturn: (Int) -> Double?) {
        var startWeights: [(weight: Double, lineReturn: Double, graduate: Bool)] = []
        var leftOut = 0
        for row in result.rowIndices where result.priorTier[row] == .r2000 {
            let cap = result.totalMarketCap[row]
            guard cap > 0, let lineReturn = windowReturn(row), lineReturn > -1 else {
                leftOut += 1
                continue
            }
            startWeights.append((cap / (1 + lineReturn), lineReturn, isGraduate(row)))
        }
        let total = startWeights.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return nil }
        weight = startWeights.filter(\.graduate).reduce(0) { $0 + $1.weight } / total
        contribution = startWeights.filter(\.graduate).reduce(0) { $0 + $1.weight * $1.lineReturn } / total
        indexReturn = startWeights.reduce(0) { $0 + $1.weight * $1.lineReturn } / total
        shareOfReturn = indexReturn != 0 ? contribution / indexReturn : nil
        self.leftOut = leftOut
    }
}
