/// A bad input file: where (file, line, column), what was found, what was expected, and what to do.
///
/// The command line prints it as `recon: error: FILE:LINE:COL: message` followed by a `help:` line,
/// and exits with status 1.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// 1-based physical line, when the problem is on a line.
    public var line: Int?
    /// 1-based field number, when the problem is in a field.
    public var column: Int?
    /// The header name of that field, when known.
    public var columnName: String?
    /// What was wrong, in a sentence that names what was found and what was expected.
    public var message: String
    /// What the user can do about it.
    public var help: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil,
                message: String, help: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.message = message
        self.help = help
    }

    /// `FILE:LINE:COL` (as much of it as is known).
    public var location: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    /// `FILE:LINE:COL: column 'Market Cap': message`.
    public var description: String {
        var text = "\(location): "
        if let columnName { text += "column '\(columnName)': " }
        return text + message
    }
}

extension InputError {
    /// Shortens a field's text for a message: printable, at most 40 characters.
    package static func quote(_ text: String) -> String {
        let cleaned = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
        return cleaned.count > 40 ? "'\(cleaned.prefix(37))...'" : "'\(cleaned)'"
    }
}
