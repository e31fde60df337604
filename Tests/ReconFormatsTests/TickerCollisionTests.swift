import XCTest
import ReconCore
@testable import ReconFormats

/// Issue 20: tickers that normalise alike are not one security. The pairs are those of the Nasdaq
/// screener of 2026-06-11, typed here by hand: a common and its preferred (`DCOM`/`DCOM^` Dime,
/// `TFIN`/`TFIN^` Triumph, `TY`/`TY^` Tri-Continental) and a common and another issuer's
/// preferred or notes (`BCC` Boise Cascade / `BC^C` Brunswick, `EPC` Edgewell / `EP^C` El Paso).
/// Every place that matched lines by normalised ticker is checked with them: the prior's readers
/// and builder, its merging, its ticker changes and the reconstitution's prior matching.
final class TickerCollisionTests: XCTestCase {
    /// The pairs in the export's order: (symbol, name), the common of each pair marked.
    private let lines: [(symbol: String, name: String, isCommon: Bool)] = [
        ("BC^C", "Brunswick Corporation 6.375% Notes due 2049", false),
        ("BCC", "Boise Cascade L.L.C. Common Stock", true),
        ("DCOM", "Dime Community Bancshares Inc. Common Stock", true),
        ("DCOM^", "Dime Community Bancshares Inc. Preferred Stock Series A", false),
        ("EP^C", "El Paso Corporation Preferred Stock", false),
        ("EPC", "Edgewell Personal Care Company Common Stock", true),
        ("TFIN", "Triumph Financial Inc. Common Stock", true),
        ("TFIN^", "Triumph Financial Inc. Depositary Shares Series C", false),
        ("TY", "Tri Continental Corporation Common Stock", true),
        ("TY^", "Tri Continental Corporation Preferred Stock", false),
    ]

    private var commons: [String] { lines.filter(\.isCommon).map(\.symbol) }

    /// June 2025's rules, from the shipped `Data/`.
    private func june2025() throws -> Rulebook {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return try RulebookLoader.load(directory: parts.joined(separator: "/") + "/Data").rulebook(for: RunID(year: 2025))
    }

    /// The lines as a screener universe: company keys and types as the reader assigns them.
    private func universe(_ rows: [(symbol: String, name: String, isCommon: Bool)]) throws -> [Security] {
        let csv = "Symbol,Name,Last Sale,Market Cap,Country\n"
            + rows.map { "\($0.symbol),\($0.name),$10.00,1000000000,United States" }.joined(separator: "\n") + "\n"
        return try NasdaqScreenerReader.read(bytes: Array(csv.utf8), name: "screener.csv").securities
    }

    func testTheScreenerReadsEachPairAsTwoSecuritiesOfTheRightTypes() throws {
        let securities = try universe(lines)
        XCTAssertEqual(securities.map(\.symbol), lines.map(\.symbol))
        XCTAssertEqual(securities.map { $0.type.isEligibleType }, lines.map(\.isCommon))
    }

    func testReconReadsItsOwnMembershipWithBothLinesOfEachPair() throws {
        // recon's membership.csv lists every universe line: before issue 20 `DCOM^` was refused as a
        // repeat of `DCOM`, so a run's output could not be the next run's prior. The preferred comes
        // first here, as an export sorted otherwise would have it: it is read and checked, and, no
        // member, not kept (``NativeMembershipReader``); the member keeps its tier and spelling.
        let rows = [("DCOM^", "dime", "none"), ("DCOM", "dime", "R2000"), ("BC^C", "brunswick", "none"), ("BCC", "boise", "R2000"),
                    ("TY", "tri continental", "R2000"), ("TY^", "tri continental", "none")]
        let csv = "symbol,company,index,company_key\n" + rows.map { "\($0.0),Company,\($0.2),\($0.1)" }.joined(separator: "\n") + "\n"
        let prior = try NativeMembershipReader.read(bytes: Array(csv.utf8), name: "membership.csv")
        XCTAssertEqual(prior.entries.map(\.spelling), ["DCOM", "BCC", "TY"], "the members, each as spelled")
        XCTAssertEqual(prior.entries.map(\.tier), [.r2000, .r2000, .r2000], "the member's tier, whichever line came first")

        let written = NativeMembershipWriter.csv(prior).text
        XCTAssertEqual(try NativeMembershipReader.read(bytes: Array(written.utf8), name: "again.csv"), prior, "written as spelled, read back the same")

        let repeated = "symbol,company,index\nDCOM^,Dime,none\nDCOM,Dime,R2000\ndcom^,Dime,R2000\n"
        XCTAssertThrowsError(try NativeMembershipReader.read(bytes: Array(repeated.utf8), name: "membership.csv")) { error in
            XCTAssertEqual("\(error)", "membership.csv:4:1: column 'symbol': found the symbol 'dcom^' again (first on line 2), expected each symbol once")
        }
    }

    func testHoldingsKeepBothLinesOfEachPairWithTheirOwnNames() throws {
        let holdings = "Ticker,Name,Sector,Asset Class,Market Value,Weight (%),Price,Exchange\n"
            + lines.map { "\"\($0.symbol)\",\"\($0.name.uppercased())\",\"Financials\",\"Equity\",\"1,000.00\",\"0.10\",\"10.00\",\"NASDAQ\"" }
                .joined(separator: "\n") + "\n"
        let read = try ISharesHoldingsReader.read(bytes: Array(holdings.utf8), name: "IWM_2026-05-05.csv", index: .r2000)
        XCTAssertEqual(read.holdings.map(\.symbol), lines.map(\.symbol), "BCC is not dropped as a repeat of BC^C")
        XCTAssertEqual(read.dropped, [])
        var builder = PriorMembershipBuilder()
        builder.add(read)
        let prior = try builder.build().membership
        XCTAssertEqual(prior.entries.map(\.spelling), lines.map(\.symbol))
        XCTAssertEqual(prior.entries.map(\.symbol), lines.map { Ticker.normalize($0.symbol) }, "ten lines, five normalised tickers")
        XCTAssertEqual(prior.entry(symbol: "BCC")?.name, "BOISE CASCADE L.L.C. COMMON STOCK")
        XCTAssertEqual(prior.entry(symbol: "BC^C")?.name, "BRUNSWICK CORPORATION 6.375% NOTES DUE 2049")
        XCTAssertEqual(prior.entry(symbol: "DCOM")?.weight, 0.001)
        XCTAssertNil(PriorLines([.init(symbol: "DCOM", name: "DIME", tier: .r2000)]).entry(symbol: "DCOM^"),
                     "a preferred's spelling never falls back to its common's ticker")
    }

    func testAPreferredDoesNotHideACommonThatChangedTicker() throws {
        // Boise Cascade listed under a new ticker; Brunswick's notes `BC^C` still normalise to its old
        // one. Before issue 20 they put `BCC` on the universe, and the ticker change was not looked for.
        let securities = try universe([("BC^C", "Brunswick Corporation 6.375% Notes due 2049", false),
                                       ("BCCX", "Boise Cascade L.L.C. Common Stock", true)])
        let prior = PriorLines([.init(symbol: "BCC", name: "BOISE CASCADE LLC", tier: .r2000)])
        let (resolved, matches) = PriorTickerChanges.resolve(prior, universe: securities)
        XCTAssertEqual(matches.map { "\($0.oldSymbol) → \($0.newSymbol)" }, ["BCC → BCCX"])
        XCTAssertEqual(resolved.entry(for: securities[1])?.tier, .r2000)
    }

    func testEachCommonTakesItsOwnPriorLineAndAPreferredNone() throws {
        let securities = try universe(lines)
        // The prior as iShares lists it: the commons, and Boise Cascade gone from this universe.
        let prior = PriorLines(commons.map { .init(symbol: $0, name: $0, tier: .r2000) })
        let result = Reconstitution.run(universe: securities, prior: prior, rulebook: try june2025())
        for (row, line) in lines.enumerated() {
            XCTAssertEqual(result.priorTier[row], line.isCommon ? .r2000 : IndexTier.none, line.symbol)
        }

        let withoutBoise = try universe(lines.filter { $0.symbol != "BCC" })
        let absent = Reconstitution.run(universe: withoutBoise, prior: prior, rulebook: try june2025())
        let brunswick = try XCTUnwrap(withoutBoise.firstIndex { $0.symbol == "BC^C" })
        XCTAssertEqual(absent.priorTier[brunswick], IndexTier.none, "Brunswick's notes never take Boise Cascade's membership")
        let rows = absent.rows
        XCTAssertEqual(rows.filter { $0.symbol == "BCC" }.map(\.reason), ["absent_from_universe"], "Boise Cascade is a deletion, said as absent")
    }
}
