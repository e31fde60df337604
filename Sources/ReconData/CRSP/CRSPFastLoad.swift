#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import ReconCore

/// Loads a CRSP file by parsing stretches of it on every core at once (``CRSPChunkParser``)
/// and merging them in file order, so that the panel is exactly the one the reference reader
/// (``CRSPPanel/load(reader:totalBytes:progress:)``) builds. It answers `nil` whenever it cannot
/// promise that (a pipe rather than a file, a row the reference would refuse, names it would
/// have to keep differently): the caller then reads the file with the reference.
enum CRSPFastLoad {
    /// Files smaller than this are parsed on one thread (threads cost more than they save).
    static let parallelThreshold = 4 << 20

    /// The panel of the regular file at `path`, or `nil`.
    /// - Parameter chunks: stretches to parse in parallel (default: one per core for large files).
    static func load(path: String, chunks: Int? = nil) -> CRSPPanel? {
        guard let file = MappedFile(path: path), let reader = try? CSVReader(path: path) else { return nil }
        let panel = withExtendedLifetime(file) {
            load(file.bytes, header: reader, name: path, chunks: chunks)
        }
        // Unmapping the file (hundreds of megabytes of page tables) takes ~10 ms: let a background
        // thread drop the last reference while the caller goes on.
        let owner = Unmanaged.passRetained(file)
        DispatchQueue.global(qos: .utility).async { owner.release() }
        return panel
    }

    /// The panel of `data`, whose header `reader` reads (the same bytes), or `nil`.
    static func load(_ data: UnsafeBufferPointer<UInt8>, header reader: CSVReader, name: String, chunks: Int? = nil) -> CRSPPanel? {
        guard let columns = try? readHeader(reader), data.baseAddress != nil else { return nil }
        let dataStart = reader.offsetAfterRecord, firstLine = reader.lineAfterRecord
        let count = chunks ?? (data.count >= parallelThreshold ? Parallel.cores : 1)
        let ranges = split(data, from: dataStart, into: count)
        PhaseTimer.mark("load: map and header")
        let parser = CRSPChunkParser(columns: columns, data: data)
        // Every stretch writes its rows straight into one set of columns, from a start given by
        // the line feeds before it (a record ends with one, but the file's last may not), so
        // that no row is copied when the stretches are merged.
        let limits = Parallel.map(ranges.count) { index in
            parser.lineFeeds(in: ranges[index]) + (index == ranges.count - 1 ? 1 : 0)
        }
        let starts = limits.reduce(into: [0]) { $0.append($0.last! + $1) }
        let rows = CRSPRowColumns(capacity: starts.last!)
        let parsed = Parallel.map(ranges.count) { index -> CRSPChunk? in
            let range = ranges[index]
            return try? parser.parse(start: range.lowerBound, end: range.upperBound, firstLine: index == 0 ? firstLine : 0,
                                     into: rows, rowStart: starts[index], rowLimit: limits[index])
        }
        PhaseTimer.mark("load: parse \(ranges.count) stretches")
        let chunks = parsed.compactMap { $0 }
        guard chunks.count == parsed.count, let merged = merge(chunks, firstLine: firstLine, file: name),
              merged.rows.count > 0 else { return nil }
        PhaseTimer.mark("load: merge")
        defer { PhaseTimer.mark("load: sort and index") }
        return try? CRSPPanel.assemble(source: name, report: merged.report, rows: merged.rows,
                                       securities: merged.securities, ordered: merged.ordered)
    }

    /// The columns of the file's header (the first record that is not a blank line).
    static func readHeader(_ reader: CSVReader) throws -> CRSPColumns? {
        while try reader.next() {
            if reader.isBlankLine { continue }
            return try CRSPColumns(header: CSVHeader(reader: reader), file: reader.name, line: reader.lineNumber)
        }
        return nil
    }

    /// `data[start...]` in `count` stretches that begin at the start of a line. A line break
    /// inside a quoted field may cut a record in two: the stretch before it then ends inside the
    /// quotes, its parse refuses, and the whole load goes to the reference reader.
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
    }

    /// The stretches as one: rows closed up in file order (a stretch that wrote fewer rows than
    /// its line feeds, for blank lines or line breaks inside quotes, leaves a gap the next ones
    /// move down over), securities renumbered, lines made absolute, each security's names from
    /// the last stretch whose rows update them, counts summed. `nil` when a later stretch kept a
    /// name the merge cannot replay exactly.
    static func merge(_ chunks: [CRSPChunk], firstLine: Int, file: String) -> Merged? {
        guard !chunks.dropFirst().contains(where: \.hasIrregularText) else { return nil }
        var table = MergedSecurities(first: chunks[0])
        let rows = chunks[0].rows
        var end = chunks[0].rowStart + chunks[0].rowCount
        var lineOffset = firstLine + chunks[0].lines
        var ordered = chunks[0].ordered
        var lastKey = chunks[0].lastKey
        for (index, chunk) in chunks.enumerated().dropFirst() {
            let global = table.add(chunk, index: index)
            closeUp(chunk, at: end, security: global, lineOffset: lineOffset)
            end += chunk.rowCount
            lineOffset += chunk.lines
            ordered = ordered && chunk.ordered
            if let first = chunk.firstKey {
                if let lastKey, !(lastKey < first) { ordered = false }
                lastKey = chunk.lastKey
            }
        }
        rows.setCount(end)

        var report = CRSPLoadReport(file: file)
        var missingPrice = 0, missingShares = 0
        for chunk in chunks {
            report.rowsRead += chunk.counts.rowsRead
            report.rowsInCrossSections += chunk.counts.rowsInCrossSections
            report.missingReturns += chunk.counts.missingReturns
            report.midpointPrices += chunk.counts.midpointPrices
            report.blankLines += chunk.counts.blankLines
            missingPrice += chunk.counts.missingPrice
            missingShares += chunk.counts.missingShares
        }
        if missingPrice > 0 { report.dropped[.missingPrice] = missingPrice }
        if missingShares > 0 { report.dropped[.missingShares] = missingShares }
        return Merged(rows: rows, securities: table.strings(chunks), report: report, ordered: ordered)
    }

    /// A later stretch's rows moved to `destination` (when a gap is before them), their securities
    /// renumbered and their lines made absolute.
    private static func closeUp(_ chunk: CRSPChunk, at destination: Int, security global: [Int32], lineOffset: Int) {
        let rows = chunk.rows, source = chunk.rowStart, count = chunk.rowCount
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
        var ticker: [(Int, CRSPChunk.TextSpan)] = []
        var name: [(Int, CRSPChunk.TextSpan)] = []
        var cusip: [(Int, CRSPChunk.TextSpan)] = []
        var industry: [Int32] = []

        init(first chunk: CRSPChunk) {
            let securities = chunk.securities
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
        mutating func add(_ chunk: CRSPChunk, index: Int) -> [Int32] {
            let securities = chunk.securities
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
                    ticker.append((0, CRSPChunk.TextSpan()))
                    name.append((0, CRSPChunk.TextSpan()))
                    cusip.append((0, CRSPChunk.TextSpan()))
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
        func strings(_ chunks: [CRSPChunk]) -> CRSPSecurityTable {
            func text(_ kept: (Int, CRSPChunk.TextSpan)) -> String {
                kept.1.count == 0 ? "" : String(decoding: chunks[kept.0].securities.bytes(kept.1), as: UTF8.self)
            }
            return CRSPSecurityTable(permno: permno, ticker: ticker.map(text), name: name.map(text),
                                     industry: industry, cusip: cusip.map(text))
        }
    }
}

/// A regular file mapped read-only into memory, its pages read in at once. Read-only memory
/// that is never written may be read from any thread (`@unchecked Sendable`).
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>

    /// `nil` when `path` is not a regular, non-empty file that can be mapped.
    init?(path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0 else { return nil }
        let size = Int(status.st_size)
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let memory = mmap(nil, size, PROT_READ, flags, descriptor, 0), memory != MAP_FAILED else { return nil }
        bytes = UnsafeBufferPointer(start: memory.assumingMemoryBound(to: UInt8.self), count: size)
        #if os(Linux)
        _ = madvise(memory, size, MADV_SEQUENTIAL)
        #endif
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }
}
