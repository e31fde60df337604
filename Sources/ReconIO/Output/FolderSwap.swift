import ReconPlatform

/// Puts a complete staging folder in place of a destination folder.
///
/// - No destination yet: one `rename`.
/// - On Linux: `renameat2(RENAME_EXCHANGE)` (``PlatformFileSystem/exchange(_:_:)``) exchanges the
///   two in one step: at every instant the destination's name holds the whole old folder or the
///   whole new one, and afterwards the staging name holds the old one, to be removed.
/// - Elsewhere, or where the file system refuses the exchange: the old folder is renamed aside
///   (``DestinationSiblings/aside``), then the staging folder renamed in. Between the two renames
///   (two system calls, microseconds apart) the destination's name holds nothing: a reader then
///   finds no folder, and a process killed exactly there leaves the old folder aside and the new
///   one staged. ``LeftoverCleanup`` puts the old one back on the next run into the destination.
enum FolderSwap {
    /// How a swap was made.
    enum Method: Equatable {
        /// Nothing was there: a rename.
        case renamed
        /// Exchanged in one step; the old folder is now at the staging path.
        case exchanged
        /// The old folder moved aside, then the new one in; the old folder is at the aside path.
        case movedAside
    }

    /// Puts `staging` in place of `siblings.path`.
    /// - Parameter exchanging: whether to try the one-step exchange (tests turn it off to run the
    ///   other path on Linux).
    /// - Returns: how, and where the old folder now is (`nil` when there was none).
    /// - Throws: ``OutputError`` naming the destination; the destination is then as it was.
    static func swap(_ staging: String, into siblings: DestinationSiblings,
                     exchanging: Bool = true) throws -> (method: Method, old: String?) {
        let destination = siblings.path
        guard exists(destination) else {
            guard rename(staging, destination) == 0 else { throw AtomicFile.failure(siblings.destination, "cannot put the new folder in place") }
            return (.renamed, nil)
        }
        if exchanging {
            if PlatformFileSystem.exchange(staging, destination) == 0 { return (.exchanged, staging) }
            guard [ENOSYS, EINVAL, ENOTSUP, EOPNOTSUPP].contains(errno) else {
                throw AtomicFile.failure(siblings.destination, "cannot exchange the new folder with the old one")
            }
        }
        let aside = siblings.aside
        guard rename(destination, aside) == 0 else { throw AtomicFile.failure(siblings.destination, "cannot move the old folder aside") }
        guard rename(staging, destination) == 0 else {
            let error = AtomicFile.failure(siblings.destination, "cannot put the new folder in place")
            _ = rename(aside, destination)
            throw error
        }
        return (.movedAside, aside)
    }

    private static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }
}
