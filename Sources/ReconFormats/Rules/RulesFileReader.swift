import ReconCore
import ReconIO

/// Reads one of the rules files in `Data/` (`calendar.csv`, `eras.csv`,
/// `benefit-driven-incorporation-countries.csv`) row by row, with typed cells and an
/// ``InputError`` naming the file, line, column and header for every bad cell. `Field` names the
/// file's columns (its raw values are the header names).
///
/// Columns are found by name (case, spaces and underscores ignored; see ``CSVHeader``), so their
/// order is free and extra columns are ignored. Blank lines are skipped. The formats are described
/// in `Data/README.md`.
final class RulesFileReader<Field: RawRepresentable & Hashable> where Field.RawValue == String {
    let path: String
    private let reader: CSVReader
    private let header: CSVHeader
    private var columns: [Field: Int] = [:]

    /// Opens `path` and checks that its header has every one of `fields`.
    init(path: String, fields: [Field]) throws {
        self.path = path
        reader = try CSVReader(path: path)
        guard try reader.next() else {
            throw InputError(file: path, line: 1, message: "found an empty file, expected a header row",
                             help: "see Data/README.md for the columns")
        }
        header = try CSVHeader(reader: reader)
        for field in fields {
            guard let index = header.index(of: field.rawValue) else {
                throw InputError(file: path, line: reader.lineNumber,
                                 message: "missing the required column '\(field.rawValue)'; found columns: \(header.names.joined(separator: ", "))",
                                 help: "add the column; Data/README.md lists the columns of each file")
            }
            columns[field] = index
        }
    }

    /// The 1-based line of the current row.
    var lineNumber: Int { reader.lineNumber }

    /// Advances to the next non-blank row; `false` at the end of the file.
    /// - Throws: ``InputError`` when a row has more or fewer fields than the header.
    func next() throws -> Bool {
        while try reader.next() {
            if reader.isBlankLine { continue }
            guard reader.fieldCount == header.names.count else {
                throw InputError(file: path, line: reader.lineNumber,
                                 message: "found \(reader.fieldCount) fields, expected \(header.names.count) as in the header",
                                 help: "quote a field that contains a comma")
            }
            return true
        }
        return false
    }

    /// The 1-based column of `field`.
    func column(of field: Field) -> Int { columns[field]! + 1 }

    /// The header's spelling of `field`.
    func columnName(of field: Field) -> String { header.names[columns[field]!] }

    /// An error at `field` of the current row.
    func error(_ field: Field, _ message: String,
               help: String = "fix the cell; Data/README.md describes each column") -> InputError {
        InputError(file: path, line: reader.lineNumber, column: column(of: field), columnName: columnName(of: field),
                   message: message, help: help)
    }

    /// The trimmed text of `field`.
    func text(_ field: Field) throws -> String {
        try reader.trimmed(columns[field]!)
    }

    /// A required `YYYY-MM-DD` date.
    func date(_ field: Field) throws -> CalendarDate {
        let text = try text(field)
        guard let date = CalendarDate(parsing: text) else {
            throw error(field, "found \(InputError.quote(text)), expected a date YYYY-MM-DD")
        }
        return date
    }

    /// A required run: `YYYY-06` or `YYYY-12`.
    func run(_ field: Field) throws -> RunID {
        let text = try text(field)
        guard let run = RunID(parsing: text) else {
            throw error(field, "found \(InputError.quote(text)), expected a run YYYY-06 or YYYY-12")
        }
        return run
    }

    /// A number, `nil` when the cell is blank (not in force).
    func number(_ field: Field) throws -> Double? {
        try reader.double(columns[field]!, header: header, expected: "a number, or blank when not in force")
    }

    /// `true` or `false`; a blank cell is `false` (not in force).
    func flag(_ field: Field) throws -> Bool {
        let text = try text(field)
        switch text.lowercased() {
        case "true": return true
        case "false", "": return false
        default: throw error(field, "found \(InputError.quote(text)), expected true, false, or blank for false")
        }
    }

    /// A tag of russell-rules.md: `C`, `S`, `D` or `R`.
    func tag(_ field: Field) throws -> RulebookTable.Tag {
        let text = try text(field)
        guard let tag = RulebookTable.Tag(rawValue: text.uppercased()) else {
            throw error(field, "found \(InputError.quote(text)), expected one of C, S, D, R (the tags of russell-rules.md)")
        }
        return tag
    }

    /// Non-empty text.
    func citation(_ field: Field) throws -> String {
        let text = try text(field)
        guard !text.isEmpty else {
            throw error(field, "found nothing, expected a citation of russell-rules.md (section and source id)")
        }
        return text
    }
}
