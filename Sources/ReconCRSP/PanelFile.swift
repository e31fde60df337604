import ReconCore
import ReconIO

/// recon's binary panel (`recon import CRSP.csv --out panel.recon`): a ``CRSPPanel`` as loaded
/// from its CSV, its columns laid out as they lie in memory, so that opening it maps the file and
/// parses nothing. `replay --panel` and `reconstitute --universe` take it wherever they take the
/// CSV, and give the same results.
///
/// Layout, every integer little-endian:
///
/// | bytes | holds |
/// |---|---|
/// | 0–7 | the magic `RECONPNL` |
/// | 8–11 | the format version, ``version`` |
/// | 12–15 | the number of sections |
/// | 16–23 | the file's size in bytes |
/// | 24–31 | the size of the source CSV in bytes |
/// | 32–39 | the checksum of the source CSV (``Checksum/blocks(_:)``) |
/// | 40–47 | the checksum of bytes 0–39 and the directory (``Checksum/xxh64(_:seed:)``) |
/// | 48–63 | zero |
/// | 64… | the directory: per section its tag, element size (UInt32 each), offset, element count and checksum (UInt64 each) |
/// | … | the sections, each at an offset that is a multiple of 64, each with its own checksum |
///
/// Opening checks the magic, the version, the size, every checksum and every index that could
/// point outside its column: a damaged, truncated or older file is an ``InputError`` that says
/// what to type, never a crash and never a wrong number. The values are the importer's, which its
/// CSV loader checked, for as long as the checksums match; a file forged to match its checksums
/// is not re-checked value by value (that would cost a pass over every row), but it never makes
/// recon crash.
public enum PanelFile {
    static let magic = Array("RECONPNL".utf8)
    /// The format version this build writes and reads.
    public static let version: UInt32 = 1
    static let headerSize = 64
    static let entrySize = 40
    static let alignment = 64

    /// What the header says of a panel file and its source.
    public struct Info: Sendable, Equatable {
        public var version: UInt32
        public var fileSize: Int
        public var sourceSize: Int
        public var sourceChecksum: UInt64
    }

    /// Whether `bytes` start like a panel file (its magic).
    public static func hasMagic(_ bytes: some Collection<UInt8>) -> Bool { bytes.prefix(magic.count).elementsEqual(magic) }

    /// Whether the file at `path` is a regular file that starts like a panel file (a pipe is never
    /// read here: what this read would be lost to the reader after it).
    public static func isPanelFile(path: String) -> Bool {
        guard FileBytes.isRegularFile(path) else { return false }
        guard let start = FileBytes.prefix(ofFile: path, count: magic.count) else { return false }
        return hasMagic(start)
    }

    // MARK: - Sections

    /// A section's tag: what it holds.
    enum Tag: UInt32, CaseIterable {
        case rowSecurity = 1, rowCompany, rowDate, rowShareCode, rowExchangeCode, rowPrice, rowShares, rowReturn
        case rowDelistingReturn, rowLine
        case monthKey, monthRowStart, monthEnd
        case securityPermno, securityIndustry, securityTickerOffsets, securityTickerBytes, securityNameOffsets
        case securityNameBytes, securityCusipOffsets, securityCusipBytes, securityRowStart, securityRows, securityRowMonth
        case companyPermco, companySecurityStart, companySecurities
        case source, report

        /// The size of one element.
        var elementSize: Int {
            switch self {
            case .rowShareCode, .rowExchangeCode: return 2
            case .rowPrice, .rowShares, .monthRowStart, .securityRowStart, .companySecurityStart, .report: return 8
            case .securityTickerBytes, .securityNameBytes, .securityCusipBytes, .source: return 1
            default: return 4
            }
        }
    }

    /// One section to write: its tag and bytes, a panel column's or an array of its own.
    private struct Section {
        var tag: Tag
        var column: UnsafeRawBufferPointer?
        var owned: [UInt8] = []

        init<T>(_ tag: Tag, _ column: PanelColumn<T>) {
            self.tag = tag
            self.column = UnsafeRawBufferPointer(start: column.storage.base, count: column.count * MemoryLayout<T>.stride)
        }

        init<T: FixedWidthInteger>(_ tag: Tag, _ array: [T]) {
            self.tag = tag
            owned = array.withUnsafeBytes { Array($0) }
        }

        func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            if let column { return try body(column) }
            return try owned.withUnsafeBytes(body)
        }

        var byteCount: Int { column?.count ?? owned.count }
        var count: Int { byteCount / tag.elementSize }
    }

    /// The row counts of ``CRSPLoadReport``, in the order of the `report` section (the numbers of
    /// securities, companies and months are those of their sections).
    private static func reportFields(_ report: CRSPLoadReport) -> [Int64] {
        [report.rowsRead, report.rowsInCrossSections, report.dropped[.missingPrice] ?? 0, report.dropped[.missingShares] ?? 0,
         report.missingReturns, report.midpointPrices, report.blankLines].map(Int64.init)
    }

    // MARK: - Writing

    /// Writes `panel` to `path` (atomically: the file appears whole or not at all), recording the
    /// size and checksum of the source it was read from.
    /// - Throws: ``OutputError`` when the file cannot be written.
    public static func write(_ panel: CRSPPanel, sourceSize: Int, sourceChecksum: UInt64, to path: String) throws {
        // Everything not already a column, as the arrays the sections point into.
        let monthRowStart = panel.monthRowStart.map(Int64.init)
        let monthEnd = panel.months.map { Int32($0.yyyymmdd) }
        let (tickerOffsets, tickerBytes) = textTable(panel.securityTicker)
        let (nameOffsets, nameBytes) = textTable(panel.securityName)
        let (cusipOffsets, cusipBytes) = textTable(panel.securityCusip)
        let securityRowStart = panel.securityRowStart.map(Int64.init)
        let companies = panel.securitiesOfCompany.keys.sorted()
        var companySecurityStart: [Int64] = [0], companySecurities: [Int32] = []
        for permco in companies {
            companySecurities += panel.securitiesOfCompany[permco]!
            companySecurityStart.append(Int64(companySecurities.count))
        }
        let source = Array(panel.source.utf8)
        let report = reportFields(panel.report)

        let sections = [
            Section(.rowSecurity, panel.rowSecurity), Section(.rowCompany, panel.rowCompany), Section(.rowDate, panel.rowDate),
            Section(.rowShareCode, panel.rowShareCode), Section(.rowExchangeCode, panel.rowExchangeCode),
            Section(.rowPrice, panel.rowPrice), Section(.rowShares, panel.rowShares), Section(.rowReturn, panel.rowReturn),
            Section(.rowDelistingReturn, panel.rowDelistingReturn), Section(.rowLine, panel.rowLine),
            Section(.monthKey, panel.monthKeys), Section(.monthRowStart, monthRowStart), Section(.monthEnd, monthEnd),
            Section(.securityPermno, panel.securityPermno), Section(.securityIndustry, panel.securityIndustry),
            Section(.securityTickerOffsets, tickerOffsets), Section(.securityTickerBytes, tickerBytes),
            Section(.securityNameOffsets, nameOffsets), Section(.securityNameBytes, nameBytes),
            Section(.securityCusipOffsets, cusipOffsets), Section(.securityCusipBytes, cusipBytes),
            Section(.securityRowStart, securityRowStart), Section(.securityRows, panel.securityRows),
            Section(.securityRowMonth, panel.securityRowMonth),
            Section(.companyPermco, companies), Section(.companySecurityStart, companySecurityStart),
            Section(.companySecurities, companySecurities), Section(.source, source), Section(.report, report),
        ]
        try withExtendedLifetime(panel) {
            try write(sections, sourceSize: sourceSize, sourceChecksum: sourceChecksum, to: path)
        }
    }

    /// Texts as offsets (one more than the texts) into their UTF-8 bytes one after the other.
    private static func textTable(_ texts: [String]) -> (offsets: [Int32], bytes: [UInt8]) {
        var offsets: [Int32] = [0], bytes: [UInt8] = []
        offsets.reserveCapacity(texts.count + 1)
        for text in texts {
            bytes += text.utf8
            offsets.append(Int32(bytes.count))
        }
        return (offsets, bytes)
    }

    private static func write(_ sections: [Section], sourceSize: Int, sourceChecksum: UInt64, to path: String) throws {
        var offset = headerSize + sections.count * entrySize
        var entries: [(offset: Int, checksum: UInt64)] = []
        for section in sections {
            offset = aligned(offset)
            entries.append((offset, section.withBytes(Checksum.blocks)))
            offset += section.byteCount
        }
        let fileSize = offset
        var header = [UInt8](repeating: 0, count: headerSize + sections.count * entrySize)
        header.replaceSubrange(0 ..< 8, with: magic)
        put(UInt32(version), at: 8, in: &header)
        put(UInt32(sections.count), at: 12, in: &header)
        put(UInt64(fileSize), at: 16, in: &header)
        put(UInt64(sourceSize), at: 24, in: &header)
        put(sourceChecksum, at: 32, in: &header)
        for (index, section) in sections.enumerated() {
            let at = headerSize + index * entrySize
            put(section.tag.rawValue, at: at, in: &header)
            put(UInt32(section.tag.elementSize), at: at + 4, in: &header)
            put(UInt64(entries[index].offset), at: at + 8, in: &header)
            put(UInt64(section.count), at: at + 16, in: &header)
            put(entries[index].checksum, at: at + 24, in: &header)
        }
        put(headerChecksum(header), at: 40, in: &header)
        let zeros = [UInt8](repeating: 0, count: alignment)
        try AtomicFile.write(to: path) { file in
            try header.withUnsafeBytes { try file.write($0) }
            var written = header.count
            for (index, section) in sections.enumerated() {
                try zeros.withUnsafeBytes { try file.write(UnsafeRawBufferPointer(rebasing: $0[0 ..< entries[index].offset - written])) }
                try section.withBytes(file.write)
                written = entries[index].offset + section.byteCount
            }
        }
    }

    private static func aligned(_ offset: Int) -> Int { (offset + alignment - 1) / alignment * alignment }

    private static func put<T: FixedWidthInteger>(_ value: T, at offset: Int, in bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset ..< offset + MemoryLayout<T>.size, with: $0) }
    }

    /// The checksum of the header's first 40 bytes and the directory.
    private static func headerChecksum(_ header: [UInt8]) -> UInt64 {
        var covered = Array(header[0 ..< 40])
        covered += header[headerSize...]
        return covered.withUnsafeBytes { Checksum.xxh64($0) }
    }
}
