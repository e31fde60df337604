import ReconCore
import ReconIO

/// A `membership.csv` written by `recon reconstitute`, read back for validation, reports and as a
/// prior membership for the next run.
public struct MembershipFile: Sendable {
    public struct Line: Sendable, Equatable {
        public var symbol: String
        public var company: String
        public var companyKey: String
        public var totalMarketCap: Double?
        public var rank: Int?
        public var index: IndexTier
        public var priorIndex: IndexTier
        public var microcap: Bool
        public var change: String
        public var weight: Double?
        public var reason: String
    }

    public var path: String
    public var lines: [Line]

    /// The columns every membership file has.
    public static let requiredColumns = ["symbol", "company", "total_market_cap", "index", "prior_index", "change", "reason"]

    public static func read(path: String) throws -> MembershipFile {
        let csv = try CSVReader(path: path)
        guard try csv.next() else {
            throw InputError(file: path, message: "is empty, expected a membership.csv with a header line",
                             help: "pass the membership.csv that recon reconstitute wrote")
        }
        let header = try CSVHeader(reader: csv)
        let headerLine = csv.lineNumber
        func column(_ name: String) throws -> Int {
            try header.require(name, file: path, line: csv.lineNumber, format: "membership")
        }
        let symbol = try column("symbol"), company = try column("company"), cap = try column("total_market_cap")
        let index = try column("index"), priorIndex = try column("prior_index"), change = try column("change")
        let reason = try column("reason")
        let key = header.index(of: "company_key"), rank = header.index(of: "rank")
        let microcap = header.index(of: "microcap"), weight = header.index(of: "weight")
        var lines: [Line] = []
        while try csv.next() {
            if csv.isBlankLine { continue }
            guard csv.fieldCount == header.names.count else {
                throw InputError(file: path, line: csv.lineNumber,
                                 message: "found \(csv.fieldCount) fields, expected \(header.names.count) as in the header",
                                 help: "pass the membership.csv that recon reconstitute wrote")
            }
            func tier(_ field: Int) throws -> IndexTier {
                let text = try csv.trimmed(field)
                guard let tier = IndexTier(rawValue: text) else {
                    throw InputError(file: path, line: csv.lineNumber, column: field + 1, columnName: header.names[field],
                                     message: "found \(InputError.quote(text)), expected R1000, R2000 or none",
                                     help: "pass the membership.csv that recon reconstitute wrote")
                }
                return tier
            }
            let symbolText = try csv.trimmed(symbol)
            lines.append(Line(
                symbol: symbolText, company: try csv.trimmed(company),
                companyKey: try key.map { try csv.trimmed($0) } ?? symbolText,
                totalMarketCap: try csv.double(cap, header: header, in: 0...Double.greatestFiniteMagnitude,
                                               expected: "a market cap in dollars (not negative)"),
                rank: try rank.flatMap { try readRank(csv, $0, header) },
                index: try tier(index), priorIndex: try tier(priorIndex),
                microcap: try csv.boolean(microcap, header: header) ?? false,
                change: try csv.trimmed(change),
                weight: try csv.double(weight, header: header, in: 0...1, expected: "a weight between 0 and 1"),
                reason: try csv.trimmed(reason)))
        }
        guard !lines.isEmpty else {
            throw InputError(file: path, line: headerLine, message: "has a membership header but no data rows, expected at least one row after it",
                             help: "pass the membership.csv that recon reconstitute wrote")
        }
        return MembershipFile(path: path, lines: lines)
    }

    /// A rank: a whole number from 1, `nil` when blank.
    private static func readRank(_ csv: CSVReader, _ column: Int, _ header: CSVHeader) throws -> Int? {
        guard let value = try csv.double(column, header: header, in: 1...Double(Int32.max), expected: "a rank (a whole number from 1)") else {
            return nil
        }
        guard value == value.rounded() else {
            throw InputError(file: csv.name, line: csv.lineNumber, column: column + 1, columnName: header.names[column],
                             message: "found \(InputError.quote(try csv.string(column))), expected a rank (a whole number from 1)",
                             help: "fix the value or leave the field blank")
        }
        return Int(value)
    }

    /// Symbols in an index after the reconstitution.
    public func symbols(in tier: IndexTier) -> [String] { lines.filter { $0.index == tier }.map(\.symbol) }

    /// Each of `symbols` with the company name of its line (the first line so spelled; empty for
    /// a symbol on no line).
    public func names(of symbols: [String]) -> [(symbol: String, name: String)] {
        var nameOf: [String: String] = [:]
        for line in lines where nameOf[line.symbol] == nil { nameOf[line.symbol] = line.company }
        return symbols.map { ($0, nameOf[$0] ?? "") }
    }

    /// In the new Russell 3000 and not a prior member.
    public var predictedAdditions: [String] {
        lines.filter { $0.index.isInRussell3000 && !$0.priorIndex.isInRussell3000 }.map(\.symbol)
    }

    /// Prior members present in the universe and not in the new Russell 3000.
    public var predictedDeletions: [String] {
        lines.filter { $0.priorIndex.isInRussell3000 && !$0.index.isInRussell3000 && $0.reason != "absent_from_universe" }
            .map(\.symbol)
    }
}
