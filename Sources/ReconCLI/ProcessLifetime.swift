import Foundation

/// What a command has built and no longer needs, kept until the process exits instead of being
/// freed piece by piece.
///
/// A replay ends holding half a gigabyte in millions of arrays, strings and dictionaries, and a
/// snapshot run tens of thousands of securities and rows; freeing them one by one takes up to a
/// tenth of a second, while the kernel reclaims a process's memory at once when it exits
/// (compilers skip the same teardown, e.g. clang's `-disable-free`). Only the `recon` executable
/// does this (``ReconCommandLine/main()`` turns it on): when tests drive the
/// commands in one process, everything is freed as usual.
enum ProcessLifetime {
    nonisolated(unsafe) static var keepsUntilExit = false
    nonisolated(unsafe) private static var kept: [Any] = []
    private static let lock = NSLock()

    /// Keeps `value` alive until the process exits, when the executable asked for that.
    static func keepUntilExit(_ value: Any) {
        guard keepsUntilExit else { return }
        lock.lock()
        kept.append(value)
        lock.unlock()
    }
}
