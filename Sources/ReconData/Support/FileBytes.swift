#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The whole content of a file that cannot be mapped (a pipe, a device, an empty file).
enum FileBytes {
    /// - Throws: ``InputError`` naming the file when it cannot be opened or read, or is a folder.
    static func contents(ofFile path: String) throws -> [UInt8] {
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
}
