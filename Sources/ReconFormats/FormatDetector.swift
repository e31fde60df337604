import ReconIO
import ReconCRSP
/// Tells which ``UniverseFormat`` a CSV file is, from its header row (a binary panel written by
/// `recon import`, from its magic, is a CRSP file).
///
/// The header is the first record that is not blank, or, for an iShares export, the `Ticker,…`
/// record after the fund's preamble (fund name, `Fund Holdings as of`, …), searched for in the
/// first ``preambleLimit`` records. A format named by the user (`--format NAME`) overrides the
/// detection. A list of tickers with no other format's columns is a ``UniverseFormat/membershipList``
/// only where a prior membership is read (`prior: true`): as a universe, a screener export
/// missing its cap column must not read as one.
public enum FormatDetector {
    /// How many records may come before the header (iShares preambles have 9 or 10).
    public static let preambleLimit = 20

    /// The result of a detection.
    public struct Detection: Sendable, Equatable {
        public var format: UniverseFormat
        /// 1-based line of the header row, when the file was read (not when the format was forced).
        public var headerLine: Int?
        /// The header's column names, when the file was read.
        public var columns: [String]
    }

    /// Detects the format of the file at `path`, or validates `explicit` (a `--format` value).
    /// - Throws: ``InputError`` for an unreadable, empty or unrecognised file, or an unknown format name.
    public static func detect(path: String, explicit: String? = nil, prior: Bool = false) throws -> Detection {
        if let explicit { return Detection(format: try UniverseFormat(name: explicit, file: path), headerLine: nil, columns: []) }
        // A binary panel (`recon import`) holds a CRSP file's rows.
        if PanelFile.isPanelFile(path: path) { return Detection(format: .crsp, headerLine: nil, columns: []) }
        return try detect(try CSVReader(path: path, chunkSize: headerChunk), prior: prior)
    }

    /// Bytes read at a time while looking for the header: the preamble and header fit in a few
    /// hundred bytes (the reader grows its buffer for a longer record), and the rows after them
    /// are not needed.
    static let headerChunk = 16 << 10

    /// Detects the format of CSV bytes in memory; `name` names them in messages.
    public static func detect(bytes: [UInt8], name: String, explicit: String? = nil, prior: Bool = false) throws -> Detection {
        if let explicit { return Detection(format: try UniverseFormat(name: explicit, file: name), headerLine: nil, columns: []) }
        return try detect(CSVReader(bytes: bytes, name: name), prior: prior)
    }

    /// The format whose required columns a header has, or `nil`.
    ///
    /// - `nasdaq-screener`: Symbol, Name, Last Sale, Market Cap.
    /// - `ishares-holdings`: Ticker, Asset Class.
    /// - `crsp`: PERMNO and date (the legacy layout), or PERMNO and MthCalDt or YYYYMM (the CIZ
    ///   layout; ``CRSPLayout``).
    /// - `native-membership`: symbol, index.
    /// - `native-universe`: symbol and market_cap, or symbol, price and shares_outstanding.
    /// - `membership-list` (with `prior`): Ticker or Symbol, and none of the above.
    public static func format(ofHeader names: [String], prior: Bool = false) -> UniverseFormat? {
        let keys = Set(names.map(CSVHeader.key))
        func has(_ columns: String...) -> Bool { columns.allSatisfy { keys.contains(CSVHeader.key($0)) } }
        if has("Symbol", "Name", "Last Sale", "Market Cap") { return .nasdaqScreener }
        if has("Ticker", "Asset Class") { return .isharesHoldings }
        if has("PERMNO", "date") || has("PERMNO", "MthCalDt") || has("PERMNO", "YYYYMM") { return .crsp }
        if has("symbol", "index") { return .nativeMembership }
        if has("symbol", "market_cap") || has("symbol", "price", "shares_outstanding") { return .nativeUniverse }
        if prior, has("Ticker") || has("Symbol") { return .membershipList }
        return nil
    }

    /// At most 20 column names, each quoted and shortened.
    private static func columnList(_ fields: [String]) -> String {
        let shown = fields.prefix(20).map(InputError.quote).joined(separator: ", ")
        return fields.count > 20 ? shown + ", ... (\(fields.count) in all)" : shown
    }

    private static func detect(_ csv: CSVReader, prior: Bool) throws -> Detection {
        var firstRecord: (line: Int, fields: [String])?
        var records = 0
        while records < preambleLimit, try csv.next() {
            if csv.isBlankLine { continue }
            records += 1
            let fields = try csv.fields()
            if firstRecord == nil { firstRecord = (csv.lineNumber, fields) }
            if let format = format(ofHeader: fields, prior: prior) {
                return Detection(format: format, headerLine: csv.lineNumber, columns: fields)
            }
        }
        guard let firstRecord else { throw InputError(file: csv.name, line: 1, message: "is empty, expected a CSV file starting with its header row", help: "check the file was downloaded completely") }
        throw InputError(
            file: csv.name, line: firstRecord.line,
            message: "found the columns \(columnList(firstRecord.fields)), which match none of the known formats: "
                + UniverseFormat.allCases.map(\.summary).joined(separator: "; "),
            help: "pass --format NAME to say which format the file is (NAME one of \(UniverseFormat.allNames)); see docs/formats.md")
    }
}
