/// Divides a range of drawing positions into equal bands, one per category, in order.
///
/// Each category owns a *step* of the range; its band is the step less the inner padding.
/// Padding is a fraction of the step: `paddingInner` between bands, `paddingOuter` before the
/// first and after the last band.
///
///     let x = BandScale(categories: ["2006", "2007", "2008"], range: 0...300,
///                       paddingInner: 0, paddingOuter: 0)
///     x.start(at: 1)          // 100
///     x.bandwidth             // 100
///     x.boundary(before: 1)   // 100: where a marker "from 2007" goes
///     x.index(at: 250)        // 2
public struct BandScale: Sendable, Hashable {
    /// The categories, one band each, from the range's lower bound up.
    public let categories: [String]
    /// The drawing positions shared by the bands.
    public let range: ClosedRange<Double>
    /// The gap between neighbouring bands, as a fraction of the step (`0..<1`).
    public let paddingInner: Double
    /// The gap before the first and after the last band, as a fraction of the step.
    public let paddingOuter: Double

    /// A band scale; paddings are clamped to `0...0.95` and `0...` respectively.
    public init(
        categories: [String], range: ClosedRange<Double>, paddingInner: Double = 0.2, paddingOuter: Double = 0.1
    ) {
        self.categories = categories
        self.range = range
        self.paddingInner = paddingInner.isFinite ? min(max(paddingInner, 0), 0.95) : 0
        self.paddingOuter = paddingOuter.isFinite ? max(paddingOuter, 0) : 0
    }

    /// The distance from one band's start to the next one's; `0` without categories.
    public var step: Double {
        guard !categories.isEmpty else { return 0 }
        let slots = Double(categories.count) - paddingInner + 2 * paddingOuter
        return (range.upperBound - range.lowerBound) / slots
    }

    /// The width of each band.
    public var bandwidth: Double { step * (1 - paddingInner) }

    /// The index of the first category named `category`.
    public func index(of category: String) -> Int? {
        categories.firstIndex(of: category)
    }

    /// Where the band of the category at `index` starts.
    public func start(at index: Int) -> Double {
        range.lowerBound + step * (paddingOuter + Double(index))
    }

    /// The middle of the band of the category at `index`.
    public func center(at index: Int) -> Double {
        start(at: index) + bandwidth / 2
    }

    /// The position halfway between the band at `index` and the one before it.
    public func boundary(before index: Int) -> Double {
        start(at: index) - step * paddingInner / 2
    }

    /// The index of the category whose step contains `position` (the inverse of ``center(at:)``);
    /// `nil` outside the bands or without categories.
    public func index(at position: Double) -> Int? {
        guard step > 0 else { return nil }
        let offset = (position - boundary(before: 0)) / step
        guard offset >= 0, offset < Double(categories.count) else { return nil }
        return Int(offset)
    }
}
