import ReconCore
import ReconIO

/// Reads `Data/calendar.csv`, `Data/eras.csv` and `Data/benefit-driven-incorporation-countries.csv`
/// into a ``RulebookTable``.
///
/// Every problem is an ``InputError`` with the file, line, column and header: a cell that does
/// not parse (a date, a run, a number, a flag, a tag, a country code), and a row that breaks the
/// table's invariants (a rank day after the effective date, a run that appears twice, a band that
/// is not a fraction between 0 and 0.5, eras that overlap or leave a gap; see ``RulebookTable``).
///
/// ```swift
/// let table = try RulebookLoader.load()                 // Data/ found by DataDirectory.locate()
/// let rulebook = try table.rulebook(for: RunID(year: 2024))
/// ```
public enum RulebookLoader {
    /// Loads the three files of `directory` (a path to a `Data/` folder).
    public static func load(directory: String) throws -> RulebookTable {
        let folder = directory.hasSuffix("/") ? directory : directory + "/"
        let calendar = try CalendarFile.read(path: folder + CalendarFile.name)
        let eras = try ErasFile.read(path: folder + ErasFile.name)
        let benefitDriven = try BenefitDrivenIncorporationFile.read(path: folder + BenefitDrivenIncorporationFile.name)
        do {
            return try RulebookTable(reconstitutions: calendar.rows, eras: eras.rows, benefitDrivenIncorporationCountries: benefitDriven)
        } catch let invalid as RulebookTable.InvalidTable {
            throw locate(invalid, calendar: (calendar.lines, calendar.reader), eras: (eras.lines, eras.reader))
        }
    }

    /// Loads the `Data/` folder found by ``DataDirectory/locate()``.
    public static func load() throws -> RulebookTable {
        try load(directory: DataDirectory.locate().path)
    }

    /// Turns an invariant broken by an entry into an error at that entry's line and column.
    private static func locate(_ invalid: RulebookTable.InvalidTable,
                               calendar: (lines: [Int], reader: RulesFileReader<RulebookTable.Field>),
                               eras: (lines: [Int], reader: RulesFileReader<RulebookTable.Field>)) -> InputError {
        let (lines, file) = invalid.list == .reconstitutions ? calendar : eras
        var message = invalid.message
        if let related = invalid.relatedIndex { message += " (see line \(lines[related]))" }
        guard let index = invalid.index else {
            return InputError(file: file.path, message: message, help: "see Data/README.md for the format")
        }
        let help = "fix the row; Data/README.md states the rules the rows follow"
        guard let field = invalid.field else {
            return InputError(file: file.path, line: lines[index], message: message, help: help)
        }
        return InputError(file: file.path, line: lines[index], column: file.column(of: field),
                          columnName: file.columnName(of: field), message: message, help: help)
    }
}
