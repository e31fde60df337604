import Foundation

/// Work started on a thread of its own while the caller goes on; ``value()`` waits for it and
/// returns its result, or throws what it threw.
///
/// For independent inputs read side by side (a snapshot's prior membership while its universe
/// is read): the work must not share mutable state with the caller.
public final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    // Written once by the worker before `done` is signalled, read only after waiting for it.
    private var outcome: Result<Value, any Error>?
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` on a new thread at once.
    public init(_ work: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in
            outcome = Result { try work() }
            done.signal()
        }
        thread.start()
    }

    /// Waits for the work to end; its result, or the error it threw. Call it once.
    public func value() throws -> Value {
        done.wait()
        return try outcome!.get()
    }
}
