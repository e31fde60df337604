/// The header row of a CSV file: column names found case-insensitively, with clear errors for a
/// missing or duplicated column.
public struct CSVHeader: Sendable {
    /// The names as written (trimmed).
    public let names: [String]
    private let indexByKey: [String: Int]

    /// Reads the header from the reader's current record.
    /// - Throws: ``InputError`` when a column name appears twice.
    public init(reader: CSVReader) throws {
        let names = try reader.fields()
        try self.init(names: names, file: reader.name, line: reader.lineNumber)
    }

    public init(names: [String], file: String, line: Int) throws {
        self.names = names
        var indexByKey: [String: Int] = [:]
        for (index, name) in names.enumerated() where !name.isEmpty {
            let key = CSVHeader.key(name)
            if let first = indexByKey[key] {
                throw InputError(file: file, line: line, column: index + 1,
                                 message: "found the column '\(name)' twice (columns \(first + 1) and \(index + 1)), expected each column once",
                                 help: "remove or rename one of the two columns")
            }
            indexByKey[key] = index
        }
        self.indexByKey = indexByKey
    }

    /// Compares names ignoring case, spaces, underscores and punctuation (`Market Cap` = `market_cap`).
    public static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { scalar in
            (scalar.value >= 0x61 && scalar.value <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39) || scalar.value > 0x7F
        }.map(Character.init))
    }

    /// The index of the first of `names` present, or `nil`.
    public func index(of names: String...) -> Int? { index(ofAny: names) }

    public func index(ofAny names: [String]) -> Int? {
        for name in names { if let index = indexByKey[CSVHeader.key(name)] { return index } }
        return nil
    }

    /// Whether every name is present.
    public func contains(_ names: String...) -> Bool { names.allSatisfy { indexByKey[CSVHeader.key($0)] != nil } }

    /// The index of a required column.
    /// - Throws: ``InputError`` naming the column, the file's columns and the format expected.
    public func require(_ name: String, alternatives: [String] = [], file: String, line: Int, format: String) throws -> Int {
        if let index = index(ofAny: [name] + alternatives) { return index }
        throw InputError(file: file, line: line,
                         message: "missing the required column '\(name)' of the \(format) format; found columns: \(names.joined(separator: ", "))",
                         help: "add the column, or pass --format to read the file as another format (see docs/formats.md)")
    }
}
