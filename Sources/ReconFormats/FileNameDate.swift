import ReconCore
import ReconIO

/// The day a file's name says it was taken, for inputs that do not say it inside: a Nasdaq
/// screener export carries no date, but a researcher keeps the download's name
/// (`nasdaq_screener_1748034000000.csv`: milliseconds since 1970, UTC) or renames it with the day
/// (`nasdaq_screener_2025-05-23.csv`, `…_20250523.csv`).
public enum FileNameDate {
    /// The first date in the name: `YYYY-MM-DD`, `YYYYMMDD`, or 13 digits read as milliseconds
    /// since 1970 (from 2001 on); `nil` when there is none.
    public static func date(ofFile path: String) -> CalendarDate? {
        let name = Array(FilePaths.fileName(of: path).utf8)
        let runs = digitRuns(name)
        for (index, run) in runs.enumerated() {
            let digits = String(decoding: name[run], as: UTF8.self)
            if digits.count == 13, let milliseconds = Int(digits), milliseconds >= 978_307_200_000 {
                return CalendarDate(dayNumber: milliseconds / 86_400_000)
            }
            if digits.count == 4, index + 2 < runs.count, runs[index + 1].count == 2, runs[index + 2].count == 2,
               runs[index + 1].lowerBound == run.upperBound + 1, runs[index + 2].lowerBound == runs[index + 1].upperBound + 1,
               name[run.upperBound] == UInt8(ascii: "-"), name[runs[index + 1].upperBound] == UInt8(ascii: "-"),
               let date = CalendarDate(parsing: String(decoding: name[run.lowerBound ..< runs[index + 2].upperBound], as: UTF8.self)) {
                return date
            }
            if digits.count == 8, let date = CalendarDate(parsing: digits) { return date }
        }
        return nil
    }

    /// Where each maximal run of ASCII digits is.
    private static func digitRuns(_ bytes: [UInt8]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for (index, byte) in bytes.enumerated() {
            let isDigit = byte >= 0x30 && byte <= 0x39
            if isDigit, start == nil { start = index }
            if !isDigit, let first = start {
                runs.append(first ..< index)
                start = nil
            }
        }
        if let first = start { runs.append(first ..< bytes.count) }
        return runs
    }
}
