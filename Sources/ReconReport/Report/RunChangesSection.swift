/// What changed: counts per change, migration classes and the largest movers.
enum RunChangesSection {
    static func section(_ input: RunReportInput) -> ReportSection {
        var blocks: [ReportBlock] = [.table(changes(input.summary.changes))]
        if let migration = input.migration {
            blocks.append(.table(migrationTable(migration)))
        } else {
            blocks.append(.notice(.missing("migration.csv", consequence: "Migration classes are left out.")))
        }
        if let members = input.members {
            let tables = [
                LargestMovers.table(members, change: .upward, caption: "Largest upward migrants (Russell 2000 → 1000)"),
                LargestMovers.table(members, change: .downward, caption: "Largest downward migrants (Russell 1000 → 2000)"),
                LargestMovers.table(members, change: .addition, caption: "Largest additions"),
                LargestMovers.table(members, change: .deletion, caption: "Largest deletions"),
            ]
            blocks += tables.compactMap { $0.map(ReportBlock.table) }
        } else {
            blocks.append(.notice(.missing("membership.csv", consequence: "The lists of the largest movers are left out.")))
        }
        return ReportSection(id: "changes", title: "Additions, deletions and migrants", blocks: blocks)
    }

    private static func changes(_ changes: [String: Int]) -> ReportTable {
        var table = ReportTable(caption: "Companies by change", columns: [.text("Change"), .text("Meaning"), .number("Companies")])
        let described = [
            ("addition", "Addition", "into the Russell 3000 from outside"),
            ("deletion", "Deletion", "out of the Russell 3000"),
            ("upward", "Moved up", "Russell 2000 → Russell 1000"),
            ("downward", "Moved down", "Russell 1000 → Russell 2000"),
            ("stay", "Stayed", "in the same index"),
        ]
        for (key, name, meaning) in described { table.append([name, meaning, ReportNumber.count(changes[key])]) }
        return table
    }

    private static func migrationTable(_ migration: [RunReportMigration]) -> ReportTable {
        var table = ReportTable(
            caption: "Migration classes",
            columns: [.text("Class"), .number("Lines"), .number("Companies"), .number("Prior weight"), .text("Largest")],
            note: "Prior weight: the lines' share of their prior index, at this run's caps (– where the universe prices none of them); largest lists up to ten tickers, largest first.")
        for line in migration {
            table.append([
                line.migrationClass, ReportNumber.count(line.lines), ReportNumber.count(line.companies),
                ReportNumber.percent(line.priorWeight, decimals: 2), line.largest.joined(separator: " "),
            ])
        }
        return table
    }
}
