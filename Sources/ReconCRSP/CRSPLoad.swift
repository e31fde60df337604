import ReconPlatform
import Dispatch
import ReconCore
import ReconIO

/// Reads a CRSP monthly stock file into a ``CRSPPanel``: the one load path of the file format.
///
/// The file is mapped (or, for a pipe, read whole), its header read with ``CSVReader``, and its
/// rows read by the ``CRSPTokenizer`` into one ``CRSPRowSink`` per stretch. A large file is cut
/// into one stretch per core at line starts and the stretches are parsed at once, then merged in
/// file order; when a stretch declines a record (a bad row, a cut inside quotes, lines ending in
/// CR alone) or the merge cannot keep a name exactly, the file is read again in one stretch, where
/// the general CSV reader (``CRSPRecordReader``) takes the declined records and reports the first
/// bad one with its line and column. Either way the sorted, indexed panel comes from
/// ``CRSPPanel/assemble(source:report:rows:securities:ordered:)``.
enum CRSPLoad {
    /// Files smaller than this are parsed in one stretch (threads cost more than they save).
    static let parallelThreshold = 4 << 20

    /// The panel of the file at `path`.
    /// - Parameter stretches: stretches to parse at once (default: one per core for large files).
    static func load(path: String, stretches: Int? = nil) throws -> CRSPPanel {
        guard let file = MappedFile(path: path) else {
            // Not a regular file that can be mapped (a pipe, an empty file): read it whole.
            let bytes = try FileBytes.contents(ofFile: path)
            return try bytes.withUnsafeBufferPointer { try load($0, name: path, stretches: stretches) }
        }
        defer {
            // Unmapping the file (hundreds of megabytes of page tables) takes ~10 ms: let a
            // background thread drop the last reference while the caller goes on.
            let owner = Unmanaged.passRetained(file)
            DispatchQueue.global(qos: .utility).async { owner.release() }
        }
        return try withExtendedLifetime(file) { try load(file.bytes, name: path, stretches: stretches) }
    }

    /// The panel of the bytes of a file named `name`.
    static func load(_ data: UnsafeBufferPointer<UInt8>, name: String, stretches: Int? = nil) throws -> CRSPPanel {
        if PanelFile.hasMagic(data) {
            throw InputError(file: name, message: "is a recon panel file read from a pipe, expected a CRSP CSV or a panel's path",
                             help: "give the panel file's path (it is mapped, not read through a pipe)")
        }
        let header = try readHeader(data, name: name)
        PhaseTimer.mark("load: map and header")
        let count = stretches ?? (data.count >= parallelThreshold ? Parallel.cores : 1)
        if count > 1, let merged = inStretches(data, header: header, name: name, count: count) {
            return try assemble(merged, name: name, header: header)
        }
        return try assemble(inOneStretch(data, header: header, name: name), name: name, header: header)
    }

    // MARK: - The header

    /// The columns of the header (the first record that is not a blank line), where the rows
    /// start and on which physical line.
    struct Header {
        var columns: CRSPColumns
        var line: Int
        var dataStart: Int
        var firstDataLine: Int
    }

    /// Reads the header from the start of the data (doubling the bytes read until it is whole).
    static func readHeader(_ data: UnsafeBufferPointer<UInt8>, name: String) throws -> Header {
        var window = 1 << 16
        while true {
            let end = min(window, data.count)
            let isWhole = end == data.count
            let reader = CSVReader(bytes: Array(data[0 ..< end]), name: name)
            do {
                while try reader.next() {
                    if reader.isBlankLine { continue }
                    guard isWhole || reader.offsetAfterRecord < end else { break }
                    let columns = try CRSPColumns(header: CSVHeader(reader: reader), file: name, line: reader.lineNumber)
                    return Header(columns: columns, line: reader.lineNumber, dataStart: reader.offsetAfterRecord,
                                  firstDataLine: reader.lineAfterRecord)
                }
            } catch where !isWhole {
                // A quote the window cut: read more.
            }
            guard !isWhole else {
                throw InputError(file: name, message: "is empty, expected a \(CRSPColumns.format) with a header row",
                                 help: "export PERMNO, PERMCO, date, SHRCD, EXCHCD, TICKER, COMNAM, PRC, RET, SHROUT (and DLRET) from CRSP")
            }
            window *= 2
        }
    }

    // MARK: - Reading the rows

    /// The stretches parsed at once and merged, or `nil` when a stretch declines a record or the
    /// merge cannot keep a name exactly.
    static func inStretches(_ data: UnsafeBufferPointer<UInt8>, header: Header, name: String, count: Int) -> Merged? {
        let ranges = split(data, from: header.dataStart, into: count)
        let tokenizer = CRSPTokenizer(columns: header.columns, data: data)
        // Every stretch writes its rows straight into one set of columns, from a start given by
        // the line feeds before it (a record ends with one, but the file's last may not), so
        // that no row is copied when the stretches are merged.
        let limits = Parallel.map(ranges.count) { index in
            tokenizer.lineFeeds(in: ranges[index]) + (index == ranges.count - 1 ? 1 : 0)
        }
        let starts = limits.reduce(into: [0]) { $0.append($0.last! + $1) }
        let rows = CRSPRowColumns(capacity: starts.last!)
        let parsed = Parallel.map(ranges.count) { index -> CRSPRowSink? in
            let range = ranges[index]
            return try? tokenizer.parse(start: range.lowerBound, end: range.upperBound,
                                        firstLine: index == 0 ? header.firstDataLine : 0,
                                        into: rows, rowStart: starts[index], rowLimit: limits[index])
        }
        PhaseTimer.mark("load: parse \(ranges.count) stretches")
        let sinks = parsed.compactMap { $0 }
        guard sinks.count == parsed.count else { return nil }
        defer { PhaseTimer.mark("load: merge") }
        return merge(sinks, firstLine: header.firstDataLine, file: name)
    }

    /// The rows read in one stretch, the CSV reader taking any record the tokenizer declines.
    /// - Throws: ``InputError`` for the first bad record.
    static func inOneStretch(_ data: UnsafeBufferPointer<UInt8>, header: Header, name: String) throws -> Merged {
        let tokenizer = CRSPTokenizer(columns: header.columns, data: data)
        let range = header.dataStart ..< data.count
        // A record ends with a line break (LF, CR LF or CR alone), but the file's last may not.
        let limit = tokenizer.lineFeeds(in: range) + tokenizer.carriageReturns(in: range) + 1
        let rows = CRSPRowColumns(capacity: limit)
        let records = CRSPRecordReader(data: data, columns: header.columns, name: name)
        let sink = try tokenizer.parse(start: range.lowerBound, end: range.upperBound, firstLine: header.firstDataLine,
                                       into: rows, rowStart: 0, rowLimit: limit, records: records)
        PhaseTimer.mark("load: parse 1 stretch")
        return merge([sink], firstLine: header.firstDataLine, file: name)!
    }

    /// The panel of the rows read.
    /// - Throws: ``InputError`` for a header without rows, or two rows of one PERMNO in a month.
    static func assemble(_ merged: Merged, name: String, header: Header) throws -> CRSPPanel {
        guard merged.rows.count > 0 else {
            // The reference's line: the last record read, the header or a blank line after it.
            let line = merged.report.blankLines > 0 ? header.firstDataLine + merged.lines - 1 : header.line
            throw InputError(file: name, line: line,
                             message: "has a header but no rows, expected at least one row of \(CRSPColumns.format) data",
                             help: "check the file was exported completely")
        }
        defer { PhaseTimer.mark("load: sort and index") }
        return try CRSPPanel.assemble(source: name, report: merged.report, rows: merged.rows,
                                      securities: merged.securities, ordered: merged.ordered)
    }

    /// `data[start...]` in `count` stretches that begin at the start of a line. A line break
    /// inside a quoted field may cut a record in two: the stretch before it then ends inside the
    /// quotes, its parse declines, and the file is read in one stretch.
    static func split(_ data: UnsafeBufferPointer<UInt8>, from start: Int, into count: Int) -> [Range<Int>] {
        var bounds = [start]
        let length = data.count - start
        for k in 1 ..< max(count, 1) {
            var cut = max(start + length / count * k, bounds.last!)
            while cut < data.count, data[cut] != Byte.lf { cut += 1 }
            if cut < data.count { cut += 1 }
            if cut > bounds.last!, cut < data.count { bounds.append(cut) }
        }
        bounds.append(data.count)
        return (0 ..< bounds.count - 1).map { bounds[$0] ..< bounds[$0 + 1] }
    }

    // MARK: - Merging

    struct Merged {
        var rows: CRSPRowColumns
        var securities: CRSPSecurityTable
        var report: CRSPLoadReport
        var ordered: Bool
        /// Physical lines the rows span.
        var lines: Int
    }

    /// The stretches as one: rows closed up in file order (a stretch that wrote fewer rows than
    /// its line feeds, for blank lines or line breaks inside quotes, leaves a gap the next ones
    /// move down over), securities renumbered, lines made absolute, each security's names from
    /// the last stretch whose rows update them, counts summed. `nil` when a later stretch kept a
    /// name the merge cannot replay exactly.
    static func merge(_ sinks: [CRSPRowSink], firstLine: Int, file: String) -> Merged? {
        guard !sinks.dropFirst().contains(where: \.hasIrregularText) else { return nil }
        var table = MergedSecurities(first: sinks[0])
        let rows = sinks[0].rows
        var end = sinks[0].rowStart + sinks[0].rowCount
        var lineOffset = firstLine + sinks[0].lines
        var ordered = sinks[0].ordered
        var lastKey = sinks[0].lastKey
        for (index, sink) in sinks.enumerated().dropFirst() {
            let global = table.add(sink, index: index)
            closeUp(sink, at: end, security: global, lineOffset: lineOffset)
            end += sink.rowCount
            lineOffset += sink.lines
            ordered = ordered && sink.ordered
            if let first = sink.firstKey {
                if let lastKey, !(lastKey < first) { ordered = false }
                lastKey = sink.lastKey
            }
        }
        rows.setCount(end)

        var report = CRSPLoadReport(file: file)
        var missingPrice = 0, missingShares = 0
        for sink in sinks {
            report.rowsRead += sink.counts.rowsRead
            report.rowsInCrossSections += sink.counts.rowsInCrossSections
            report.missingReturns += sink.counts.missingReturns
            report.midpointPrices += sink.counts.midpointPrices
            report.blankLines += sink.counts.blankLines
            missingPrice += sink.counts.missingPrice
            missingShares += sink.counts.missingShares
        }
        if missingPrice > 0 { report.dropped[.missingPrice] = missingPrice }
        if missingShares > 0 { report.dropped[.missingShares] = missingShares }
        return Merged(rows: rows, securities: table.strings(sinks), report: report, ordered: ordered, lines: lineOffset - firstLine)
    }

    /// A later stretch's rows moved to `destination` (when a gap is before them), their securities
    /// renumbered and their lines made absolute.
    private static func closeUp(_ sink: CRSPRowSink, at destination: Int, security global: [Int32], lineOffset: Int) {
        let rows = sink.rows, source = sink.rowStart, count = sink.rowCount
        if destination != source {
            func move<T>(_ column: PanelColumnStorage<T>) {
                // Down over the gap, possibly overlapping: memmove.
                memmove(column.base + destination, column.base + source, count * MemoryLayout<T>.stride)
            }
            move(rows.security); move(rows.company); move(rows.date); move(rows.shareCode); move(rows.exchangeCode)
            move(rows.price); move(rows.shares); move(rows.returns); move(rows.delistingReturns); move(rows.line)
        }
        let security = rows.security.base + destination, line = rows.line.base + destination
        for index in 0 ..< count {
            security[index] = global[Int(security[index])]
            line[index] = Int32(clamping: Int(line[index]) + lineOffset)
        }
    }

    /// The securities of the whole file while merging: which stretch holds each one's latest names.
    struct MergedSecurities {
        var permno: [Int32] = []
        var idOfPermno: [Int32: Int32] = [:]
        var latestDate: [Int32] = []
        /// (stretch, text) of the latest ticker, name and CUSIP.
        var ticker: [(Int, CRSPRowSink.TextSpan)] = []
        var name: [(Int, CRSPRowSink.TextSpan)] = []
        var cusip: [(Int, CRSPRowSink.TextSpan)] = []
        var industry: [Int32] = []

        init(first sink: CRSPRowSink) {
            let securities = sink.securities
            permno = securities.permno
            latestDate = securities.latestDate
            ticker = securities.ticker.map { (0, $0) }
            name = securities.name.map { (0, $0) }
            cusip = securities.cusip.map { (0, $0) }
            industry = securities.industry
            idOfPermno.reserveCapacity(permno.count)
            for (id, permno) in permno.enumerated() { idOfPermno[permno] = Int32(id) }
        }

        /// Adds a later stretch's securities; returns the global number of each of its securities.
        ///
        /// The rows of the stretch that update a security's names in a reading of the whole file
        /// are those dated on or after its latest date before the stretch, the last of them being
        /// the stretch's own latest (its names are kept as that row's trimmed bytes: the stretch
        /// has no irregular text). So the stretch's names win when its latest date is on or after
        /// the one before, and its SIC code when the row that last set it is.
        mutating func add(_ sink: CRSPRowSink, index: Int) -> [Int32] {
            let securities = sink.securities
            var global = [Int32](repeating: 0, count: securities.permno.count)
            for local in 0 ..< securities.permno.count {
                let permno = securities.permno[local]
                let id: Int
                if let known = idOfPermno[permno] {
                    id = Int(known)
                } else {
                    id = self.permno.count
                    idOfPermno[permno] = Int32(id)
                    self.permno.append(permno)
                    latestDate.append(0)
                    ticker.append((0, CRSPRowSink.TextSpan()))
                    name.append((0, CRSPRowSink.TextSpan()))
                    cusip.append((0, CRSPRowSink.TextSpan()))
                    industry.append(0)
                }
                global[local] = Int32(id)
                let before = latestDate[id]
                guard securities.latestDate[local] >= before else { continue }
                latestDate[id] = securities.latestDate[local]
                ticker[id] = (index, securities.ticker[local])
                name[id] = (index, securities.name[local])
                cusip[id] = (index, securities.cusip[local])
                if securities.industryDate[local] != 0, securities.industryDate[local] >= before {
                    industry[id] = securities.industry[local]
                }
            }
            return global
        }

        /// The table with its texts as strings (one of each per security).
        func strings(_ sinks: [CRSPRowSink]) -> CRSPSecurityTable {
            func text(_ kept: (Int, CRSPRowSink.TextSpan)) -> String {
                kept.1.count == 0 ? "" : String(decoding: sinks[kept.0].securities.bytes(kept.1), as: UTF8.self)
            }
            return CRSPSecurityTable(permno: permno, ticker: ticker.map(text), name: name.map(text),
                                     industry: industry, cusip: cusip.map(text))
        }
    }
}

extension CRSPPanel {
    /// Reads a CRSP monthly stock file (see ``CRSPColumns`` for the columns) by ``CRSPLoad``, or
    /// opens a binary panel that `recon import` wrote from one (``PanelFile``).
    ///
    /// - Parameter progress: called with the fraction of the file read (0...1).
    /// - Throws: ``InputError`` for an empty file, a header without rows, a missing column, a
    ///   field that is not what its column needs (with line, column and header name), or two
    ///   rows of one PERMNO in one month (naming both lines).
    public static func load(path: String, progress: ((Double) -> Void)? = nil) throws -> CRSPPanel {
        let panel = PanelFile.isPanelFile(path: path) ? try PanelFile.open(path: path) : try CRSPLoad.load(path: path)
        progress?(1)
        return panel
    }

    /// Reads a panel from the bytes of a file named `name` (tests, fuzzing).
    public static func load(bytes: [UInt8], name: String) throws -> CRSPPanel {
        try bytes.withUnsafeBufferPointer { try CRSPLoad.load($0, name: name) }
    }
}
