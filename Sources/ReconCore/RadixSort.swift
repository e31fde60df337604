/// A least-significant-digit radix sort of indices by integer keys, a byte at a time: stable, so
/// sorting by one key and then by another orders by the second with ties in the order of the
/// first. The ranking's sort (``Ranking``): ≈ 10 ms of the ≈ 25 ms a comparison sort took over
/// the 47 rankings of a replay.
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
