import ReconCore
import ReconIO

/// `Data/benefit-driven-incorporation-countries.csv`: one row per benefit-driven-incorporation
/// country of M7 App. B (russell-rules.md §3.1), `country,iso_alpha3,other_names,source`.
/// Format in `Data/README.md`.
enum BenefitDrivenIncorporationFile {
    static let name = "benefit-driven-incorporation-countries.csv"

    enum Field: String, CaseIterable {
        case country
        /// The ISO 3166-1 alpha-3 code; blank for a name ISO does not code (the Channel Islands).
        case code = "iso_alpha3"
        /// Other spellings, separated by `;`.
        case otherNames = "other_names"
        case source
    }

    /// The countries of the file.
    /// - Throws: ``InputError`` at the first bad cell: a missing column, an empty country, a code
    ///   ISO 3166-1 does not assign, a name given twice, an empty source, or no row at all.
    static func read(path: String) throws -> BenefitDrivenIncorporationCountries {
        let file = try RulesFileReader(path: path, fields: Field.allCases)
        var countries: [BenefitDrivenIncorporationCountries.Country] = []
        var lineOfName: [String: Int] = [:]
        while try file.next() {
            let name = try file.text(.country)
            guard !name.isEmpty else { throw file.error(.country, "found nothing, expected a country name as App. B spells it") }
            let codeText = try file.text(.code)
            let code = CountryCode(codeText)
            guard codeText.isEmpty || code != nil else {
                throw file.error(.code, "found \(InputError.quote(codeText)), expected an ISO 3166-1 alpha-3 code such as BMU, or blank",
                                 help: "write the country's three-letter ISO code, or leave it blank when ISO gives it none")
            }
            let otherNames = try file.text(.otherNames).split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            for spelling in [name] + otherNames {
                if let first = lineOfName[spelling.lowercased()] {
                    throw file.error(spelling == name ? .country : .otherNames,
                                     "found \(InputError.quote(spelling)) again (first on line \(first)), expected each name once",
                                     help: "remove one of the two (lines \(first) and \(file.lineNumber))")
                }
                lineOfName[spelling.lowercased()] = file.lineNumber
            }
            _ = try file.citation(.source)
            countries.append(.init(name: name, code: code, otherNames: otherNames))
        }
        guard !countries.isEmpty else {
            throw InputError(file: path, line: 1, message: "has a header but no countries, expected one row per country of M7 App. B",
                             help: "see Data/README.md for the format")
        }
        return BenefitDrivenIncorporationCountries(countries)
    }
}
