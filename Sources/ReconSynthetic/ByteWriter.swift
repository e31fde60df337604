import ReconIO
/// A large buffered writer of bytes to a file, with its own number formatting (no `String` per
/// field, no `String(format:)`, no `NumberFormatter`): what lets the synthetic market write
/// millions of rows in seconds. It writes into a file ``AtomicFile/write(to:_:)`` is making, so the
/// file appears whole once the writing is done, or not at all.
final class ByteWriter {
    private let pieces: AtomicFile.Pieces
    private let capacity: Int
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    /// Bytes handed to the writer so far.
    private(set) var bytesWritten = 0

    /// A writer into the file `pieces` belongs to.
    init(into pieces: AtomicFile.Pieces, capacity: Int = 1 << 22) {
        self.pieces = pieces
        self.capacity = max(capacity, 256)
        buffer = .allocate(capacity: self.capacity)
    }

    deinit {
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
            try bytes.withUnsafeBytes { try pieces.write($0) }
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
        try pieces.write(UnsafeRawBufferPointer(start: buffer, count: count))
        bytesWritten += count
        count = 0
    }
}
