import Foundation

/// Round-number ticks for axes: multiples of 1, 2 or 5 × 10^k on linear axes, powers of ten
/// (and their 2× and 5× multiples when the domain is short) on logarithmic axes.
///
///     NiceTicks.niceDomain(0...97)            // 0...100
///     NiceTicks.ticks(in: 0...100)            // [0, 20, 40, 60, 80, 100]
///     NiceTicks.logTicks(in: 1...1000)        // [1, 10, 100, 1000]
public enum NiceTicks {
    /// The round step (1, 2 or 5 × 10^k) that cuts an interval of length `span` into about
    /// `count` parts; `0` when `span` is not a positive finite number.
    public static func step(spanning span: Double, count: Int = 5) -> Double {
        guard span.isFinite, span > 0 else { return 0 }
        let rawStep = span / Double(max(count, 1))
        let magnitude = powerOfTen(Int(floor(log10(rawStep))))
        let multiple = rawStep / magnitude
        if multiple >= 50.squareRoot() { return 10 * magnitude }
        if multiple >= 10.squareRoot() { return 5 * magnitude }
        if multiple >= 2.squareRoot() { return 2 * magnitude }
        return magnitude
    }

    /// The multiples of ``step(spanning:count:)`` that lie inside `domain`, in increasing order.
    /// A one-point domain has that point as its only tick.
    public static func ticks(in domain: ClosedRange<Double>, count: Int = 5) -> [Double] {
        guard domain.lowerBound.isFinite, domain.upperBound.isFinite else { return [] }
        guard domain.lowerBound < domain.upperBound else { return [domain.lowerBound] }
        let step = step(spanning: domain.upperBound - domain.lowerBound, count: count)
        let grid = TickGrid(step: step)
        guard let indices = grid.indices(inside: domain) else {
            return [domain.lowerBound, domain.upperBound]
        }
        return indices.map(grid.value(at:))
    }

    /// `domain` widened outward to multiples of the nice step, so that its ends are ticks.
    ///
    /// A one-point domain is widened first (by half its magnitude, or to `0...1` at zero);
    /// a domain with a non-finite end becomes `0...1`.
    public static func niceDomain(_ domain: ClosedRange<Double>, count: Int = 5) -> ClosedRange<Double> {
        guard domain.lowerBound.isFinite, domain.upperBound.isFinite else { return 0...1 }
        var niced = widenedIfEmpty(domain)
        // Widening can change the step; two passes settle it, as the step only grows.
        for _ in 0..<3 {
            let grid = TickGrid(step: step(spanning: niced.upperBound - niced.lowerBound, count: count))
            let widened = grid.floor(niced.lowerBound)...grid.ceiling(niced.upperBound)
            if widened == niced { break }
            niced = widened
        }
        return niced
    }

    /// Ticks for a logarithmic axis over a positive `domain`: the powers of ten inside it,
    /// thinned to about `count`; with 2× and 5× multiples added when the domain spans fewer
    /// than three powers; linear nice ticks when fewer than three such ticks fall inside.
    /// Empty when `domain` is not positive.
    public static func logTicks(in domain: ClosedRange<Double>, count: Int = 5) -> [Double] {
        guard domain.lowerBound > 0, domain.upperBound.isFinite else { return [] }
        let lowestPower = Int(ceil(log10(domain.lowerBound) - 1e-9))
        let highestPower = Int(floor(log10(domain.upperBound) + 1e-9))
        let powerCount = highestPower - lowestPower + 1
        var ticks: [Double]
        if powerCount >= 3 {
            let stride = Int((Double(powerCount) / Double(max(count, 1))).rounded(.up))
            ticks = Swift.stride(from: lowestPower, through: highestPower, by: max(stride, 1))
                .map(powerOfTen)
        } else {
            ticks = (lowestPower - 1...highestPower).flatMap { power in
                [1.0, 2, 5].map { multiple in decimal(multiple, timesTenToThe: power) }
            }
            ticks = ticks.filter { domain.contains($0) }
        }
        return ticks.count >= 3 ? ticks : self.ticks(in: domain, count: count)
    }

    /// `domain` widened outward for a logarithmic axis: to powers of ten when it spans two
    /// decades or more (`2.3e8...4.6e11` → `1e8...1e12`), otherwise to 1, 2 or 5 × 10^k
    /// (`0.93...15` → `0.5...20`), so that a short domain does not waste most of the axis.
    /// A one-point domain is widened by one such step each way. `nil` when `domain` is not
    /// positive and finite.
    public static func niceLogDomain(_ domain: ClosedRange<Double>) -> ClosedRange<Double>? {
        guard domain.lowerBound > 0, domain.upperBound.isFinite else { return nil }
        let decades = log10(domain.upperBound) - log10(domain.lowerBound)
        if decades >= 2 {
            let lowestPower = Int(floor(log10(domain.lowerBound) + 1e-9))
            let highestPower = Int(ceil(log10(domain.upperBound) - 1e-9))
            return powerOfTen(lowestPower)...powerOfTen(highestPower)
        }
        let lower = oneTwoFive(atOrBelow: domain.lowerBound)
        let upper = oneTwoFive(atOrAbove: domain.upperBound)
        guard lower < upper else {
            return oneTwoFive(atOrBelow: lower * (1 - 1e-9))...oneTwoFive(atOrAbove: upper * (1 + 1e-9))
        }
        return lower...upper
    }

    /// The largest 1, 2 or 5 × 10^k that is at most `value` (positive).
    private static func oneTwoFive(atOrBelow value: Double) -> Double {
        let power = Int(floor(log10(value)))
        let candidates = (power - 1...power + 1).flatMap { power in
            [1.0, 2, 5].map { decimal($0, timesTenToThe: power) }
        }
        return candidates.last { $0 <= value * (1 + 1e-12) } ?? value
    }

    /// The smallest 1, 2 or 5 × 10^k that is at least `value` (positive).
    private static func oneTwoFive(atOrAbove value: Double) -> Double {
        let power = Int(floor(log10(value)))
        let candidates = (power - 1...power + 1).flatMap { power in
            [1.0, 2, 5].map { decimal($0, timesTenToThe: power) }
        }
        return candidates.first { $0 >= value * (1 - 1e-12) } ?? value
    }

    /// `10^power`, the double nearest to the exact value.
    static func powerOfTen(_ power: Int) -> Double {
        decimal(1, timesTenToThe: power)
    }

    /// `multiple × 10^power` for a one-digit multiple, the double nearest to the exact value.
    private static func decimal(_ multiple: Double, timesTenToThe power: Int) -> Double {
        Double("\(Int(multiple))e\(power)") ?? 0
    }

    private static func widenedIfEmpty(_ domain: ClosedRange<Double>) -> ClosedRange<Double> {
        guard domain.lowerBound == domain.upperBound else { return domain }
        let value = domain.lowerBound
        if value == 0 { return 0...1 }
        let margin = abs(value) / 2
        return (value - margin)...(value + margin)
    }
}

/// The multiples of a step, computed so that `0.1 × 3` comes out as `0.3`: steps below one are
/// handled through their (whole) reciprocal.
private struct TickGrid {
    var step: Double

    /// Indices `i` with `value(at: i)` inside `domain`; `nil` when the step is unusable or
    /// would give an unreasonable number of ticks.
    func indices(inside domain: ClosedRange<Double>) -> ClosedRange<Int>? {
        guard step > 0 else { return nil }
        let first = (units(domain.lowerBound) - 1e-9).rounded(.up)
        let last = (units(domain.upperBound) + 1e-9).rounded(.down)
        guard first <= last, abs(first) < 1e15, abs(last) < 1e15, last - first <= 1000 else { return nil }
        return Int(first)...Int(last)
    }

    func value(at index: Int) -> Double {
        value(atUnits: Double(index))
    }

    /// The largest multiple of the step at or below `value`.
    func floor(_ value: Double) -> Double {
        guard step > 0 else { return value }
        return self.value(atUnits: (units(value) + 1e-9).rounded(.down))
    }

    /// The smallest multiple of the step at or above `value`.
    func ceiling(_ value: Double) -> Double {
        guard step > 0 else { return value }
        return self.value(atUnits: (units(value) - 1e-9).rounded(.up))
    }

    private var usesReciprocal: Bool { step < 1 && (1 / step).isFinite }

    private var reciprocal: Double { (1 / step).rounded() }

    private func value(atUnits count: Double) -> Double {
        usesReciprocal ? count / reciprocal : count * step
    }

    private func units(_ value: Double) -> Double {
        usesReciprocal ? value * reciprocal : value / step
    }
}
