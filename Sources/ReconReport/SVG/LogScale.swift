import Foundation

/// Maps a positive interval of data values onto drawing positions by their base-10 logarithm,
/// so that each power of ten takes the same room.
///
///     let y = LogScale(domain: 1...1000, range: 0...300, reversed: true)!
///     y.position(of: 10)       // 200
///     y.position(of: 0)        // nil: zero has no place on a log scale
///     y.value(at: 100)         // 100
public struct LogScale: Sendable, Hashable {
    /// The data values mapped onto the range; positive and finite.
    public let domain: ClosedRange<Double>
    /// The drawing positions.
    public let range: ClosedRange<Double>
    /// Whether the domain's lower bound maps to the range's upper bound.
    public let reversed: Bool

    /// A scale from `domain` to `range`; `nil` unless the domain is positive and finite.
    public init?(domain: ClosedRange<Double>, range: ClosedRange<Double>, reversed: Bool = false) {
        guard domain.lowerBound > 0, domain.upperBound.isFinite else { return nil }
        self.domain = domain
        self.range = range
        self.reversed = reversed
    }

    /// The position of `value`; `nil` when `value` is zero, negative or not finite. A one-point
    /// domain maps every positive value to the middle of the range.
    public func position(of value: Double) -> Double? {
        guard value > 0, value.isFinite else { return nil }
        let span = log10(domain.upperBound) - log10(domain.lowerBound)
        let fraction = span > 0 ? (log10(value) - log10(domain.lowerBound)) / span : 0.5
        let directed = reversed ? 1 - fraction : fraction
        return range.lowerBound + directed * (range.upperBound - range.lowerBound)
    }

    /// The value at `position`: the inverse of ``position(of:)``.
    public func value(at position: Double) -> Double {
        let rangeSpan = range.upperBound - range.lowerBound
        guard rangeSpan > 0 else { return domain.lowerBound }
        let fraction = (position - range.lowerBound) / rangeSpan
        let domainFraction = reversed ? 1 - fraction : fraction
        let logLower = log10(domain.lowerBound)
        return pow(10, logLower + domainFraction * (log10(domain.upperBound) - logLower))
    }

    /// Ticks at powers of ten; see ``NiceTicks/logTicks(in:count:)``.
    public func ticks(count: Int = 5) -> [Double] {
        NiceTicks.logTicks(in: domain, count: count)
    }

    /// The same scale with its domain widened to powers of ten.
    public func niced() -> LogScale {
        let nicedDomain = NiceTicks.niceLogDomain(domain) ?? domain
        return LogScale(domain: nicedDomain, range: range, reversed: reversed) ?? self
    }
}
