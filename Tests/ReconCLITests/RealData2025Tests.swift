import Foundation
import XCTest
@testable import ReconCLI
import ReconCore
import ReconFormats

/// The June 2025 case on real data nobody here wrote: a Nasdaq screener export as the universe,
/// iShares holdings as the prior, FTSE Russell's final lists and a later IWM file as the truth.
/// Floors: deletions and the Russell 2000 at the issue's targets; additions at the level reached
/// (the issue's 0.80 is not met yet — see the closing note of issue 2).
final class RealData2025Tests: XCTestCase {
    nonisolated(unsafe) static var cached: (out: String, membership: MembershipFile)?

    private func run() throws -> (out: String, membership: MembershipFile) {
        if let cached = Self.cached { return cached }
        let data = try TestPaths.realData()
        let out = try TestPaths.temporaryFolder()
        let run = CommandRun(["reconstitute", "--quiet", "--year", "2025",
                              "--universe", data + "/2025/nasdaq_screener_2025-05-23.csv",
                              "--prior", data + "/2025/IWM_2025-05-13.csv", "--prior", data + "/2025/IWV_2025-05-02.csv",
                              "--forward", data + "/2026/nasdaq_screener_2026-06-11.csv", "--out", out])
        XCTAssertEqual(run.status, 0, run.error)
        let membership = try MembershipFile.read(path: out + "/membership.csv")
        Self.cached = (out, membership)
        return (out, membership)
    }

    private func score(_ name: String, _ predicted: [String], truth file: String) throws -> ValidationScore {
        let truth = try TickerList.read(path: try TestPaths.realData() + "/2025/" + file).tickers
        return ValidationScore(name: name, predicted: predicted, truth: truth)
    }

    func testWritesEveryFile() throws {
        let out = try run().out
        for file in ["membership.csv", "excluded.csv", "summary.json", "migration.csv", "turnover.csv", "drag.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/" + file), file)
        }
    }

    func testScoresAgainstFTSERussellFinalLists() throws {
        let membership = try run().membership
        let additions = try score("additions", membership.predictedAdditions, truth: "ru3000_2025_final_additions.csv")
        let deletions = try score("deletions", membership.predictedDeletions, truth: "ru3000_2025_final_deletions.csv")
        let r2000 = try score("r2000", membership.symbols(in: .r2000), truth: "IWM_2025-11-05.csv")
        print("2025 F1: additions \(additions.f1), deletions \(deletions.f1), r2000 \(r2000.f1)")
        // Measured: 0.710, 0.920, 0.938 with prices nearest the rank day (before: 0.718, 0.884, 0.933;
        // the additions lost three companies ranked 2,997–3,000 that moved a few ranks below #3,000);
        // the Russell 2000 0.940 since the fund's CVRs, escrow and unpriced lines leave the truth (by
        // ticker alone here: `recon validate` also pairs tickers changed since, 0.941).
        XCTAssertGreaterThanOrEqual(additions.f1, 0.70)
        XCTAssertGreaterThanOrEqual(deletions.f1, 0.91)
        XCTAssertGreaterThanOrEqual(r2000.f1, 0.935)
    }

    /// IWM 2025-11-05 holds companies FTSE Russell added in the third quarter, after the June run:
    /// with their published list, those holdings leave the truth (15), the misses they were fall
    /// away, and those the run had predicted (hits against November's file) become false hits.
    func testTheThirdQuartersIPOAdditionsLeaveTheRussell2000Scored() throws {
        let out = try run().out, data = try TestPaths.realData() + "/2025/"
        func scores(_ extra: [String]) throws -> [String] {
            let folder = try TestPaths.temporaryFolder()
            let run = CommandRun(["validate", "--quiet", "--membership", out + "/membership.csv",
                                  "--r2000", data + "IWM_2025-11-05.csv", "--out", folder] + extra)
            XCTAssertEqual(run.status, 0, run.error)
            let text = try String(contentsOfFile: folder + "/validation-scores.csv", encoding: .utf8)
            return try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("r2000,") }).split(separator: ",").map(String.init)
        }
        let before = try scores([]), after = try scores(["--later-additions", data + "ru3000_2025_q3_ipo_additions.csv"])
        let (hits, falseHits, misses, leftOut) = (4, 5, 6, 8)
        // Measured: 1,863 hits, 144 false, 89 missed (F1 0.9411) before; 1,861, 146, 76 and 15 left out (0.9437) after.
        XCTAssertEqual(before[leftOut], "0")
        XCTAssertGreaterThanOrEqual(Int(after[leftOut])!, 13)
        let moved = Int(before[hits])! - Int(after[hits])!
        XCTAssertEqual(Int(after[falseHits])!, Int(before[falseHits])! + moved, "a hit that leaves the truth is a false hit")
        XCTAssertEqual(Int(before[misses])! - Int(after[misses])!, Int(after[leftOut])! - moved, "every other ticker left out was a miss")
        XCTAssertGreaterThanOrEqual(Double(after[3])!, 0.94)
    }

    /// IWM 2025-11-05 holds three companies of the May screener under tickers changed since:
    /// validate pairs them by name (each a hit, listed), and a second class the screener does not
    /// list (GEFB, of Greif) stays a miss.
    func testTickersChangedSinceTheRunAreHitsFoundByName() throws {
        let out = try run().out, data = try TestPaths.realData() + "/2025/"
        let folder = try TestPaths.temporaryFolder()
        let run = CommandRun(["validate", "--quiet", "--membership", out + "/membership.csv",
                              "--r2000", data + "IWM_2025-11-05.csv", "--out", folder])
        XCTAssertEqual(run.status, 0, run.error)
        let findings = try String(contentsOfFile: folder + "/validation.csv", encoding: .utf8)
        for (predicted, held) in [("BIGC", "CMRC"), ("CSWI", "CSW"), ("KIND", "NXDR")] {
            XCTAssertTrue(findings.contains("\nr2000,matched_by_name,\(predicted),ticker_changed,"), predicted)
            XCTAssertTrue(findings.contains("\"held as \(held) ("), held)
            XCTAssertFalse(findings.contains("\nr2000,miss,\(held),"), held)
        }
        XCTAssertTrue(findings.contains("\nr2000,miss,GEFB,absent_from_universe,"), findings)
        let scores = try String(contentsOfFile: folder + "/validation-scores.csv", encoding: .utf8)
        let r2000 = try XCTUnwrap(scores.split(separator: "\n").first { $0.hasPrefix("r2000,") }).split(separator: ",")
        // Measured: 1,863 hits (3 matched by name), 144 false, 89 missed: F1 0.9411 (0.9397 before the fund's CVRs,
        // escrow and unpriced lines were left out of the truth, 0.9384 by ticker alone).
        XCTAssertEqual(r2000[9], "3")
        XCTAssertGreaterThanOrEqual(Double(r2000[3])!, 0.94)
    }

    /// Half the Russell 2000 false hits against IWM 2025-11-05 are not listed in June 2026:
    /// companies taken over or delisted after the run, which the index deleted and the fund sold
    /// (Foot Locker, bought by Dick's in September 2025; H&E Equipment, by Herc in June). The 2026
    /// screener as `--later-listing` names them; the score does not change.
    func testALaterListingNamesTheRussell2000FalseHitsDelistedSince() throws {
        let out = try run().out, data = try TestPaths.realData()
        func validate(_ extra: [String]) throws -> (findings: [Substring], scores: String) {
            let folder = try TestPaths.temporaryFolder()
            let run = CommandRun(["validate", "--quiet", "--membership", out + "/membership.csv",
                                  "--r2000", data + "/2025/IWM_2025-11-05.csv", "--out", folder] + extra)
            XCTAssertEqual(run.status, 0, run.error)
            return (try String(contentsOfFile: folder + "/validation.csv", encoding: .utf8).split(separator: "\n"),
                    try String(contentsOfFile: folder + "/validation-scores.csv", encoding: .utf8))
        }
        let without = try validate([]), with = try validate(["--later-listing", data + "/2026/nasdaq_screener_2026-06-11.csv"])
        XCTAssertEqual(with.scores, without.scores)
        let falseHits = with.findings.filter { $0.hasPrefix("r2000,false_hit,") }
        let delisted = falseHits.filter { $0.split(separator: ",")[3] == "not_listed_later" }.map { $0.split(separator: ",")[2] }
        // Measured: 74 of the 144 (66 of them were `other`, 5 `near_3000`, 3 `near_1000` without the listing).
        XCTAssertEqual(falseHits.count, 144)
        XCTAssertGreaterThanOrEqual(delisted.count, 60)
        XCTAssertTrue(delisted.contains("FL") && delisted.contains("HEES"), "\(delisted)")
        XCTAssertFalse(without.findings.contains { $0.contains("not_listed_later") })
    }

    /// The predicted Russell 2000's weights (members weighted by the float their prior holdings
    /// imply) against IWM 2025-11-05's: 0.796 measured (0.780 with total-cap weights).
    func testWeightOverlapWithALaterRussell2000Fund() throws {
        let membership = try run().membership
        let fund = try ISharesHoldingsReader.read(path: try TestPaths.realData() + "/2025/IWM_2025-11-05.csv")
        let overlap = try XCTUnwrap(WeightOverlap.of(membership.lines.filter { $0.index == .r2000 }.map { ($0.symbol, $0.weight ?? 0) },
                                                     fund.holdings.map { ($0.symbol, $0.marketValue ?? 0) }))
        XCTAssertGreaterThanOrEqual(overlap, 0.79)
    }

    func testCountsAndBreakpointAreInTheRightPlace() throws {
        let membership = try run().membership
        let r1000 = Set(membership.lines.filter { $0.index == .r1000 }.map(\.companyKey)).count
        let r2000 = Set(membership.lines.filter { $0.index == .r2000 }.map(\.companyKey)).count
        let carriedOver = Set(membership.lines.filter { $0.reason == "carried_over_no_cap" }.map(\.companyKey)).count
        XCTAssertEqual(r1000 + r2000, 3_000 + carriedOver,
                       "the Russell 3000 is the top 3,000 companies (no band at #3,000) plus members without a cap")
        XCTAssertTrue((950...1_060).contains(r1000), "R1000 companies: \(r1000)")
        // Weights sum to 1 in each index.
        for tier in [IndexTier.r1000, .r2000] {
            let sum = membership.lines.filter { $0.index == tier }.compactMap(\.weight).reduce(0, +)
            XCTAssertEqual(sum, 1, accuracy: 1e-6, "\(tier)")
        }
    }

    /// drag.json: the components sum to the gap, and an independent recomputation from
    /// membership.csv and the two screener exports, matching each line's later price by its exact
    /// symbol, agrees within 1e-6 (issue 20 asked for 1e-4: keyed by normalised ticker, `DCOM` was priced with the
    /// preferred `DCOM^`'s $17.75, and the gap was 1.1 bp cap-weighted and 1.7 bp equal-weighted off).
    /// A line whose price relative is more than threefold apart from its market-cap relative, next
    /// to the median line's, is left out (a reverse split: `AGL`'s price rose 49-fold, its cap 2-fold).
    func testDragDecomposesAndRecomputesWithExactSymbols() throws {
        let (out, membership) = try run()
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/drag.json"))) as! [String: Any]
        let data = try TestPaths.realData()
        let start = try NasdaqScreenerReader.read(path: data + "/2025/nasdaq_screener_2025-05-23.csv").securities
        let end = try NasdaqScreenerReader.read(path: data + "/2026/nasdaq_screener_2026-06-11.csv").securities
        var startPrice: [String: Double] = [:], endPrice: [String: Double] = [:], endPriceByNormalisedTicker: [String: Double] = [:]
        var startCap: [String: Double] = [:], endCap: [String: Double] = [:]
        for security in start {
            startPrice[security.symbol] = security.price
            startCap[security.symbol] = security.marketCap
        }
        for security in end where (security.price ?? 0) > 0 {
            endPrice[security.symbol] = security.price
            endCap[security.symbol] = security.marketCap.flatMap { $0 > 0 ? $0 : nil }
            endPriceByNormalisedTicker[Ticker.normalize(security.symbol)] = security.price   // the old way: the later line wins
        }
        // Price relative over cap relative, line by line; lines more than threefold from the median are left out.
        var priceOverCap: [String: Double] = [:]
        for (symbol, first) in startPrice {
            guard first > 0, let last = endPrice[symbol], let capFirst = startCap[symbol], capFirst > 0,
                  let capLast = endCap[symbol] else { continue }
            priceOverCap[symbol] = (last / first) / (capLast / capFirst)
        }
        let sortedRatios = priceOverCap.values.sorted(), median = sortedRatios[sortedRatios.count / 2]
        let apart = Set(priceOverCap.filter { $0.value / median > 3 || $0.value / median < 1.0 / 3 }.keys)
        XCTAssertTrue(apart.isSuperset(of: ["AGL", "ADV", "BARK"]), "reverse splits between the two exports")
        // The collisions of the 2026 export: each common has its own price.
        for (common, price) in [("DCOM", 39.51), ("TFIN", 74.39), ("TY", 34.98), ("BCC", 69.20), ("EPC", 21.50)] {
            XCTAssertEqual(endPrice[common], price, common)
        }
        XCTAssertEqual(endPriceByNormalisedTicker["DCOM"], 17.75, "normalised, DCOM took its preferred's price")

        func portfolioReturn(_ weighting: String, _ later: [String: Double], key: (String) -> String,
                             _ include: (MembershipFile.Line) -> Bool) -> Double {
            var weighted = 0.0, total = 0.0
            for line in membership.lines where include(line) {
                // Cap weights need a cap; equal weights do not.
                let cap = line.totalMarketCap ?? 0
                guard weighting == "equal" || cap > 0, let first = startPrice[line.symbol], first > 0,
                      let last = later[key(line.symbol)], !apart.contains(line.symbol) else { continue }
                let weight = weighting == "cap" ? cap : 1
                weighted += weight * (last / first - 1)
                total += weight
            }
            return weighted / total
        }
        for weighting in ["cap", "equal"] {
            let section = json[weighting] as! [String: Any]
            let components = section["components"] as! [String: Double]
            XCTAssertEqual(components.values.reduce(0, +), section["gap"] as! Double, accuracy: 1e-9, weighting)
            let frozen = portfolioReturn(weighting, endPrice, key: { $0 }) { $0.priorIndex == .r2000 }
            let reconstituted = portfolioReturn(weighting, endPrice, key: { $0 }) { $0.index == .r2000 }
            XCTAssertEqual(section["frozen_return"] as! Double, frozen, accuracy: 1e-6, weighting)
            XCTAssertEqual(section["reconstituted_return"] as! Double, reconstituted, accuracy: 1e-6, weighting)
            XCTAssertEqual(section["gap"] as! Double, frozen - reconstituted, accuracy: 1e-6, weighting)
            // The same recomputation by normalised ticker is measurably off: the test tells the two apart.
            let normalisedGap = portfolioReturn(weighting, endPriceByNormalisedTicker, key: Ticker.normalize) { $0.priorIndex == .r2000 }
                - portfolioReturn(weighting, endPriceByNormalisedTicker, key: Ticker.normalize) { $0.index == .r2000 }
            print("2025 drag \(weighting): drag.json gap \(section["gap"] as! Double), exact recomputation \(frozen - reconstituted), "
                  + "normalised recomputation \(normalisedGap)")
            XCTAssertGreaterThan(abs(normalisedGap - (section["gap"] as! Double)), 0.5e-4, weighting)
        }
    }
}
