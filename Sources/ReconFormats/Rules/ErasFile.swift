import ReconCore

/// `Data/eras.csv`: one row per span of runs with the same rules (russell-rules.md §3.2, §4.2,
/// §6.1); a blank cell is "not in force". Format in `Data/README.md`.
enum ErasFile {
    static let name = "eras.csv"
    static let fields: [RulebookTable.Field] = [
        .fromRun, .toRun, .band1000, .microcapBand, .hasMicrocap, .minimumPrice, .memberPriceAverageException,
        .minimumTotalCap, .minimumFloat, .minimumVoting, .votingAppliesToMembers,
        .benefitDrivenIncorporationEligible, .excludesBusinessDevelopmentCompanies, .quarterlyIPOAdditions,
        .additionalClassMinimumDailyValue, .source,
    ]

    /// The rows of the file, each with its line number.
    /// - Throws: ``InputError`` at the first bad cell.
    static func read(path: String) throws -> (rows: [RulebookTable.Era], lines: [Int], reader: RulesFileReader<RulebookTable.Field>) {
        let file = try RulesFileReader(path: path, fields: fields)
        var rows: [RulebookTable.Era] = [], lines: [Int] = []
        while try file.next() {
            rows.append(RulebookTable.Era(
                from: try file.run(.fromRun), to: try file.run(.toRun),
                band1000: try file.number(.band1000), microcapBand: try file.number(.microcapBand),
                hasMicrocap: try file.flag(.hasMicrocap), minimumPrice: try file.number(.minimumPrice),
                memberPriceAverageException: try file.flag(.memberPriceAverageException),
                minimumTotalCap: try file.number(.minimumTotalCap), minimumFloat: try file.number(.minimumFloat),
                minimumVoting: try file.number(.minimumVoting),
                votingAppliesToMembers: try file.flag(.votingAppliesToMembers),
                benefitDrivenIncorporationEligible: try file.flag(.benefitDrivenIncorporationEligible),
                excludesBusinessDevelopmentCompanies: try file.flag(.excludesBusinessDevelopmentCompanies),
                quarterlyIPOAdditions: try file.flag(.quarterlyIPOAdditions),
                additionalClassMinimumDailyValue: try file.number(.additionalClassMinimumDailyValue),
                source: try file.citation(.source)))
            lines.append(file.lineNumber)
        }
        return (rows, lines, file)
    }
}
