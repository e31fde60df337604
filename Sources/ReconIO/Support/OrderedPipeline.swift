import Dispatch
import Foundation

/// Work handed over one piece at a time by a serial producer, done on the other cores while the
/// producer goes on, with the results in the order the pieces were handed over.
///
/// A replay makes its reconstitutions one after another (each starts from the previous
/// membership), which keeps one core busy; measuring a run and making its files needs only that
/// run, so they are handed to the other cores as each run is made. When the producer is done,
/// ``finish()`` has the calling thread help with what is left, so every core works to the end.
///
/// ```swift
/// let pipeline = OrderedPipeline<Int>()
/// for value in 1 ... 3 { pipeline.submit { value * value } }
/// pipeline.finish()   // [1, 4, 9], whatever thread did which piece
/// ```
///
/// The results are the same as doing the pieces in a loop, whatever the threads' timing, as long
/// as each piece depends on nothing another piece does.
public final class OrderedPipeline<Result: Sendable>: Sendable {
    private let state = LockedBox(State())
    private let available = DispatchSemaphore(value: 0)
    private let running = DispatchGroup()
    private let workers: Int

    /// The pieces handed over, the next one nobody has taken, the results so far.
    private struct State {
        var pending: [(index: Int, work: @Sendable () -> Result)] = []
        var nextPending = 0
        var results: [Result?] = []
        var isClosed = false
    }

    /// - Parameter workers: threads doing pieces while the producer works (default: one fewer
    ///   than the cores, at least one). With 0, every piece is done in ``finish()``.
    public init(workers: Int = max(1, Parallel.cores - 1)) {
        self.workers = max(0, workers)
        // Threads of their own rather than Dispatch's pool: a worker waits for work, and a pool
        // thread that waits is one the pool's other users (``Parallel``) cannot have.
        for _ in 0 ..< self.workers {
            running.enter()
            Thread { [self] in
                work()
                running.leave()
            }.start()
        }
    }

    /// A worker: pieces as they come, until ``finish()`` and nothing is left.
    private func work() {
        while true {
            available.wait()
            guard let piece = take() else {
                if state.withLock({ $0.isClosed }) { return }
                continue
            }
            store(piece.work(), at: piece.index)
        }
    }

    /// Hands over one piece of work (from the producer's thread, before ``finish()``).
    public func submit(_ work: @escaping @Sendable () -> Result) {
        state.withLock { state in
            precondition(!state.isClosed, "OrderedPipeline.submit after finish()")
            state.pending.append((state.results.count, work))
            state.results.append(nil)
        }
        available.signal()
    }

    /// Does what is left on this thread too, waits for every piece, and returns the results in
    /// the order the pieces were handed over. Call it once.
    public func finish() -> [Result] {
        state.withLock { $0.isClosed = true }
        for _ in 0 ..< workers { available.signal() }   // wakes idle workers so that they return
        while let piece = take() { store(piece.work(), at: piece.index) }
        running.wait()
        return state.withLock { $0.results.map { $0! } }
    }

    /// The next piece nobody has taken, in order.
    private func take() -> (index: Int, work: @Sendable () -> Result)? {
        state.withLock { state in
            guard state.nextPending < state.pending.count else { return nil }
            let piece = state.pending[state.nextPending]
            // The closure is released as soon as it is taken: what it holds (a run's step) need not
            // live until the end.
            state.pending[state.nextPending].work = { fatalError("OrderedPipeline: a piece ran twice") }
            state.nextPending += 1
            return piece
        }
    }

    private func store(_ result: Result, at index: Int) {
        state.withLock { $0.results[index] = result }
    }
}
