import Foundation

/// Work that waits (on the disk) rather than computes, spread over many threads so that the
/// waits overlap: ``Parallel`` uses one thread per core, which would wait one flush at a time
/// per core.
enum Concurrently {
    /// The most threads started for one call.
    static let threads = 32

    /// Runs `body` for every index in `0..<count` on up to ``threads`` threads; results in index order.
    static func map(_ count: Int, _ body: @escaping @Sendable (Int) -> Int32) -> [Int32] {
        guard count > 1 else { return (0 ..< count).map(body) }
        let results = Results(count: count)
        let group = DispatchGroup()
        let threadCount = min(count, threads)
        for first in 0 ..< threadCount {
            group.enter()
            let thread = Thread {
                for index in stride(from: first, to: count, by: threadCount) { results.set(index, body(index)) }
                group.leave()
            }
            thread.start()
        }
        group.wait()
        return results.values()
    }

    /// The results of ``map(_:_:)``: each index is written by one thread only, and read after
    /// `group.wait()` has seen every thread leave, hence `@unchecked Sendable`.
    private final class Results: @unchecked Sendable {
        private let storage: UnsafeMutableBufferPointer<Int32>

        init(count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: 0)
        }

        deinit { storage.deallocate() }

        func set(_ index: Int, _ value: Int32) { storage[index] = value }
        func values() -> [Int32] { Array(storage) }
    }
}
