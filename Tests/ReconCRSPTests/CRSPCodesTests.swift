import XCTest
import ReconCore
@testable import ReconCRSP

/// Every share-code class of CRSP's table (crsp-ciz.md) under each convention, and the exchanges.
final class CRSPCodesTests: XCTestCase {
    /// Share code → (type by the rulebook, type by the academic convention, US-incorporated).
    private let table: [(code: Int, rulebook: SecurityType, academic: SecurityType, us: Bool)] = [
        (10, .commonStock, .commonStock, true),
        (11, .commonStock, .commonStock, true),
        (12, .commonStock, .otherNonCommon, false),
        (13, .otherNonCommon, .otherNonCommon, true),
        (14, .closedEndFund, .otherNonCommon, true),
        (15, .closedEndFund, .otherNonCommon, true),
        (18, .commonStock, .otherNonCommon, true),
        (20, .otherNonCommon, .otherNonCommon, true),
        (30, .depositaryReceipt, .otherNonCommon, true),
        (31, .depositaryReceipt, .otherNonCommon, true),
        (40, .otherNonCommon, .otherNonCommon, true),
        (41, .otherNonCommon, .otherNonCommon, true),
        (44, .closedEndFund, .otherNonCommon, true),
        (48, .commonStock, .otherNonCommon, true),
        (70, .unit, .otherNonCommon, true),
        (71, .unit, .otherNonCommon, true),
        (72, .unit, .otherNonCommon, false),
        (73, .exchangeTradedFund, .otherNonCommon, true),
        (0, .otherNonCommon, .otherNonCommon, true),
    ]

    func testShareCodesRowByRow() {
        for row in table {
            XCTAssertEqual(CRSPCodes.securityType(shareCode: row.code, convention: .rulebook), row.rulebook, "SHRCD \(row.code)")
            XCTAssertEqual(CRSPCodes.securityType(shareCode: row.code, convention: .academic), row.academic, "SHRCD \(row.code)")
            XCTAssertEqual(CRSPCodes.isUSIncorporated(shareCode: row.code), row.us, "SHRCD \(row.code)")
            // Evidence is shown exactly for the lines that are not common stock.
            for convention in ShareTypeConvention.allCases {
                let isCommon = CRSPCodes.isCommon(shareCode: row.code, convention: convention)
                XCTAssertEqual(CRSPCodes.typeEvidence(shareCode: row.code, convention: convention) == nil, isCommon, "SHRCD \(row.code)")
            }
        }
        XCTAssertEqual(CRSPCodes.typeEvidence(shareCode: 18, convention: .academic), "SHRCD 18 (ordinary common shares, REIT)")
        XCTAssertEqual(CRSPCodes.typeEvidence(shareCode: 14, convention: .rulebook), "SHRCD 14 (ordinary common shares, closed-end fund)")
        XCTAssertEqual(CRSPCodes.typeEvidence(shareCode: 0, convention: .rulebook), "SHRCD blank")
    }

    func testExchangesUnderEachConvention() {
        // NYSE, AMEX, NASDAQ, NYSE Arca, Cboe BZX, IEX, none, suspended, halted, when-issued on NYSE.
        let codes = [1, 2, 3, 4, 5, 6, 0, -1, -2, 31]
        XCTAssertEqual(codes.map { CRSPCodes.isEligibleExchange($0, convention: .rulebook) },
                       [true, true, true, true, true, false, false, false, false, false])
        XCTAssertEqual(codes.map { CRSPCodes.isEligibleExchange($0, convention: .academic) },
                       [true, true, true, false, false, false, false, false, false, false])
        XCTAssertEqual(CRSPCodes.exchangeName(5), "Cboe BZX")
    }
}
