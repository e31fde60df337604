import ReconReport

/// Reads what `recon validate` wrote beside a run: `validation-scores.csv`
/// (`set,precision,recall,f1,hits,false_hits,misses,weight_overlap`) and, when there is one,
/// `validation-categories.csv` (`set,kind,category,count`).
enum ReportValidationReader {
    static func read(scores: String, categories: String?) throws -> RunReportValidation {
        var scoreLines: [RunReportValidation.Score] = []
        try ReportCSVFile.read(path: scores, required: ["set", "precision", "recall", "f1"], format: "validation-scores") { row in
            scoreLines.append(RunReportValidation.Score(
                set: try row.string("set") ?? "", precision: try row.double("precision"), recall: try row.double("recall"),
                f1: try row.double("f1"), hits: try row.int("hits"), falseHits: try row.int("false_hits"),
                misses: try row.int("misses"), weightOverlap: try row.double("weight_overlap")))
        }
        var categoryLines: [RunReportValidation.Category] = []
        if let categories {
            try ReportCSVFile.read(path: categories, required: ["set", "kind", "category", "count"], format: "validation-categories") { row in
                categoryLines.append(RunReportValidation.Category(
                    set: try row.string("set") ?? "", kind: try row.string("kind") ?? "",
                    category: try row.string("category") ?? "", count: try row.int("count")))
            }
        }
        return RunReportValidation(scores: scoreLines, categories: categoryLines)
    }
}
