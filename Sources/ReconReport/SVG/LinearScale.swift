/// Maps a continuous interval of data values (the domain) onto an interval of drawing
/// positions (the range), proportionally.
///
/// SVG's y axis points down, so a vertical value axis is `reversed`: the domain's lower bound
/// goes to the range's upper bound (the bottom of the plot).
///
///     let y = LinearScale(domain: 0...100, range: 20...320, reversed: true)
///     y.position(of: 0)        // 320
///     y.position(of: 100)      // 20
///     y.value(at: 170)         // 50
public struct LinearScale: Sendable, Hashable {
    /// The data values mapped onto the range.
    public let domain: ClosedRange<Double>
    /// The drawing positions.
    public let range: ClosedRange<Double>
    /// Whether the domain's lower bound maps to the range's upper bound.
    public let reversed: Bool

    /// A scale from `domain` to `range`. A domain with a non-finite bound is replaced by `0...1`.
    public init(domain: ClosedRange<Double>, range: ClosedRange<Double>, reversed: Bool = false) {
        let isFinite = domain.lowerBound.isFinite && domain.upperBound.isFinite
        self.domain = isFinite ? domain : 0...1
        self.range = range
        self.reversed = reversed
    }

    /// The position of `value`. Values outside the domain extrapolate; a one-point domain maps
    /// every value to the middle of the range.
    public func position(of value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        let fraction = span > 0 ? (value - domain.lowerBound) / span : 0.5
        return interpolate(reversed ? 1 - fraction : fraction)
    }

    /// The value at `position`: the inverse of ``position(of:)``. A one-point range gives the
    /// domain's lower bound.
    public func value(at position: Double) -> Double {
        let rangeSpan = range.upperBound - range.lowerBound
        guard rangeSpan > 0 else { return domain.lowerBound }
        let fraction = (position - range.lowerBound) / rangeSpan
        let domainFraction = reversed ? 1 - fraction : fraction
        return domain.lowerBound + domainFraction * (domain.upperBound - domain.lowerBound)
    }

    /// Round-number ticks inside the domain; see ``NiceTicks/ticks(in:count:)``.
    public func ticks(count: Int = 5) -> [Double] {
        NiceTicks.ticks(in: domain, count: count)
    }

    /// The same scale with its domain widened to round numbers; see
    /// ``NiceTicks/niceDomain(_:count:)``.
    public func niced(count: Int = 5) -> LinearScale {
        LinearScale(domain: NiceTicks.niceDomain(domain, count: count), range: range, reversed: reversed)
    }

    private func interpolate(_ fraction: Double) -> Double {
        range.lowerBound + fraction * (range.upperBound - range.lowerBound)
    }
}
