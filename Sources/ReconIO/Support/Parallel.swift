import Dispatch
import ReconPlatform

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
    ///
    /// Each block writes its results straight into the returned array's storage: collecting one
    /// array per block and joining them copied every result once more (a retain per text field
    /// of every value, and fresh pages for the copy).
    public static func mapInBlocks<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let blocks = min(cores, count / 256)
        guard blocks > 1 else { return (0 ..< count).map(body) }
        return [T](unsafeUninitializedCapacity: count) { storage, initialized in
            // Each block initializes only its own indices, and `concurrentPerform` returns after
            // every block has finished, so the storage is complete when `initialized` is set.
            let box = StorageBox(storage: storage)
            DispatchQueue.concurrentPerform(iterations: blocks) { block in
                for index in count * block / blocks ..< count * (block + 1) / blocks {
                    (box.storage.baseAddress! + index).initialize(to: body(index))
                }
            }
            initialized = count
        }
    }

    /// Whether `check` holds for each of `0..<count`'s blocks, one contiguous block per core: a
    /// check over a column, its loop in the caller's closure so that it runs without a call per index.
    public static func allBlocksSatisfy(_ count: Int, _ check: @Sendable (Range<Int>) -> Bool) -> Bool {
        let parts = cores
        return map(parts) { part in check(count * part / parts ..< count * (part + 1) / parts) }.allSatisfy { $0 }
    }

    /// The number of cores to spread work over.
    public static let cores = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))

    /// Carries the result storage of ``mapInBlocks(_:_:)`` into the worker threads: each block
    /// writes different indices, which is why the box may cross threads (`@unchecked Sendable`).
    private struct StorageBox<T>: @unchecked Sendable {
        let storage: UnsafeMutableBufferPointer<T>
    }

    /// Carries the result slots into the worker threads: each thread writes a different slot
    /// (see ``map(_:_:)``), which is why the box may cross threads (`@unchecked Sendable`).
    private struct SlotBox<T>: @unchecked Sendable {
        let slots: UnsafeMutableBufferPointer<T?>
    }
}
