/// A destination that is one file (`recon import --out panel.recon`, `recon generate --out
/// market.csv`, the embedded market's cache): written by ``AtomicFile`` (a temporary file beside it,
/// flushed, renamed over it), so a reader sees the old file or the whole new one; and, as a folder
/// is, by one writer at a time (``DestinationLock``), with what killed writers left beside it
/// (their `.NAME.tmp-XXXXXX`) removed first and the destination checked before any work starts.
public final class FileDestination: Sendable {
    public let siblings: DestinationSiblings
    private let lock: DestinationLock

    private init(siblings: DestinationSiblings, lock: DestinationLock) {
        self.siblings = siblings
        self.lock = lock
    }

    deinit { finish() }

    /// Locks and checks the destination file `path`.
    /// - Parameter waiting: wait for another writer instead of failing (the shared cache: the
    ///   second process then finds the file the first made).
    /// - Throws: ``InputError`` naming the file: its folder missing or not writable, a folder in
    ///   its place, the disk full, or another writer.
    public static func begin(_ path: String, waiting: Bool = false) throws -> FileDestination {
        let siblings = try DestinationSiblings(path)
        guard FolderTree.kind(of: siblings.parent) == .folder || FolderTree.mode(of: siblings.parent) != nil else {
            throw InputError(file: path, message: "cannot be written: its folder \(siblings.parent) does not exist",
                             help: "create the folder first, or write the file elsewhere")
        }
        let lock = try DestinationLock.acquire(siblings, waiting: waiting)
        do {
            LeftoverCleanup.run(siblings)
            if FolderTree.kind(of: siblings.path) == .folder {
                throw InputError(file: path, message: "is a folder, expected the name of a file to write",
                                 help: "give a file name, for example --out \(FilePaths.join(path, "panel.recon"))")
            }
            try FreeSpace.require(for: siblings)
        } catch {
            lock.release()
            throw error
        }
        return FileDestination(siblings: siblings, lock: lock)
    }

    /// Removes what this writer left beside the file (its temporary file, when the write did not
    /// finish) and releases the lock. Safe from any thread; later calls do nothing.
    public func finish() {
        lock.withHeld { LeftoverCleanup.run(siblings) }
        lock.release()
    }
}
