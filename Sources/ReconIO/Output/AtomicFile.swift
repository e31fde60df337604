import ReconPlatform

/// Writes a file so that readers see either the old content or the whole new content, never a
/// half-written file: the bytes go to a temporary file in the same folder, are flushed to disk
/// (`fsync`), and the temporary file is then renamed over the target (an atomic step on POSIX
/// file systems). On failure the temporary file is removed and the old file is left as it was.
///
/// The new file keeps the old file's permissions, or gets `rw-r--r--` when there was none.
public enum AtomicFile {
    /// Writes `text` as UTF-8.
    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes`.
    /// - Throws: ``OutputError`` naming the file and the system's reason.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write([(path: path, bytes: bytes)])
    }

    /// Writes a file too large to hold as one array: `body` hands its bytes over piece by piece
    /// (``Pieces/write(_:)``), and the file appears, whole, once `body` returns; when `body` or a
    /// write throws, nothing of it appears and the old file stays as it was.
    /// - Throws: ``OutputError`` naming the file and the system's reason, or what `body` threw.
    public static func write(to path: String, _ body: (Pieces) throws -> Void) throws {
        let (temporary, descriptor) = try writeTemporary([], for: path)
        do {
            try body(Pieces(descriptor: descriptor, path: path))
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        if let error = flushAndClose([(path, descriptor)])[0] {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = failure(path, "cannot replace the file")
            unlink(temporary)
            throw error
        }
        syncFolder(split(path).0)
    }

    /// The open temporary file of ``write(to:_:)``.
    public struct Pieces {
        let descriptor: Int32
        let path: String

        /// Appends `bytes` to the file.
        public func write(_ bytes: UnsafeRawBufferPointer) throws {
            try AtomicFile.writeAll(bytes, to: descriptor, path: path)
        }
    }

    /// Writes several files, each atomically as ``write(_:to:)`` writes one (temporary file,
    /// flushed to disk, renamed over the target), every file written (on every core) before the
    /// first is flushed, and each folder flushed once at the end. Files are renamed in the order
    /// given; when one fails, those before it are still renamed (as writing them one by one would
    /// have left them) and the error is thrown, naming it.
    public static func write(_ files: [(path: String, bytes: [UInt8])]) throws {
        // In groups, so as never to hold too many descriptors open at once.
        let group = 128
        for start in stride(from: 0, to: files.count, by: group) {
            try writeGroup(files[start ..< min(start + group, files.count)])
        }
    }

    private static func writeGroup(_ files: ArraySlice<(path: String, bytes: [UInt8])>) throws {
        let files = Array(files)
        // 1. Temporary files, written on every core (copying bytes into the page cache is work,
        // not a wait), kept up to the first that fails; any written after it are removed.
        let written = Parallel.map(files.count) { index in
            Result { try writeTemporary(files[index].bytes, for: files[index].path) }
        }
        var prepared: [(temporary: String, descriptor: Int32)] = []
        var writeError: Error?
        for result in written {
            switch result {
            case .success(let file) where writeError == nil:
                prepared.append(file)
            case .success(let file):
                close(file.descriptor)
                unlink(file.temporary)
            case .failure(let error):
                if writeError == nil { writeError = error }
            }
        }
        // 2. Flushed together and closed; 3. renamed in order until one fails (the ones after it
        // are dropped).
        let closed = flushAndClose(prepared.enumerated().map { (files[$0.offset].path, $0.element.descriptor) })
        var firstError: Error?
        var folders: [String] = []
        for (index, temporary) in prepared.map(\.temporary).enumerated() {
            guard firstError == nil else {
                unlink(temporary)
                continue
            }
            let path = files[index].path
            if let error = closed[index] {
                firstError = error
            } else if rename(temporary, path) != 0 {
                firstError = failure(path, "cannot replace the file")
            }
            if firstError != nil {
                unlink(temporary)
                continue
            }
            let folder = split(path).0
            if !folders.contains(folder) { folders.append(folder) }
        }
        // 4. The renames made durable, every folder at once.
        syncFolders(folders)
        if let error = firstError ?? writeError { throw error }
    }

    /// Flushes open temporary files to disk and closes them: each file's failure, or `nil`.
    static func flushAndClose(_ files: [(path: String, descriptor: Int32)]) -> [OutputError?] {
        files.map { file in
            let flushed = fsync(file.descriptor) == 0
            let flushError = errno
            let closed = close(file.descriptor) == 0
            if !flushed {
                errno = flushError
                return failure(file.path, "cannot flush the file to disk")
            }
            return closed ? nil : failure(file.path, "cannot close the file")
        }
    }

    /// Makes the renames in these folders durable (best effort).
    static func syncFolders(_ folders: [String]) {
        for folder in folders { syncFolder(folder) }
    }

    /// A temporary file beside `path` holding `bytes`, open, with the old file's permissions.
    static func writeTemporary(_ bytes: [UInt8], for path: String) throws -> (temporary: String, descriptor: Int32) {
        let (folder, base) = split(path)
        guard !base.isEmpty else { throw OutputError(path: path, message: "is a folder name, expected a file name") }
        var template = Array("\(folder)/.\(base).tmp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure(path, "cannot create a temporary file in \(folder)") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do {
            try writeAll(bytes, to: descriptor, path: path)
            _ = fchmod(descriptor, existingMode(path) ?? 0o644)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        return (temporary, descriptor)
    }

    /// The folder (`.` when none) and the file name.
    static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        try bytes.withUnsafeBytes { try writeAll($0, to: descriptor, path: path) }
    }

    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = posixWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(path, "cannot write the file")
            }
            offset += written
        }
    }

    /// The permission bits of an existing file.
    private static func existingMode(_ path: String) -> mode_t? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & 0o7777
    }

    /// Flushes the folder entry so the rename itself survives a crash (best effort).
    static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    static func failure(_ path: String, _ what: String) -> OutputError {
        OutputError(path: path, message: "\(what) (\(String(cString: strerror(errno))))")
    }
}
