/// Builds CSV text deterministically: fields are quoted only when they must be (a comma, a
/// double quote, CR or LF inside; quotes doubled, RFC 4180), lines end with LF, and numbers go
/// through ``formatNumber(_:decimals:trimTrailingZeros:)``.
///
/// ```swift
/// var csv = CSVWriter(header: ["symbol", "price"])
/// csv.appendRow(["BRK/B", CSVWriter.number(503.25)])
/// try csv.write(to: "out/universe.csv")
/// ```
public struct CSVWriter: Sendable {
    /// The column names.
    public let header: [String]
    /// The file's bytes so far (header first): rows are appended as UTF-8 bytes, not by growing a
    /// `String` (a replay's membership files run to tens of megabytes).
    public private(set) var bytes: [UInt8] = []

    /// The text so far (header first).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// - Parameter capacity: bytes to make room for at once (a writer that knows its rows saves
    ///   the copies of growing the buffer).
    public init(header: [String], capacity: Int = 0) {
        self.header = header
        bytes.reserveCapacity(capacity)
        for name in header { appendField(name) }
        endRow()
    }

    /// Appends one row; it must have one field per header column.
    public mutating func appendRow(_ fields: [String]) {
        precondition(fields.count == header.count, "a CSV row needs \(header.count) fields, got \(fields.count)")
        precondition(fieldsInRow == 0, "a row begun with appendField must end with endRow() before appendRow")
        for field in fields { appendField(field) }
        endRow()
    }

    /// Appends one row field by field, straight into the file's bytes (no `String` per field or
    /// number: a replay writes millions of fields). Call ``endRow()`` after the last field; the
    /// row must have one field per header column, as ``appendRow(_:)`` requires.
    ///
    /// ```swift
    /// csv.appendField("BRK/B")
    /// csv.appendField(number: 503.25, decimals: 2)
    /// csv.endRow()
    /// ```
    public mutating func appendField(_ text: String) {
        startField()
        // The text's own bytes when it has them in one piece (almost always), else a copy made so.
        if let done = text.utf8.withContiguousStorageIfAvailable({ appendText($0, of: text) }) { return done }
        var contiguous = text
        contiguous.withUTF8 { appendText($0, of: text) }
    }

    private mutating func appendText(_ utf8: UnsafeBufferPointer<UInt8>, of text: String) {
        if utf8.contains(where: CSVWriter.needsQuotes) {
            CSVWriter.appendQuoted(utf8, to: &bytes)
        } else {
            bytes.append(contentsOf: utf8)
        }
    }

    /// A field's bytes quoted, its quotes doubled. Byte by byte is scalar by scalar here: in UTF-8
    /// the byte 0x22 is only ever the quote itself (a quote followed by a combining mark is one
    /// Character, and its quote is still doubled).
    private static func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(0x22)
        for byte in utf8 {
            bytes.append(byte)
            if byte == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
    }

    /// Appends a number field (empty for `nil`), as ``number(_:decimals:trimTrailingZeros:)`` writes it.
    public mutating func appendField(number value: Double?, decimals: Int? = nil, trimTrailingZeros: Bool = false) {
        startField()
        if let value { appendNumber(value, decimals: decimals, trimTrailingZeros: trimTrailingZeros, to: &bytes) }
    }

    /// Appends an integer field (empty for `nil`).
    public mutating func appendField(integer value: Int?) {
        startField()
        guard let value else { return }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendInteger(UInt64(value.magnitude), to: &bytes)
    }

    /// Ends the row begun with ``appendField(_:)``.
    public mutating func endRow() {
        precondition(fieldsInRow == header.count, "a CSV row needs \(header.count) fields, got \(fieldsInRow)")
        bytes.append(0x0A)
        fieldsInRow = 0
    }

    /// Fields appended to the row being built.
    private var fieldsInRow = 0

    private mutating func startField() {
        if fieldsInRow > 0 { bytes.append(0x2C) }
        fieldsInRow += 1
    }

    /// A comma, a double quote, LF or CR: a field holding one is quoted.
    private static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D
    }

    /// Writes the bytes with ``AtomicFile``.
    public func write(to path: String) throws {
        try AtomicFile.write(bytes, to: path)
    }

    /// A field as written: quoted when it holds a comma, a quote, CR or LF.
    public static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: needsQuotes) else { return field }
        var quoted: [UInt8] = []
        var contiguous = field
        contiguous.withUTF8 { appendQuoted($0, to: &quoted) }
        return String(decoding: quoted, as: UTF8.self)
    }

    /// A number field (empty for `nil`); see ``formatNumber(_:decimals:trimTrailingZeros:)``.
    public static func number(_ value: Double?, decimals: Int? = nil, trimTrailingZeros: Bool = false) -> String {
        value.map { formatNumber($0, decimals: decimals, trimTrailingZeros: trimTrailingZeros) } ?? ""
    }

    /// An integer field (empty for `nil`).
    public static func integer(_ value: Int?) -> String { value.map(String.init) ?? "" }

    /// A boolean field: `true`, `false`, or empty for `nil`.
    public static func boolean(_ value: Bool?) -> String { value.map { $0 ? "true" : "false" } ?? "" }
}
