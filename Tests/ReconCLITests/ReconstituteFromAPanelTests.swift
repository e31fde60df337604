import Foundation
import XCTest
@testable import ReconCLI

/// `recon reconstitute --universe PANEL` without `--prior`: a CRSP panel that reaches back to the
/// run before brings its own prior membership (its runs replayed, as the embedded market's are),
/// and one that does not says why the run has none.
final class ReconstituteFromAPanelTests: XCTestCase {
    /// A seeded market of 1979–2008 (June 2007 is the first banded run; 2008 gives its drag).
    nonisolated(unsafe) private static var panel: String?

    override class func tearDown() {
        if let panel { try? FileManager.default.removeItem(atPath: (panel as NSString).deletingLastPathComponent) }
        panel = nil
        super.tearDown()
    }

    private func market() throws -> String {
        if let panel = Self.panel { return panel }
        let panel = try TestPaths.temporaryFolder() + "/market.csv"
        let run = CommandRun(["generate", "--quiet", "--to", "2008", "--firms", "16000", "--seed", "3", "--out", panel])
        XCTAssertEqual(run.status, 0, run.error)
        Self.panel = panel
        return panel
    }

    /// A seeded market of `from`–`to` (16,000 firms) written to `path`, which is returned.
    private func generated(from: Int, to: Int, at path: String) throws -> String {
        let generate = CommandRun(["generate", "--quiet", "--from", String(from), "--to", String(to), "--firms", "16000", "--out", path])
        XCTAssertEqual(generate.status, 0, generate.error)
        return path
    }

    /// The run's folder is the replay's folder of the same run, file for file and byte for byte.
    func testAPanelWithoutAPriorIsTheReplaysRun() throws {
        let panel = try market(), folder = try TestPaths.temporaryFolder()
        let run = CommandRun(["reconstitute", "--year", "2007", "--universe", panel, "--out", folder + "/run"])
        XCTAssertEqual(run.status, 0, run.error)
        let replay = CommandRun(["replay", "--quiet", "--from", "2007", "--to", "2007", "--panel", panel, "--out", folder + "/replay"])
        XCTAssertEqual(replay.status, 0, replay.error)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/run").sorted()
        XCTAssertEqual(names, try FileManager.default.contentsOfDirectory(atPath: folder + "/replay/2007-06").sorted())
        XCTAssertTrue(names.contains("drag.json"), "\(names)")
        for name in names {
            XCTAssertEqual(FileManager.default.contents(atPath: folder + "/run/" + name),
                           FileManager.default.contents(atPath: folder + "/replay/2007-06/" + name), name)
        }
        // Each line's PERMNO, its ticker being the security's latest; a member gone since has the
        // PERMNO the run before knew, or the quarterly IPO window that added it.
        let rows = try String(contentsOfFile: folder + "/run/membership.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertTrue(rows[0].hasSuffix(",reason,security_id"), String(rows[0]))
        let ids = rows.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).last.map(String.init) ?? "" }
        let absent = rows.dropFirst().map { $0.contains(",absent_from_universe,") }
        XCTAssertTrue(ids.allSatisfy { Int($0) != nil }, "\(ids.filter { Int($0) == nil }.prefix(5))")
        XCTAssertGreaterThan(absent.filter { $0 }.count, 0, "members gone since the run before")
        XCTAssertEqual(Set(ids.filter { !$0.isEmpty }).count, ids.filter { !$0.isEmpty }.count, "one row per PERMNO")
        XCTAssertFalse(run.error.contains("no prior membership"), run.error)
        XCTAssertFalse(run.error.contains("its first run, which had none"), run.error)
        // Banded against a prior of its own: companies moved both ways.
        let up = try XCTUnwrap(run.out.split(separator: "\n").first { $0.contains("  changes ") })
        XCTAssertFalse(up.contains(" 0 up, 0 down"), String(up))
    }

    /// A panel of the run's year alone cannot replay the run before: the month's cross-section is
    /// ranked with no prior, and the warning names the month the panel lacks.
    func testAPanelThatStartsAfterTheRunBeforeSaysWhyThereIsNoPrior() throws {
        let folder = try TestPaths.temporaryFolder(), panel = try generated(from: 2007, to: 2007, at: folder + "/2007.csv")
        let run = CommandRun(["reconstitute", "--year", "2007", "--universe", panel, "--out", folder + "/run"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.error.contains("recon: warning: no prior membership: every company treated as new, as 2007.csv "
                                         + "(2007-01-31 to 2007-12-31) has no month for the 2006-06 run's rank day 2006-05-31 to "
                                         + "replay from; give --prior, or a panel that reaches back to it"), run.error)
        XCTAssertTrue(run.out.contains(" 0 up, 0 down"), run.out)
    }

    /// A panel that starts after the calendar's first run is replayed from its own first run,
    /// which has no prior: a banded run, and a replay of banded runs, says its prior does not know
    /// what the band kept before.
    func testAShortPanelSaysItsPriorStartsWithItsFirstRun() throws {
        let folder = try TestPaths.temporaryFolder(), panel = try generated(from: 2005, to: 2008, at: folder + "/2005-2008.csv")
        let run = CommandRun(["reconstitute", "--year", "2007", "--universe", panel, "--out", folder + "/run"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.error.contains("recon: warning: the prior membership is the panel's own from 2005-06, its first run, "
                                         + "which had none: members the band would have kept since before then are not known"),
                      run.error)
        let summary = try String(contentsOfFile: folder + "/run/summary.json", encoding: .utf8)
        XCTAssertTrue(summary.contains("its first run, which had none"), summary)
        // June 2006, before the band, is said nothing.
        let unbanded = CommandRun(["reconstitute", "--year", "2006", "--universe", panel, "--out", folder + "/2006"])
        XCTAssertEqual(unbanded.status, 0, unbanded.error)
        XCTAssertFalse(unbanded.error.contains("its first run"), unbanded.error)
        // A replay of banded runs says it once on the console, and in each banded run's summary.json:
        // its run folder is the reconstitution's; one of runs before the band says nothing.
        let replay = CommandRun(["replay", "--from", "2006", "--to", "2007", "--panel", panel, "--out", folder + "/replay"])
        XCTAssertEqual(replay.status, 0, replay.error)
        XCTAssertEqual(replay.error.components(separatedBy: "the prior membership is the panel's own from 2005-06").count, 2, replay.error)
        XCTAssertEqual(FileManager.default.contents(atPath: folder + "/replay/2007-06/summary.json"),
                       FileManager.default.contents(atPath: folder + "/run/summary.json"))
        let summary2006 = try String(contentsOfFile: folder + "/replay/2006-06/summary.json", encoding: .utf8)
        XCTAssertFalse(summary2006.contains("its first run"), summary2006)
        let early = CommandRun(["replay", "--from", "2005", "--to", "2006", "--panel", panel, "--history-only", "--out", folder + "/early"])
        XCTAssertEqual(early.status, 0, early.error)
        XCTAssertFalse(early.error.contains("its first run"), early.error)
    }
}
