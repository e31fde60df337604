import XCTest
import ReconCore
@testable import ReconIO
@testable import ReconCRSP
@testable import ReconSynthetic
import ReconTestSupport

/// The synthetic market written in the CIZ layout (``SyntheticCIZRows``), line by line against
/// the legacy file of the same seed: the attributes of each legacy code, positive prices with
/// BA flags where PRC is negative, ISO dates and months, and MthRet with the delisting return
/// compounded in.
final class SyntheticCIZRowsTests: XCTestCase {
    /// The attributes each legacy code the market uses becomes (SyntheticCIZRows' documentation):
    /// USIncFlg, IssuerType, SecurityType, SecuritySubType, ShareType.
    private static let shareAttributes = [
        "10": "Y,ACOR,EQTY,COM,NS", "11": "Y,CORP,EQTY,COM,NS", "12": "N,CORP,EQTY,COM,NS", "14": "Y,ACOR,FUND,CEF,NS",
        "18": "Y,REIT,EQTY,COM,NS", "31": "N,CORP,EQTY,COM,AD", "48": "Y,REIT,EQTY,COM,SB", "73": "Y,ACOR,FUND,ETF,NS",
    ]
    /// PrimaryExch, ConditionalType, TradingStatusFlg.
    private static let exchangeAttributes = ["0": "X,NT,", "1": "N,RW,A", "2": "A,RW,A", "3": "Q,RW,A", "4": "R,RW,A", "5": "B,RW,A"]

    private func lines(layout: CRSPLayout, folder: String) throws -> [[String]] {
        let path = folder + "/\(layout.rawValue).csv"
        _ = try SyntheticMarket.write(to: path, configuration: .init(firstYear: 1995, lastYear: 2002, firms: 1_200, seed: 5), layout: layout)
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { CSVLine.fields($0).map(String.init) }
    }

    func testEachLineIsTheLegacyLineSpelledInTheCIZLayout() throws {
        let folder = NSTemporaryDirectory() + "ciz-rows-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let legacy = try lines(layout: .legacy, folder: folder), ciz = try lines(layout: .ciz, folder: folder)
        XCTAssertEqual(legacy[0].joined(separator: ","), "PERMNO,date,SHRCD,EXCHCD,SICCD,TICKER,COMNAM,PERMCO,DLRET,PRC,RET,SHROUT")
        XCTAssertEqual(ciz[0].joined(separator: ","), "PERMNO,PrimaryExch,ConditionalType,TradingStatusFlg,USIncFlg,IssuerType,SecurityType,"
                       + "SecuritySubType,ShareType,Ticker,PERMCO,SICCD,IssuerNm,YYYYMM,MthCalDt,MthPrc,MthPrcFlg,MthCap,MthRet,ShrOut")
        XCTAssertEqual(legacy.count, ciz.count)
        var seen = (midpoints: 0, delistings: 0, delistingWithoutReturn: 0, letterCodes: 0)
        for (l, c) in zip(legacy.dropFirst(), ciz.dropFirst()) {
            let line = l.joined(separator: ",")
            XCTAssertEqual(l.count, 12, line)
            XCTAssertEqual(c.count, 20, line)
            let (permno, date, shrcd, exchcd, sic, ticker, name, permco, dlret, prc, ret, shrout) = (l[0], l[1], l[2], l[3], l[4], l[5], l[6], l[7], l[8], l[9], l[10], l[11])
            XCTAssertEqual([c[0], c[9], c[10], c[11], c[12], c[19]], [permno, ticker, permco, sic, name, shrout], line)
            XCTAssertEqual(c[1 ... 3].joined(separator: ","), Self.exchangeAttributes[exchcd], line)
            XCTAssertEqual(c[4 ... 8].joined(separator: ","), Self.shareAttributes[shrcd], line)
            let iso = "\(date.prefix(4))-\(date.dropFirst(4).prefix(2))-\(date.suffix(2))"
            XCTAssertEqual([c[13], c[14]], [String(date.prefix(6)), iso], line)
            // MthPrc positive; BA where PRC is negative, TR where positive, MP where blank.
            switch prc.first {
            case nil: XCTAssertEqual([c[15], c[16], c[17]], ["", "MP", ""], line)
            case "-":
                seen.midpoints += 1
                XCTAssertEqual([c[15], c[16]], [String(prc.dropFirst()), "BA"], line)
            default: XCTAssertEqual([c[15], c[16]], [prc, "TR"], line)
            }
            if let price = Double(c[15]), let shares = Double(shrout) {
                XCTAssertEqual(Double(c[17])!, price * shares, accuracy: 0.006, "MthCap: \(line)")
            }
            // MthRet: RET, compounded with DLRET in the last month; blank for letter codes.
            let expected: Double?
            switch (Double(ret), Double(dlret)) {
            case (let r?, let d?): expected = (1 + r) * (1 + d) - 1
            case (let r?, nil): expected = r
            case (nil, let d?): expected = d
            case (nil, nil): expected = nil
            }
            if Double(dlret) != nil { seen.delistings += 1 }
            if dlret == "S" { seen.delistingWithoutReturn += 1 }
            if ret.count == 1, ret.first!.isLetter { seen.letterCodes += 1 }
            if let expected {
                XCTAssertEqual(try XCTUnwrap(Double(c[18]), line), expected, accuracy: 5.1e-7, line)
                if Double(dlret) == nil { XCTAssertEqual(c[18], ret, "no delisting return: MthRet is RET as written: \(line)") }
            } else {
                XCTAssertEqual(c[18], "", line)
            }
        }
        XCTAssertGreaterThan(seen.midpoints, 10)
        XCTAssertGreaterThan(seen.delistings, 50)
        XCTAssertGreaterThan(seen.delistingWithoutReturn, 5)
        XCTAssertGreaterThan(seen.letterCodes, 50)
    }

    /// Rows written by hand: MthRet in a delisting month, DLRET alone, an unknown DLRET, a first
    /// month, a midpoint, and codes the inverse cannot spell (blank attributes, read back as 0).
    func testRowsByHand() throws {
        let path = NSTemporaryDirectory() + "ciz-row-\(UUID().uuidString).csv"
        defer { unlink(path) }
        let format = SyntheticCIZRows()
        func row(_ permno: Int32, shareCode: Int = 11, exchangeCode: Int = 1, price: Double? = 10, midpoint: Bool = false,
                 ret: SyntheticRow.MonthlyReturn, delisting: SyntheticRow.DelistingReturn) -> SyntheticRow {
            SyntheticRow(permno: permno, permco: permno + 10_000, label: Array("T\(permno),NAME \(permno)".utf8),
                         monthEnd: SyntheticMonthEnd(CalendarDate(year: 2021, month: 5, day: 28)), shareCode: shareCode,
                         exchangeCode: exchangeCode, industry: 4911, price: price, midpoint: midpoint, shares: 2_000,
                         monthlyReturn: ret, delistingReturn: delisting)
        }
        try AtomicFile.write(to: path) { pieces in
            let writer = ByteWriter(into: pieces)
            try writer.append(format.header)
            try format.write(row(1, ret: .value(0.1), delisting: .value(-0.5)), to: writer)        // 1.1 × 0.5 − 1
            try format.write(row(2, price: nil, ret: .blank, delisting: .value(-0.25)), to: writer)
            try format.write(row(3, ret: .value(0.0200004), delisting: .unknown), to: writer)
            try format.write(row(4, midpoint: true, ret: .noPreviousPrice, delisting: .none), to: writer)
            try format.write(row(5, ret: .missingCode, delisting: .value(0.3)), to: writer)
            try format.write(row(6, shareCode: 21, exchangeCode: 99, ret: .value(-0.0000004), delisting: .none), to: writer)
            try writer.flush()
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(Array(lines.dropFirst()), [
            "1,N,RW,A,Y,CORP,EQTY,COM,NS,T1,10001,4911,NAME 1,202105,2021-05-28,10,TR,20000.00,-0.450000,2000",
            "2,N,RW,A,Y,CORP,EQTY,COM,NS,T2,10002,4911,NAME 2,202105,2021-05-28,,MP,,-0.250000,2000",
            "3,N,RW,A,Y,CORP,EQTY,COM,NS,T3,10003,4911,NAME 3,202105,2021-05-28,10,TR,20000.00,0.020000,2000",
            "4,N,RW,A,Y,CORP,EQTY,COM,NS,T4,10004,4911,NAME 4,202105,2021-05-28,10,BA,20000.00,,2000",
            "5,N,RW,A,Y,CORP,EQTY,COM,NS,T5,10005,4911,NAME 5,202105,2021-05-28,10,TR,20000.00,0.300000,2000",
            "6,,,,,,,,,T6,10006,4911,NAME 6,202105,2021-05-28,10,TR,20000.00,0.000000,2000",
        ])
        let panel = try CRSPPanel.load(path: path)
        XCTAssertEqual(panel.row(5).shareCode, 0)
        XCTAssertEqual(panel.row(5).exchangeCode, 0)
        XCTAssertEqual(panel.report.midpointPrices, 1)
    }
}
