import ReconPlatform

/// The one part of a full disk that can be known before a run starts: a disk with (almost) no
/// room left. How much a run will write is not known in advance; a disk that fills up during the
/// run fails a write, and the run then leaves the destination as it was (``StagedFolder``).
enum FreeSpace {
    /// Less than this free, a run would fail at its first files.
    static let minimum: UInt64 = 1 << 20

    /// - Throws: ``InputError`` naming the destination when its folder's disk has less than
    ///   ``minimum`` bytes free (for this user: root may use the blocks kept for it).
    static func require(for siblings: DestinationSiblings, minimum: UInt64 = FreeSpace.minimum) throws {
        var info = statvfs()
        guard statvfs(siblings.parent, &info) == 0 else { return }
        let blocks = geteuid() == 0 ? UInt64(info.f_bfree) : UInt64(info.f_bavail)
        let free = blocks * UInt64(info.f_frsize)
        guard free < minimum else { return }
        throw InputError(file: siblings.destination,
                         message: "cannot be written: the disk holding \(siblings.parent) has \(free) bytes free, expected at least \(minimum)",
                         help: "free some space on that disk, or write to another disk")
    }
}
