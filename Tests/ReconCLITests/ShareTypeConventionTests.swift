import Foundation
import XCTest
@testable import ReconCLI
import ReconIO

/// A reconstitution of a hand-written CRSP cross-section, one company per share and exchange code
/// that the two readings of CRSP codes treat differently (docs/crsp.md).
final class ShareTypeConventionTests: XCTestCase {
    /// April 30, 2024 is the 2024 rank day; every company is worth $500M at $50 a share.
    private static let panel = """
    PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET,SHROUT
    1,101,20240430,11,1,COMA,COMMON A INC,50,0.01,10000
    2,102,20240430,18,1,REIT,REALTY REIT INC,50,0.01,10000
    3,103,20240430,48,3,SBIR,BENEFICIAL REALTY TRUST,50,0.01,10000
    4,104,20240430,14,1,CEFF,INCOME FUND INC,50,0.01,10000
    5,105,20240430,31,3,ADRX,FOREIGN BANK ADR,50,0.01,10000
    6,106,20240430,73,4,ETFX,BROAD MARKET ETF,50,0.01,10000
    7,107,20240430,11,4,ARCA,ARCA LISTED INC,50,0.01,10000
    8,108,20240430,11,5,CBOE,CBOE LISTED INC,50,0.01,10000
    9,109,20240430,12,1,FORN,OFFSHORE HOLDINGS LTD,50,0.01,10000
    10,110,20240430,71,1,UNIT,PARTNERS UNITS,50,0.01,10000
    """

    private struct Outcome {
        var members: Set<String>
        var reasons: [String: String]
    }

    private func reconstitute(_ extra: [String]) throws -> (out: String, folder: String) {
        let folder = try TestPaths.temporaryFolder()
        let panel = try TestPaths.write(Self.panel, named: "msf.csv", in: folder)
        let out = folder + "/run"
        let run = CommandRun(["reconstitute", "--quiet", "--year", "2024", "--universe", panel, "--out", out] + extra)
        XCTAssertEqual(run.status, 0, run.error)
        return (out, folder)
    }

    private func outcome(_ folder: String) throws -> Outcome {
        let members = try CSVTable(path: folder + "/membership.csv")
        let excluded = try CSVTable(path: folder + "/excluded.csv")
        return Outcome(members: Set(members.rows.filter { $0["index"] != "none" }.map { $0["symbol"]! }),
                       reasons: Dictionary(uniqueKeysWithValues: excluded.rows.map { ($0["symbol"]!, $0["reason"]!) }))
    }

    func testTheRulebookAdmitsREITsAndNYSEArcaAndCboeListings() throws {
        let run = try outcome(try reconstitute([]).out)
        XCTAssertEqual(run.members, ["COMA", "REIT", "SBIR", "ARCA", "CBOE"])
        XCTAssertEqual(run.reasons, [
            "CEFF": "type:closed_end_fund", "ADRX": "type:depositary_receipt", "ETFX": "type:etf_or_fund",
            "UNIT": "type:unit", "FORN": "country",
        ])
    }

    /// SHRCD 12 is common stock of a company incorporated outside the US: facts that put its
    /// headquarters in the US and its incorporation in Bermuda (a BDI country, listed only in the
    /// US) assign it to the US (M7 §5.3–5.5, App. B), and its 2.097% of the votes then removes it
    /// (M7 §5.15).
    func testFactsDecideTheCountryOfACompanyIncorporatedOutsideTheUS() throws {
        let folder = try TestPaths.temporaryFolder()
        let us = try TestPaths.write("permno,incorporation_country,headquarters_country\n9,BMU,USA\n", named: "us.csv", in: folder)
        let inUS = try outcome(try reconstitute(["--facts", us]).out)
        XCTAssertTrue(inUS.members.contains("FORN"), "\(inUS.reasons)")
        let voting = try TestPaths.write("permno,incorporation_country,headquarters_country,voting_fraction\n9,BMU,USA,0.02097\n",
                                         named: "voting.csv", in: folder)
        let votes = try outcome(try reconstitute(["--facts", voting]).out)
        XCTAssertFalse(votes.members.contains("FORN"))
        XCTAssertEqual(votes.reasons["FORN"].map { $0.hasPrefix("voting_below_minimum") }, true, "\(votes.reasons)")
    }

    func testTheAcademicConventionKeepsShareCodes10And11OnNYSEAMEXAndNASDAQ() throws {
        let run = try outcome(try reconstitute(["--variant", "convention=academic"]).out + "/variants/convention-academic")
        XCTAssertEqual(run.members, ["COMA"])
        XCTAssertEqual(run.reasons, [
            "REIT": "type:other_non_common", "SBIR": "type:other_non_common", "CEFF": "type:other_non_common",
            "ADRX": "type:other_non_common", "ETFX": "type:other_non_common", "UNIT": "type:other_non_common",
            "FORN": "type:other_non_common", "ARCA": "exchange", "CBOE": "exchange",
        ])
    }
}

/// A small CSV file read into rows keyed by header name (for assertions on output files).
struct CSVTable {
    var rows: [[String: String]] = []

    init(path: String) throws {
        let csv = try CSVReader(path: path)
        guard try csv.next() else { throw CocoaError(.fileReadCorruptFile) }
        let header = try csv.fields()
        while try csv.next() {
            let fields = try csv.fields()
            rows.append(Dictionary(uniqueKeysWithValues: zip(header, fields)))
        }
    }
}
