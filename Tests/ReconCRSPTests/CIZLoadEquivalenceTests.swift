import XCTest
import ReconCore
@testable import ReconIO
@testable import ReconCRSP
@testable import ReconSynthetic
import ReconTestSupport

/// A CIZ file goes through the one CRSP load path (``CRSPLoad``): it must give the same panel in
/// any number of stretches and by any of the tokenizer's paths, and the panel the reference
/// loader (the oracle in `Oracles/`) gives for the same rows converted to the legacy layout by a
/// converter written here, with its own copy of crsp-ciz.md's code tables.
final class CIZLoadEquivalenceTests: XCTestCase {
    /// The markets generated for the class, by configuration and layout (each written once).
    nonisolated(unsafe) private static var generated: [String: String] = [:]
    private static let folder = NSTemporaryDirectory() + "ciz-load-\(UUID().uuidString)"

    override class func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
        generated = [:]
        super.tearDown()
    }

    // MARK: - A converter to the legacy layout, independent of recon's mapping

    /// crsp-ciz.md's share-code table: ShareType|SecurityType|SecuritySubType|USIncFlg|IssuerType → SHRCD.
    private static let shareCodes = [
        "NS|EQTY|COM|Y|ACOR": 10, "NS|EQTY|COM|Y|CORP": 11, "NS|EQTY|COM|N|CORP": 12, "NS|FUND|CEF|Y|ACOR": 14,
        "NS|FUND|CEF|N|ACOR": 15, "NS|EQTY|COM|Y|REIT": 18, "AD|EQTY|COM|N|ACOR": 30, "AD|EQTY|COM|N|CORP": 31,
        "SB|EQTY|COM|Y|ACOR": 40, "SB|EQTY|COM|Y|CORP": 41, "SB|FUND|CEF|Y|ACOR": 44, "SB|EQTY|COM|Y|REIT": 48,
        "UG|EQTY|COM|Y|ACOR": 70, "UG|EQTY|COM|Y|CORP": 71, "UG|EQTY|COM|N|CORP": 72, "NS|FUND|ETF|Y|ACOR": 73,
    ]

    /// crsp-ciz.md's exchange-code table: PrimaryExch|ConditionalType|TradingStatusFlg → EXCHCD.
    private static let exchangeCodes = [
        "N|RW|A": 1, "A|RW|A": 2, "Q|RW|A": 3, "R|RW|A": 4, "B|RW|A": 5, "I|RW|A": 6,
        "N|RW|H": -2, "A|RW|H": -2, "Q|RW|H": -2, "N|RW|S": -1, "A|RW|S": -1, "Q|RW|S": -1,
        "N|NW|A": 31, "N|WI|A": 31, "A|NW|A": 32, "Q|NW|A": 33, "X|NT|": 0,
    ]

    /// The CIZ text as a legacy file: SHRCD and EXCHCD from the tables above, PRC negative where
    /// MthPrcFlg is BA, RET = MthRet (no DLRET: MthRet holds it), the rest as it is.
    private func legacyText(ofCIZ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let names = CSVLine.fields(lines[0]).map { $0.lowercased() }
        func column(_ name: String) -> Int { names.firstIndex(of: name.lowercased())! }
        let (permno, permco, date, ticker, name, price, flag, ret, shares, sic) = (
            column("PERMNO"), column("PERMCO"), column("MthCalDt"), column("Ticker"), column("IssuerNm"), column("MthPrc"),
            column("MthPrcFlg"), column("MthRet"), column("ShrOut"), column("SICCD"))
        let share = ["ShareType", "SecurityType", "SecuritySubType", "USIncFlg", "IssuerType"].map(column)
        let exchange = ["PrimaryExch", "ConditionalType", "TradingStatusFlg"].map(column)
        var out = ["PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET,SHROUT,SICCD"]
        for row in lines.dropFirst() where !row.isEmpty {
            let f = CSVLine.fields(row)
            let shareKey = share.map { String(f[$0]) }.joined(separator: "|"), exchangeKey = exchange.map { String(f[$0]) }.joined(separator: "|")
            guard let shareCode = Self.shareCodes[shareKey], let exchangeCode = Self.exchangeCodes[exchangeKey] else {
                XCTFail("not in crsp-ciz.md's tables: \(shareKey) \(exchangeKey)", file: file, line: line)
                return ""
            }
            let prc = f[flag] == "BA" && !f[price].isEmpty ? "-" + f[price] : f[price]
            out.append([String(f[permno]), String(f[permco]), String(f[date]), String(shareCode), String(exchangeCode), String(f[ticker]),
                        String(f[name]), String(prc), String(f[ret]), String(f[shares]), String(f[sic])].joined(separator: ","))
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func generate(layout: CRSPLayout, firms: Int = 1500, from: Int = 1990, to: Int = 2000, seed: UInt64 = 11) throws -> String {
        let path = Self.folder + "/market-\(layout.rawValue)-\(firms)-\(from)-\(to)-\(seed).csv"
        if let known = Self.generated[path] { return known }
        try FileManager.default.createDirectory(atPath: Self.folder, withIntermediateDirectories: true)
        _ = try SyntheticMarket.write(to: path, configuration: .init(firstYear: from, lastYear: to, firms: firms, seed: seed), layout: layout)
        Self.generated[path] = path
        return path
    }

    private func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    private func load(_ text: String, name: String = "ciz.csv", stretches: Int) -> Result<CRSPPanel, Error> {
        let bytes = Array(text.utf8)
        return Result { try bytes.withUnsafeBufferPointer { try CRSPLoad.load($0, name: name, stretches: stretches) } }
    }

    // MARK: - Tests

    func testGeneratedCIZFileIsTheReferencePanelOfItsLegacyConversion() throws {
        let ciz = try text(try generate(layout: .ciz))
        let panel = try CRSPPanel.load(bytes: Array(ciz.utf8), name: "ciz.csv")
        XCTAssertGreaterThan(panel.report.midpointPrices, 0, "the market has BA prices")
        assertSamePanel(panel, try CRSPPanel.referenceLoad(legacyText(ofCIZ: ciz), name: "ciz.csv"), "the reference's panel of the conversion")
    }

    func testGeneratedCIZFileIsIdenticalInAnyNumberOfStretches() throws {
        let path = try generate(layout: .ciz, firms: 600, from: 1995, to: 2000)
        let one = try CRSPLoad.load(path: path, stretches: 1)
        for count in 2 ... 8 { assertSamePanel(try CRSPLoad.load(path: path, stretches: count), one, "\(count) stretches") }
        assertSamePanel(try CRSPPanel.load(path: path), one, "CRSPPanel.load(path:)")
    }

    /// The CIZ file of a market is its legacy file: the same rows, codes, prices, shares, names
    /// and lines; only the returns differ, MthRet holding the delisting return that DLRET holds
    /// in the legacy file.
    func testGeneratedCIZFileHasTheRowsOfTheLegacyFile() throws {
        let ciz = try CRSPPanel.load(path: try generate(layout: .ciz))
        let legacy = try CRSPPanel.load(path: try generate(layout: .legacy))
        XCTAssertEqual(Array(ciz.rowSecurity), Array(legacy.rowSecurity))
        XCTAssertEqual(Array(ciz.rowCompany), Array(legacy.rowCompany))
        XCTAssertEqual(Array(ciz.rowDate), Array(legacy.rowDate))
        XCTAssertEqual(Array(ciz.rowShareCode), Array(legacy.rowShareCode))
        XCTAssertEqual(Array(ciz.rowExchangeCode), Array(legacy.rowExchangeCode))
        XCTAssertEqual(ciz.rowPrice.map(\.bitPattern), legacy.rowPrice.map(\.bitPattern))
        XCTAssertEqual(ciz.rowShares.map(\.bitPattern), legacy.rowShares.map(\.bitPattern))
        XCTAssertEqual(Array(ciz.rowLine), Array(legacy.rowLine))
        XCTAssertEqual(ciz.securityTicker, legacy.securityTicker)
        XCTAssertEqual(ciz.securityName, legacy.securityName)
        XCTAssertEqual(ciz.securityIndustry, legacy.securityIndustry)
        XCTAssertEqual(ciz.report.midpointPrices, legacy.report.midpointPrices)
        XCTAssertEqual(ciz.report.dropped, legacy.report.dropped)
        var delistingMonths = 0
        for index in 0 ..< ciz.rowCount {
            let expected = legacy.totalReturn(row: index), actual = ciz.totalReturn(row: index)
            XCTAssertEqual(actual == nil, expected == nil, "row \(index)")
            if let expected, let actual { XCTAssertEqual(actual, expected, accuracy: 1e-6, "row \(index)") }
            XCTAssertTrue(ciz.rowDelistingReturn[index].isNaN)
            if !legacy.rowDelistingReturn[index].isNaN { delistingMonths += 1 }
        }
        XCTAssertGreaterThan(delistingMonths, 100, "delisting months compared")
    }

    /// Every field quoted (the general path), attributes in lower case with spaces (the general
    /// path's packing), lines ending in CR LF: the direct path's panel each time.
    func testEveryPathOfTheTokenizerGivesTheSamePanel() throws {
        let plain = try text(try generate(layout: .ciz, firms: 300, from: 1995, to: 1997))
        let expected = try CRSPPanel.load(bytes: Array(plain.utf8), name: "ciz.csv")
        let lines = plain.split(separator: "\n").map(String.init)
        let quoted = lines.map { CSVLine.fields($0[...]).map { $0.hasPrefix("\"") ? String($0) : "\"\($0)\"" }.joined(separator: ",") }
        let names = CSVLine.fields(lines[0][...]).map(String.init)
        let loose = [lines[0]] + lines.dropFirst().map { line -> String in
            var fields = CSVLine.fields(line[...]).map(String.init)
            for (index, name) in names.enumerated() where ["PrimaryExch", "ShareType", "IssuerType", "MthPrcFlg"].contains(name) {
                fields[index] = " \(fields[index].lowercased())\t"
            }
            return fields.joined(separator: ",")
        }
        for (what, text) in [("quoted", quoted.joined(separator: "\n") + "\n"), ("loose", loose.joined(separator: "\n") + "\n"),
                             ("CR LF", lines.joined(separator: "\r\n") + "\r\n")] {
            for count in [1, 3] {
                guard case .success(let panel) = load(text, stretches: count) else { return XCTFail("\(what) was refused") }
                assertSamePanel(panel, expected, "\(what), \(count) stretches")
            }
        }
    }

    /// Spellings at and around the direct path's limits (codes in any case, with spaces, too
    /// long; both date forms and months; negative, zero and odd prices; returns at −1 and below,
    /// letters), in random rows: the plain row (direct path where it can) and the same row with
    /// every field quoted (the general path) give the same panel, or the same error.
    func testFieldSpellingsReadTheSameByEveryPath() {
        var generator = SyntheticRandom(seed: 77)
        func pick(_ choices: [String]) -> String { choices[Int(generator.next() % UInt64(choices.count))] }
        func code(_ usual: [String]) -> String { pick(usual + usual + ["", " NS", "ns", "Eqty", "N S", "ABCDEFGH", "ABCDEFGHI", "1", "Q1", "\u{00E9}"]) }
        let header = "PERMNO,PrimaryExch,ConditionalType,TradingStatusFlg,USIncFlg,IssuerType,SecurityType,SecuritySubType,ShareType,"
            + "Ticker,PERMCO,IssuerNm,YYYYMM,MthCalDt,MthPrc,MthPrcFlg,MthRet,ShrOut"
        let plain = "20001,N,RW,A,Y,CORP,EQTY,COM,NS,P,1200,P INC,199904,1999-04-30,5,TR,0.1,100"
        var accepted = 0
        for index in 0 ..< 400 {
            let row = ["\(10001 + index % 7)", code(["N", "A", "Q", "R", "B", "I", "X"]), code(["RW", "NW", "WI", "NT"]), code(["A", "H", "S", "D"]),
                       code(["Y", "N"]), code(["ACOR", "CORP", "REIT"]), code(["EQTY", "FUND"]), code(["COM", "CEF", "ETF"]),
                       code(["NS", "AD", "SB", "UG"]), "T", "\(500 + index % 3)", "N",
                       pick(["199904", "199904", "199913", "19990", "1999040", ""]),
                       pick(["1999-04-30", "1999-04-30", "19990430", "1999-4-30", "1999-02-29", "2000-02-29", "1999-04-3"]),
                       pick(["5", "0", "-0", "-5", "12345678.5", "1.5e1", "", "0.0001", "abc"]), code(["TR", "BA", "MP"]),
                       pick(["0.1", "", "-1", "-1.0000001", "-0.9999999", "C", "-99", "1e39", "0.1234567"]),
                       pick(["100", "0", "", "-5", "1.5"])]
            // Every other file has no MthCalDt: YYYYMM gives the date.
            let monthOnly = index % 2 == 0
            func without(_ fields: [String]) -> String { fields.enumerated().filter { !monthOnly || $0.offset != 13 }.map(\.element).joined(separator: ",") }
            let columns = without(header.split(separator: ",").map(String.init)), base = without(plain.split(separator: ",").map(String.init))
            let quoted = row.map { "\"\($0)\"" }
            let expected = load(columns + "\n" + without(row) + "\n" + base + "\n", stretches: 1)
            switch (expected, load(columns + "\n" + without(quoted) + "\n" + base + "\n", stretches: 1)) {
            case (.success(let a), .success(let b)):
                accepted += 1
                XCTAssertEqual(Array(a.rowShareCode), Array(b.rowShareCode), row.joined(separator: ","))
                XCTAssertEqual(Array(a.rowExchangeCode), Array(b.rowExchangeCode), row.joined(separator: ","))
                XCTAssertEqual(Array(a.rowDate), Array(b.rowDate), row.joined(separator: ","))
                XCTAssertEqual(a.rowPrice.map(\.bitPattern), b.rowPrice.map(\.bitPattern), row.joined(separator: ","))
                XCTAssertEqual(a.rowReturn.map(\.bitPattern), b.rowReturn.map(\.bitPattern), row.joined(separator: ","))
                XCTAssertEqual(a.rowShares.map(\.bitPattern), b.rowShares.map(\.bitPattern), row.joined(separator: ","))
                XCTAssertEqual(a.report, b.report, row.joined(separator: ","))
            case (.failure(let a), .failure(let b)):
                XCTAssertEqual(a as? InputError, b as? InputError, row.joined(separator: ","))
            default:
                XCTFail("the direct and general paths disagree on \(row.joined(separator: ","))")
            }
        }
        XCTAssertGreaterThan(accepted, 20, "many random rows are read")
    }

    /// Random edits of a small CIZ file: in 2 and 4 stretches, the panel or the error of one stretch.
    func testRandomEditsGiveTheSameResultInAnyNumberOfStretches() {
        let base = """
        PERMNO,PrimaryExch,ConditionalType,TradingStatusFlg,USIncFlg,IssuerType,SecurityType,SecuritySubType,ShareType,Ticker,PERMCO,SICCD,IssuerNm,YYYYMM,MthCalDt,MthPrc,MthPrcFlg,MthCap,MthRet,ShrOut
        10001,N,RW,A,Y,CORP,EQTY,COM,NS,ALFA,500,4911,ALFA CORP,199904,1999-04-30,20.5,TR,20500,0.025,1000
        10002,Q,RW,A,Y,ACOR,EQTY,COM,NS,BETA,600,6020,BETA BANCORP,199904,1999-04-30,10,BA,20000,0.01,2000
        10001,N,RW,A,Y,CORP,EQTY,COM,NS,ALFA,500,4911,ALFA CORP,199905,1999-05-28,21,TR,21000,,1000
        10002,Q,WI,A,Y,ACOR,EQTY,COM,NS,BETB,600,6020,BETA BANCORP B,199905,1999-05-28,11,TR,22000,-0.3,2000
        10003,X,NT,,N,CORP,EQTY,COM,AD,GAM,700,,GAMMA,199905,1999-05-28,3.25,MP,162.5,,50

        """
        let pieces: [String] = ["\"", " ", "\t", "\r", "\n", ",", "-", ".", "0", "9", "e", "B", "a", "\u{00E9}", ""]
        var accepted = 0
        for text in RandomEdits.texts(of: base, pieces: pieces, seed: 2024) {
            let one = load(text, stretches: 1)
            for count in [2, 4] {
                switch (one, load(text, stretches: count)) {
                case (.success(let expected), .success(let panel)): assertSamePanel(panel, expected, "\(count) stretches of \(text.debugDescription)")
                case (.failure(let error), .failure(let refusal)): XCTAssertEqual(refusal as? InputError, error as? InputError, text.debugDescription)
                default: XCTFail("one stretch and \(count) disagree on \(text.debugDescription)")
                }
            }
            if case .success = one { accepted += 1 }
        }
        XCTAssertGreaterThan(accepted, 15, "many edits leave a file the loader reads")
    }

    /// The CIZ files of the bad-input catalogue (`BadInputCIZTests`), after good rows so that
    /// stretches split before them: the same error in one, two and three stretches.
    func testEveryCIZCaseOfTheBadInputCatalogueGivesOneErrorInAnyNumberOfStretches() {
        let header = "PERMNO,PrimaryExch,ConditionalType,TradingStatusFlg,USIncFlg,IssuerType,SecurityType,SecuritySubType,"
            + "ShareType,Ticker,PERMCO,SICCD,IssuerNm,MthCalDt,MthPrc,MthPrcFlg,MthCap,MthRet,ShrOut"
        let good = (0 ..< 40).map { "\(20001 + $0),Q,RW,A,Y,CORP,EQTY,COM,NS,T\($0),\(900 + $0),4911,FIRM \($0),2020-01-31,5,TR,500,0.01,100" }
        func replacing(_ field: Int, _ value: String) -> String {
            var fields = "10001,N,RW,A,Y,CORP,EQTY,COM,NS,ALFA,500,4911,ALFA CORP,2020-01-31,20.5,TR,20500,0.025,1000"
                .split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[field] = value
            return fields.joined(separator: ",")
        }
        let rows = [replacing(14, "-20.5"), replacing(13, "2020-02-30"), replacing(13, "abc"), replacing(17, "C"), replacing(17, "-1.5"),
                    replacing(18, "-5"), replacing(0, "x1"), replacing(12, "ALFA, CORP")]
        for bad in rows {
            let text = ([header] + good + [bad] + good.map { $0.replacingOccurrences(of: "2020-01-31", with: "2020-02-28") }).joined(separator: "\n") + "\n"
            guard case .failure(let expected) = load(text, stretches: 1) else {
                XCTFail("read: \(bad)")
                continue
            }
            for count in [2, 3] {
                guard case .failure(let error) = load(text, stretches: count) else {
                    XCTFail("\(count) stretches read: \(bad)")
                    continue
                }
                XCTAssertEqual(error as? InputError, expected as? InputError, bad)
                XCTAssertEqual((error as? InputError)?.line, 42, bad)
            }
        }
    }

    /// The hand-made rows of the tests, through the converter: the reference's panel.
    func testHandMadeRowsAreTheReferencePanelOfTheirConversion() throws {
        let text = """
        PERMNO,PrimaryExch,ConditionalType,TradingStatusFlg,USIncFlg,IssuerType,SecurityType,SecuritySubType,ShareType,Ticker,PERMCO,SICCD,IssuerNm,MthCalDt,MthPrc,MthPrcFlg,MthCap,MthRet,ShrOut
        10001,N,RW,A,Y,CORP,EQTY,COM,NS,ALFA,500,4911,ALFA CORP,2020-01-31,20.5,TR,20500,0.025,1000
        10002,Q,RW,A,Y,ACOR,EQTY,COM,NS,BETA,600,3571,BETA INC,2020-01-31,4.25,BA,8500,,2000
        10003,N,RW,H,Y,CORP,EQTY,COM,NS,GAMA,700,2834,GAMMA PHARMA,2020-01-31,10,TR,5000,0.01,500
        10004,A,RW,S,N,CORP,EQTY,COM,NS,DLTA,800,1311,DELTA OIL,2020-01-31,8,TR,2400,0.02,300
        10005,Q,NW,A,N,ACOR,FUND,CEF,NS,EPSW,900,6726,EPSILON FUND,2020-01-31,30,TR,30000,,1000
        10006,N,WI,A,Y,REIT,EQTY,COM,SB,ZETW,1000,6798,ZETA TRUST,2020-01-31,12,TR,12000,,1000
        10007,X,NT,,N,CORP,EQTY,COM,AD,ETA,1100,5812,ETA FOODS ADR,2020-01-31,2,TR,200,0.1,100
        10008,R,RW,A,Y,ACOR,FUND,ETF,NS,THE,1200,6726,THETA ETF,2020-01-31,25,TR,25000,0.005,1000
        10009,B,RW,A,N,CORP,EQTY,COM,UG,IOTA,1300,3674,IOTA UNITS,2020-01-31,,MP,,,500
        10010,I,RW,A,Y,ACOR,FUND,CEF,SB,KAPA,1400,6726,KAPPA TRUST,2020-01-31,7,BA,,0.03,
        """ + "\n"
        let panel = try CRSPPanel.load(bytes: Array(text.utf8), name: "ciz.csv")
        assertSamePanel(panel, try CRSPPanel.referenceLoad(legacyText(ofCIZ: text), name: "ciz.csv"), "hand-made rows")
        XCTAssertEqual(Array(panel.rowShareCode), [11, 10, 11, 12, 15, 48, 31, 73, 72, 44])
        XCTAssertEqual(Array(panel.rowExchangeCode), [1, 3, -2, -1, 33, 31, 0, 4, 5, 6])
    }
}
