import ReconCore
import ReconFormats

/// The `rules` target: ``RulebookLoader/load(directory:)`` on a `calendar.csv` and an `eras.csv`
/// (the input holds both, split at the first NUL byte; without one, the input is `calendar.csv`
/// and `eras.csv` is recon's own). A table read without an error must give a rulebook for every
/// run it lists, with a band that is a fraction.
enum RulesTarget {
    /// The shipped `eras.csv` and `benefit-driven-incorporation-countries.csv`, read once.
    nonisolated(unsafe) static var shippedEras: [UInt8]?
    nonisolated(unsafe) static var shippedBenefitDriven: [UInt8]?

    static func run(_ bytes: [UInt8]) {
        let (calendar, eras) = split(bytes)
        ScratchFolder.shared.write(calendar, named: "calendar.csv")
        ScratchFolder.shared.write(eras, named: "eras.csv")
        ScratchFolder.shared.write((shippedBenefitDriven ?? [])[...], named: "benefit-driven-incorporation-countries.csv")
        guard let table = FuzzTargetRunner.attempt(.rules, { try RulebookLoader.load(directory: ScratchFolder.shared.path) }) else { return }
        FuzzCheck.require(table.firstRun <= table.lastRun, "rules: first run \(table.firstRun) after the last \(table.lastRun)")
        for run in table.runs(from: table.firstRun.year, to: table.lastRun.year) {
            guard let rulebook = FuzzTargetRunner.attempt(.rules, { try table.rulebook(for: run) }) else { continue }
            FuzzCheck.require(rulebook.rankDay <= rulebook.effectiveDate, "rules \(run): rank day after the effective date")
            _ = table.quarterlyIPODates(after: run)
        }
    }

    /// `calendar.csv` and `eras.csv` from one input.
    static func split(_ bytes: [UInt8]) -> (calendar: ArraySlice<UInt8>, eras: ArraySlice<UInt8>) {
        if let nul = bytes.firstIndex(of: 0) { return (bytes[..<nul], bytes[(nul + 1)...]) }
        return (bytes[...], (shippedEras ?? [])[...])
    }

    /// Reads `Data/eras.csv` once, before fuzzing starts.
    static func loadShippedData() {
        guard let folder = try? DataDirectory.locate().path else { return }
        shippedEras = SeedCorpus.readFile(folder + "/eras.csv")
        shippedBenefitDriven = SeedCorpus.readFile(folder + "/benefit-driven-incorporation-countries.csv")
    }
}
