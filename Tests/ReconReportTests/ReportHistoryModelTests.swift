import XCTest
@testable import ReconReport

/// The history report's calculations: run times, the start of banding, growth of $1, variant means.
final class ReportHistoryModelTests: XCTestCase {
    func testRunTimesAndLabels() {
        XCTAssertEqual(RunCalendar.year(of: "2025-06"), 2025)
        XCTAssertEqual(RunCalendar.year(of: "x"), nil)
        XCTAssertEqual(RunCalendar.time(of: "2025-07"), 2025.5)
        XCTAssertEqual(RunCalendar.time(of: "2025"), 2025)
        XCTAssertEqual(RunCalendar.labels(["2006-06", "2007-06"]), ["2006", "2007"])
        XCTAssertEqual(RunCalendar.labels(["2006-06", "2006-12"]), ["2006-06", "2006-12"], "two runs a year keep their names")
    }

    func testBandingStartsAtTheFirstBandedRunAfterAnUnbandedOne() {
        let unbanded = HistoryReportRun(run: "2006-06"), banded = HistoryReportRun(run: "2007-06", bandLow: 1e9, bandHigh: 2e9)
        XCTAssertEqual(BandingStart.index(in: [unbanded, unbanded, banded, banded]), 2)
        XCTAssertEqual(BandingStart.label(for: banded), "banding from 2007")
        XCTAssertNil(BandingStart.index(in: [banded, banded]))
        XCTAssertNil(BandingStart.index(in: [unbanded, unbanded]))
        XCTAssertNil(BandingStart.index(in: []))
    }

    func testGrowthOfOneDollarChainsTheYearsThatHaveReturns() throws {
        let growth = GrowthOfOneDollar([
            HistoryReportReturns(run: "2005-06", frozen: 0.10, reconstituted: 0.08),
            HistoryReportReturns(run: "2007-06", frozen: -0.20, reconstituted: -0.25),
        ])
        let ending = try XCTUnwrap(growth.ending)
        XCTAssertEqual(ending.frozen, 1.1 * 0.8, accuracy: 1e-12)
        XCTAssertEqual(ending.reconstituted, 1.08 * 0.75, accuracy: 1e-12)
        let frozen = try XCTUnwrap(growth.series.first)
        XCTAssertEqual(frozen.points.map(\.x), [2005.4166666666667, 2006.4166666666667, 2008.4166666666667].map { $0 })
        XCTAssertEqual(frozen.points.first?.y, 1)
        XCTAssertNil(GrowthOfOneDollar([]).ending)
        XCTAssertTrue(GrowthOfOneDollar([]).series.isEmpty)
    }

    func testVariantMeansSkipMissingValuesAndKeepTheFileOrder() {
        let comparison = VariantComparison([
            HistoryReportVariantRun(variant: "published", run: "2006-06", turnoverNames: 0.2, drag12mCap: 0.01),
            HistoryReportVariantRun(variant: "band=0", run: "2006-06", turnoverNames: 0.3),
            HistoryReportVariantRun(variant: "published", run: "2007-06", turnoverNames: 0.1, drag12mCap: nil),
        ])
        XCTAssertEqual(comparison.variants.map(\.name), ["published", "band=0"])
        XCTAssertEqual(comparison.variants[0].runs, 2)
        XCTAssertEqual(comparison.variants[0].meanTurnoverNames ?? 0, 0.15, accuracy: 1e-12)
        XCTAssertEqual(comparison.variants[0].meanDrag12mCap, 0.01)
        XCTAssertNil(comparison.variants[1].meanDrag12mCap)
        XCTAssertEqual(comparison.variants[0].turnoverNamesPerYear ?? 0, 0.15, accuracy: 1e-12, "one run a year: the mean")
    }

    /// A semi-annual variant's turnover a year sums June and December: (0.08 + 0.06 + 0.07) over 2 years.
    func testASemiAnnualVariantsTurnoverAYearSumsItsRuns() {
        let comparison = VariantComparison([
            HistoryReportVariantRun(variant: "frequency=semiannual", run: "2026-06", turnoverNames: 0.08),
            HistoryReportVariantRun(variant: "frequency=semiannual", run: "2026-12", turnoverNames: 0.06),
            HistoryReportVariantRun(variant: "frequency=semiannual", run: "2027-06", turnoverNames: 0.07),
        ])
        XCTAssertEqual(comparison.variants[0].meanTurnoverNames ?? 0, 0.07, accuracy: 1e-12)
        XCTAssertEqual(comparison.variants[0].turnoverNamesPerYear ?? 0, 0.105, accuracy: 1e-12)
    }

    func testAHistoryReportMarksBandingOnTheBarChartsAndNotesMissingFiles() {
        let runs = (2005...2008).map { year in
            HistoryReportRun(run: "\(year)-06", breakpoint1000: 2e9, breakpoint3000: 2e8,
                             bandLow: year >= 2007 ? 1.5e9 : nil, bandHigh: year >= 2007 ? 2.5e9 : nil,
                             turnoverNames: 0.2, turnoverWeight: 0.1, drag12mCap: 0.01, drag12mEqual: 0.005)
        }
        let document = HistoryReport(HistoryReportInput(folder: "out/replay", runs: runs)).document
        let turnover = document.charts.first { $0.id == "turnover" }
        XCTAssertEqual(turnover?.markup.contains(">banding from 2007<"), true)
        let notes = document.sections.flatMap(\.blocks).compactMap { block -> String? in
            if case .notice(let notice) = block { return notice.title }
            return nil
        }
        XCTAssertEqual(Set(notes), ["No drag.json in the run folders.", "No variants.csv.", "No summary.json."])
        XCTAssertEqual(document.title, "Russell reconstitutions 2005–2008")
    }
}
