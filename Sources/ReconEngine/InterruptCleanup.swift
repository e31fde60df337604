import Dispatch
import ReconPlatform

/// Runs a clean-up when the user interrupts the command (Ctrl-C, `kill`), then exits with the
/// status a signal gives (128 + its number): a replay writes its run folders to temporary files
/// as it goes (`AtomicFile.Batch`), and an interrupted replay must leave none of them behind.
///
/// The clean-up runs on a queue of its own, not inside the signal handler, so it may do anything.
final class InterruptCleanup {
    private let sources: [DispatchSourceSignal]
    private let signals: [Int32]

    init(signals: [Int32] = [SIGINT, SIGTERM], cleanUp: @escaping @Sendable () -> Void) {
        self.signals = signals
        let queue = DispatchQueue(label: "recon.interrupt-cleanup")
        sources = signals.map { number in
            signal(number, SIG_IGN)   // delivered to the source below instead of ending the process
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                cleanUp()
                // At once, as the shell expects of a command ended by a signal: the other threads
                // are not waited for (what they still write was just discarded).
                _exit(128 + number)
            }
            source.resume()
            return source
        }
    }

    /// The signals end the process again, with no clean-up.
    func cancel() {
        for source in sources { source.cancel() }
        for number in signals { signal(number, SIG_DFL) }
    }
}
