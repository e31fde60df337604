import XCTest
@testable import ReconCore

/// ISO 3166-1 alpha-3 codes: only assigned codes are made, in any case; US territories count as
/// the US (M7 App. B).
final class CountryCodeTests: XCTestCase {
    func testAssignedCodesInAnyCaseAndNothingElse() {
        XCTAssertEqual(CountryCode("BMU")?.alpha3, "BMU")
        XCTAssertEqual(CountryCode("bmu"), CountryCode("BMU"))
        XCTAssertEqual(CountryCode("cYm")?.name, "Cayman Islands")
        XCTAssertEqual(CountryCode("ANT")?.name, "Netherlands Antilles (withdrawn 2010)", "old Compustat extracts carry it")
        for text in ["", "US", "USAA", "BMX", "XXX", "U1A", " USA", "USA ", "ÜSA", "Bermuda"] {
            XCTAssertNil(CountryCode(text), text)
        }
    }

    func testTheTableHoldsEveryCodeOnceInOrder() {
        let codes = ISO3166.countries.map(\.code)
        XCTAssertEqual(codes.count, 250, "249 ISO 3166-1 codes and ANT")
        XCTAssertEqual(codes, codes.sorted())
        XCTAssertEqual(Set(codes).count, codes.count)
        XCTAssertTrue(codes.allSatisfy { CountryCode($0)?.alpha3 == $0 })
    }

    func testTerritoriesCountAsTheUnitedStates() {
        for territory in ["PRI", "GUM", "VIR", "MNP", "ASM", "UMI", "USA"] {
            XCTAssertEqual(CountryCode(territory)!.home, .unitedStates, territory)
        }
        XCTAssertEqual(CountryCode("VGB")!.home, CountryCode("VGB"), "the British Virgin Islands are not US")
        XCTAssertEqual(CountryCode("CAN")!.home, CountryCode("CAN"))
    }

    func testCodeNamedFindsTheISOName() {
        XCTAssertEqual(CountryCode.code(named: " bermuda "), CountryCode("BMU"))
        XCTAssertEqual(CountryCode.code(named: "United States"), .unitedStates)
        XCTAssertNil(CountryCode.code(named: "Atlantis"))
    }
}
