import ReconIO

/// Reads a small CSV output of recon (`history.csv`, `variants.csv`, `migration.csv`) by column
/// name, with typed cells: an empty cell is `nil`, a cell that is not a number is an
/// ``InputError`` naming the line and column.
struct ReportCSVFile {
    /// The current line of the file, read by column name.
    struct Row {
        let csv: CSVReader
        let header: CSVHeader

        /// The trimmed text of `column`; `nil` when empty or when the file has no such column.
        func string(_ column: String) throws -> String? {
            guard let index = header.index(of: column) else { return nil }
            let text = try csv.trimmed(index)
            return text.isEmpty ? nil : text
        }

        /// The number in `column`; `nil` when empty or absent.
        func double(_ column: String) throws -> Double? {
            guard let index = header.index(of: column) else { return nil }
            return try csv.double(index, header: header)
        }

        /// The whole number in `column`; `nil` when empty or absent.
        func int(_ column: String) throws -> Int? {
            guard let index = header.index(of: column), let value = try csv.double(index, header: header) else { return nil }
            guard value == value.rounded(), abs(value) < 9e15 else {
                throw InputError(file: csv.name, line: csv.lineNumber, column: index + 1, columnName: header.names[index],
                                 message: "found \(value), expected a whole number")
            }
            return Int(value)
        }
    }

    /// Calls `body` with each line of the file after the header, skipping blank lines.
    /// - Parameters:
    ///   - required: columns the file must have.
    ///   - format: the file's kind, for messages (`history`).
    static func read(path: String, required: [String], format: String, _ body: (Row) throws -> Void) throws {
        let csv = try CSVReader(path: path)
        guard try csv.next() else {
            throw InputError(file: path, message: "is empty, expected a header line",
                             help: "the file should be as recon wrote it; see docs/outputs.md")
        }
        let header = try CSVHeader(reader: csv)
        for column in required {
            _ = try header.require(column, file: path, line: csv.lineNumber, format: format)
        }
        let row = Row(csv: csv, header: header)
        while try csv.next() {
            if csv.isBlankLine { continue }
            guard csv.fieldCount == header.names.count else {
                throw InputError(file: path, line: csv.lineNumber,
                                 message: "found \(csv.fieldCount) fields, expected \(header.names.count) as in the header")
            }
            try body(row)
        }
    }
}
