import ReconCore
import ReconIO

extension PanelFile {
    /// Opens the panel file at `path`: maps it, checks it, and gives the panel whose columns are
    /// the file's memory.
    ///
    /// - Complexity: O(rows) for the checksums and the index checks (on every core), no parsing.
    /// - Throws: ``InputError`` for a file that is not a panel, of another format version,
    ///   truncated, damaged (a checksum that does not match) or inconsistent (an index that
    ///   points outside its column).
    public static func open(path: String) throws -> CRSPPanel {
        guard let file = MappedFile(path: path, sequential: false) else {
            throw InputError(file: path, message: "cannot be mapped, expected a recon panel file",
                             help: "check the path; a panel file is written by: recon import CRSP.csv --out \(path)")
        }
        let layout = try Layout(file: file, path: path)
        try layout.verifyChecksums()
        return try layout.panel()
    }

    /// What the header of the panel file at `path` says, after checking it (not the sections).
    public static func info(path: String) throws -> Info {
        guard let file = MappedFile(path: path, sequential: false) else {
            throw InputError(file: path, message: "cannot be mapped, expected a recon panel file")
        }
        return try Layout(file: file, path: path).info
    }

    /// A mapped panel file, its header read and its directory checked.
    struct Layout {
        let file: MappedFile
        let path: String
        let info: Info
        /// Each section's bytes and checksum, by tag.
        let sections: [Tag: (offset: Int, count: Int, checksum: UInt64)]

        init(file: MappedFile, path: String) throws {
            self.file = file
            self.path = path
            let bytes = file.bytes
            func damaged(_ what: String) -> InputError {
                InputError(file: path, message: "is damaged: \(what), expected a recon panel file as `recon import` writes it",
                           help: "import the CSV again: recon import CRSP.csv --out \(path)")
            }
            guard bytes.count >= headerSize, hasMagic(bytes) else {
                throw InputError(file: path, message: "does not start with RECONPNL, expected a recon panel file",
                                 help: "give a CRSP CSV, or a panel written by: recon import CRSP.csv --out \(path)")
            }
            let version: UInt32 = PanelFile.read(bytes, at: 8)
            guard version == PanelFile.version else {
                throw InputError(file: path, message: "is a recon panel of format version \(version), expected version \(PanelFile.version), the one this recon reads",
                                 help: "import the CSV again with this recon: recon import CRSP.csv --out \(path)")
            }
            let fileSize = Int(truncatingIfNeeded: PanelFile.read(bytes, at: 16) as UInt64)
            guard fileSize == bytes.count else {
                throw InputError(file: path, message: "has \(bytes.count) bytes, its header says \(fileSize): the file was cut short or added to",
                                 help: "import the CSV again: recon import CRSP.csv --out \(path)")
            }
            let count = Int(PanelFile.read(bytes, at: 12) as UInt32)
            guard count <= 1_024, headerSize + count * entrySize <= bytes.count else { throw damaged("a directory of \(count) sections") }
            var covered = Array(bytes[0 ..< 40])
            covered += bytes[headerSize ..< headerSize + count * entrySize]
            guard covered.withUnsafeBytes({ Checksum.xxh64($0) }) == PanelFile.read(bytes, at: 40) else {
                throw damaged("its header does not match its checksum")
            }
            var sections: [Tag: (offset: Int, count: Int, checksum: UInt64)] = [:]
            for index in 0 ..< count {
                let at = headerSize + index * entrySize
                guard let tag = Tag(rawValue: PanelFile.read(bytes, at: at)) else { throw damaged("a section of unknown kind") }
                let elementSize = Int(PanelFile.read(bytes, at: at + 4) as UInt32)
                let offset = Int(truncatingIfNeeded: PanelFile.read(bytes, at: at + 8) as UInt64)
                let elements = Int(truncatingIfNeeded: PanelFile.read(bytes, at: at + 16) as UInt64)
                let (size, overflow) = elements.multipliedReportingOverflow(by: max(elementSize, 1))
                guard elementSize == tag.elementSize, offset % alignment == 0, offset >= headerSize + count * entrySize,
                      elements >= 0, !overflow, size <= bytes.count - offset, sections[tag] == nil else {
                    throw damaged("its section \(tag) lies outside the file")
                }
                sections[tag] = (offset, elements, PanelFile.read(bytes, at: at + 24))
            }
            if let missing = Tag.allCases.first(where: { sections[$0] == nil }) { throw damaged("it has no section \(missing)") }
            self.sections = sections
            info = Info(version: version, fileSize: fileSize, sourceSize: Int(truncatingIfNeeded: PanelFile.read(bytes, at: 24) as UInt64),
                        sourceChecksum: PanelFile.read(bytes, at: 32))
        }

        /// The bytes of a section.
        func bytes(_ tag: Tag) -> UnsafeRawBufferPointer {
            let section = sections[tag]!
            return UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(file.bytes)[section.offset ..< section.offset + section.count * tag.elementSize])
        }

        func count(_ tag: Tag) -> Int { sections[tag]!.count }

        /// Every section against its checksum, the blocks of all of them on every core.
        func verifyChecksums() throws {
            let tags = Tag.allCases
            let computed = Checksum.blocks(of: tags.map(bytes))
            for (tag, checksum) in zip(tags, computed) where checksum != sections[tag]!.checksum {
                throw InputError(file: path, message: "is damaged: its section \(tag) does not match its checksum",
                                 help: "import the CSV again: recon import CRSP.csv --out \(path)")
            }
        }

        // MARK: - The panel

        func inconsistent(_ what: String) -> InputError {
            InputError(file: path, message: "is inconsistent: \(what), expected a recon panel file as `recon import` writes it",
                       help: "import the CSV again: recon import CRSP.csv --out \(path)")
        }

        func column<T>(_ tag: Tag, _ type: T.Type) -> PanelColumn<T> {
            PanelColumn(PanelColumnStorage<T>(viewing: file, offset: sections[tag]!.offset, count: sections[tag]!.count))
        }

        func array<T: FixedWidthInteger>(_ tag: Tag, _ type: T.Type) -> [T] {
            bytes(tag).withMemoryRebound(to: T.self) { $0.map { T(littleEndian: $0) } }
        }

        /// An index array: non-decreasing from 0 to `end`, one more than `count` entries.
        func starts(_ tag: Tag, count: Int, end: Int) throws -> [Int] {
            let starts = array(tag, Int64.self).map { Int(truncatingIfNeeded: $0) }
            guard starts.count == count + 1, starts.first == 0, starts.last == end,
                  zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw inconsistent("its section \(tag) does not index its column")
            }
            return starts
        }

        /// Texts stored as offsets into UTF-8 bytes.
        func texts(_ offsets: Tag, _ bytes: Tag, count: Int) throws -> [String] {
            let ends = array(offsets, Int32.self).map(Int.init)
            let text = self.bytes(bytes)
            guard ends.count == count + 1, ends.first == 0, ends.last == text.count,
                  zip(ends, ends.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw inconsistent("its section \(offsets) does not index its texts")
            }
            return (0 ..< count).map { String(decoding: UnsafeRawBufferPointer(rebasing: text[ends[$0] ..< ends[$0 + 1]]), as: UTF8.self) }
        }

        /// Whether every value of an Int32 section is in `0 ..< limit`.
        func allBelow(_ tag: Tag, _ limit: Int) -> Bool {
            let values = SendableInt32s(values: bytes(tag).assumingMemoryBound(to: Int32.self))
            return Parallel.allBlocksSatisfy(values.values.count) { block in
                block.allSatisfy { UInt32(bitPattern: values.values[$0]) < UInt32(limit) }
            }
        }

        func panel() throws -> CRSPPanel {
            let rows = count(.rowSecurity), months = count(.monthKey), securities = count(.securityPermno)
            for tag in [Tag.rowCompany, .rowDate, .rowShareCode, .rowExchangeCode, .rowPrice, .rowShares, .rowReturn,
                        .rowDelistingReturn, .rowLine, .securityRows, .securityRowMonth] where count(tag) != rows {
                throw inconsistent("its section \(tag) has \(count(tag)) rows, not \(rows)")
            }
            guard rows > 0, count(.monthEnd) == months, count(.securityIndustry) == securities, count(.report) == 7 else {
                throw inconsistent("its sections disagree on the number of rows, months or securities")
            }
            let monthRowStart = try starts(.monthRowStart, count: months, end: rows)
            let securityRowStart = try starts(.securityRowStart, count: securities, end: rows)
            let companySecurities = array(.companySecurities, Int32.self)
            let companyStart = try starts(.companySecurityStart, count: count(.companyPermco), end: companySecurities.count)
            guard allBelow(.rowSecurity, securities), allBelow(.securityRows, rows),
                  companySecurities.allSatisfy({ $0 >= 0 && Int($0) < securities }) else {
                throw inconsistent("an index points outside its column")
            }
            let monthKeys = array(.monthKey, Int32.self)
            let ends = array(.monthEnd, Int32.self)
            guard zip(monthKeys, monthKeys.dropFirst()).allSatisfy({ $0 < $1 }),
                  zip(monthKeys, ends).allSatisfy({ CRSPPanel.monthKey(yyyymmdd: $1) == $0 }) else {
                throw inconsistent("its months are out of order")
            }
            let columns = CRSPPanel.Rows(
                security: column(.rowSecurity, Int32.self), company: column(.rowCompany, Int32.self), date: column(.rowDate, Int32.self),
                shareCode: column(.rowShareCode, Int16.self), exchangeCode: column(.rowExchangeCode, Int16.self),
                price: column(.rowPrice, Double.self), shares: column(.rowShares, Double.self),
                return: column(.rowReturn, Float.self), delistingReturn: column(.rowDelistingReturn, Float.self),
                line: column(.rowLine, Int32.self))
            let permcos = array(.companyPermco, Int32.self)
            var securitiesOfCompany: [Int32: [Int32]] = [:]
            securitiesOfCompany.reserveCapacity(permcos.count)
            for (index, permco) in permcos.enumerated() {
                guard permco >= 0, securitiesOfCompany[permco] == nil else {
                    throw inconsistent("its section \(Tag.companyPermco) lists PERMCO \(permco) \(permco < 0 ? "(negative)" : "twice")")
                }
                securitiesOfCompany[permco] = Array(companySecurities[companyStart[index] ..< companyStart[index + 1]])
            }
            let table = CRSPSecurityTable(
                permno: array(.securityPermno, Int32.self),
                ticker: try texts(.securityTickerOffsets, .securityTickerBytes, count: securities),
                name: try texts(.securityNameOffsets, .securityNameBytes, count: securities),
                industry: array(.securityIndustry, Int32.self),
                cusip: try texts(.securityCusipOffsets, .securityCusipBytes, count: securities))
            let source = String(decoding: bytes(.source), as: UTF8.self)
            let counts = array(.report, Int64.self).map { Int(truncatingIfNeeded: $0) }
            guard counts[0] == rows, counts.allSatisfy({ (0 ... rows).contains($0) }), counts[1] + counts[2] + counts[3] == rows else {
                throw inconsistent("its load report does not add up to its rows")
            }
            var report = CRSPLoadReport(file: source)
            (report.rowsRead, report.rowsInCrossSections) = (counts[0], counts[1])
            if counts[2] > 0 { report.dropped[.missingPrice] = counts[2] }
            if counts[3] > 0 { report.dropped[.missingShares] = counts[3] }
            (report.missingReturns, report.midpointPrices, report.blankLines) = (counts[4], counts[5], counts[6])
            (report.securities, report.companies, report.months) = (securities, permcos.count, months)
            let panel = CRSPPanel(source: source, report: report, rows: columns, monthKeys: monthKeys, monthRowStart: monthRowStart,
                                  months: ends.map { CRSPPanel.date($0) }, securities: table, securityRowStart: securityRowStart,
                                  securityRows: column(.securityRows, Int32.self), securityRowMonth: column(.securityRowMonth, Int32.self),
                                  securitiesOfCompany: securitiesOfCompany)
            guard panel.everyRowHasACompany() else { throw inconsistent("a row names a PERMCO that its section \(Tag.companyPermco) does not list") }
            return panel
        }
    }

    static func read<T: FixedWidthInteger>(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> T {
        T(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: T.self))
    }

    /// Int32 values read by several threads at once, never written.
    private struct SendableInt32s: @unchecked Sendable {
        let values: UnsafeBufferPointer<Int32>
    }
}
