import ReconPlatform

/// An output folder written whole or not at all: the command writes into a staging folder beside
/// the destination (``DestinationSiblings/staging``), and ``commit()`` puts it in place of the
/// destination in one step (``FolderSwap``). At every instant the destination is the complete old
/// result or the complete new one; a run that fails, is interrupted or killed leaves it as it was.
///
/// ```swift
/// let folder = try StagedFolder.begin("out/2025")      // locked, checked, staging made
/// try RunWriter.write(run, to: folder.path)             // into .2025.recon-staging-PID
/// try folder.commit()                                   // out/2025 is the new folder
/// ```
///
/// ``begin(_:start:exchanging:)`` does everything that can fail for the destination before the
/// command does any work: it makes the destination's parent folders, takes its lock (one writer
/// per destination, ``DestinationLock``), removes what killed runs left (``LeftoverCleanup``),
/// checks the destination can be replaced and the disk has room (``FreeSpace``), and makes the
/// staging folder.
///
/// ``abandon()`` may be called from another thread at any time (an interrupt): a box shared with
/// ``commit()`` makes the two exclusive, so the staging folder is never removed while it is being
/// swapped in, and a folder already swapped in is never touched.
public final class StagedFolder: Sendable {
    /// What the staging folder starts with.
    public enum Start: Sendable {
        /// Nothing: the command writes every file of the new folder (`reconstitute`, `replay`).
        /// The destination must be new, empty, or made only of what recon writes
        /// (``ReconOutputNames``): nothing else is ever removed with the old result.
        case empty
        /// The destination's entries as hard links, but for the top-level names `leavingOut`
        /// says: the command adds its own files to a folder that holds others (`report`, `validate`).
        /// The destination may hold files recon did not write (they are kept), not folders.
        case copyOfDestination(leavingOut: @Sendable (String) -> Bool)
    }

    private enum Phase { case writing, committed, abandoned }

    public let siblings: DestinationSiblings
    /// The staging folder the command writes into.
    public let path: String
    private let lock: DestinationLock
    private let phase = LockedBox(Phase.writing)
    /// Parent folders ``begin(_:start:exchanging:)`` made, removed again when nothing is put in place.
    private let madeFolders: [String]
    private let exchanging: Bool

    private init(siblings: DestinationSiblings, path: String, lock: DestinationLock, madeFolders: [String], exchanging: Bool) {
        self.siblings = siblings
        self.path = path
        self.lock = lock
        self.madeFolders = madeFolders
        self.exchanging = exchanging
    }

    deinit { abandon() }

    /// Locks and checks `destination` and makes its staging folder (see the type's description).
    /// - Parameter exchanging: whether ``commit()`` may exchange the folders in one step (tests turn
    ///   it off to run the two-rename fallback on Linux).
    /// - Throws: ``InputError`` naming the destination when it cannot be written.
    public static func begin(_ destination: String, start: Start = .empty, exchanging: Bool = true) throws -> StagedFolder {
        let siblings = try resolvedSiblings(destination)
        let madeFolders = try makeParents(of: siblings)
        let lock: DestinationLock
        do {
            lock = try DestinationLock.acquire(siblings)
        } catch {
            removeIfEmpty(madeFolders)
            throw error
        }
        do {
            LeftoverCleanup.run(siblings)
            try checkReplaceable(siblings, start: start)
            try FreeSpace.require(for: siblings)
            let path = siblings.staging
            try makeStaging(path, for: siblings, start: start)
            return StagedFolder(siblings: siblings, path: path, lock: lock, madeFolders: madeFolders, exchanging: exchanging)
        } catch {
            lock.release()
            removeIfEmpty(madeFolders)
            throw error
        }
    }

    /// Puts the staging folder in place of the destination, removes the old folder and releases
    /// the lock.
    /// - Throws: ``OutputError`` when the folder cannot be put in place (the destination is then as
    ///   it was and the staging folder is removed), or when the folder was abandoned.
    public func commit() throws {
        let old: String?
        do {
            old = try phase.withLock { phase -> String? in
                guard case .writing = phase else {
                    throw OutputError(path: siblings.destination, message: "the new folder was discarded before it was put in place")
                }
                AtomicFile.syncFolder(path)
                do {
                    let old = try FolderSwap.swap(path, into: siblings, exchanging: exchanging).old
                    phase = .committed
                    return old
                } catch {
                    phase = .abandoned
                    FolderTree.remove(path)
                    throw error
                }
            }
        } catch {
            lock.release()
            Self.removeIfEmpty(madeFolders)
            throw error
        }
        AtomicFile.syncFolder(siblings.parent)
        if let old { FolderTree.remove(old) }
        lock.release()
    }

    /// Removes the staging folder and releases the lock: the destination stays as it was. Does
    /// nothing after ``commit()`` or another abandon. Safe from any thread.
    public func abandon() {
        let wasWriting = phase.withLock { phase -> Bool in
            guard case .writing = phase else { return false }
            phase = .abandoned
            FolderTree.remove(path)
            return true
        }
        guard wasWriting else { return }
        lock.release()
        Self.removeIfEmpty(madeFolders)
    }

    // MARK: - Steps of begin

    /// The destination's siblings; a destination that is a symbolic link to a folder is written
    /// where the link points (the link stays).
    private static func resolvedSiblings(_ destination: String) throws -> DestinationSiblings {
        let siblings = try DestinationSiblings(destination)
        guard FolderTree.kind(of: siblings.path) == .link, let resolved = realpath(siblings.path, nil) else { return siblings }
        defer { free(resolved) }
        return try DestinationSiblings(String(cString: resolved), shownAs: destination)
    }

    /// Makes the destination's missing parent folders, outermost first; returns them innermost first.
    private static func makeParents(of siblings: DestinationSiblings) throws -> [String] {
        var missing: [String] = []
        var folder = siblings.parent
        while FolderTree.kind(of: folder) == nil {
            missing.append(folder)
            let up = FilePaths.directory(of: folder)
            if up == folder { break }
            folder = up
        }
        var made: [String] = []
        for folder in missing.reversed() {
            guard mkdir(folder, 0o755) == 0 || errno == EEXIST else {
                let reason = String(cString: strerror(errno))
                removeIfEmpty(made.reversed())
                throw InputError(file: siblings.destination, message: "cannot be written: cannot create the folder \(folder) (\(reason))",
                                 help: "check the path and its permissions, or write to another destination")
            }
            made.append(folder)
        }
        return made.reversed()
    }

    /// A destination that is a folder must be one recon may replace: with ``Start/empty``, made only
    /// of what recon writes (anything else would be removed with the old result); with
    /// ``Start/copyOfDestination(leavingOut:)``, holding no folder of another's (the copy would walk
    /// it, however large, and a mount point in it would be copied byte by byte).
    private static func checkReplaceable(_ siblings: DestinationSiblings, start: Start) throws {
        switch FolderTree.kind(of: siblings.path) {
        case nil:
            return
        case .folder:
            var foreign = FolderTree.entries(of: siblings.path).filter { !ReconOutputNames.isWrittenByRecon($0) }
            if case .copyOfDestination = start {
                foreign = foreign.filter { FolderTree.kind(of: FilePaths.join(siblings.path, $0)) == .folder }
            }
            guard !foreign.isEmpty else { return }
            let named = foreign.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (foreign.count > 3 ? ", …" : "")
            throw InputError(file: siblings.destination,
                             message: "holds \(foreign.count == 1 ? "an entry" : "\(foreign.count) entries") recon does not write (\(named)), "
                                 + "expected a new or empty folder, or one recon wrote",
                             help: "recon replaces its output folder whole: move those entries elsewhere, or choose another output folder")
        default:
            throw InputError(file: siblings.destination, message: "exists and is not a folder, expected an output folder",
                             help: "choose another --out, or remove the file")
        }
    }

    private static func makeStaging(_ path: String, for siblings: DestinationSiblings, start: Start) throws {
        guard mkdir(path, 0o755) == 0 else {
            throw InputError(file: siblings.destination,
                             message: "cannot be written: cannot create a folder in \(siblings.parent) (\(String(cString: strerror(errno))))",
                             help: "check that \(siblings.parent) is writable, or write to another destination")
        }
        // The new folder keeps the old one's permissions, as a replaced file does (AtomicFile).
        if let mode = FolderTree.mode(of: siblings.path) { _ = chmod(path, mode) }
        guard case .copyOfDestination(let leavingOut) = start, FolderTree.kind(of: siblings.path) == .folder else { return }
        do {
            try FolderTree.linkCopy(from: siblings.path, to: path, leavingOut: leavingOut)
        } catch {
            FolderTree.remove(path)
            throw error
        }
    }

    private static func removeIfEmpty(_ folders: [String]) {
        for folder in folders { _ = rmdir(folder) }
    }
}
