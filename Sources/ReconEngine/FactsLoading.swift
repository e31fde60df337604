import ReconCore
import ReconIO
import ReconCRSP
import ReconFormats

/// Reads a company-facts file for a run (`--facts FILE`) and says which keys a universe's lines
/// carry for it: a CRSP universe its PERMNOs and PERMCOs, every universe its tickers.
enum FactsLoading {
    /// Reads `path` and checks that `universe` carries the file's kind of key.
    /// - Throws: ``InputError`` for a bad file, or for PERMNO or PERMCO keys with a universe that has
    ///   none (a screener, a native universe): no fact could reach a line.
    static func facts(path: String, for universe: UniverseReadResult, universePath: String) throws -> CompanyFacts {
        let facts = try CompanyFactsReader.read(path: path)
        guard lineKeys(of: universe).carries(facts.keyKind) else {
            throw InputError(file: path, line: facts.keyColumn?.line, column: facts.keyColumn?.column, columnName: facts.keyColumn?.name,
                             message: "found \(facts.keyKind.label) keys, expected tickers: the universe \(universePath) "
                                 + "(\(universe.format.rawValue)) carries no \(facts.keyKind.label), so no fact could reach a line",
                             help: "key the facts by ticker (a 'ticker' column), or give a CRSP universe")
        }
        return facts
    }

    /// The keys of a snapshot's lines: a CRSP file's PERMNO (each line's id) and PERMCO (its
    /// company key); tickers only for other formats.
    static func lineKeys(of universe: UniverseReadResult) -> FactsOverlay.LineKeys {
        guard universe.format == .crsp else { return .tickersOnly }
        return FactsOverlay.LineKeys(permno: universe.securities.map(\.id), permco: universe.securities.map(\.companyKey))
    }

    /// The keys of a panel cross-section's lines: each line's PERMNO (from its panel row) and
    /// PERMCO (its company's key).
    static func lineKeys(of section: CRSPPanel.CrossSection, panel: CRSPPanel) -> FactsOverlay.LineKeys {
        let universe = section.universe
        return FactsOverlay.LineKeys(permno: section.rows.map { String(panel.row(Int($0)).permno) },
                                     permco: universe.company.map { universe.keys.companyKeys[Int($0)] })
    }
}
