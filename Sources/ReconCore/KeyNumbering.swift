/// Text keys (company keys) numbered in the order they first appear, 0, 1, 2, …: equal keys get
/// equal numbers, so that later passes group and count by array index instead of hashing the
/// keys again.
public struct KeyNumbering: Sendable {
    /// The number of each key met so far.
    public private(set) var numberOf: [String: Int32] = [:]

    /// Room for `count` distinct keys.
    public init(capacity: Int = 0) {
        numberOf.reserveCapacity(capacity)
    }

    /// How many distinct keys were met.
    public var count: Int { numberOf.count }

    /// The number of `key`: its earlier number, or the next one when it is new.
    public mutating func number(_ key: String) -> Int32 {
        if let known = numberOf[key] { return known }
        let number = Int32(numberOf.count)
        numberOf[key] = number
        return number
    }
}
