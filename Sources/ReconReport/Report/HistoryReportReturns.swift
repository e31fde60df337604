/// One run's 12-month returns of the frozen and the reconstituted Russell 2000 (cap-weighted),
/// from `<run>/drag.json`: the links of the growth-of-$1 chain.
public struct HistoryReportReturns: Sendable, Hashable {
    public var run: String
    /// `cap.frozen_return`, a simple return (0.05 for +5%).
    public var frozen: Double
    /// `cap.reconstituted_return`.
    public var reconstituted: Double

    public init(run: String, frozen: Double, reconstituted: Double) {
        self.run = run
        self.frozen = frozen
        self.reconstituted = reconstituted
    }
}
