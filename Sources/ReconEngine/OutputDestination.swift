import ReconIO

/// How every command writes what it writes: whole or not at all, one writer per destination, the
/// destination checked before any work starts, and an interrupt (Ctrl-C, `kill`) cleaning up
/// before the process exits (docs/robustness.md, "Whole outputs or none").
public enum OutputDestination {
    /// Runs `body` with the path of a staging folder to write into, then puts that folder in place
    /// of `destination` in one step (``StagedFolder``). When `body` throws, or the process is
    /// interrupted, the staging folder is removed and `destination` stays as it was.
    /// - Parameters:
    ///   - start: an empty folder (the command writes all of it), or a copy of the destination to
    ///     add files to.
    ///   - onInterrupt: more to do on an interrupt before the staging folder is removed (a replay
    ///     discards the files it is still writing).
    public static func writeFolder<T>(_ destination: String, start: StagedFolder.Start = .empty,
                                      onInterrupt: (@Sendable () -> Void)? = nil,
                                      _ body: (_ staging: String) throws -> T) throws -> T {
        let folder = try StagedFolder.begin(destination, start: start)
        let interrupt = InterruptCleanup {
            onInterrupt?()
            folder.abandon()
        }
        defer { interrupt.cancel() }
        let value: T
        do {
            value = try body(folder.path)
        } catch var error as OutputError {
            folder.abandon()
            // Named as the user will look for it: `out/2025/membership.csv`, not the staging folder's.
            if error.path.hasPrefix(folder.path) { error.path = destination + error.path.dropFirst(folder.path.count) }
            throw error
        } catch {
            folder.abandon()
            throw error
        }
        try folder.commit()
        return value
    }

    /// Runs `body`, which writes the file `path` with ``AtomicFile``, as the one writer of that file
    /// (``FileDestination``); an interrupt removes the temporary file it was writing.
    public static func writeFile<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let file = try FileDestination.begin(path)
        let interrupt = InterruptCleanup { file.finish() }
        defer {
            interrupt.cancel()
            file.finish()
        }
        return try body()
    }
}
