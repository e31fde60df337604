import XCTest
@testable import ReconCore

/// The home-country test of M7 §5.3–5.5 and App. B, step by step. The most liquid exchange is the
/// US: every line recon reads is a US listing.
final class HomeCountryTests: XCTestCase {
    private func code(_ text: String) -> CountryCode { CountryCode(text)! }

    private func assign(incorporation: String?, headquarters: String, assets: String? = nil, revenue: String? = nil) -> HomeCountry.Assignment {
        HomeCountry.assign(.init(incorporation: incorporation.map(code), headquarters: code(headquarters),
                                 assets: assets.map(code), revenue: revenue.map(code)),
                           benefitDriven: TestUniverse.benefitDriven)
    }

    func testStep1IncorporationHeadquartersAndExchangeAgree() {
        let us = assign(incorporation: "USA", headquarters: "USA")
        XCTAssertEqual(us.country, .unitedStates)
        XCTAssertEqual(us.step, .agree)
        XCTAssertEqual(assign(incorporation: "PRI", headquarters: "PRI").step, .agree, "US territories count as the US")
        XCTAssertEqual(assign(incorporation: "USA", headquarters: "GUM").country, .unitedStates)
    }

    func testStep2AssetsWhenTheyAreAnIndicator() {
        // Incorporated in Britain, headquartered in the US, assets in Britain (the incorporation's country).
        let british = assign(incorporation: "GBR", headquarters: "USA", assets: "GBR", revenue: "USA")
        XCTAssertEqual(british.country, code("GBR"))
        XCTAssertEqual(british.step, .assets)
        // Incorporated and headquartered in Ireland, assets in the US (the exchange's country).
        XCTAssertEqual(assign(incorporation: "IRL", headquarters: "IRL", assets: "USA").country, .unitedStates)
        XCTAssertEqual(assign(incorporation: "IRL", headquarters: "IRL", assets: "PRI").step, .assets)
    }

    func testStep3RevenueWhenAssetsAreNoIndicator() {
        // Assets in China are none of the HCIs (IRL, IRL, USA): revenue decides.
        let irish = assign(incorporation: "IRL", headquarters: "IRL", assets: "CHN", revenue: "USA")
        XCTAssertEqual(irish.country, .unitedStates)
        XCTAssertEqual(irish.step, .revenue)
    }

    func testStep4HeadquartersOrTheExchangeForABenefitDrivenHeadquarters() {
        let canadian = assign(incorporation: "CAN", headquarters: "CAN")
        XCTAssertEqual(canadian.country, code("CAN"))
        XCTAssertEqual(canadian.step, .headquarters, "CAN, CAN, USA do not all agree; no assets or revenue")
        let bermudaHeadquarters = assign(incorporation: "BMU", headquarters: "BMU", assets: "CHN", revenue: "CHN")
        XCTAssertEqual(bermudaHeadquarters.country, .unitedStates)
        XCTAssertEqual(bermudaHeadquarters.step, .exchange, "a BDI headquarters gives way to the most liquid exchange")
        // Incorporated in Bermuda, headquartered in the US, listed only in the US.
        let bermudaIncorporation = assign(incorporation: "BMU", headquarters: "USA")
        XCTAssertEqual(bermudaIncorporation.country, .unitedStates)
        XCTAssertEqual(bermudaIncorporation.step, .headquarters)
        XCTAssertEqual(assign(incorporation: nil, headquarters: "ISR").country, code("ISR"), "no incorporation: step 1 cannot agree")
    }

    func testDescriptionNamesTheStepAndEveryIndicator() {
        XCTAssertEqual(assign(incorporation: "CAN", headquarters: "CAN", revenue: "CHN").description,
                       "CAN by hci_headquarters (incorporation CAN, headquarters CAN, assets –, revenue CHN, exchange USA)")
    }
}
