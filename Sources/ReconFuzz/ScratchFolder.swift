import ReconPlatform

/// A private temporary folder for the readers that take a path, not bytes: each input is written
/// to a file there before it is read. One folder per process, made on first use and removed with
/// its files when the process exits normally.
final class ScratchFolder: @unchecked Sendable {
    /// The process's folder (the fuzzer runs one input at a time).
    static let shared = ScratchFolder()

    /// The folder's path, without a trailing `/`.
    let path: String

    private init() {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(base)/recon-fuzz-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            fatalError("cannot create a temporary folder in \(base): \(String(cString: strerror(errno)))")
        }
        path = String(cString: made)
        atexit { ScratchFolder.shared.remove() }
    }

    /// Removes the folder's files, then the folder.
    func remove() {
        guard let folder = opendir(path) else { return }
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != ".", name != ".." { unlink(path + "/" + name) }
        }
        closedir(folder)
        rmdir(path)
    }

    /// Writes `bytes` to `name` in the folder (replacing it) and returns the file's path.
    @discardableResult
    func write<Bytes: Collection>(_ bytes: Bytes, named name: String) -> String where Bytes.Element == UInt8 {
        let file = path + "/" + name
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { fatalError("cannot write \(file): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let contiguous = Array(bytes)
        var offset = 0
        while offset < contiguous.count {
            let written = contiguous.withUnsafeBytes { buffer in
                posixWrite(descriptor, buffer.baseAddress! + offset, contiguous.count - offset)
            }
            guard written > 0 else { fatalError("cannot write \(file): \(String(cString: strerror(errno)))") }
            offset += written
        }
        return file
    }
}
