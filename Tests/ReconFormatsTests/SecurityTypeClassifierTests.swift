import XCTest
import ReconCore
@testable import ReconFormats

final class SecurityTypeClassifierTests: XCTestCase {
    private func type(_ name: String, symbol: String = "TEST", industry: String? = nil) -> SecurityType {
        SecurityTypeClassifier.classify(.init(symbol: symbol, name: name, industry: industry)).type
    }

    /// Real-looking names, one or more per rule (M7 §5.11, §5.13).
    func testTableOfNames() {
        let table: [(String, String?, SecurityType)] = [
            ("Artius II Acquisition Inc. Units", nil, .unit),
            ("Artius II Acquisition Inc. Rights", nil, .right),
            ("Bullfrog AI Holdings Inc. Warrant", nil, .warrant),
            ("Presidio Property Trust Inc. Series A Common Stock Purchase Warrants", "Real Estate Investment Trusts", .warrant),
            ("XYZ Corp 6.25% Notes due 2028", nil, .note),
            ("Brighthouse Financial Inc. 6.25% Junior Subordinated Debentures due 2058", nil, .note),
            ("Entergy Arkansas LLC First Mortgage Bonds 4.875% Series Due September 1 2066", "Electric Utilities: Central", .note),
            ("ATA Creativity Global American Depositary Shares", nil, .depositaryReceipt),
            ("Grupo Aval Acciones y Valores S.A. ADR (Each representing 20 preferred shares)", nil, .depositaryReceipt),
            ("Cadiz Inc. Depositary Shares", "Water Supply", .depositaryReceipt),
            ("Saul Centers Inc. Depositary Shares each representing 1/100th of a share of 6.125% Series D Cumulative Redeemable Preferred Stock", nil, .preferred),
            ("Gabelli Equity Trust Inc. (The) Pfd Ser H", nil, .preferred),
            ("GAMCO Global Gold Natural Reources & Income Trust 5.00% Series B Cumulative 25.00 Liquidation Preference", nil, .preferred),
            ("Dillard's Capital Trust I", "Department/Specialty Retail Stores", .preferred),
            ("Agilent Technologies Inc. Common Stock", "Biotechnology: Laboratory Analytical Instruments", .commonStock),
            ("Sprouts Farmers Market, Inc.", nil, .commonStock),
            ("Preferred Bank Common Stock", "Major Banks", .commonStock),
            ("Alphabet Inc. Class C Capital Stock", nil, .commonStock),
            ("Berkshire Hathaway Inc.", nil, .commonStock),
            ("LPL Financial Holdings Inc. Common Stock", "Investment Bankers/Brokers/Service", .commonStock),
            ("Energy Transfer LP Common Units", "Natural Gas Distribution", .limitedPartnership),
            ("Enterprise Products Partners L.P. Common Stock", "Natural Gas Distribution", .limitedPartnership),
            ("Kimbell Royalty Partners Common Units Representing Limited Partner Interests", "Oil & Gas Production", .limitedPartnership),
            ("AllianceBernstein Holding L.P.  Units", "Investment Managers", .limitedPartnership),
            ("LandBridge Company LLC Class A Shares Representing Limited Liability Company Interests", "Oil & Gas Production", .limitedLiabilityCompany),
            ("Five Point Holdings LLC Class A Common Shares", "Real Estate", .limitedLiabilityCompany),
            ("Vertiv Holdings LLC Class A Common Stock", "Industrial Machinery/Components", .commonStock),
            ("Permian Basin Royalty Trust", nil, .royaltyTrust),
            ("PermRock Royalty Trust Trust Units", "Oil & Gas Production", .royaltyTrust),
            ("Mesabi Trust Common Stock", "Precious Metals", .royaltyTrust),
            ("Blackrock Municipal Income Trust", nil, .closedEndFund),
            ("Adams Diversified Equity Fund Inc.", "Investment Managers", .closedEndFund),
            ("Gabelli Equity Trust Inc. (The) Common Stock", "Investment Managers", .closedEndFund),
            ("Cohen & Steers Closed-End Opportunity Fund Inc. Common Stock", "Investment Managers", .closedEndFund),
            ("Flaherty & Crumrine Preferred and Income Fund Incorporated", "Investment Managers", .closedEndFund),
            ("Universal Health Realty Income Trust Common Stock", "Real Estate Investment Trusts", .commonStock),
            ("Office Properties Income Trust Common Shares of Beneficial Interest", "Real Estate", .commonStock),
            ("InnSuites Hospitality Trust Shares of Beneficial Interest", "Investment Bankers/Brokers/Service", .commonStock),
            ("Northern Trust Corporation Common Stock", "Major Banks", .commonStock),
            ("Golub Capital BDC Inc. Common Stock", "Finance: Consumer Services", .businessDevelopmentCompany),
            ("Main Street Capital Corporation Common Stock", "Finance/Investors Services", .businessDevelopmentCompany),
            // No industry given (a recent listing): the name decides, unless it names an operating business.
            ("Blue Owl Technology Finance Corp. Common Stock", nil, .businessDevelopmentCompany),
            ("MacKenzie Realty Capital Inc. Common Stock", nil, .commonStock),
            ("Example Capital Corp. Common Stock", "Electric Utilities: Central", .commonStock),
            ("Ladder Capital Corp Class A Common Stock", "Real Estate Investment Trusts", .commonStock),
            ("Open Lending Corporation Common Stock", "Finance: Consumer Services", .commonStock),
            ("Centurion Acquisition Corp. Class A Ordinary Shares", nil, .blankCheck),
            ("Horizon Space Acquisition II Corp. Ordinary share", nil, .blankCheck),
            ("Cantor Equity Partners II Inc. Class A Ordinary Share", "Blank Checks", .blankCheck),
            ("Churchill Capital Corp X Class A Ordinary Shares", "Blank Checks", .blankCheck),
            ("Mobile Infrastructure Corporation Common Stock", "Blank Checks", .commonStock),
            ("Blaize Holdings Inc. Common Stock", "Blank Checks", .commonStock),
            ("Hashdex Nasdaq Crypto Index US ETF", nil, .exchangeTradedFund),
            ("Synthetic Fixed-Income Securities Inc 6.375% (STRATS) Cl A-1", "Finance: Consumer Services", .trustReceipt),
        ]
        for (name, industry, expected) in table {
            XCTAssertEqual(type(name, industry: industry), expected, name)
        }
    }

    func testSymbolConventions() {
        XCTAssertEqual(type("Rithm Acquisition Corp.", symbol: "RAC/WS"), .warrant)
        XCTAssertEqual(type("Example Holdings Inc.", symbol: "EXH^A"), .preferred)
        XCTAssertEqual(type("Brown Forman Corporation", symbol: "BF/B"), .commonStock)
    }

    /// Nasdaq's fifth letter types a line whose name is the issuer's alone (the legacy company list).
    func testNasdaqFifthLetter() {
        XCTAssertEqual(type("1347 Capital Corp.", symbol: "TFSCW"), .warrant)
        XCTAssertEqual(type("Example Holdings Inc.", symbol: "EXHDU"), .unit)
        XCTAssertEqual(type("Example Holdings Inc.", symbol: "EXHDR"), .right)
        XCTAssertEqual(SecurityTypeClassifier.classify(.init(symbol: "TFSCW", name: "1347 Capital Corp.")).evidence,
                       "symbol TFSCW has Nasdaq's fifth letter \"W\" (warrants)")
        // Four letters is an issuer's own symbol; other fifth letters are classes (GOOGL, FWONK).
        XCTAssertEqual(type("Example Holdings Inc.", symbol: "EXHW"), .commonStock)
        XCTAssertEqual(type("Alphabet Inc.", symbol: "GOOGL"), .commonStock)
        XCTAssertEqual(type("Example Holdings Inc.", symbol: "EXH.W"), .commonStock)
        // A name that says the type is the evidence given.
        XCTAssertEqual(SecurityTypeClassifier.classify(.init(symbol: "BFRGW", name: "Bullfrog AI Holdings Inc. Warrant")).evidence,
                       "name says \"Warrant\"")
    }

    func testEvidenceNamesWhatWasSeen() {
        let warrant = SecurityTypeClassifier.classify(.init(symbol: "BFRGW", name: "Bullfrog AI Holdings Inc. Warrant"))
        XCTAssertEqual(warrant.evidence, "name says \"Warrant\"")
        let partnership = SecurityTypeClassifier.classify(.init(symbol: "EPD", name: "Enterprise Products Partners L.P. Common Stock"))
        XCTAssertEqual(partnership.evidence, "name says \"L.P.\"")
        let spac = SecurityTypeClassifier.classify(.init(symbol: "X", name: "Some Co. II Class A Ordinary Shares", industry: "Blank Checks"))
        XCTAssertEqual(spac.evidence, "industry is \"Blank Checks\" and name has the serial number \"II\"")
        let named = SecurityTypeClassifier.classify(.init(symbol: "ALF", name: "Centurion Acquisition Corp. Class A Ordinary Shares", industry: "Blank Checks"))
        XCTAssertEqual(named.evidence, "name says \"Acquisition Corp.\"")
        XCTAssertNil(SecurityTypeClassifier.classify(.init(symbol: "A", name: "Agilent Technologies Inc. Common Stock")).evidence)
        let bdc = SecurityTypeClassifier.classify(.init(symbol: "OTF", name: "Blue Owl Technology Finance Corp. Common Stock", industry: ""))
        XCTAssertEqual(bdc.evidence, "name says \"Finance Corp\" and no industry is given")
        let filed = SecurityTypeClassifier.classify(.init(symbol: "MAIN", name: "Main Street Capital Corporation Common Stock",
                                                          industry: "Finance/Investors Services"))
        XCTAssertEqual(filed.evidence, "name says \"Capital Corporation\" and industry is \"Finance/Investors Services\"")
    }

    /// A blank-cheque issuer's shares are SPAC lines when another of its lines shows it.
    func testIssuerEvidenceReachesOtherLines() {
        let lines: [SecurityTypeClassifier.Line] = [
            .init(symbol: "CEPT", name: "Cantor Equity Partners Inc. Class A Ordinary Share", industry: nil, companyKey: "k1"),
            .init(symbol: "CEPTU", name: "Cantor Equity Partners Inc. Unit", industry: "Blank Checks", companyKey: "k1"),
            .init(symbol: "HVII", name: "Hennessy Capital Investment Corp. VII Ordinary Shares", industry: nil, companyKey: "k2"),
            .init(symbol: "HVIIR", name: "Hennessy Capital Investment Corp. VII Rights", industry: nil, companyKey: "k2"),
            .init(symbol: "PCT", name: "PureCycle Technologies Inc. Common Stock", industry: "Major Chemicals", companyKey: "k3"),
            .init(symbol: "PCTTU", name: "PureCycle Technologies Inc. Unit", industry: "Major Chemicals", companyKey: "k3"),
            .init(symbol: "GEN", name: "Gen Digital Inc. Common Stock", industry: nil, companyKey: "k4"),
            .init(symbol: "GENVR", name: "Gen Digital Inc. Contingent Value Rights", industry: nil, companyKey: "k4"),
            .init(symbol: "BZAI", name: "Blaize Holdings Inc. Common Stock", industry: "Blank Checks", companyKey: "k5"),
            .init(symbol: "BZAIW", name: "Blaize Holdings Inc. Warrants", industry: "Blank Checks", companyKey: "k5"),
        ]
        let inferences = SecurityTypeClassifier.classify(lines)
        XCTAssertEqual(inferences.map(\.type), [.blankCheck, .unit, .blankCheck, .right, .commonStock, .unit, .commonStock, .right, .commonStock, .warrant])
        XCTAssertEqual(inferences[0].evidence, "the issuer's line CEPTU: industry is \"Blank Checks\" and the issuer lists CEPTU (name says \"Unit\")")
        XCTAssertEqual(inferences[2].evidence, "no industry, and the issuer lists HVIIR (name says \"Rights\")")
        // On its own the first line has no evidence.
        XCTAssertEqual(SecurityTypeClassifier.classify(lines[0]).type, .commonStock)
    }

    /// Every Nasdaq line whose ticker a prior Russell file holds is, for FTSE Russell, eligible
    /// common equity: the classifier must call (almost) all of them common. The remaining
    /// conflicts are tickers that only collide after normalisation (`BC^C` → `BCC`) and one
    /// iShares ticker quirk; see docs/formats.md.
    func testPriorMembersAreCommon() throws {
        let data = try RealData.folder()
        let universe = try NasdaqScreenerReader.read(path: data + "/2025/nasdaq_screener_2025-05-23.csv")
        var held = Set<String>()
        for file in ["IWM_2025-05-13.csv", "IWV_2025-05-02.csv"] {
            for holding in try ISharesHoldingsReader.read(path: data + "/2025/" + file).holdings {
                held.insert(Ticker.normalize(holding.symbol))
            }
        }
        let conflicts = universe.securities.filter { held.contains(Ticker.normalize($0.symbol)) && $0.type != .commonStock }
        let byNormalisationOnly = conflicts.filter { $0.symbol.contains("^") }
        for security in conflicts {
            print("prior-member conflict: \(security.symbol) \(security.name) → \(security.type.rawValue) (\(security.typeEvidence ?? ""))")
        }
        XCTAssertGreaterThan(universe.securities.filter { held.contains(Ticker.normalize($0.symbol)) }.count, 2_800)
        // Company structures inferred from a name give way to prior membership in the engine
        // (Eligibility.typeScreen): asset managers named like BDCs (`Blue Owl Capital Inc.`) are
        // allowed here, but only a few.
        let structures = conflicts.filter { $0.type.isCompanyStructure && !$0.symbol.contains("^") }
        XCTAssertLessThanOrEqual(structures.count, 3, "name rules call too many prior members funds or BDCs")
        XCTAssertLessThanOrEqual(conflicts.count - byNormalisationOnly.count - structures.count, 1,
                                 "classifier calls prior members non-common")
    }
}
