import XCTest
import ReconCore
@testable import ReconIO
@testable import ReconCRSP
@testable import ReconSynthetic

final class SyntheticMarketTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "synthetic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private let small = SyntheticMarket.Configuration(firstYear: 1998, lastYear: 2002, firms: 600, seed: 7)

    func testSameSeedWritesIdenticalBytesAndAnotherSeedDoesNot() throws {
        let first = try SyntheticMarket.write(to: folder + "/a.csv", configuration: small)
        _ = try SyntheticMarket.write(to: folder + "/b.csv", configuration: small)
        var other = small
        other.seed = 8
        _ = try SyntheticMarket.write(to: folder + "/c.csv", configuration: other)
        let a = try Data(contentsOf: URL(fileURLWithPath: folder + "/a.csv"))
        XCTAssertGreaterThan(first.rows, 1_000)
        XCTAssertEqual(a.count, first.bytes)
        XCTAssertEqual(a, try Data(contentsOf: URL(fileURLWithPath: folder + "/b.csv")))
        XCTAssertNotEqual(a, try Data(contentsOf: URL(fileURLWithPath: folder + "/c.csv")))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["a.csv", "b.csv", "c.csv"],
                       "no temporary file is left behind")
    }

    func testSmallPanelReadsBackWithEveryFeature() throws {
        let path = folder + "/small.csv"
        let summary = try SyntheticMarket.write(to: path, configuration: small)
        let panel = try CRSPPanel.load(path: path)
        XCTAssertEqual(panel.rowCount, summary.rows)
        XCTAssertEqual(panel.securityCount, summary.securities)
        XCTAssertEqual(panel.months.count, 60)
        XCTAssertEqual(panel.months.first, CalendarDate(year: 1998, month: 1, day: 30))
        XCTAssertEqual(panel.months.last, CalendarDate(year: 2002, month: 12, day: 31))

        var shareCodes = Set<Int>(), exchanges = Set<Int>()
        var acquisitions = 0, failures = 0, midpoints = 0, pennies = 0, firstMonths = 0
        for index in 0 ..< panel.rowCount {
            let row = panel.row(index)
            shareCodes.insert(row.shareCode)
            exchanges.insert(row.exchangeCode)
            if let delisting = row.delistingReturn { if delisting > 0.04 { acquisitions += 1 } else if delisting < -0.1 { failures += 1 } }
            if let price = row.price, price < 1 { pennies += 1 }
            if let value = row.return { XCTAssert(value.isFinite && value >= -1, "\(row)") }
            if row.return == nil, row.price != nil, panel.firstMonth(permno: row.permno) == row.date { firstMonths += 1 }
        }
        midpoints = panel.report.midpointPrices
        XCTAssertTrue(shareCodes.isSuperset(of: [10, 11]), "\(shareCodes)")
        XCTAssertFalse(shareCodes.subtracting([10, 11]).isEmpty, "non-common share codes: \(shareCodes)")
        XCTAssertTrue(exchanges.isSuperset(of: [1, 2, 3]), "\(exchanges)")
        XCTAssertGreaterThan(acquisitions, 0)
        XCTAssertGreaterThan(failures, 0)
        XCTAssertGreaterThan(pennies, 0)
        XCTAssertGreaterThan(midpoints, 0)
        XCTAssertGreaterThan(firstMonths, 0, "a new listing's first RET is the code C")

        // Two-class companies: two PERMNOs with one PERMCO, both in the snapshot.
        let snapshot = panel.snapshot(onOrBefore: CalendarDate(year: 2000, month: 5, day: 31))
        let byCompany = Dictionary(grouping: snapshot, by: \.companyKey)
        let twoClass = byCompany.values.filter { $0.count == 2 }
        XCTAssertFalse(twoClass.isEmpty)
        for pair in twoClass {
            XCTAssertTrue(pair.allSatisfy { $0.capScope == .security && $0.type == .commonStock })
            XCTAssertNotEqual(pair[0].symbol, pair[1].symbol)
        }
    }

    func testWriteRefusesImpossibleConfigurationsAndLeavesNothing() {
        XCTAssertThrowsError(try SyntheticMarket.write(to: folder + "/x.csv",
                                                       configuration: .init(firstYear: 2001, lastYear: 2000, firms: 600)))
        XCTAssertThrowsError(try SyntheticMarket.write(to: folder + "/missing/x.csv", configuration: small)) { error in
            XCTAssertTrue("\(error)".contains("cannot create"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
    }

    func testDefaultCachePathIsUnderThePackage() throws {
        let package = folder + "/pkg"
        try FileManager.default.createDirectory(atPath: package + "/Sources/deep", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: package + "/Package.swift", contents: Data())
        let configuration = SyntheticMarket.Configuration(firstYear: 1990, lastYear: 1995, firms: 1_234, seed: 42)
        XCTAssertEqual(SyntheticMarket.defaultCachePath(configuration: configuration, directory: package + "/Sources/deep"),
                       package + "/.cache/synthetic-42-1234-1990-1995.csv")
        let outside = folder + "/plain"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        XCTAssertEqual(SyntheticMarket.defaultCachePath(configuration: configuration, directory: outside),
                       outside + "/.cache/synthetic-42-1234-1990-1995.csv")
    }

    func testCachedPanelIsGeneratedOnceThenReused() throws {
        _ = FileManager.default.createFile(atPath: folder + "/Package.swift", contents: Data())
        var configuration = small
        configuration.lastYear = 1999
        let path = try SyntheticMarket.cachedPanel(configuration: configuration, directory: folder)
        XCTAssertEqual(path, folder + "/.cache/synthetic-7-600-1998-1999.csv")
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        XCTAssertGreaterThan(size, 0)
        // A reuse does not rewrite: replace the contents and see them kept.
        try Data("kept".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try SyntheticMarket.cachedPanel(configuration: configuration, directory: folder), path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "kept")
    }

    func testMonthEndsAreCRSPTradingDays() {
        XCTAssertEqual(TradingCalendar.lastBusinessDay(of: CalendarDate(year: 2024, month: 3, day: 1)), CalendarDate(year: 2024, month: 3, day: 28), "Good Friday")
        XCTAssertEqual(TradingCalendar.lastBusinessDay(of: CalendarDate(year: 2021, month: 5, day: 1)), CalendarDate(year: 2021, month: 5, day: 28), "Memorial Day")
        XCTAssertEqual(TradingCalendar.lastBusinessDay(of: CalendarDate(year: 2004, month: 5, day: 1)), CalendarDate(year: 2004, month: 5, day: 28))
        XCTAssertEqual(TradingCalendar.lastBusinessDay(of: CalendarDate(year: 2016, month: 4, day: 1)), CalendarDate(year: 2016, month: 4, day: 29))
        XCTAssertEqual(TradingCalendar.lastBusinessDay(of: CalendarDate(year: 2023, month: 4, day: 1)), CalendarDate(year: 2023, month: 4, day: 28))
        XCTAssertEqual(TradingCalendar.goodFriday(2025), CalendarDate(year: 2025, month: 4, day: 18))
        XCTAssertEqual(TradingCalendar.weekday(CalendarDate(year: 1979, month: 1, day: 31)), .wednesday)
    }

    func testByteWriterFormatsNumbersItself() throws {
        let path = folder + "/numbers.txt"
        try AtomicFile.write(to: path) { pieces in
            let writer = ByteWriter(into: pieces, capacity: 256)
            for value in [0, 7, -42, 10_001, Int.max] {
                try writer.appendInteger(value)
                try writer.append(UInt8(ascii: " "))
            }
            for (value, decimals, trim) in [(23.125, 5, true), (10.0, 5, true), (-0.25, 6, false), (0.0000004, 6, false),
                                            (-0.0000004, 6, false), (1.99999999, 2, true), (0.03125, 5, true)] {
                try writer.appendDecimal(value, decimals: decimals, trimZeros: trim)
                try writer.append(UInt8(ascii: " "))
            }
            for _ in 0 ..< 100 { try writer.append("abc") }     // crosses the small buffer many times
            try writer.flush()
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("0 7 -42 10001 9223372036854775807 23.125 10 -0.250000 0.000000 0.000000 2 0.03125 abcabc"), text)
        XCTAssertEqual(text.count, 82 + 300)
    }

    func testRandomNumbersAreReproducibleAndWellSpread() {
        var a = SyntheticRandom(seed: 1), b = SyntheticRandom(seed: 1), c = SyntheticRandom(seed: 1, stream: 2)
        let first = (0 ..< 5).map { _ in a.next() }
        XCTAssertEqual(first, (0 ..< 5).map { _ in b.next() })
        XCTAssertNotEqual(first, (0 ..< 5).map { _ in c.next() })
        var sum = 0.0, squares = 0.0, below = 0
        for _ in 0 ..< 20_000 {
            let z = a.normal()
            sum += z
            squares += z * z
            if a.integer(below: 10) < 3 { below += 1 }
        }
        XCTAssertEqual(sum / 20_000, 0, accuracy: 0.03)
        XCTAssertEqual(squares / 20_000, 1, accuracy: 0.05)
        XCTAssertEqual(Double(below) / 20_000, 0.3, accuracy: 0.02)
    }
}
