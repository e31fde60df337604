import ReconPlatform

/// The names recon gives, beside a destination (`out/2025`), to what it needs while it writes it:
///
/// | name in `out/` | what |
/// |---|---|
/// | `.2025.recon-lock` | the lock file: one writer at a time (``DestinationLock``) |
/// | `.2025.recon-staging-PID` | the new folder while it is written (``StagedFolder``) |
/// | `.2025.recon-old-PID` | the old folder moved aside where folders cannot be exchanged (``FolderSwap``) |
/// | `.2025.tmp-XXXXXX` | a file being written (``AtomicFile``, for a destination that is a file) |
///
/// They live beside the destination, not in it, because the destination is replaced whole; and
/// in the same folder, so that a rename moves them in one step. Only the process holding the lock
/// makes them, so once a process holds it, any staging, old or temporary name of the destination
/// it finds is a leftover of a run that was killed, and is removed (``LeftoverCleanup``).
public struct DestinationSiblings: Sendable, Equatable {
    /// The destination as the user named it (for messages).
    public let destination: String
    /// The folder holding the destination, and its last component.
    public let parent: String
    public let name: String

    /// - Parameter shownAs: the destination as the user named it, when `path` is what it resolves to.
    /// - Throws: ``InputError`` for a path whose last component is `.`, `..` or nothing (`/`):
    ///   such a destination has no name of its own to be replaced under.
    public init(_ destination: String, shownAs: String? = nil) throws {
        self.destination = shownAs ?? destination
        var path = destination
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        let name = FilePaths.fileName(of: path)
        guard !name.isEmpty, name != ".", name != ".." else {
            throw InputError(file: destination, message: "names no folder of its own, expected a path ending in a folder name such as out/2025",
                             help: "give the output a name of its own, for example --out out/2025")
        }
        self.name = name
        parent = FilePaths.directory(of: path)
    }

    /// `PARENT/.NAME.recon-lock`.
    public var lock: String { sibling("recon-lock") }

    /// `PARENT/.NAME.recon-staging-PID`.
    public var staging: String { sibling("recon-staging-\(getpid())") }

    /// `PARENT/.NAME.recon-old-PID`.
    public var aside: String { sibling("recon-old-\(getpid())") }

    /// The full path of the destination, as given without trailing slashes.
    public var path: String { FilePaths.join(parent, name) }

    private var stagingPrefix: String { ".\(name).recon-staging-" }
    private var asidePrefix: String { ".\(name).recon-old-" }
    private var temporaryPrefix: String { ".\(name).tmp-" }

    /// Whether `entry` (a name in ``parent``) is a staging folder of this destination.
    public func isStaging(_ entry: String) -> Bool { entry.hasPrefix(stagingPrefix) }

    /// Whether `entry` is an old folder of this destination moved aside.
    public func isAside(_ entry: String) -> Bool { entry.hasPrefix(asidePrefix) }

    /// Whether `entry` is a temporary file of this destination (``AtomicFile``'s `.NAME.tmp-XXXXXX`).
    public func isTemporaryFile(_ entry: String) -> Bool {
        entry.hasPrefix(temporaryPrefix) && entry.utf8.count == temporaryPrefix.utf8.count + 6
    }

    private func sibling(_ suffix: String) -> String { FilePaths.join(parent, ".\(name).\(suffix)") }
}
