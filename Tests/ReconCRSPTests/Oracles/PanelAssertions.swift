import XCTest
import ReconCore
@testable import ReconCRSP

extension XCTestCase {
    /// Every field of two panels, compared.
    func assertSamePanel(_ a: CRSPPanel, _ b: CRSPPanel, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        func same<T: Equatable>(_ x: T, _ y: T, _ what: String) {
            XCTAssertEqual(x, y, "\(what) differs: \(message)", file: file, line: line)
        }
        func sameBits(_ x: PanelColumn<Double>, _ y: PanelColumn<Double>, _ what: String) {
            same(x.map(\.bitPattern), y.map(\.bitPattern), what)
        }
        func sameBits(_ x: PanelColumn<Float>, _ y: PanelColumn<Float>, _ what: String) {
            same(x.map(\.bitPattern), y.map(\.bitPattern), what)
        }
        same(a.source, b.source, "source")
        same(a.report, b.report, "report")
        same(Array(a.rowSecurity), Array(b.rowSecurity), "rowSecurity")
        same(Array(a.rowCompany), Array(b.rowCompany), "rowCompany")
        same(Array(a.rowDate), Array(b.rowDate), "rowDate")
        same(Array(a.rowShareCode), Array(b.rowShareCode), "rowShareCode")
        same(Array(a.rowExchangeCode), Array(b.rowExchangeCode), "rowExchangeCode")
        sameBits(a.rowPrice, b.rowPrice, "rowPrice")
        sameBits(a.rowShares, b.rowShares, "rowShares")
        sameBits(a.rowReturn, b.rowReturn, "rowReturn")
        sameBits(a.rowDelistingReturn, b.rowDelistingReturn, "rowDelistingReturn")
        same(Array(a.rowLine), Array(b.rowLine), "rowLine")
        same(a.monthKeys, b.monthKeys, "monthKeys")
        same(a.monthRowStart, b.monthRowStart, "monthRowStart")
        same(a.months, b.months, "months")
        same(a.securityOfPermno, b.securityOfPermno, "securityOfPermno")
        same(a.securityPermno, b.securityPermno, "securityPermno")
        same(a.securityTicker, b.securityTicker, "securityTicker")
        same(a.securityName, b.securityName, "securityName")
        same(a.securityIndustry, b.securityIndustry, "securityIndustry")
        same(a.securityCusip, b.securityCusip, "securityCusip")
        same(a.securityRowStart, b.securityRowStart, "securityRowStart")
        same(Array(a.securityRows), Array(b.securityRows), "securityRows")
        same(Array(a.securityRowMonth), Array(b.securityRowMonth), "securityRowMonth")
        same(a.securitiesOfCompany, b.securitiesOfCompany, "securitiesOfCompany")
    }
}
