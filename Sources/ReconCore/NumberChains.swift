/// Numbered entries grouped by a text key, each group in the order its entries were added, kept
/// without an array per group: a dictionary holds the first live number of each key, and an
/// array holds, by number, the next number added with the same key.
///
/// ``PriorMembership`` looks its lines up by ticker and by company this way: a replay builds a
/// membership of thousands of lines at every run and removes members at every IPO window, and a
/// removal then re-hashes only the removed line's key.
struct NumberChains: Sendable {
    private var first: [String: Int32] = [:]
    /// By number: the next number with the same key, -1 at the end of a chain.
    private var next: [Int32] = []

    mutating func reserveCapacity(_ count: Int) {
        first.reserveCapacity(count)
        next.reserveCapacity(count)
    }

    /// Appends `number` (one more than the last number added, keyed or not) to the chain of `key`;
    /// `nil` keeps the number out of every chain.
    mutating func append(_ number: Int32, key: String?) {
        precondition(Int(number) == next.count, "NumberChains numbers are added in order")
        next.append(-1)
        guard let key else { return }
        guard var last = first[key] else {
            first[key] = number
            return
        }
        while next[Int(last)] >= 0 { last = next[Int(last)] }
        next[Int(last)] = number
    }

    /// The first live number of `key`.
    func first(_ key: String) -> Int32? { first[key] }

    /// The live numbers of `key` in order, walked without making an array: `positions` gives
    /// each number's position, negative once removed (removed numbers stay in chains).
    func numbers(_ key: String, positions: [Int32]) -> Chain {
        Chain(start: first[key] ?? -1, following: next, positions: positions)
    }

    /// A key's live numbers, in order.
    struct Chain: Sequence, IteratorProtocol {
        private var number: Int32
        private let following: [Int32]
        private let positions: [Int32]

        fileprivate init(start: Int32, following: [Int32], positions: [Int32]) {
            number = start
            self.following = following
            self.positions = positions
        }

        mutating func next() -> Int32? {
            while number >= 0 {
                let current = number
                number = following[Int(current)]
                if positions[Int(current)] >= 0 { return current }
            }
            return nil
        }
    }

    /// Called when `number` (of `key`) is removed, `positions` marking it and every other removed
    /// number negative: a removed first number gives way to the next live one of its chain.
    mutating func remove(_ number: Int32, key: String, positions: [Int32]) {
        guard first[key] == number else { return }
        var candidate = next[Int(number)]
        while candidate >= 0, positions[Int(candidate)] < 0 { candidate = next[Int(candidate)] }
        first[key] = candidate >= 0 ? candidate : nil
    }
}
