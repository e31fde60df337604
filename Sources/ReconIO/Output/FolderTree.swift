import ReconPlatform
import Foundation

/// Whole folders: their entries, a copy made of hard links, and removal.
enum FolderTree {
    /// What a path is, without following a symbolic link; `nil` when nothing is there.
    enum Kind { case folder, file, link, other }

    static func kind(of path: String) -> Kind? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// The names in a folder, sorted; empty when it cannot be read.
    static func entries(of folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// Removes a file or a folder with everything in it (best effort: what cannot be removed stays,
    /// and is found again as a leftover by the next run).
    static func remove(_ path: String) {
        guard kind(of: path) != nil else { return }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Copies the folder `source` into the existing folder `target`, leaving out the top-level
    /// names `leavingOut` says: files as hard links (no byte is copied; recon never writes a file
    /// in place, so a file shared by the two folders never changes under either), or copied where
    /// the file system has no hard links; folders made anew; symbolic links made again.
    /// - Throws: ``OutputError`` naming the entry that could not be copied.
    static func linkCopy(from source: String, to target: String, leavingOut: (String) -> Bool = { _ in false }) throws {
        for name in entries(of: source) where !leavingOut(name) {
            let from = FilePaths.join(source, name), to = FilePaths.join(target, name)
            switch kind(of: from) {
            case .folder:
                guard mkdir(to, mode(of: from) ?? 0o755) == 0 else { throw AtomicFile.failure(to, "cannot create the folder") }
                try linkCopy(from: from, to: to)
            case .file:
                if link(from, to) != 0 { try copyBytes(from, to) }
            case .link:
                guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: from),
                      symlink(destination, to) == 0 else { throw AtomicFile.failure(to, "cannot copy the symbolic link") }
            case .other, nil:
                continue
            }
        }
    }

    /// The permission bits of a path.
    static func mode(of path: String) -> mode_t? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & 0o7777
    }

    private static func copyBytes(_ from: String, _ to: String) throws {
        let bytes = try FileBytes.contents(ofFile: from)
        let descriptor = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode(of: from) ?? 0o644)
        guard descriptor >= 0 else { throw AtomicFile.failure(to, "cannot create the file") }
        defer { close(descriptor) }
        try bytes.withUnsafeBytes { try AtomicFile.writeAll($0, to: descriptor, path: to) }
        guard fsync(descriptor) == 0 else { throw AtomicFile.failure(to, "cannot flush the file to disk") }
    }
}
