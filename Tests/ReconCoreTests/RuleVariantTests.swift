import XCTest
@testable import ReconCore

final class RuleVariantTests: XCTestCase {
    func testParsesAndAppliesBandChanges() throws {
        let variant = try RuleVariant(parsing: "band=0.05,microcap_band=0")
        let published = TestUniverse.rulebook
        let changed = variant.apply(to: published)
        XCTAssertEqual(changed.band1000, 0.05)
        XCTAssertNil(changed.microcapBand)
        XCTAssertNil(try RuleVariant(parsing: "band=0").apply(to: published).band1000, "0 is a hard cut")
        var before2007 = published
        before2007.band1000 = nil
        XCTAssertNil(variant.apply(to: before2007).band1000, "eras without a band keep their hard cut")
    }

    func testRankShiftKeepsMonthEnds() throws {
        let shifted = try RuleVariant(parsing: "rank_shift=1").apply(to: TestUniverse.rulebook)
        XCTAssertEqual(shifted.rankDay, CalendarDate(year: 2025, month: 5, day: 31))
    }

    func testErrorsSayWhatToType() {
        XCTAssertThrowsError(try RuleVariant(parsing: "bnad=0.1")) { error in
            XCTAssertEqual("\(error)", "unknown variant key 'bnad', expected one of band, microcap_band, rank_shift, frequency, convention")
        }
        XCTAssertThrowsError(try RuleVariant(parsing: "band=2"))
        XCTAssertThrowsError(try RuleVariant(parsing: "frequency=weekly"))
        XCTAssertEqual(try RuleVariant(parsing: "frequency=annual").semiannual, false)
        XCTAssertThrowsError(try RuleVariant(parsing: "convention=chl")) { error in
            XCTAssertEqual("\(error)", "convention expects rulebook or academic, found 'chl'")
        }
    }

    func testConventionSetsHowShareCodesAreRead() throws {
        let published = TestUniverse.rulebook
        XCTAssertEqual(published.shareTypeConvention, .rulebook, "the rulebook's reading is the default")
        let academic = try RuleVariant(parsing: "convention=Academic,band=0").apply(to: published)
        XCTAssertEqual(academic.shareTypeConvention, .academic)
        XCTAssertNil(academic.band1000)
        XCTAssertEqual(try RuleVariant(parsing: "convention=rulebook").apply(to: academic).shareTypeConvention, .rulebook)
    }
}
