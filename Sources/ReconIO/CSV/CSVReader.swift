import ReconPlatform

/// A streaming reader of comma-separated values (RFC 4180) that never holds a whole file.
///
/// It reads the file in chunks and exposes one record at a time as byte ranges into its buffer,
/// so a reader that parses numbers straight from the bytes allocates nothing per row. Quoted
/// fields, doubled quotes, separators and line breaks inside quotes, CRLF line ends and a leading
/// UTF-8 byte-order mark are handled; an unterminated quote or text after a closing quote is an
/// ``InputError`` with the line and column.
///
/// ```swift
/// let csv = try CSVReader(path: "universe.csv")
/// while try csv.next() {
///     print(csv.lineNumber, csv.string(0))
/// }
/// ```
public final class CSVReader {
    /// The file's name as given, for messages.
    public let name: String
    /// 1-based physical line on which the current record starts.
    public private(set) var lineNumber = 0
    /// Whether the input started with a UTF-8 byte-order mark (it is skipped).
    public private(set) var hadByteOrderMark = false
    /// Whether any line ended with CRLF.
    public private(set) var sawCarriageReturn = false
    /// Total bytes consumed so far (for progress).
    public private(set) var bytesRead = 0

    private let fileDescriptor: Int32?
    // Unchecked for the same reason as the record arrays below: every field read takes it.
    @exclusivity(unchecked) private var buffer: [UInt8]
    private var count = 0          // valid bytes in buffer
    private var position = 0       // start of the next record
    private var atEndOfInput = false
    private var nextLineNumber = 1
    private var started = false
    private var bufferOffset = 0   // offset in the input of buffer[0]

    // The current record: for field i, bytes buffer[starts[i]..<ends[i]]; escaped[i] when "" occurs inside.
    // Unchecked exclusivity: the reader is used from one thread (it is not Sendable) and these
    // arrays are never accessed in overlapping ways; dynamic checks on them cost ~70% of a scan.
    @exclusivity(unchecked) private var starts: [Int] = []
    @exclusivity(unchecked) private var ends: [Int] = []
    @exclusivity(unchecked) private var escaped: [Bool] = []
    @exclusivity(unchecked) private var quoted: [Bool] = []

    /// Opens a file for reading. Throws an ``InputError`` naming the file when it cannot be opened.
    ///
    /// The buffer holds `chunkSize` bytes, or a regular file whole when it is smaller (one byte
    /// more, so that the read after it sees the end): each page of a buffer is zeroed by the
    /// kernel when first touched, and a 1 MB buffer for a 6 KB rules file was most of reading it.
    public init(path: String, chunkSize: Int = 1 << 20) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw InputError(file: path, message: "cannot open the file (\(String(cString: strerror(errno))))",
                             help: "check the path; it is read relative to the current folder")
        }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw InputError(file: path, message: "is a folder, expected a CSV file", help: "give the path of a CSV file")
        }
        name = path
        fileDescriptor = descriptor
        let fileSize = (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : Int.max
        buffer = [UInt8](repeating: 0, count: max(min(chunkSize, fileSize + 1), 64))
    }

    /// Reads from bytes in memory (tests, fuzzing).
    public init(bytes: [UInt8], name: String) {
        self.name = name
        fileDescriptor = nil
        buffer = bytes
        count = bytes.count
        atEndOfInput = true
    }

    /// Reads bytes cut from a file at the start of physical line `firstLine` (after the first):
    /// line numbers count from there, and no byte-order mark is looked for.
    package convenience init(bytes: [UInt8], name: String, firstLine: Int) {
        self.init(bytes: bytes, name: name)
        nextLineNumber = firstLine
        started = true
    }

    deinit {
        if let fileDescriptor { close(fileDescriptor) }
    }

    /// Number of fields in the current record.
    public var fieldCount: Int { starts.count }

    /// Whether the current record is one empty field (a blank line).
    public var isBlankLine: Bool { starts.count == 1 && ends[0] == starts[0] && !quoted[0] }

    /// Advances to the next record. Returns `false` at the end of the input.
    public func next() throws -> Bool {
        if !started {
            started = true
            try fill()
            if count - position >= 3, buffer[position] == 0xEF, buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF {
                hadByteOrderMark = true
                position += 3
            }
        }
        while true {
            if let newlines = try scanRecord() {
                lineNumber = nextLineNumber
                nextLineNumber += 1 + newlines
                return true
            }
            if atEndOfInput { return false }
            try fill()
        }
    }

    /// The raw bytes of field `index` (unescaped doubled quotes are still doubled; see ``string(_:)``).
    @inline(__always)
    public func withBytes<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let start = starts[index], end = ends[index]
        return try buffer.withUnsafeBufferPointer { whole in
            try body(UnsafeBufferPointer(rebasing: whole[start..<end]))
        }
    }

    /// Whether field `index` was quoted with doubled quotes inside (its raw bytes still have them).
    package func isEscaped(_ index: Int) -> Bool { escaped[index] }

    /// Whether field `index` is empty (after removing surrounding spaces).
    public func isEmpty(_ index: Int) -> Bool {
        withBytes(index) { bytes in bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    }

    /// Field `index` as text, with doubled quotes undone. Invalid UTF-8, and a NUL byte (how a
    /// UTF-16 file looks), are ``InputError``s.
    public func string(_ index: Int) throws -> String {
        let text = withBytes(index) { CSVReader.text(rawField: $0, escaped: escaped[index]) }
        guard let text else {
            throw InputError(file: name, line: lineNumber, column: index + 1,
                             message: "found bytes that are not valid UTF-8, expected UTF-8 text",
                             help: "re-save the file as UTF-8")
        }
        // Valid UTF-8, but not text: a UTF-16 file without a byte-order mark has a NUL in every other byte.
        if text.utf8.contains(0) {
            throw InputError(file: name, line: lineNumber, column: index + 1,
                             message: "found a NUL byte, expected UTF-8 text (a file saved as UTF-16 has one in every other byte)",
                             help: "re-save the file as UTF-8")
        }
        return text
    }

    /// Field `index` as text with surrounding spaces removed.
    public func trimmed(_ index: Int) throws -> String {
        if let text = trimmedASCII(index) { return text }
        return CSVReader.trimmed(try string(index))
    }

    /// ``trimmed(_:)`` of a field whose bytes are printable ASCII, tabs or line breaks (nearly
    /// every field), cut from the bytes; `nil` for any other field, which ``string(_:)`` reads
    /// (and refuses when it is not UTF-8 text). In such a field every character is one byte
    /// (a CRLF pair, the one exception, is neither a space nor a tab), so trimming bytes is
    /// trimming characters.
    private func trimmedASCII(_ index: Int) -> String? {
        guard !escaped[index] else { return nil }
        return withBytes(index) { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0 }) else { return nil }
            var start = bytes.startIndex, end = bytes.endIndex
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< end]), as: UTF8.self)
        }
    }

    /// The text of a field's raw bytes (between the quotes of a quoted field), with doubled quotes
    /// undone when `escaped`; `nil` for invalid UTF-8. Shared with readers that scan bytes themselves.
    package static func text(rawField bytes: UnsafeBufferPointer<UInt8>, escaped: Bool) -> String? {
        if escaped {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var skipNext = false
            for byte in bytes {
                if skipNext { skipNext = false; continue }
                out.append(byte)
                if byte == 0x22 { skipNext = true }
            }
            return String(validating: out, as: UTF8.self)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// `text` without the spaces and tabs around it (by characters, as ``trimmed(_:)`` does).
    package static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = text.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(text[first...last])
    }

    /// The line breaks in the input read but not yet scanned: at least the records left in it,
    /// and, for a file held whole (see ``init(path:chunkSize:)``), a bound on the rows still to
    /// come that a reader can reserve room for instead of growing its arrays row by row.
    public var lineBreaksAhead: Int {
        buffer.withUnsafeBufferPointer { bytes in bytes[position ..< count].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
    }

    /// Offset in the input of the byte after the current record (after a byte-order mark, if any,
    /// for the first): where a reader that scans the bytes itself takes over.
    package var offsetAfterRecord: Int { bufferOffset + position }

    /// The physical line on which the next record starts.
    package var lineAfterRecord: Int { nextLineNumber }

    /// Every field of the current record as trimmed text.
    public func fields() throws -> [String] {
        try (0..<fieldCount).map { try trimmed($0) }
    }

    // MARK: - Scanning

    /// Scans one record starting at `position`. Returns the number of line breaks inside quoted
    /// fields, or `nil` when the buffer ends before the record does (and more input may follow).
    private func scanRecord() throws -> Int? {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        escaped.removeAll(keepingCapacity: true)
        quoted.removeAll(keepingCapacity: true)
        if position >= count { return nil }
        var newlinesInQuotes = 0
        var i = position
        let end = count
        return try buffer.withUnsafeBufferPointer { bytes -> Int? in
            while true {
                // One field starting at i.
                if i < end, bytes[i] == 0x22 {
                    let fieldStart = i + 1
                    var j = fieldStart
                    var hasEscapes = false
                    while true {
                        guard j < end else {
                            if atEndOfInput {
                                throw InputError(file: name, line: nextLineNumber, column: starts.count + 1,
                                                 message: "found a quoted field that is never closed, expected a closing '\"'",
                                                 help: "close the quote or remove the stray '\"'")
                            }
                            return nil
                        }
                        let byte = bytes[j]
                        if byte == 0x22 {
                            if j + 1 < end, bytes[j + 1] == 0x22 {
                                hasEscapes = true
                                j += 2
                                continue
                            }
                            if j + 1 >= end, !atEndOfInput { return nil }
                            break
                        }
                        if byte == 0x0A { newlinesInQuotes += 1 }
                        j += 1
                    }
                    starts.append(fieldStart)
                    ends.append(j)
                    escaped.append(hasEscapes)
                    quoted.append(true)
                    i = j + 1
                    // After the closing quote: separator, line end or end of input.
                    if i >= end {
                        if !atEndOfInput { return nil }
                        position = i
                        return newlinesInQuotes
                    }
                    switch bytes[i] {
                    case 0x2C:
                        i += 1
                        continue
                    case 0x0A:
                        position = i + 1
                        return newlinesInQuotes
                    case 0x0D:
                        if i + 1 >= end, !atEndOfInput { return nil }
                        sawCarriageReturn = true
                        position = (i + 1 < end && bytes[i + 1] == 0x0A) ? i + 2 : i + 1
                        return newlinesInQuotes
                    default:
                        throw InputError(file: name, line: nextLineNumber + newlinesInQuotes, column: starts.count,
                                         message: "found text after a closing quote, expected ',' or the end of the line",
                                         help: "double a quote inside a quoted field (\"\") or quote the whole field")
                    }
                } else {
                    let fieldStart = i
                    var j = i
                    while j < end {
                        let byte = bytes[j]
                        if byte == 0x2C || byte == 0x0A || byte == 0x0D { break }
                        j += 1
                    }
                    if j >= end {
                        if !atEndOfInput { return nil }
                        starts.append(fieldStart)
                        ends.append(j)
                        escaped.append(false)
                        quoted.append(false)
                        position = j
                        return newlinesInQuotes
                    }
                    starts.append(fieldStart)
                    ends.append(j)
                    escaped.append(false)
                    quoted.append(false)
                    switch bytes[j] {
                    case 0x2C:
                        i = j + 1
                        if i >= end {
                            if !atEndOfInput { return nil }
                            // A trailing separator at the very end: one more empty field.
                            starts.append(i)
                            ends.append(i)
                            escaped.append(false)
                            quoted.append(false)
                            position = i
                            return newlinesInQuotes
                        }
                    case 0x0A:
                        position = j + 1
                        return newlinesInQuotes
                    default: // CR
                        if j + 1 >= end, !atEndOfInput { return nil }
                        sawCarriageReturn = true
                        position = (j + 1 < end && bytes[j + 1] == 0x0A) ? j + 2 : j + 1
                        return newlinesInQuotes
                    }
                }
            }
        }
    }

    /// Moves the unread tail to the front of the buffer and reads more bytes after it.
    private func fill() throws {
        guard let fileDescriptor, !atEndOfInput else { return }
        if position > 0 {
            let tail = count - position
            if tail > 0 {
                buffer.withUnsafeMutableBufferPointer { bytes in
                    let base = bytes.baseAddress!
                    memmove(base, base + position, tail)
                }
            }
            count = tail
            bufferOffset += position
            position = 0
        }
        if count == buffer.count {
            // A single record longer than the buffer: grow it.
            buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count))
        }
        let capacity = buffer.count - count
        let got = buffer.withUnsafeMutableBufferPointer { bytes in
            read(fileDescriptor, bytes.baseAddress! + count, capacity)
        }
        if got < 0 {
            throw InputError(file: name, message: "cannot read the file (\(String(cString: strerror(errno))))")
        }
        if got == 0 { atEndOfInput = true }
        count += got
        bytesRead += got
    }
}
