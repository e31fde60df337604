/// The home-country test of the rulebook, on a company's facts (``CompanyFacts``): which country a
/// company belongs to, from its home-country indicators (HCIs).
///
/// Rulebook: M7 §5.3–5.5 and App. B (russell-rules.md §3.1):
/// 1. when the country of incorporation, the headquarters (principal executive office) and the
///    most liquid exchange all agree, that country;
/// 2. otherwise the primary location of the company's assets, when it is one of the HCIs;
/// 3. otherwise the primary location of its revenue, when it is one of the HCIs;
/// 4. otherwise the headquarters, unless that is a benefit-driven-incorporation country
///    (``BenefitDrivenIncorporationCountries``), in which case the country of the most liquid exchange.
///
/// US territories count as the US (App. B). Every line recon reads is a US listing, and a facts
/// file gives no foreign listing, so the most liquid exchange is taken to be in the US (a company
/// listed only in the US: the US). The "primary location" of assets and revenue (a 20-point lead,
/// or 40% for one country against the rest of the world, App. B) is the facts file's to judge: its
/// `asset_country` and `revenue_country` are taken as that primary location.
public enum HomeCountry {
    /// The HCIs a facts file gives.
    public struct Indicators: Sendable, Hashable {
        public var incorporation: CountryCode?
        public var headquarters: CountryCode
        public var assets: CountryCode?
        public var revenue: CountryCode?

        public init(incorporation: CountryCode?, headquarters: CountryCode, assets: CountryCode? = nil, revenue: CountryCode? = nil) {
            self.incorporation = incorporation
            self.headquarters = headquarters
            self.assets = assets
            self.revenue = revenue
        }
    }

    /// The step of the test that decided, as `excluded.csv` names it (`country:hci_assets`).
    public enum Step: String, Sendable, Hashable {
        /// Step 1: incorporation, headquarters and most liquid exchange agree.
        case agree = "hci_agree"
        /// Step 2: the primary location of assets.
        case assets = "hci_assets"
        /// Step 3: the primary location of revenue.
        case revenue = "hci_revenue"
        /// Step 4: the headquarters.
        case headquarters = "hci_headquarters"
        /// Step 4 with a BDI headquarters: the most liquid exchange.
        case exchange = "hci_bdi_exchange"
    }

    /// The country the test assigns, the step that did, and the indicators it read.
    public struct Assignment: Sendable, Hashable, CustomStringConvertible {
        public var country: CountryCode
        public var step: Step
        public var indicators: Indicators

        public var isUnitedStates: Bool { country == .unitedStates }

        /// `CAN by hci_headquarters (incorporation CAN, headquarters CAN, assets –, revenue –, exchange USA)`.
        public var description: String {
            let indicators = self.indicators
            func code(_ code: CountryCode?) -> String { code?.alpha3 ?? "–" }
            return "\(country) by \(step.rawValue) (incorporation \(code(indicators.incorporation)), headquarters \(indicators.headquarters), "
                + "assets \(code(indicators.assets)), revenue \(code(indicators.revenue)), exchange \(HomeCountry.mostLiquidExchange))"
        }
    }

    /// The country of the most liquid exchange: the US, where every line recon reads is listed.
    public static let mostLiquidExchange = CountryCode.unitedStates

    /// The test's four steps, in order.
    /// - Complexity: O(1).
    public static func assign(_ indicators: Indicators, benefitDriven: BenefitDrivenIncorporationCountries) -> Assignment {
        let headquarters = indicators.headquarters.home, exchange = mostLiquidExchange
        let incorporation = indicators.incorporation?.home
        // Step 1: all three agree.
        if incorporation == headquarters, headquarters == exchange {
            return Assignment(country: exchange, step: .agree, indicators: indicators)
        }
        // Steps 2 and 3: a location that is one of the HCIs.
        let isIndicator = { (country: CountryCode) in country == incorporation || country == headquarters || country == exchange }
        if let assets = indicators.assets?.home, isIndicator(assets) {
            return Assignment(country: assets, step: .assets, indicators: indicators)
        }
        if let revenue = indicators.revenue?.home, isIndicator(revenue) {
            return Assignment(country: revenue, step: .revenue, indicators: indicators)
        }
        // Step 4: the headquarters, or the most liquid exchange for a BDI headquarters.
        if benefitDriven.contains(indicators.headquarters) {
            return Assignment(country: exchange, step: .exchange, indicators: indicators)
        }
        return Assignment(country: headquarters, step: .headquarters, indicators: indicators)
    }
}
