import ReconCore
import ReconData

/// Writes validation scores and the names behind them.
public enum ValidationWriter {
    /// `validation-<set>-misses.csv` and `validation-<set>-false-hits.csv` in `directory`.
    public static func writeMisses(_ score: ValidationScore, to directory: String) throws {
        for (suffix, symbols) in [("misses", score.misses), ("false-hits", score.falseHits)] {
            var csv = CSVWriter(header: ["symbol"])
            for symbol in symbols { csv.appendRow([symbol]) }
            try csv.write(to: FilePaths.join(directory, "validation-\(score.name)-\(suffix).csv"))
        }
    }

    /// `set,precision,recall,f1,hits,false_hits,misses`.
    public static func writeScores(_ scores: [ValidationScore], to path: String) throws {
        var csv = CSVWriter(header: ["set", "precision", "recall", "f1", "hits", "false_hits", "misses"])
        for score in scores {
            csv.appendRow([score.name, CSVWriter.number(score.precision, decimals: 4), CSVWriter.number(score.recall, decimals: 4),
                           CSVWriter.number(score.f1, decimals: 4), String(score.truePositives.count),
                           String(score.falseHits.count), String(score.misses.count)])
        }
        try csv.write(to: path)
    }

    /// One line of the table printed on standard output.
    public static func line(_ score: ValidationScore) -> String {
        [score.name.padding(10), formatNumber(score.precision, decimals: 3).padding(10), formatNumber(score.recall, decimals: 3).padding(10),
         formatNumber(score.f1, decimals: 3).padding(7), String(score.truePositives.count).padding(5),
         String(score.falseHits.count).padding(6), String(score.misses.count)].joined(separator: " ")
    }
}
