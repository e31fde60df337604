import ReconPlatform
import ReconIO

/// Steps every format reader shares: finding the header, refusing empty files and files with a
/// header but no rows, and checking a row's field count.
extension CSVReader {
    /// Advances to the first record that is not a blank line and reads it as the header.
    /// - Throws: ``InputError`` when the file is empty (or only blank lines).
    func readHeader(format: UniverseFormat) throws -> CSVHeader {
        while try next() {
            if !isBlankLine { return try CSVHeader(reader: self) }
        }
        throw InputError.emptyFile(name, format: format)
    }

    /// Throws when a data row's field count differs from the header's: a shifted row (an
    /// unquoted comma in a name) would otherwise be read into the wrong columns.
    func requireFieldCount(_ header: CSVHeader) throws {
        guard fieldCount != header.names.count else { return }
        throw InputError(file: name, line: lineNumber, column: min(fieldCount, header.names.count) + 1,
                         message: "found \(fieldCount) fields, expected \(header.names.count) (one per header column)",
                         help: "quote fields that contain commas, and give every row the header's columns")
    }

    /// Field `index` as a yes/no value (`true`/`false`, `yes`/`no`, `1`/`0`), `nil` when blank.
    func boolean(_ index: Int?, header: CSVHeader) throws -> Bool? {
        guard let index, let text = try optionalText(index) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "y", "1": return true
        case "false", "no", "n", "0": return false
        default:
            throw InputError(file: name, line: lineNumber, column: index + 1, columnName: header.names[index],
                             message: "found \(InputError.quote(text)), expected true or false",
                             help: "write true, false, or leave the field blank")
        }
    }

    /// Field `index` as a number in `range`, `nil` when blank.
    func double(_ index: Int?, header: CSVHeader, in range: ClosedRange<Double>, expected: String) throws -> Double? {
        guard let index, let value = try double(index, header: header, expected: expected) else { return nil }
        guard range.contains(value) else {
            throw InputError(file: name, line: lineNumber, column: index + 1, columnName: header.names[index],
                             message: "found \(InputError.quote(try string(index))), expected \(expected)",
                             help: "fix the value or leave the field blank")
        }
        return value
    }

    /// Field `index` as one of `values` (by raw value, ignoring case), `nil` when blank.
    func choice<Value: RawRepresentable>(_ index: Int?, header: CSVHeader, of values: [Value]) throws -> Value? where Value.RawValue == String {
        guard let index, let text = try optionalText(index) else { return nil }
        if let value = values.first(where: { $0.rawValue.lowercased() == text.lowercased() }) { return value }
        throw InputError(file: name, line: lineNumber, column: index + 1, columnName: header.names[index],
                         message: "found \(InputError.quote(text)), expected one of: \(values.map(\.rawValue).joined(separator: ", "))",
                         help: "use one of the values listed (see docs/formats.md)")
    }

    /// Throws when a symbol was already read (first line given), naming both lines.
    func rejectDuplicate(_ symbol: String, firstLine: Int?, column: Int, header: CSVHeader) throws {
        guard let firstLine else { return }
        throw InputError(file: name, line: lineNumber, column: column + 1, columnName: header.names[column],
                         message: "found the symbol '\(symbol)' again (first on line \(firstLine)), expected each symbol once",
                         help: "remove one of the two rows (lines \(firstLine) and \(lineNumber))")
    }

    /// Field `index` trimmed, `nil` when blank.
    func optionalText(_ index: Int?) throws -> String? {
        guard let index else { return nil }
        let text = try trimmed(index)
        return text.isEmpty ? nil : text
    }
}

extension InputError {
    /// The file has no header row.
    static func emptyFile(_ file: String, format: UniverseFormat) -> InputError {
        InputError(file: file, line: 1, message: "is empty, expected a \(format) CSV file starting with its header row",
                   help: "check the file was downloaded completely (see docs/formats.md)")
    }

    /// The file has a header and no data rows.
    static func noDataRows(_ file: String, headerLine: Int, format: UniverseFormat) -> InputError {
        InputError(file: file, line: headerLine,
                   message: "has a \(format) header but no data rows, expected at least one row after it",
                   help: "check the file was exported completely")
    }
}

extension String {
    /// Without surrounding spaces and tabs.
    var trimmingSpaces: String {
        guard let first = firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(self[first...last])
    }
}

extension String {
    /// Whether `other` occurs in the text, as Foundation's `contains` answers: for ASCII text
    /// a byte search gives the same answer without going through `NSString`; any other text
    /// is searched by Foundation (where canonical equivalence may matter).
    func containsText(_ other: String) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { haystack in
            other.utf8.withContiguousStorageIfAvailable { needle in String.asciiSearch(needle, in: haystack) } ?? nil
        } ?? nil
        return found ?? contains(other)
    }

    /// Whether `needle` occurs in `haystack`, both ASCII; `nil` when either is not ASCII or the
    /// needle is empty (Foundation answers those).
    private static func asciiSearch(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let first = needle.first, !haystack.contains(where: { $0 >= 0x80 }), !needle.contains(where: { $0 >= 0x80 }) else {
            return nil
        }
        guard needle.count <= haystack.count else { return false }
        for start in 0 ... (haystack.count - needle.count) where haystack[start] == first {
            if memcmp(haystack.baseAddress! + start, needle.baseAddress!, needle.count) == 0 { return true }
        }
        return false
    }
}
