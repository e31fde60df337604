import XCTest
@testable import ReconCore

/// The list of benefit-driven-incorporation countries: found by name (any case, spaces around)
/// and by code; equal lists compare equal whatever their hash does.
final class BenefitDrivenIncorporationCountriesTests: XCTestCase {
    private let countries = BenefitDrivenIncorporationCountries([
        .init(name: "Turks and Caicos", code: CountryCode("TCA"), otherNames: ["Turks and Caicos Islands"]),
        .init(name: "Channel Islands", code: nil),
    ])

    func testFoundByNameAndOtherNameIgnoringCaseAndSpaces() {
        XCTAssertTrue(countries.contains(name: "Turks and Caicos"))
        XCTAssertTrue(countries.contains(name: "  TURKS AND CAICOS ISLANDS "))
        XCTAssertTrue(countries.contains(name: "channel islands"))
        XCTAssertFalse(countries.contains(name: "Jersey"))
        XCTAssertFalse(countries.contains(name: nil))
        XCTAssertEqual(countries.allNames, ["turks and caicos", "turks and caicos islands", "channel islands"])
    }

    func testFoundByCode() {
        XCTAssertTrue(countries.contains(CountryCode("TCA")))
        XCTAssertFalse(countries.contains(CountryCode("GGY")), "a country without a code is found by name only")
        XCTAssertFalse(countries.contains(nil))
        XCTAssertFalse(BenefitDrivenIncorporationCountries.none.contains(CountryCode("BMU")))
    }

    func testEqualityByContent() {
        let same = BenefitDrivenIncorporationCountries(countries.countries)
        XCTAssertEqual(same, countries)
        XCTAssertEqual(same.hashValue, countries.hashValue)
        XCTAssertNotEqual(countries, .none)
    }
}
