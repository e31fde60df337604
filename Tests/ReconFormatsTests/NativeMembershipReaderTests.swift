import XCTest
import ReconCore
@testable import ReconIO
@testable import ReconFormats

final class NativeMembershipReaderTests: XCTestCase {
    private func read(_ text: String) throws -> PriorLines {
        try NativeMembershipReader.read(bytes: Array(text.utf8), name: "members.csv")
    }

    func testReadsNativeMembership() throws {
        let membership = try read("symbol,name,index,company_key,microcap,weight\nBRK.B,Berkshire,R1000,berkshire hathaway inc,false,0.016\nSFM,Sprouts,r2000,,true,\nOLD,Gone,none,,,\n")
        // OLD, of no index and not in the Microcap, is no prior member.
        XCTAssertEqual(membership.entries.map(\.symbol), ["BRKB", "SFM"])
        XCTAssertEqual(membership.entries.map(\.tier), [.r1000, .r2000])
        XCTAssertEqual(membership.entries[0].companyKey, "berkshire hathaway inc")
        XCTAssertEqual(membership.entries[0].isMicrocap, false)
        XCTAssertEqual(membership.entries[0].weight, 0.016)
        XCTAssertEqual(membership.entries[1].isMicrocap, true)
        XCTAssertNil(membership.entries[1].companyKey)
        XCTAssertEqual(membership.entries(companyKey: "berkshire hathaway inc").count, 1)
    }

    /// recon's own `membership.csv` output read as a prior: `company` for the name, more columns.
    func testReadsReconOutput() throws {
        let membership = try read("symbol,company,index,microcap,weight,rank,total_market_cap\nAAPL,Apple Inc.,R1000,false,0.07,1,3e12\n")
        XCTAssertEqual(membership.entry(symbol: "AAPL")?.name, "Apple Inc.")
        XCTAssertEqual(membership.entry(symbol: "AAPL")?.tier, .r1000)
    }

    /// A run's `security_id` stays with its line, so that a member the next universe does not list
    /// keeps its PERMNO in the next run's membership.csv.
    func testKeepsTheSecurityIDOfReconOutput() throws {
        let membership = try read("symbol,company,index,microcap,security_id\nAAA,Alpha,R2000,false,10107\nBBB,Beta,R1000,false,\n")
        XCTAssertEqual(membership.entry(symbol: "AAA")?.securityID, "10107")
        XCTAssertNil(membership.entry(symbol: "BBB")?.securityID)
        let listed = Security(symbol: "BBB", name: "Beta", companyKey: "BBB", companyName: "Beta", price: 10, marketCap: 1e9)
        let (universe, prior) = Universe.numbering([listed], prior: membership)
        let absent = try XCTUnwrap(prior.entries.first { universe.keys.symbols[Int($0.symbol)] == "AAA" })
        XCTAssertEqual(absent.securityID, "10107")
    }

    /// A `membership.csv` lists every line of its universe: the members are the prior, and a line
    /// of no index would otherwise stand as a member absent from the next universe (a 2026 run on
    /// the 2025 run's membership.csv listed 906 absent prior lines, 695 of them no member).
    func testLinesOfNoIndexOutsideTheMicrocapAreNoPriorMembers() throws {
        let membership = try read("symbol,company,index,microcap\nAAA,A,R1000,false\nBBB,B,none,true\nCCC,C,none,false\nDDD,D,none,\n")
        XCTAssertEqual(membership.entries.map(\.symbol), ["AAA", "BBB"])
        XCTAssertEqual(membership.entries.map(\.tier), [.r1000, IndexTier.none])
        // A row that is no member is still checked.
        XCTAssertThrowsError(try read("symbol,company,index,microcap\nAAA,A,R1000,false\nCCC,C,none,sometimes\n"))
    }

    func testBadInputs() {
        func assertError(_ text: String, _ location: String, _ fragment: String, line: UInt = #line) {
            XCTAssertThrowsError(try read(text), line: line) { error in
                let error = error as! InputError
                XCTAssertEqual(error.location, location, error.description, line: line)
                XCTAssertTrue(error.description.contains(fragment), error.description, line: line)
            }
        }
        assertError("", "members.csv:1", "is empty")
        assertError("symbol,name,index\n", "members.csv:1", "no data rows")
        assertError("symbol,name\nA,B\n", "members.csv:1", "missing the required column 'index'")
        assertError("symbol,name,index\nA,B,R3000\n", "members.csv:2:3", "expected one of: R1000, R2000, none")
        assertError("symbol,name,index\nA,B,\n", "members.csv:2:3", "empty index")
        assertError("symbol,name,index\nBRK.B,B,R1000\nBRKB,B,R1000\n", "members.csv:3:1", "first on line 2")
        assertError("symbol,name,index,weight\nA,B,R1000,\"$1,2x\"\n", "members.csv:2:4", "found '$1,2x'")
        assertError("symbol,name,index,microcap\nA,B,R1000,sometimes\n", "members.csv:2:4", "expected true or false")
        assertError("symbol,name,index,microcap\nA,B,none,false\nC,D,NONE,\n", "members.csv:1:3",
                    "found no member in 2 rows (every index none, none in the Microcap)")
    }
}
