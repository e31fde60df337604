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
    /// The text so far (header first).
    public private(set) var text: String

    public init(header: [String]) {
        self.header = header
        self.text = ""
        append(header)
    }

    /// Appends one row; it must have one field per header column.
    public mutating func appendRow(_ fields: [String]) {
        precondition(fields.count == header.count, "a CSV row needs \(header.count) fields, got \(fields.count)")
        append(fields)
    }

    /// Writes the text with ``AtomicFile``.
    public func write(to path: String) throws {
        try AtomicFile.write(text, to: path)
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
        text += fields.map(CSVWriter.escape).joined(separator: ",")
        text += "\n"
    }
}
