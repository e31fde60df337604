import XCTest
import ReconCore
@testable import ReconEngine
@testable import ReconFormats

/// Each category from hand-made membership and excluded lines.
final class ValidationCategoryTests: XCTestCase {
    private func line(_ symbol: String, rank: Int?, index: IndexTier, prior: IndexTier = .none, reason: String) -> MembershipFile.Line {
        MembershipFile.Line(symbol: symbol, company: symbol, companyKey: symbol, totalMarketCap: 1e8, rank: rank, index: index,
                            priorIndex: prior, microcap: false, change: "", weight: nil, reason: reason)
    }

    private func category(_ set: String, _ kind: ValidationCategory.Kind, _ line: MembershipFile.Line?,
                          excluded: (String, String)? = nil) -> ValidationCategory {
        ValidationCategory.of(set: set, kind: kind, evidence: .init(line: line, exclusion: excluded.map { (reason: $0.0, detail: $0.1) })).0
    }

    func testCategories() {
        XCTAssertEqual(category("additions", .miss, nil), .absentFromUniverse)
        XCTAssertEqual(category("r2000", .miss, line("GONE", rank: nil, index: .none, prior: .r2000, reason: "absent_from_universe")),
                       .absentFromUniverse)
        XCTAssertEqual(category("additions", .miss, line("FOR", rank: nil, index: .none, reason: "country"),
                                excluded: ("country", "not assigned to the US (country Canada)")), .country)
        XCTAssertEqual(category("additions", .miss, nil, excluded: ("type:closed_end_fund", "")), .type)
        XCTAssertEqual(category("deletions", .falseHit, line("PNY", rank: nil, index: .none, prior: .r2000, reason: "price_below_minimum"),
                                excluded: ("price_below_minimum", "price 0.8")), .price)
        XCTAssertEqual(category("r2000", .miss, nil, excluded: ("additional_class", "")), .shareClass)
        XCTAssertEqual(category("additions", .miss, line("OLD", rank: 500, index: .r1000, prior: .r1000, reason: "rank")), .prior)
        XCTAssertEqual(category("deletions", .miss, line("NEW", rank: 3_100, index: .none, reason: "below_3000")), .prior)
        XCTAssertEqual(category("r2000", .falseHit, line("BND", rank: 1_010, index: .r2000, prior: .r2000, reason: "band_retained")), .near1000)
        // In or out of the Russell 3000 is not the band's doing.
        XCTAssertEqual(category("r3000", .falseHit, line("BND", rank: 1_010, index: .r2000, prior: .r2000, reason: "band_retained")), .other)
        XCTAssertEqual(category("additions", .miss, line("CUT", rank: 3_006, index: .none, reason: "below_3000")), .near3000)
        XCTAssertEqual(category("additions", .falseHit, line("EDGE", rank: 2_851, index: .r2000, reason: "rank")), .near3000)
        XCTAssertEqual(category("additions", .falseHit, line("MID", rank: 2_849, index: .r2000, reason: "rank")), .other)
        let detail = ValidationCategory.of(set: "additions", kind: .miss,
                                           evidence: .init(line: line("CUT", rank: 3_006, index: .none, reason: "below_3000"), exclusion: nil)).1
        XCTAssertEqual(detail, "rank 3006, 6 below #3,000")
    }
}
