import ReconPlatform

/// A regular file mapped read-only into memory, its pages read in at once. Read-only memory
/// that is never written may be read from any thread (`@unchecked Sendable`).
package final class MappedFile: @unchecked Sendable {
    package let bytes: UnsafeBufferPointer<UInt8>

    /// `nil` when `path` is not a regular, non-empty file that can be mapped.
    /// - Parameter sequential: whether the file will be read from start to end (a CSV), rather
    ///   than here and there (a binary panel).
    package init?(path: String, sequential: Bool = true) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0 else { return nil }
        let size = Int(status.st_size)
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let memory = mmap(nil, size, PROT_READ, flags, descriptor, 0), memory != MAP_FAILED else { return nil }
        bytes = UnsafeBufferPointer(start: memory.assumingMemoryBound(to: UInt8.self), count: size)
        #if os(Linux)
        if sequential { _ = madvise(memory, size, MADV_SEQUENTIAL) }
        #endif
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }
}
