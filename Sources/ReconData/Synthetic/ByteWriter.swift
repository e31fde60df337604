#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A large buffered writer of bytes to a file, with its own number formatting (no `String` per
/// field, no `String(format:)`, no `NumberFormatter`): what lets the synthetic market write
/// millions of rows in seconds.
final class ByteWriter {
    private let path: String
    private var descriptor: Int32
    private let capacity: Int
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    /// Bytes handed to the writer so far.
    private(set) var bytesWritten = 0

    /// Creates (or truncates) the file.
    init(path: String, capacity: Int = 1 << 22) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw InputError(file: path, message: "cannot create the file (\(String(cString: strerror(errno))))",
                             help: "check that the folder exists and is writable")
        }
        self.capacity = max(capacity, 256)
        buffer = .allocate(capacity: self.capacity)
    }

    deinit {
        if descriptor >= 0 { _ = closeDescriptor() }
        buffer.deallocate()
    }

    /// Makes room for `needed` more bytes.
    @inline(__always)
    private func reserve(_ needed: Int) throws {
        if count + needed > capacity { try flush() }
    }

    func append(_ byte: UInt8) throws {
        try reserve(1)
        buffer[count] = byte
        count += 1
    }

    func append(_ bytes: [UInt8]) throws {
        if bytes.count > capacity {
            try flush()
            try bytes.withUnsafeBufferPointer { try writeAll($0.baseAddress!, $0.count) }
            bytesWritten += bytes.count
            return
        }
        try reserve(bytes.count)
        bytes.withUnsafeBufferPointer { source in
            (buffer + count).update(from: source.baseAddress!, count: source.count)
        }
        count += bytes.count
    }

    func append(_ bytes: ArraySlice<UInt8>) throws {
        guard bytes.count <= capacity else { return try append(Array(bytes)) }
        try reserve(bytes.count)
        bytes.withUnsafeBufferPointer { source in
            guard let start = source.baseAddress else { return }
            (buffer + count).update(from: start, count: source.count)
        }
        count += bytes.count
    }

    func append(_ text: String) throws { try append(Array(text.utf8)) }

    /// A decimal integer.
    func appendInteger(_ value: Int) throws {
        try reserve(21)
        var magnitude = value.magnitude
        if value < 0 {
            buffer[count] = UInt8(ascii: "-")
            count += 1
        }
        var digits = 1
        var probe = magnitude
        while probe >= 10 { probe /= 10; digits += 1 }
        var position = count + digits - 1
        repeat {
            buffer[position] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
            magnitude /= 10
            position -= 1
        } while magnitude > 0
        count += digits
    }

    /// A fixed-point decimal rounded to `decimals` places (at most 9); with `trimZeros`, trailing
    /// zeros of the fraction (and a bare point) are left out: `23.125`, `10`, `-0.25`.
    func appendDecimal(_ value: Double, decimals: Int, trimZeros: Bool = false) throws {
        precondition((0...9).contains(decimals) && value.isFinite && abs(value) < 9e9)
        try reserve(32)
        var scale: UInt64 = 1
        for _ in 0 ..< decimals { scale *= 10 }
        let scaled = UInt64((abs(value) * Double(scale)).rounded())
        if value < 0, scaled != 0 {
            buffer[count] = UInt8(ascii: "-")
            count += 1
        }
        try appendInteger(Int(scaled / scale))
        var fraction = scaled % scale
        var places = decimals
        if trimZeros {
            while places > 0, fraction % 10 == 0 {
                fraction /= 10
                places -= 1
            }
        }
        guard places > 0 else { return }
        buffer[count] = UInt8(ascii: ".")
        var position = count + places
        for _ in 0 ..< places {
            buffer[position] = UInt8(truncatingIfNeeded: fraction % 10) &+ 0x30
            fraction /= 10
            position -= 1
        }
        count += places + 1
    }

    /// Writes the buffer out.
    func flush() throws {
        guard count > 0 else { return }
        try writeAll(buffer, count)
        bytesWritten += count
        count = 0
    }

    /// Flushes and closes the file; the writer must not be used afterwards.
    func close() throws {
        try flush()
        let status = closeDescriptor()
        guard status == 0 else {
            throw InputError(file: path, message: "cannot finish writing the file (\(String(cString: strerror(errno))))")
        }
    }

    private func closeDescriptor() -> Int32 {
        #if canImport(Glibc)
        let status = Glibc.close(descriptor)
        #else
        let status = Darwin.close(descriptor)
        #endif
        descriptor = -1
        return status
    }

    private func writeAll(_ start: UnsafePointer<UInt8>, _ length: Int) throws {
        var offset = 0
        while offset < length {
            let written = write(descriptor, start + offset, length - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw InputError(file: path, message: "cannot write the file (\(String(cString: strerror(errno))))",
                                 help: "check the free disk space")
            }
            offset += written
        }
    }
}
