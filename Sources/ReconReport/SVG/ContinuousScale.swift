/// A linear or logarithmic scale, as a value axis of a chart uses it.
enum ContinuousScale: Sendable, Hashable {
    case linear(LinearScale)
    case logarithmic(LogScale)

    /// The number of ticks axes ask for.
    static let tickCount = 5

    /// A scale whose domain covers the `values` it can place (finite ones; positive ones when
    /// logarithmic), widened to round numbers when `nice`; `nil` when it can place none.
    init?(
        covering values: [Double], kind: ValueScaleKind, nice: Bool, includingZero: Bool = false,
        range: ClosedRange<Double> = 0...1, reversed: Bool = false
    ) {
        switch kind {
        case .linear:
            var placeable = values.filter(\.isFinite)
            if includingZero { placeable.append(0) }
            guard let low = placeable.min(), let high = placeable.max() else { return nil }
            let domain = nice ? NiceTicks.niceDomain(low...high, count: Self.tickCount) : low...high
            self = .linear(LinearScale(domain: domain, range: range, reversed: reversed))
        case .logarithmic:
            let placeable = values.filter { $0 > 0 && $0.isFinite }
            guard let low = placeable.min(), let high = placeable.max(),
                  let domain = nice ? NiceTicks.niceLogDomain(low...high) : low...high,
                  let scale = LogScale(domain: domain, range: range, reversed: reversed)
            else { return nil }
            self = .logarithmic(scale)
        }
    }

    /// The same domain mapped onto `range`.
    func withRange(_ range: ClosedRange<Double>) -> ContinuousScale {
        switch self {
        case .linear(let scale):
            return .linear(LinearScale(domain: scale.domain, range: range, reversed: scale.reversed))
        case .logarithmic(let scale):
            return LogScale(domain: scale.domain, range: range, reversed: scale.reversed).map(Self.logarithmic) ?? self
        }
    }

    /// The data values the scale maps.
    var domain: ClosedRange<Double> {
        switch self {
        case .linear(let scale): return scale.domain
        case .logarithmic(let scale): return scale.domain
        }
    }

    /// The position of `value`; `nil` when the scale cannot place it (not finite; not positive
    /// on a log scale).
    func position(of value: Double) -> Double? {
        switch self {
        case .linear(let scale): return value.isFinite ? scale.position(of: value) : nil
        case .logarithmic(let scale): return scale.position(of: value)
        }
    }

    /// Ticks with their labels in `format`.
    func ticks(format: NumberFormat) -> [(value: Double, label: String)] {
        var values: [Double]
        switch self {
        case .linear(let scale): values = scale.ticks(count: Self.tickCount)
        case .logarithmic(let scale): values = scale.ticks(count: Self.tickCount)
        }
        if format.wantsWholeTicks { values = values.filter { $0 == $0.rounded() } }
        let step = isLinear && values.count >= 2 ? values[1] - values[0] : nil
        return values.map { (value: $0, label: format.label(for: $0, tickStep: step)) }
    }

    private var isLinear: Bool {
        if case .linear = self { return true }
        return false
    }
}
