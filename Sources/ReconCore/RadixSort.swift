/// A least-significant-digit radix sort of indices by integer keys, a byte at a time: stable, so
/// sorting by one key and then by another orders by the second with ties in the order of the
/// first. Used where a comparison sort of thousands of numbers showed in profiles: the ranking
/// (``Ranking``) and the order-independent sums of weights (``SortedSum``).
enum RadixSort {
    /// Reorders `order` stably by the low `bytes` bytes of `key(index)`, ascending. A byte every
    /// key shares is skipped.
    /// - Complexity: O(`bytes` × n).
    static func sort(_ order: inout [Int], bytes: Int, by key: (Int) -> UInt64) {
        let count = order.count
        var scratch = [Int](repeating: 0, count: count)
        for byte in 0 ..< bytes {
            let shift = UInt64(8 * byte)
            var counts = [Int](repeating: 0, count: 257)
            for index in order { counts[Int((key(index) >> shift) & 0xFF) + 1] += 1 }
            if counts.contains(count) { continue }   // every key has this byte
            for digit in 1 ..< 257 { counts[digit] += counts[digit - 1] }
            for index in order {
                let digit = Int((key(index) >> shift) & 0xFF)
                scratch[counts[digit]] = index
                counts[digit] += 1
            }
            swap(&order, &scratch)
        }
    }
}

/// Sums that do not depend on the order the values come in: the values are added smallest first,
/// so the same values give the same bits (summary figures must be byte-identical run to run).
enum SortedSum {
    /// `values` in ascending order. Non-negative numbers — weights, caps, absolute differences —
    /// are sorted by ``RadixSort`` on their bits, which order as the numbers do; a list with a
    /// negative number or a NaN takes the standard library's sort.
    /// - Complexity: O(n) for non-negative numbers, O(n log n) otherwise.
    static func ascending(_ values: [Double]) -> [Double] {
        guard values.allSatisfy({ $0 >= 0 }) else { return values.sorted() }
        var order = Array(values.indices)
        RadixSort.sort(&order, bytes: 8) { values[$0].bitPattern }
        return order.map { values[$0] }
    }

    /// The sum of `values`, smallest first.
    static func of(_ values: [Double]) -> Double { ascending(values).reduce(0, +) }
}
