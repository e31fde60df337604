import Foundation
import XCTest
@testable import ReconCLI
import ReconSynthetic

/// A market in CRSP's CIZ layout replays the history of the same market in the legacy layout:
/// every membership, count, breakpoint and turnover column of `history.csv` identical, the drag
/// columns within 1e-6 (MthRet is the legacy (1 + RET)(1 + DLRET) − 1, rounded to six decimals).
///
/// The market is a seeded one of 10,000 firms, 1979–2025 (the Russell 1000 full and part of the
/// 2000 every year), replayed 1989–2025; the embedded market itself (25,000 firms) is compared
/// too, about 40 s in a debug build (identical columns, drag within 2.4e-9; docs/crsp.md).
final class CIZReplayTests: XCTestCase {
    private static let dragColumns: Set<String> = ["drag_12m_cap", "drag_12m_equal"]

    /// The seeded market, written once for the class (folder, legacy and CIZ files), and the
    /// histories replayed so far, by file.
    nonisolated(unsafe) private static var market: (folder: String, legacy: String, ciz: String)?
    nonisolated(unsafe) private static var histories: [String: String] = [:]

    override class func tearDown() {
        if let folder = market?.folder { try? FileManager.default.removeItem(atPath: folder) }
        market = nil
        histories = [:]
        super.tearDown()
    }

    private struct CommandFailed: Error {}

    // MARK: - Helpers

    private func run(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let run = CommandRun(arguments)
        guard run.status == 0 else {
            XCTFail("recon \(arguments.joined(separator: " ")) exited \(run.status): \(run.error)", file: file, line: line)
            throw CommandFailed()
        }
    }

    /// The seeded market (10,000 firms, 1979–2025, seed 5) in both layouts, by `recon generate`.
    private func seededMarket() throws -> (folder: String, legacy: String, ciz: String) {
        if let market = Self.market { return market }
        let folder = try TestPaths.temporaryFolder()
        let market = (folder: folder, legacy: folder + "/legacy.csv", ciz: folder + "/ciz.csv")
        for (layout, path) in [("legacy", market.legacy), ("ciz", market.ciz)] {
            try run(["generate", "--quiet", "--layout", layout, "--to", "2025", "--firms", "10000", "--seed", "5", "--out", path])
        }
        Self.market = market
        return market
    }

    /// `recon replay --history-only --from 1989 --to 2025 --panel FILE`: its history.csv.
    private func history(_ panel: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        if let known = Self.histories[panel] { return known }
        let out = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try run(["replay", "--quiet", "--history-only", "--from", "1989", "--to", "2025", "--panel", panel, "--out", out], file: file, line: line)
        let text = try String(contentsOfFile: out + "/history.csv", encoding: .utf8)
        Self.histories[panel] = text
        return text
    }

    /// Every column identical but the drag columns, which must agree within 1e-6.
    private func assertSameHistory(_ actual: String, _ expected: String, _ what: String,
                                   file: StaticString = #filePath, line: UInt = #line) {
        let a = actual.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let b = expected.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        XCTAssertEqual(a.first, b.first, "\(what): header", file: file, line: line)
        XCTAssertEqual(a.count, b.count, "\(what): runs", file: file, line: line)
        XCTAssertEqual(b.count, 38, "\(what): a replay 1989–2025 has a line per June", file: file, line: line)
        guard let header = b.first, a.count == b.count else { return }
        for (rowA, rowB) in zip(a.dropFirst(), b.dropFirst()) {
            for (index, name) in header.enumerated() {
                let x = rowA[index], y = rowB[index]
                if Self.dragColumns.contains(String(name)), let dx = Double(x), let dy = Double(y) {
                    XCTAssertEqual(dx, dy, accuracy: 1e-6, "\(what): \(rowB[0]) \(name)", file: file, line: line)
                } else {
                    XCTAssertEqual(x, y, "\(what): \(rowB[0]) \(name)", file: file, line: line)
                }
            }
        }
    }

    /// The CSV with its header line rewritten by `transform`.
    private func withHeader(_ path: String, _ transform: (String) -> String, to destination: String) throws -> String {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let end = text.firstIndex(of: "\n")!
        try (transform(String(text[..<end])) + text[end...]).write(toFile: destination, atomically: true, encoding: .utf8)
        return destination
    }

    // MARK: - Tests

    func testCIZFileOfTheMarketReplaysTheLegacyHistoryInAnyHeaderCase() throws {
        let (folder, legacy, ciz) = try seededMarket()
        let expected = try history(legacy)
        XCTAssertTrue(expected.contains("\n2025-06,2025-04-30,2025-06-27,"), expected)
        XCTAssertTrue(try String(contentsOfFile: ciz, encoding: .utf8).hasPrefix("PERMNO,PrimaryExch,"))
        let upper = try withHeader(ciz, { $0.uppercased() }, to: folder + "/upper.csv")
        let lower = try withHeader(ciz, { $0.lowercased() }, to: folder + "/lower.csv")
        for (what, path) in [("the generator's CIZ file", ciz), ("an upper-case header", upper), ("a lower-case header", lower)] {
            assertSameHistory(try history(path), expected, what)
        }
    }

    func testCIZFileWrittenIndependentlyReplaysTheLegacyHistory() throws {
        let (folder, legacy, _) = try seededMarket()
        let converted = folder + "/converted.csv"
        try IndependentCIZConverter.convert(legacy: legacy, to: converted)
        assertSameHistory(try history(converted), try history(legacy), "a CIZ file converted by the test")
    }

    func testImportedCIZPanelReplaysTheCIZHistory() throws {
        let (folder, _, ciz) = try seededMarket()
        let panel = folder + "/ciz.recon"
        let imported = CommandRun(["import", ciz, "--out", panel])
        XCTAssertEqual(imported.status, 0, imported.error)
        XCTAssertTrue(imported.out.hasPrefix("wrote \(panel): "), imported.out)
        XCTAssertEqual(try history(panel), try history(ciz), "history.csv byte for byte")
    }

    /// `reconstitute --universe` detects a CIZ file as CRSP and writes the legacy file's membership.
    func testReconstitutionFromACIZUniverseIsTheLegacyOne() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for layout in ["legacy", "ciz"] {
            try run(["generate", "--quiet", "--layout", layout, "--from", "2017", "--to", "2020", "--firms", "3000", "--seed", "9",
                     "--out", "\(folder)/\(layout).csv"])
            try run(["reconstitute", "--quiet", "--year", "2020", "--universe", "\(folder)/\(layout).csv", "--out", "\(folder)/run-\(layout)"])
        }
        for file in ["membership.csv", "turnover.csv", "migration.csv"] {
            let legacy = try String(contentsOfFile: "\(folder)/run-legacy/\(file)", encoding: .utf8)
            XCTAssertEqual(try String(contentsOfFile: "\(folder)/run-ciz/\(file)", encoding: .utf8), legacy, file)
        }
        XCTAssertGreaterThan(try String(contentsOfFile: "\(folder)/run-legacy/membership.csv", encoding: .utf8).split(separator: "\n").count, 500)
        let summary = try String(contentsOfFile: "\(folder)/run-ciz/summary.json", encoding: .utf8)
        XCTAssertTrue(summary.contains("\"format\": \"crsp\""), summary)
    }

    /// The embedded market itself (25,000 firms, 1979–2026) in the CIZ layout, as `recon generate
    /// --layout ciz` writes it, against the legacy file every embedded run uses (about 40 s in a
    /// debug build).
    func testEmbeddedMarketInTheCIZLayoutReplaysTheLegacyHistory() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let legacy = try SyntheticMarket.cachedPanel(configuration: .init(firstYear: 1979, lastYear: 2026, firms: 25_000, seed: 1),
                                                     directory: TestPaths.packageRoot)
        let ciz = folder + "/embedded-ciz.csv"
        try run(["generate", "--quiet", "--layout", "ciz", "--out", ciz])
        assertSameHistory(try history(ciz), try history(legacy), "the embedded market in the CIZ layout")
    }
}

/// A converter of a legacy CSV to the CIZ layout, written for the test from reference/crsp-ciz.md
/// and nothing of recon: its own copy of the code tables, its own column order and header case,
/// a blank MthPrcFlg where there is no price, MthRet = RET as written, or (1 + RET)(1 + DLRET) − 1
/// to eight decimals in a delisting month (DLRET alone without RET), blank for letter codes. It
/// works on bytes so that a million lines convert in a few seconds in a debug build.
enum IndependentCIZConverter {
    /// Legacy SHRCD → ShareType, SecurityType, SecuritySubType, USIncFlg, IssuerType (crsp-ciz.md, "Share codes").
    static let shareAttributes: [String: [String]] = [
        "10": ["NS", "EQTY", "COM", "Y", "ACOR"], "11": ["NS", "EQTY", "COM", "Y", "CORP"], "12": ["NS", "EQTY", "COM", "N", "CORP"],
        "14": ["NS", "FUND", "CEF", "Y", "ACOR"], "15": ["NS", "FUND", "CEF", "N", "ACOR"], "18": ["NS", "EQTY", "COM", "Y", "REIT"],
        "30": ["AD", "EQTY", "COM", "N", "ACOR"], "31": ["AD", "EQTY", "COM", "N", "CORP"], "40": ["SB", "EQTY", "COM", "Y", "ACOR"],
        "41": ["SB", "EQTY", "COM", "Y", "CORP"], "44": ["SB", "FUND", "CEF", "Y", "ACOR"], "48": ["SB", "EQTY", "COM", "Y", "REIT"],
        "70": ["UG", "EQTY", "COM", "Y", "ACOR"], "71": ["UG", "EQTY", "COM", "Y", "CORP"], "72": ["UG", "EQTY", "COM", "N", "CORP"],
        "73": ["NS", "FUND", "ETF", "Y", "ACOR"],
    ]
    /// Legacy EXCHCD → PrimaryExch, ConditionalType, TradingStatusFlg (crsp-ciz.md, "Exchange codes").
    static let exchangeAttributes: [String: [String]] = [
        "1": ["N", "RW", "A"], "2": ["A", "RW", "A"], "3": ["Q", "RW", "A"], "4": ["R", "RW", "A"], "5": ["B", "RW", "A"],
        "6": ["I", "RW", "A"], "-2": ["N", "RW", "H"], "-1": ["N", "RW", "S"], "31": ["N", "WI", "A"], "32": ["A", "NW", "A"],
        "33": ["Q", "NW", "A"], "0": ["X", "NT", ""],
    ]

    /// The columns written, in this order.
    static let header = "MthCalDt,permno,IssuerNm,Ticker,ShrOut,MthRet,mthprcflg,MthPrc,UsIncFlg,IssuerType,SHARETYPE,SecurityType,"
        + "SecuritySubType,PrimaryExch,conditionalType,TradingStatusFlg,PermCo,SicCd"

    struct Unmapped: Error, CustomStringConvertible {
        var description: String
    }

    static func convert(legacy: String, to destination: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: legacy))
        // Written with memcpy into one buffer: byte-by-byte appends take a minute in a debug build.
        let capacity = data.count * 2 + 4096
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var length = 0
        func putRaw(_ pointer: UnsafeRawPointer, _ count: Int, then separator: UInt8? = 0x2C) {
            precondition(length + count + 1 <= capacity)
            memcpy(buffer + length, pointer, count)
            length += count
            if let separator {
                buffer[length] = separator
                length += 1
            }
        }
        func putBytes(_ bytes: [UInt8], then separator: UInt8? = 0x2C) {
            bytes.withUnsafeBytes { putRaw($0.baseAddress ?? UnsafeRawPointer(buffer), $0.count, then: separator) }
        }
        putBytes(Array(header.utf8), then: 0x0A)
        try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let base = bytes.baseAddress!
            var start = 0
            func nextLine() -> [Range<Int>] {
                let end = memchr(base + start, 0x0A, bytes.count - start).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? bytes.count
                defer { start = end + 1 }
                return fields(bytes, start, end)
            }
            func put(_ range: Range<Int>, then separator: UInt8? = 0x2C) { putRaw(base + range.lowerBound, range.count, then: separator) }
            let names = nextLine().map { String(decoding: bytes[$0], as: UTF8.self) }
            func column(_ name: String) throws -> Int {
                guard let index = names.firstIndex(of: name) else { throw Unmapped(description: "no column \(name)") }
                return index
            }
            let (permno, date, shrcd, exchcd, sic, ticker, name, permco, dlret, prc, ret, shrout) = try (
                column("PERMNO"), column("date"), column("SHRCD"), column("EXCHCD"), column("SICCD"), column("TICKER"), column("COMNAM"),
                column("PERMCO"), column("DLRET"), column("PRC"), column("RET"), column("SHROUT"))
            // The CIZ fields of each SHRCD and EXCHCD met, as bytes (`USIncFlg,IssuerType,ShareType,SecurityType,SecuritySubType,`).
            var shareFields: [Int: [UInt8]] = [:], exchangeFields: [Int: [UInt8]] = [:]
            func code(_ range: Range<Int>) -> Int {
                let negative = bytes[range.lowerBound] == UInt8(ascii: "-")
                let value = range.dropFirst(negative ? 1 : 0).reduce(0) { $0 * 10 + Int(bytes[$1]) - 48 }
                return negative ? -value : value
            }
            let (trade, bidAsk) = (Array("TR".utf8), Array("BA".utf8))
            while start < bytes.count {
                let f = nextLine()
                let share = code(f[shrcd]), exchange = code(f[exchcd])
                if shareFields[share] == nil {
                    guard let a = shareAttributes[String(share)] else { throw Unmapped(description: "no CIZ spelling for SHRCD \(share)") }
                    shareFields[share] = Array("\(a[3]),\(a[4]),\(a[0]),\(a[1]),\(a[2]),".utf8)
                }
                if exchangeFields[exchange] == nil {
                    guard let a = exchangeAttributes[String(exchange)] else { throw Unmapped(description: "no CIZ spelling for EXCHCD \(exchange)") }
                    exchangeFields[exchange] = Array("\(a[0]),\(a[1]),\(a[2]),".utf8)
                }
                let day = f[date].lowerBound, price = f[prc]
                let midpoint = !price.isEmpty && bytes[price.lowerBound] == UInt8(ascii: "-")
                put(day ..< day + 4, then: UInt8(ascii: "-"))
                put(day + 4 ..< day + 6, then: UInt8(ascii: "-"))
                put(day + 6 ..< day + 8)
                put(f[permno])
                put(f[name])
                put(f[ticker])
                put(f[shrout])
                if let compounded = compoundedReturn(bytes, ret: f[ret], delisting: f[dlret]) {
                    putBytes(compounded)
                } else {
                    let isLetter = f[ret].count == 1 && (bytes[f[ret].lowerBound] | 0x20) >= 0x61
                    put(isLetter ? f[ret].lowerBound ..< f[ret].lowerBound : f[ret])
                }
                putBytes(price.isEmpty ? [] : midpoint ? bidAsk : trade)
                put(midpoint ? price.dropFirst() : price)
                putBytes(shareFields[share]!, then: nil)
                putBytes(exchangeFields[exchange]!, then: nil)
                put(f[permco])
                put(f[sic], then: 0x0A)
            }
        }
        try Data(bytes: buffer, count: length).write(to: URL(fileURLWithPath: destination))
    }

    /// MthRet in a delisting month (a numeric DLRET): (1 + RET)(1 + DLRET) − 1, or DLRET alone
    /// when RET is a letter code or blank; `nil` in any other month (MthRet is then RET as written).
    private static func compoundedReturn(_ bytes: UnsafeBufferPointer<UInt8>, ret: Range<Int>, delisting: Range<Int>) -> [UInt8]? {
        guard !delisting.isEmpty, let d = Double(String(decoding: bytes[delisting], as: UTF8.self)) else { return nil }
        let r = Double(String(decoding: bytes[ret], as: UTF8.self))
        return Array(String(format: "%.8f", r.map { (1 + $0) * (1 + d) - 1 } ?? d).utf8)
    }

    /// The byte ranges of the fields of `bytes[start..<end]`; a quoted field (a name with a comma)
    /// keeps its quotes. Separators are found with memchr (a byte loop is slow in a debug build).
    private static func fields(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [Range<Int>] {
        let base = bytes.baseAddress!
        func find(_ byte: UInt8, from position: Int) -> Int {
            guard position < end, let found = memchr(base + position, Int32(byte), end - position) else { return end }
            return UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
        }
        var out: [Range<Int>] = [], fieldStart = start
        while true {
            let searchFrom = fieldStart < end && bytes[fieldStart] == UInt8(ascii: "\"") ? find(UInt8(ascii: "\""), from: fieldStart + 1) : fieldStart
            let comma = find(0x2C, from: searchFrom)
            out.append(fieldStart ..< comma)
            guard comma < end else { return out }
            fieldStart = comma + 1
        }
    }
}
