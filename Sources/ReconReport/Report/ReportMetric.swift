/// One headline number: a label, the value as the report writes it and an optional detail line.
///
///     ReportMetric(label: "Russell 2000", value: ReportNumber.count(1_987), detail: "2,012 securities")
public struct ReportMetric: Sendable, Hashable {
    /// What the number is: "Breakpoint #1,000".
    public var label: String
    /// The number, already formatted: "$4.62B".
    public var value: String
    /// A smaller line under the value: "prior 1,003" or "11.9% of weight".
    public var detail: String?

    public init(label: String, value: String, detail: String? = nil) {
        self.label = label
        self.value = value
        self.detail = detail
    }
}
