import ReconPlatform

/// Finds the market level at a rank month that puts company #k (by total market cap, among
/// those passing the screens) exactly on the calibrated breakpoint.
///
/// Every company's log total cap is linear in the log market level `M` (its beta times `M` plus
/// what it did on its own), and so is the log price of its pricing line. So the k-th largest
/// log cap among companies whose price is at least $1 and cap at least $30M (M7 §5.8–5.9) is a
/// non-decreasing, piecewise-linear function of `M`, solved by safeguarded Newton steps.
enum LevelSolver {
    /// One company at the rank month.
    struct Company {
        /// log(total cap) at M = 0, and its slope in M.
        var logCap: Double
        var slope: Double
        /// log(price of the pricing line) at M = 0 (same slope).
        var logPrice: Double
    }

    /// Screens of M7 §5.8 ($1) and §5.9 ($30M).
    static let logMinimumPrice = 0.0
    static let logMinimumCap = log(30_000_000.0)

    /// The k-th largest log cap among companies passing the screens at `level`, with its slope;
    /// `nil` when fewer than `k` pass.
    static func kthLargest(_ companies: [Company], rank k: Int, level: Double) -> (logCap: Double, slope: Double)? {
        var values: [(Double, Double)] = []
        values.reserveCapacity(companies.count)
        for company in companies {
            let cap = company.logCap + company.slope * level
            if company.logPrice + company.slope * level >= logMinimumPrice, cap >= logMinimumCap {
                values.append((cap, company.slope))
            }
        }
        guard values.count >= k, k > 0 else { return nil }
        return select(&values, largest: k)
    }

    /// The level at which the k-th largest company's log cap is `target`, starting from `start`.
    /// When fewer than `k` companies can pass at any plausible level, returns `start`.
    static func solve(_ companies: [Company], rank k: Int, target: Double, start: Double) -> Double {
        var low = -Double.infinity, high = Double.infinity
        var level = start
        for _ in 0 ..< 100 {
            guard let (value, slope) = kthLargest(companies, rank: k, level: level) else {
                // Too few pass: raise the level (more clear $1 and $30M).
                low = level
                let next = level + 1
                if next > start + 40 { return start }
                level = high.isFinite ? (level + high) / 2 : next
                continue
            }
            let gap = target - value
            if abs(gap) < 1e-10 { return level }
            if gap > 0 { low = level } else { high = level }
            var next = level + gap / max(slope, 0.2)
            if next <= low || next >= high {
                next = low.isFinite && high.isFinite ? (low + high) / 2 : level + (gap > 0 ? 1 : -1) * max(abs(gap), 0.5)
            }
            if high - low < 1e-12 { return level }
            level = next
        }
        return level
    }

    /// Quickselect: the `k`-th largest by first element (1-based), reordering `values`.
    static func select(_ values: inout [(Double, Double)], largest k: Int) -> (Double, Double) {
        values.withUnsafeMutableBufferPointer { buffer -> (Double, Double) in
            var low = 0, high = buffer.count - 1
            let target = k - 1
            while low < high {
                let middle = (low + high) / 2
                // Median of three as the pivot, descending order.
                if buffer[middle].0 > buffer[low].0 { buffer.swapAt(middle, low) }
                if buffer[high].0 > buffer[low].0 { buffer.swapAt(high, low) }
                if buffer[middle].0 > buffer[high].0 { buffer.swapAt(middle, high) }
                let pivot = buffer[high].0
                var store = low
                for index in low ..< high where buffer[index].0 > pivot {
                    buffer.swapAt(index, store)
                    store += 1
                }
                buffer.swapAt(store, high)
                if store == target { return buffer[store] }
                if store < target { low = store + 1 } else { high = store - 1 }
            }
            return buffer[target]
        }
    }
}
