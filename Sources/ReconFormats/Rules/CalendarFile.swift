import ReconCore

/// `Data/calendar.csv`: one row per reconstitution, `run,rank_day,effective_date,tag,source`
/// (russell-rules.md §1.3; format in `Data/README.md`).
enum CalendarFile {
    static let name = "calendar.csv"
    static let fields: [RulebookTable.Field] = [.run, .rankDay, .effectiveDate, .tag, .source]

    /// The rows of the file, each with its line number.
    /// - Throws: ``InputError`` at the first bad cell.
    static func read(path: String) throws -> (rows: [RulebookTable.Reconstitution], lines: [Int], reader: RulesFileReader<RulebookTable.Field>) {
        let file = try RulesFileReader(path: path, fields: fields)
        var rows: [RulebookTable.Reconstitution] = [], lines: [Int] = []
        while try file.next() {
            rows.append(RulebookTable.Reconstitution(
                run: try file.run(.run), rankDay: try file.date(.rankDay), effectiveDate: try file.date(.effectiveDate),
                tag: try file.tag(.tag), source: try file.citation(.source)))
            lines.append(file.lineNumber)
        }
        return (rows, lines, file)
    }
}
