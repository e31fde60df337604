import Foundation

/// What a command has built and no longer needs, kept until the process exits instead of being
/// freed piece by piece.
///
/// A replay ends holding half a gigabyte in millions of arrays, strings and dictionaries, and a
/// snapshot run tens of thousands of securities and rows; freeing them one by one takes up to a
/// tenth of a second, while the kernel reclaims a process's memory at once when it exits
/// (compilers skip the same teardown, e.g. clang's `-disable-free`). Only the `recon` executable
/// does this (`ReconCommandLine.main()` turns it on): when tests drive the commands in one
/// process, everything is freed as usual. Readers hand over their scratch work too (the split
/// names of a screener file), which is why this lives beside them.
public enum ProcessLifetime {
    /// Set once, at the start of the executable, before any thread is started.
    nonisolated(unsafe) public static var keepsUntilExit = false
    private static let kept = LockedBox<[Any]>([])

    /// Keeps `value` alive until the process exits, when the executable asked for that.
    public static func keepUntilExit(_ value: Any) {
        guard keepsUntilExit else { return }
        kept.withLock { $0.append(value) }
    }
}
