import Foundation
import XCTest
@testable import ReconCLI
import ReconCore
import ReconEngine

/// `--facts FILE` end to end: a hand-written native universe with ticker facts, a CRSP file with
/// PERMCO facts, and the embedded market with PERMNO facts in `reconstitute` and `replay`. Each
/// checks the rows of membership.csv and excluded.csv and the counts of summary.json.
final class FactsCommandTests: XCTestCase {
    /// membership.csv or excluded.csv as rows of fields by symbol (the first row of a symbol).
    private func rows(_ path: String) throws -> [String: [String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var rows: [String: [String: String]] = [:]
        for line in lines.dropFirst() {
            let fields = CSVFields.split(line)
            guard rows[fields[0]] == nil else { continue }
            rows[fields[0]] = Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
        return rows
    }

    private func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }

    // MARK: - A native universe, facts by ticker

    /// Seven companies at $10 a share, all "United States" but BMUCO ("Bermuda").
    static let universe = """
        symbol,name,price,market_cap,country
        AAA,Alpha Inc,10,5000000000,United States
        BMUCO,Bermuda Re Ltd,10,4000000000,Bermuda
        CANCO,Maple Corp,10,3000000000,United States
        DUAL,Dual Class Inc,10,2000000000,United States
        FLOAT,Float Inc,10,2000000000,United States
        THIN,Thin Float Inc,10,1000000000,United States
        HALF,Half Float Inc,10,1000000000,United States

        """

    func testReconstituteANativeUniverseWithTickerFacts() throws {
        let h = try BadInputHarness()
        let universe = try h.write(Self.universe, "universe.csv")
        // float_factor and float_shares cannot share a file: the float shares go in a second run.
        let factorFacts = try h.write("""
            ticker,incorporation_country,headquarters_country,float_factor,voting_fraction
            BMUCO,BMU,USA,,
            CANCO,CAN,CAN,,
            DUAL,USA,USA,,0.020967741935
            FLOAT,,,0.5,
            THIN,,,0.04,
            GONE,USA,USA,,

            """, "factor-facts.csv")
        let run = h.reconstitute(universe, ["--facts", factorFacts, "--quiet"])
        XCTAssertEqual(run.status, 0, run.error)
        let membership = try rows(h.out + "/membership.csv")
        // The rank day is 2025-04-30; with no prior every company is new, and the top 1,000 are all of them.
        XCTAssertEqual(membership["BMUCO"]?["index"], "R1000", "incorporated in Bermuda, headquartered in the US: US (from 2007)")
        XCTAssertEqual(membership["CANCO"]?["reason"], "country:hci_headquarters")
        XCTAssertEqual(membership["DUAL"]?["reason"], "voting_below_minimum:voting_fraction")
        XCTAssertEqual(membership["THIN"]?["reason"], "float_below_minimum:float_factor")
        // Weights: AAA $5,000M, BMUCO $4,000M, FLOAT $2,000M × 0.5, HALF $1,000M (no fact): $11,000M.
        XCTAssertEqual(membership["AAA"]?["weight"], "0.4545454545")
        XCTAssertEqual(membership["AAA"]?["weight_basis"], "total_cap")
        XCTAssertEqual(membership["FLOAT"]?["weight"], "0.0909090909")
        XCTAssertEqual(membership["FLOAT"]?["weight_basis"], "float_factor")
        let excluded = try rows(h.out + "/excluded.csv")
        XCTAssertEqual(excluded["CANCO"]?["detail"],
                       "not assigned to the US: the home-country test on the facts gives CAN by hci_headquarters (incorporation CAN, headquarters CAN, assets –, revenue –, exchange USA)")
        XCTAssertEqual(excluded["DUAL"]?["detail"], "unrestricted votes 0.020967741935 (the facts' voting_fraction) under the minimum")
        XCTAssertEqual(Set(excluded.keys), ["CANCO", "DUAL", "THIN"])
        let summary = try json(h.out + "/summary.json")
        let input = summary["input"] as! [String: Any]
        let factsSummary = input["facts"] as! [String: Any]
        XCTAssertEqual(factsSummary["key"] as? String, "ticker")
        XCTAssertEqual(factsSummary["date"] as? String, "2025-04-30")
        XCTAssertEqual(factsSummary["rows"] as? Int, 6)
        XCTAssertEqual(factsSummary["in_force"] as? Int, 6)
        XCTAssertEqual(factsSummary["matched"] as? Int, 5)
        XCTAssertEqual(factsSummary["not_in_universe"] as? Int, 1)
        XCTAssertEqual(factsSummary["lines"] as? [String: Int], ["country": 3, "float": 2, "voting": 1])
        XCTAssertEqual(summary["excluded"] as? [String: Int], ["country:hci_headquarters": 1, "float_below_minimum:float_factor": 1,
                                                              "voting_below_minimum:voting_fraction": 1])
        let warning = "\(factorFacts): 1 of the 6 facts in force at 2025-04-30 name a ticker not in the universe (GONE); counted in summary.json (input.facts.not_in_universe)"
        XCTAssertTrue(run.error.contains("recon: warning: " + warning), run.error)
        XCTAssertEqual(summary["warnings"] as? [String], ["no prior membership: every company treated as new", warning])

        // Float shares divided by the universe's shares: HALF's 50M of 100M weighs $500M.
        let shares = try h.write("ticker,float_shares\nHALF,50000000\n", "share-facts.csv")
        let second = h.reconstitute(universe, ["--facts", shares, "--quiet"])
        XCTAssertEqual(second.status, 0, second.error)
        let weighted = try rows(h.out + "/membership.csv")
        XCTAssertEqual(weighted["HALF"]?["weight_basis"], "float_shares")
        XCTAssertEqual(weighted["HALF"]?["weight"], "0.037037037", "$500M of $13,500M (BMUCO out: no facts say it is US)")
        XCTAssertEqual(weighted["BMUCO"]?["reason"], "country", "without facts, a BDI incorporation alone is not US")
    }

    func testWithoutFactsTheOutputsAreTheSameAsBefore() throws {
        let h = try BadInputHarness()
        let universe = try h.write(Self.universe, "universe.csv")
        XCTAssertEqual(h.reconstitute(universe, ["--quiet"]).status, 0)
        let plain = try BadInputHarness.contents(of: h.out)
        let noFacts = try h.write("ticker,voting_fraction\nNOSUCH,0.5\n", "nothing.csv")
        XCTAssertEqual(h.reconstitute(universe, ["--quiet", "--facts", noFacts]).status, 0)
        let overlaid = try BadInputHarness.contents(of: h.out)
        XCTAssertEqual(Set(plain.keys), Set(overlaid.keys))
        for name in ["membership.csv", "excluded.csv", "migration.csv", "turnover.csv"] {
            XCTAssertEqual(plain[name], overlaid[name], "facts that name nothing change no \(name)")
        }
        let summary = try json(h.out + "/summary.json")
        XCTAssertNotNil((summary["input"] as! [String: Any])["facts"])
        let before = try JSONSerialization.jsonObject(with: plain["summary.json"]!) as! [String: Any]
        XCTAssertNil((before["input"] as! [String: Any])["facts"], "no facts block without --facts")
    }

    // MARK: - A CRSP file, facts by PERMCO

    func testReconstituteACRSPFileWithPermcoFloatShares() throws {
        let h = try BadInputHarness()
        // Company 500 has two classes (PERMNOs 11 and 12: 60M and 20M shares), company 600 one.
        let universe = try h.write(BadInputHarness.crspHeader + """

            11,500,2025-04-30,11,1,AAA,ALPHA CL A,10,0.01,60000
            12,500,2025-04-30,11,1,AAB,ALPHA CL B,20,0.01,20000
            13,600,2025-04-30,11,3,BBB,BETA INC,10,0.01,30000

            """, "msf.csv")
        let facts = try h.write("permco,float_shares\n500,40000000\n700,1\n", "facts.csv")
        let run = h.reconstitute(universe, ["--facts", facts, "--quiet"])
        XCTAssertEqual(run.status, 0, run.error)
        let membership = try rows(h.out + "/membership.csv")
        // 40M float shares of Alpha's 80M: 0.5 on each class. Alpha A $300M, B $200M, Beta $300M: $800M.
        XCTAssertEqual(membership["AAA"]?["weight_basis"], "float_shares")
        XCTAssertEqual(membership["AAB"]?["weight_basis"], "float_shares")
        XCTAssertEqual(membership["BBB"]?["weight_basis"], "total_cap")
        XCTAssertEqual(membership["AAA"]?["weight"], "0.375")
        XCTAssertEqual(membership["AAB"]?["weight"], "0.25")
        XCTAssertEqual(membership["BBB"]?["weight"], "0.375")
        let factsSummary = (try json(h.out + "/summary.json")["input"] as! [String: Any])["facts"] as! [String: Any]
        XCTAssertEqual(factsSummary["key"] as? String, "permco")
        XCTAssertEqual(factsSummary["matched"] as? Int, 1)
        XCTAssertEqual(factsSummary["not_in_universe"] as? Int, 1)
        XCTAssertEqual(factsSummary["lines"] as? [String: Int], ["country": 0, "float": 2, "voting": 0])
    }

    // MARK: - The embedded market, facts by PERMNO

    /// PERMNOs of the embedded market's April 2024 cross-section: common stock on an eligible
    /// exchange over $1, one between $300M and $1B, and two over $2B.
    private func embeddedPermnos() throws -> (small: [(permno: Int, ticker: String)], large: [(permno: Int, ticker: String)]) {
        let (console, _) = Console.recording()
        let market = try EmbeddedMarket.load(seed: EmbeddedMarket.defaultSeed, firms: EmbeddedMarket.defaultFirms, console: console)
        let panel = market.panel
        let month = try XCTUnwrap(panel.monthIndex(onOrBefore: CalendarDate(year: 2024, month: 4, day: 30)))
        var small: [(Int, String)] = [], large: [(Int, String)] = []
        var tickers = Set<String>()
        for index in panel.rows(inMonth: month) {
            let row = panel.row(index)
            guard [10, 11].contains(row.shareCode), (1...3).contains(row.exchangeCode), let price = row.price, price >= 1,
                  let cap = row.marketCap, let ticker = panel.names(permno: row.permno)?.ticker, tickers.insert(ticker).inserted,
                  panel.permnos(permco: row.permco).count == 1 else { continue }
            if cap > 300e6, cap < 1e9, small.count < 2 { small.append((row.permno, ticker)) }
            if cap > 2e9, large.count < 1 { large.append((row.permno, ticker)) }
        }
        return (small, large)
    }

    func testReconstituteAndReplayTheEmbeddedMarketWithPermnoFacts() throws {
        let (small, large) = try embeddedPermnos()
        XCTAssertEqual([small.count, large.count], [2, 1])
        let canada = small[0], dual = small[1], floated = large[0]
        let h = try BadInputHarness()
        // CANCO's facts apply at every run, so it was never a member; the votes from 2024 only.
        let facts = try h.write("""
            PERMNO,start,end,incorporation_country,headquarters_country,float_factor,voting_fraction
            \(canada.permno),,,CAN,CAN,,
            \(dual.permno),2024-01-01,2024-12-31,,,,0.02
            \(floated.permno),2024-01-01,,,,0.5,
            99999999,,,USA,USA,,

            """, "facts.csv")
        let out = h.folder + "/embedded"
        let run = CommandRun(["reconstitute", "--year", "2024", "--facts", facts, "--out", out, "--quiet"])
        XCTAssertEqual(run.status, 0, run.error)
        let membership = try rows(out + "/membership.csv")
        XCTAssertEqual(membership[canada.ticker]?["reason"], "country:hci_headquarters")
        XCTAssertEqual(membership[canada.ticker]?["prior_index"], "none")
        XCTAssertEqual(membership[dual.ticker]?["reason"], "voting_below_minimum:voting_fraction")
        XCTAssertEqual(membership[floated.ticker]?["weight_basis"], "float_factor")
        let excluded = try rows(out + "/excluded.csv")
        XCTAssertEqual(excluded[dual.ticker]?["detail"], "unrestricted votes 0.02 (the facts' voting_fraction) under the minimum")
        let summary = try json(out + "/summary.json")
        let factsSummary = (summary["input"] as! [String: Any])["facts"] as! [String: Any]
        XCTAssertEqual(factsSummary["key"] as? String, "permno")
        XCTAssertEqual(factsSummary["date"] as? String, "2024-04-30")
        XCTAssertEqual([factsSummary["rows"], factsSummary["in_force"], factsSummary["matched"], factsSummary["not_in_universe"]] as? [Int],
                       [4, 4, 3, 1])
        XCTAssertEqual((summary["excluded"] as? [String: Int])?["country:hci_headquarters"], 1)
        XCTAssertEqual((summary["excluded"] as? [String: Int])?["voting_below_minimum:voting_fraction"], 1)
        XCTAssertTrue(run.error.contains("name a PERMNO not in the universe (99999999)"), run.error)

        // The replay's 2024 run is the same run: same facts, same history.
        let replayOut = h.folder + "/replay"
        let replay = CommandRun(["replay", "--from", "2023", "--to", "2024", "--facts", facts, "--out", replayOut, "--quiet"])
        XCTAssertEqual(replay.status, 0, replay.error)
        for name in ["membership.csv", "excluded.csv"] {
            XCTAssertEqual(try String(contentsOfFile: replayOut + "/2024-06/" + name, encoding: .utf8),
                           try String(contentsOfFile: out + "/" + name, encoding: .utf8), name)
        }
        let before = try rows(replayOut + "/2023-06/membership.csv")
        XCTAssertNotEqual(before[dual.ticker]?["reason"], "voting_below_minimum:voting_fraction", "the votes apply from 2024")
        let facts2023 = (try json(replayOut + "/2023-06/summary.json")["input"] as! [String: Any])["facts"] as! [String: Any]
        XCTAssertEqual([facts2023["in_force"], facts2023["matched"]] as? [Int], [2, 1], "two rows start in 2024")
        XCTAssertTrue(replay.error.contains("recon: warning: \(facts): facts in force name a PERMNO not in the universe in 2 of 2 runs"),
                      replay.error)
    }
}

/// Splits a CSV line of recon's own output (RFC 4180 quoting) into fields.
enum CSVFields {
    static func split(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false, previousQuote = false
        for character in line {
            if quoted {
                if character == "\"" { quoted = false; previousQuote = true } else { field.append(character) }
            } else if character == "\"" {
                if previousQuote { field.append("\"") }
                quoted = true
                previousQuote = false
            } else if character == "," {
                fields.append(field)
                field = ""
                previousQuote = false
            } else {
                field.append(character)
                previousQuote = false
            }
        }
        fields.append(field)
        return fields
    }
}
