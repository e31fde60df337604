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

    public init(header: [String]) {
        self.header = header
        append(header)
    }

    /// Appends one row; it must have one field per header column.
    public mutating func appendRow(_ fields: [String]) {
        precondition(fields.count == header.count, "a CSV row needs \(header.count) fields, got \(fields.count)")
        append(fields)
    }

    /// Writes the bytes with ``AtomicFile``.
    public func write(to path: String) throws {
        try AtomicFile.write(bytes, to: path)
    }

    /// A field as written: quoted when it holds a comma, a quote, CR or LF.
    public static func escape(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return field }
        // By scalar, not by Character: a quote followed by a combining mark is one Character
        // that is not equal to "\"", and its quote must still be doubled.
        var quoted = "\""
        for scalar in field.unicodeScalars {
            if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }

    /// A number field (empty for `nil`); see ``formatNumber(_:decimals:trimTrailingZeros:)``.
    public static func number(_ value: Double?, decimals: Int? = nil, trimTrailingZeros: Bool = false) -> String {
        value.map { formatNumber($0, decimals: decimals, trimTrailingZeros: trimTrailingZeros) } ?? ""
    }

    /// An integer field (empty for `nil`).
    public static func integer(_ value: Int?) -> String { value.map(String.init) ?? "" }

    /// A boolean field: `true`, `false`, or empty for `nil`.
    public static func boolean(_ value: Bool?) -> String { value.map { $0 ? "true" : "false" } ?? "" }

    private mutating func append(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            let needsQuotes = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if needsQuotes {
                bytes.append(contentsOf: CSVWriter.escape(field).utf8)
            } else {
                bytes.append(contentsOf: field.utf8)
            }
        }
        bytes.append(0x0A)
    }
}
