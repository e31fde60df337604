import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Work spread over the machine's cores, with results in a fixed order: whatever the threads'
/// timing, the output is the same as running the work in a loop.
public enum Parallel {
    /// Runs `body` for every index in `0..<count`, on as many threads as there are cores, and
    /// returns the results in index order.
    public static func map<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0 ..< count).map(body) }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize(); slots.deallocate() }
        // Each index runs on exactly one thread and writes only its own slot, and
        // `concurrentPerform` returns after every iteration has finished, so the slots are read
        // below without a race.
        let box = SlotBox(slots: slots)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            box.slots[index] = body(index)
        }
        return slots.map { $0! }
    }

    /// ``map(_:_:)`` for many small pieces of work: `0..<count` in one contiguous block per core,
    /// so that threads are started once per block rather than once per index.
    public static func mapInBlocks<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let blocks = min(cores, count / 256)
        guard blocks > 1 else { return (0 ..< count).map(body) }
        return map(blocks) { block in
            (count * block / blocks ..< count * (block + 1) / blocks).map(body)
        }.flatMap { $0 }
    }

    /// The number of cores to spread work over.
    public static let cores = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))

    /// Carries the result slots into the worker threads: each thread writes a different slot
    /// (see ``map(_:_:)``), which is why the box may cross threads (`@unchecked Sendable`).
    private struct SlotBox<T>: @unchecked Sendable {
        let slots: UnsafeMutableBufferPointer<T?>
    }
}
