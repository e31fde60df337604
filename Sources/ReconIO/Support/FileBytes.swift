import ReconPlatform

/// The bytes of a file read with `read(2)`: the whole of one that cannot be mapped (a pipe, a
/// device, an empty file), or its first bytes.
package enum FileBytes {
    /// - Throws: ``InputError`` naming the file when it cannot be opened or read, or is a folder.
    package static func contents(ofFile path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw InputError(file: path, message: "cannot open the file (\(String(cString: strerror(errno))))",
                             help: "check the path; it is read relative to the current folder")
        }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw InputError(file: path, message: "is a folder, expected a CSV file", help: "give the path of a CSV file")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if got < 0 {
                throw InputError(file: path, message: "cannot read the file (\(String(cString: strerror(errno))))")
            }
            if got == 0 { return bytes }
            bytes += chunk[0 ..< got]
        }
    }

    /// The first `count` bytes of a file (fewer when it is shorter); `nil` when it cannot be read.
    package static func prefix(ofFile path: String, count: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, count) }
        return got < 0 ? nil : Array(bytes[0 ..< got])
    }

    /// Whether `path` names a regular file.
    package static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }
}
