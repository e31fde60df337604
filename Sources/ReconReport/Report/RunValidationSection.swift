/// How the run scores against FTSE Russell's lists and the index holdings it was checked against,
/// from the files `recon validate` wrote beside it: the scores as written, and the misses and
/// false hits by category.
enum RunValidationSection {
    static func section(_ validation: RunReportValidation) -> ReportSection {
        var scores = ReportTable(
            caption: "Scores",
            columns: [.text("Set"), .number("Precision"), .number("Recall"), .number("F1"), .number("Hits"),
                      .number("False hits"), .number("Missed"), .number("Weight overlap")],
            note: "Tickers compared as recon validate compares them. F1 = 2 × precision × recall ÷ (precision + recall); "
                + "weight overlap = 1 − ½ Σ |w − w true|, against a holdings file only.")
        for score in validation.scores {
            scores.append([
                setName(score.set), ReportNumber.decimal(score.precision, decimals: 3), ReportNumber.decimal(score.recall, decimals: 3),
                ReportNumber.decimal(score.f1, decimals: 3), ReportNumber.count(score.hits), ReportNumber.count(score.falseHits),
                ReportNumber.count(score.misses), ReportNumber.decimal(score.weightOverlap, decimals: 3),
            ])
        }
        var blocks: [ReportBlock] = [.table(scores)]
        if !validation.categories.isEmpty {
            var categories = ReportTable(
                caption: "Misses and false hits by category",
                columns: [.text("Set"), .text("Kind"), .text("Category"), .number("Count")],
                note: "validation.csv beside the run lists each miss and false hit with its category and the evidence for it, "
                    + "and the holdings left out as added after the run (docs/outputs.md).")
            for category in validation.categories {
                categories.append([setName(category.set), kindName(category.kind), category.category, ReportNumber.count(category.count)])
            }
            blocks.append(.table(categories))
        }
        return ReportSection(id: "validation", title: "Against the published lists", blocks: blocks)
    }

    /// `additions` → `Additions`, `r2000` → `Russell 2000`, …; another set as it is written.
    private static func setName(_ set: String) -> String {
        switch set {
        case "additions": return "Additions"
        case "deletions": return "Deletions"
        case "r2000", "r1000", "r3000": return IndexNames.display(set.uppercased())
        default: return set
        }
    }

    /// `miss` → `missed`, `false_hit` → `false hit`, `left_out` → `left out`, `matched_by_name` →
    /// `matched by name`; another kind as it is written.
    private static func kindName(_ kind: String) -> String {
        switch kind {
        case "miss": return "missed"
        case "false_hit": return "false hit"
        case "left_out": return "left out"
        case "matched_by_name": return "matched by name"
        default: return kind
        }
    }
}
