import XCTest
@testable import ReconCRSP

/// The CIZ attributes as legacy share and exchange codes (``CIZCodes``): every row of the two
/// tables of reference/crsp-ciz.md (the WRDS macro `%ciztosiz`), the construction beyond them,
/// the combinations that are unknown (0), the inverse the synthetic market writes, and the
/// packing of the text codes.
final class CIZCodesTests: XCTestCase {
    private func attributes(share: String = "", security: String = "", subType: String = "", usInc: String = "",
                            issuer: String = "", exchange: String = "", condition: String = "", status: String = "") -> CIZAttributes {
        CIZAttributes(primaryExchange: CIZAttributes.pack(exchange), conditionalType: CIZAttributes.pack(condition),
                      tradingStatus: CIZAttributes.pack(status), shareType: CIZAttributes.pack(share),
                      securityType: CIZAttributes.pack(security), securitySubType: CIZAttributes.pack(subType),
                      incorporation: CIZAttributes.pack(usInc), issuerType: CIZAttributes.pack(issuer))
    }

    private func shareCode(_ share: String, _ security: String, _ subType: String, _ usInc: String, _ issuer: String) -> Int {
        CIZCodes.shareCode(attributes(share: share, security: security, subType: subType, usInc: usInc, issuer: issuer))
    }

    private func exchangeCode(_ exchange: String, _ condition: String, _ status: String) -> Int {
        CIZCodes.exchangeCode(attributes(exchange: exchange, condition: condition, status: status))
    }

    /// crsp-ciz.md, "Share codes", one line per table row (rows with "Y / N" or "ACOR / CORP" are
    /// one line per code).
    func testShareCodeTableRowByRow() {
        let table: [(String, String, String, String, String, Int)] = [
            ("NS", "EQTY", "COM", "Y", "ACOR", 10),
            ("NS", "EQTY", "COM", "Y", "CORP", 11),
            ("NS", "EQTY", "COM", "N", "CORP", 12),
            ("NS", "FUND", "CEF", "Y", "ACOR", 14),
            ("NS", "FUND", "CEF", "N", "ACOR", 15),
            ("NS", "EQTY", "COM", "Y", "REIT", 18),
            ("AD", "EQTY", "COM", "N", "ACOR", 30),
            ("AD", "EQTY", "COM", "N", "CORP", 31),
            ("SB", "EQTY", "COM", "Y", "ACOR", 40),
            ("SB", "EQTY", "COM", "Y", "CORP", 41),
            ("SB", "FUND", "CEF", "Y", "ACOR", 44),
            ("SB", "EQTY", "COM", "Y", "REIT", 48),
            ("UG", "EQTY", "COM", "Y", "ACOR", 70),
            ("UG", "EQTY", "COM", "Y", "CORP", 71),
            ("UG", "EQTY", "COM", "N", "CORP", 72),
            ("NS", "FUND", "ETF", "Y", "ACOR", 73),
        ]
        for (share, security, subType, usInc, issuer, expected) in table {
            XCTAssertEqual(shareCode(share, security, subType, usInc, issuer), expected, "\(share) \(security) \(subType) \(usInc) \(issuer)")
        }
    }

    /// crsp-ciz.md, "Exchange codes", one line per code.
    func testExchangeCodeTableRowByRow() {
        let table: [(String, String, String, Int)] = [
            ("N", "RW", "A", 1), ("A", "RW", "A", 2), ("Q", "RW", "A", 3),
            ("R", "RW", "A", 4), ("B", "RW", "A", 5), ("I", "RW", "A", 6),
            ("N", "RW", "H", -2), ("A", "RW", "H", -2), ("Q", "RW", "H", -2),
            ("N", "RW", "S", -1), ("A", "RW", "S", -1), ("Q", "RW", "S", -1),
            ("N", "NW", "A", 31), ("N", "WI", "A", 31), ("A", "NW", "A", 32), ("Q", "NW", "A", 33),
            ("X", "NT", "", 0),
        ]
        for (exchange, condition, status, expected) in table {
            XCTAssertEqual(exchangeCode(exchange, condition, status), expected, "\(exchange) \(condition) \(status)")
        }
    }

    /// The construction the table follows gives the neighbouring combinations their CRSP codes.
    func testConstructionBeyondTheTable() {
        XCTAssertEqual(shareCode("SB", "EQTY", "COM", "N", "CORP"), 42)    // the macro's own row
        XCTAssertEqual(shareCode("NS", "EQTY", "COM", "N", "ACOR"), 12)    // foreign: 2 whatever the issuer type
        XCTAssertEqual(shareCode("NS", "EQTY", "COM", "N", "REIT"), 18)    // REIT first
        XCTAssertEqual(shareCode("SB", "FUND", "CEF", "N", "ACOR"), 45)
        XCTAssertEqual(shareCode("AD", "EQTY", "COM", "Y", "CORP"), 31)    // an ADR is foreign by its kind
        XCTAssertEqual(shareCode("AD", "EQTY", "COM", "", "ACOR"), 30)
        XCTAssertEqual(shareCode("NS", "FUND", "ETF", "N", "CORP"), 73)
        XCTAssertEqual(exchangeCode("R", "NW", "A"), 34)
        XCTAssertEqual(exchangeCode("I", "WI", "A"), 36)
        XCTAssertEqual(exchangeCode("B", "RW", "H"), -2)
        XCTAssertEqual(exchangeCode("Q", "NW", "S"), -1)
    }

    /// What the table cannot express is 0: unknown, not common, not on a listed exchange.
    func testCombinationsTheTableCannotExpressAreUnknown() {
        let shares = [("CE", "EQTY", "COM", "Y", "ACOR"), ("NS", "EQTY", "PFD", "Y", "CORP"), ("NS", "DERV", "ATR", "Y", "ACOR"),
                      ("UG", "FUND", "ETV", "Y", "ACOR"), ("SB", "FUND", "ETF", "Y", "ACOR"), ("NS", "EQTY", "COM", "", "CORP"),
                      ("NS", "EQTY", "COM", "Y", ""), ("NS", "EQTY", "COM", "Y", "TRST"), ("", "", "", "", ""),
                      ("NS", "FUND", "CEF", "", "ACOR"), ("XX", "EQTY", "COM", "Y", "CORP")]
        for (share, security, subType, usInc, issuer) in shares {
            XCTAssertEqual(shareCode(share, security, subType, usInc, issuer), 0, "\(share) \(security) \(subType) \(usInc) \(issuer)")
        }
        let exchanges = [("X", "RW", "A"), ("N", "RW", "D"), ("N", "RW", "X"), ("N", "", "A"), ("N", "NT", "A"), ("Z", "RW", "A"),
                         ("", "", ""), ("X", "NT", "A"), ("X", "RW", "H")]
        for (exchange, condition, status) in exchanges {
            XCTAssertEqual(exchangeCode(exchange, condition, status), 0, "\(exchange) \(condition) \(status)")
        }
    }

    /// `MthPrcFlg` BA is a bid/ask midpoint; TR, MP, DA and blank are not.
    func testOnlyBAIsAMidpoint() {
        for (flag, expected) in [("BA", true), ("ba", true), (" BA ", true), ("TR", false), ("MP", false), ("DA", false), ("", false)] {
            var a = CIZAttributes()
            a.priceFlag = CIZAttributes.pack(flag)
            XCTAssertEqual(CIZCodes.isMidpoint(a), expected, flag)
        }
    }

    /// Codes are read trimmed and in any case; more than eight bytes is no code at all.
    func testPacking() {
        XCTAssertEqual(CIZAttributes.pack("NS"), 0x534E)
        XCTAssertEqual(CIZAttributes.pack(" ns\t"), CIZAttributes.pack("NS"))
        XCTAssertEqual(CIZAttributes.pack("Eqty"), CIZAttributes.pack("EQTY"))
        XCTAssertEqual(CIZAttributes.pack(""), 0)
        XCTAssertEqual(CIZAttributes.pack("   "), 0)
        XCTAssertEqual(CIZAttributes.pack("ABCDEFGHI"), CIZAttributes.unknown)
        XCTAssertEqual(CIZAttributes.pack("ABCDEFGH"), 0x4847_4645_4443_4241)
        XCTAssertNotEqual(CIZAttributes.pack("N S"), CIZAttributes.pack("NS"))
    }

    /// The table's constants are the packed texts they stand for.
    func testWordsAreTheirTexts() {
        let words: [(UInt64, String)] = [
            (CIZCodes.Word.ns, "NS"), (CIZCodes.Word.ad, "AD"), (CIZCodes.Word.sb, "SB"), (CIZCodes.Word.ug, "UG"),
            (CIZCodes.Word.eqty, "EQTY"), (CIZCodes.Word.fund, "FUND"), (CIZCodes.Word.com, "COM"), (CIZCodes.Word.cef, "CEF"),
            (CIZCodes.Word.etf, "ETF"), (CIZCodes.Word.yes, "Y"), (CIZCodes.Word.no, "N"), (CIZCodes.Word.acor, "ACOR"),
            (CIZCodes.Word.corp, "CORP"), (CIZCodes.Word.reit, "REIT"), (CIZCodes.Word.nyse, "N"), (CIZCodes.Word.nyseAmerican, "A"),
            (CIZCodes.Word.nasdaq, "Q"), (CIZCodes.Word.nyseArca, "R"), (CIZCodes.Word.cboe, "B"), (CIZCodes.Word.iex, "I"),
            (CIZCodes.Word.regularWay, "RW"), (CIZCodes.Word.whenIssued, "WI"), (CIZCodes.Word.newWhenIssued, "NW"),
            (CIZCodes.Word.active, "A"), (CIZCodes.Word.halted, "H"), (CIZCodes.Word.suspended, "S"), (CIZCodes.Word.bidAsk, "BA"),
        ]
        for (word, text) in words { XCTAssertEqual(word, CIZAttributes.pack(text), text) }
    }

    /// The inverse the synthetic market writes reads back to the same code, for every code it
    /// spells; every code of the tables has a spelling, and the ones it has none for are listed.
    func testInverseReadsBackToTheSameCode() {
        var spelledShares: [Int] = []
        for code in -99 ... 999 {
            guard let a = CIZCodes.attributes(shareCode: code) else { continue }
            spelledShares.append(code)
            XCTAssertEqual(shareCode(a.shareType, a.securityType, a.securitySubType, a.incorporation, a.issuerType), code, "share code \(code)")
        }
        XCTAssertEqual(spelledShares, [10, 11, 12, 14, 15, 18, 30, 31, 34, 35, 38, 40, 41, 42, 44, 45, 48, 70, 71, 72, 73, 74, 75, 78])
        var spelledExchanges: [Int] = []
        for code in -99 ... 999 {
            guard let a = CIZCodes.attributes(exchangeCode: code) else { continue }
            spelledExchanges.append(code)
            XCTAssertEqual(exchangeCode(a.primaryExchange, a.conditionalType, a.tradingStatus), code, "exchange code \(code)")
        }
        XCTAssertEqual(spelledExchanges, [-2, -1, 0, 1, 2, 3, 4, 5, 6, 31, 32, 33, 34, 35, 36])
        // The table's rows as the synthetic market spells its codes.
        XCTAssertEqual(CIZCodes.attributes(shareCode: 31), .init(shareType: "AD", securityType: "EQTY", securitySubType: "COM", incorporation: "N", issuerType: "CORP"))
        XCTAssertEqual(CIZCodes.attributes(shareCode: 48), .init(shareType: "SB", securityType: "EQTY", securitySubType: "COM", incorporation: "Y", issuerType: "REIT"))
        XCTAssertEqual(CIZCodes.attributes(exchangeCode: 0), .init(primaryExchange: "X", conditionalType: "NT", tradingStatus: ""))
    }

    /// The direct path's test for capital letters, against a plain one, for every byte value in
    /// every position of a word of capitals.
    func testCapitalLetterTestOfTheDirectPath() {
        for position in 0 ..< 8 {
            for byte in 0 ... 255 {
                var bytes = [UInt8](repeating: 0x4D, count: 8)
                bytes[position] = UInt8(byte)
                let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
                XCTAssertEqual(CRSPTokenizer.hasByteOutsideCapitals(word), !(0x41 ... 0x5A).contains(byte), "byte \(byte) at \(position)")
            }
        }
        // Two bytes out of range, one above and one below, in every pair of positions.
        for low in 0 ..< 8 {
            for high in 0 ..< 8 where high != low {
                var bytes = [UInt8](repeating: 0x5A, count: 8)
                bytes[low] = 0x40
                bytes[high] = 0xFF
                let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
                XCTAssertTrue(CRSPTokenizer.hasByteOutsideCapitals(word))
            }
        }
    }
}
