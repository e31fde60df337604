import Foundation
import XCTest
import ReconIO

/// Every file a run writes, pinned by its XXH64: the embedded 2024 run, a replay of the embedded
/// market with a variant, a sweep, the reports of each, and the 2025 real-data run with
/// `--forward` and its validation (skipped without `../shared/data`).
///
/// The pins were taken from recon as it stood before the engine was rebuilt on integer ids
/// (commit 055dca1), and changed three times since: when CRSP codes came to be read by the
/// rulebook (REITs, NYSE Arca and Cboe admitted; the academic variant still gives the history of
/// before, ``testTheAcademicConventionGivesTheHistoryOfBefore``), when a preferred's spelling
/// (`DCOM^`) stopped taking its common's price from a holdings file (the 2025 run's price counts
/// in `summary.json`), and when an earlier verdict (`PriorExclusion`) came to mark a class on its
/// own IPO year (the 2025 run's note names Corebridge by its common `CRBG`, no longer by its notes
/// `CRBD`, listed 2024 and so unmarked: `summary.json`, `report.md`, `report.html`). The sweep's
/// rank-day variant was `rank_shift=5` until a run past the data came to be refused: its December
/// 2026 run ranked on 2027-03-30, after the embedded market's last month, so it now shifts by -1
/// (its published `history.csv` is the same; recon before the change writes the new command's
/// files byte for byte). The replay report's variant table then gained a column, the name
/// turnover a year (`report.md`, `report.html` of the replay with a variant). `migration.csv`'s
/// `prior_weight`, 0 in every class until then, came to give each class's share of its prior
/// index (every run's `migration.csv`, and the run reports' migration table), and the 2025 run's
/// drag came to leave out the lines whose price and cap relatives are more than threefold apart
/// (`drag.json`, `summary.json`'s warning, the report); a company came to count as a deletion only
/// when no line of it stays (the replay's 2019 and 2020 runs, `history.csv`; the 2025 run's
/// `summary.json`, whose absent `GEFB`, `METCV`, `LENB`, `CWENA` now count under their listed
/// companies in `membership.csv`); a member without a cap came to have an empty weight, not 0
/// (the 2025 run's `BF/A`, `BF/B`, `CRD/A`, `CRD/B`), and the run report's note on the drag's
/// left-out holdings came to say why they were left out (the embedded and 2025 run reports), and
/// the run report came to count a company by its membership rather than its first line (the 2025
/// report's flows, cut table and largest deletions now agree with `summary.json`), and the run
/// report came to name the prior of a panel's run, the run before, where it said "none" (the
/// embedded run's `report.md`, `report.html`), and `membership.csv` gained a last column,
/// `security_id` (every run's `membership.csv`, the rest of each the same), which a replay's
/// absent members came to carry from the run before (the embedded runs), and then from the
/// quarterly IPO window that added them (13 runs of the embedded replay). A change of any
/// output byte fails here and names the file. When a change
/// of output is intended (a rule fixed, a column added), rerun, check the diff by hand, and paste
/// the table the failure prints.
final class OutputPinTests: XCTestCase {
    func testEmbedded2024RunAndReport() throws {
        let out = try TestPaths.temporaryFolder() + "/run"
        try run(["reconstitute", "--quiet", "--year", "2024", "--out", out])
        try run(["report", "--quiet", out])
        assertPinned(out, [
            "drag.json": "5dfea6a0b4634482",
            "excluded.csv": "11bd55d3e82cbcaa",
            "membership.csv": "2cb1c16f086f2e16",
            "migration.csv": "a0d6895bcfdb3dc2",
            "report-caps-1000.svg": "9128114ba92a255f",
            "report-caps-3000.svg": "f1ac52380073334f",
            "report-flow.svg": "d0abdb3c6b085205",
            "report.html": "5d6709ce6c38b161",
            "report.md": "71dfe516f15cec3c",
            "summary.json": "75a6ea3c14558889",
            "turnover.csv": "d3d479391c9170dc",
        ])
    }

    func testEmbeddedReplayWithAVariantAndItsReport() throws {
        let out = try TestPaths.temporaryFolder() + "/replay"
        try run(["replay", "--quiet", "--from", "1989", "--to", "2026", "--variant", "band=0.01", "--out", out])
        try run(["report", "--quiet", out])
        assertPinned(out, [
            "1989-06/": "5d62851ef4b1c5c8",
            "1990-06/": "21e1e19485d6599a",
            "1991-06/": "71acf5f09fd35491",
            "1992-06/": "65132a038b504e7c",
            "1993-06/": "a5a69dc738b285b9",
            "1994-06/": "5571481da4b6ca77",
            "1995-06/": "6a666bee1ced4f1b",
            "1996-06/": "1c0f5cc91cb33681",
            "1997-06/": "10fd3d3cb3303ca8",
            "1998-06/": "fb42d6b662100758",
            "1999-06/": "7abd178883da83f8",
            "2000-06/": "2640c00adb3e847d",
            "2001-06/": "c3fad1c9768d9775",
            "2002-06/": "ff5c30932620cddb",
            "2003-06/": "dc22f648f62b1281",
            "2004-06/": "236e89fa280cd5ac",
            "2005-06/": "cec27d001fea1f4a",
            "2006-06/": "55b2117741d3ea82",
            "2007-06/": "8ec804f3dbe3f9a9",
            "2008-06/": "fbaad65a5c5e0f48",
            "2009-06/": "75b26023c33ddffc",
            "2010-06/": "62f4288fa2e3fbf4",
            "2011-06/": "93d7a41553e84cbd",
            "2012-06/": "d4feb1b0394a9b55",
            "2013-06/": "b14e412f08b9a07e",
            "2014-06/": "fd1fae29dec75c36",
            "2015-06/": "24a868662dee5841",
            "2016-06/": "66530c3d4b35ddea",
            "2017-06/": "b646b18c770736d2",
            "2018-06/": "d015d22221a685ed",
            "2019-06/": "5d511afc3b92bcbe",
            "2020-06/": "0f0a39b721eb2fd9",
            "2021-06/": "756d910b815c0308",
            "2022-06/": "8d1e986b665ff2fe",
            "2023-06/": "2654835ffcb8c66c",
            "2024-06/": "2749c69855b5e408",
            "2025-06/": "3c70c5be450f777c",
            "2026-06/": "6b98aad8f3335bb7",
            "2026-12/": "097772b6aa295b59",
            "history.csv": "1375d0392d8e41d0",
            "report-breakpoints.svg": "08b3f938672f3f0f",
            "report-drag.svg": "821097ea72ee032c",
            "report-growth.svg": "5696f0244a80afc9",
            "report-turnover.svg": "8ae2a8ef59c81a11",
            "report-variants.svg": "55289e1b6b7e7cfb",
            "report.html": "95df66f671124b51",
            "report.md": "1d9d553ca61e286a",
            "summary.json": "096ef79efa00a2f6",
            "variants.csv": "868e111f9f48482f",
            "variants/": "d657599b0e662091",
        ])
    }

    func testEmbeddedSweep() throws {
        let out = try TestPaths.temporaryFolder() + "/sweep"
        try run(["replay", "--quiet", "--from", "1995", "--to", "2026", "--history-only",
                 "--variant", "band=0", "--variant", "frequency=semiannual", "--variant", "rank_shift=-1", "--out", out])
        assertPinned(out, [
            "history.csv": "40de43760c24e06f",
            "summary.json": "fdadd78f7fa592e5",
            "variants.csv": "3f238bbac012f221",
            "variants/": "1ee67d38dae13b7f",
        ])
    }

    /// The embedded market's 1995–2026 history as recon wrote it before the rulebook's reading of
    /// CRSP codes became the default (commit 055dca1's history.csv, byte for byte until a company
    /// came to be counted a deletion only when no class of it stays: 2019 and 2020 each count one
    /// or two fewer, a class B screened out while its class A stays).
    func testTheAcademicConventionGivesTheHistoryOfBefore() throws {
        let out = try TestPaths.temporaryFolder() + "/academic"
        try run(["replay", "--quiet", "--from", "1995", "--to", "2026", "--history-only", "--variant", "convention=academic", "--out", out])
        XCTAssertEqual(Self.hashes(under: out + "/variants/convention-academic")["history.csv"], "2081e4fe4f4ddecc")
    }

    func testRealData2025WithForwardPricesValidationAndReport() throws {
        let data = try TestPaths.realData()
        let folder = try TestPaths.temporaryFolder()
        let out = folder + "/run"
        try run(["reconstitute", "--quiet", "--year", "2025",
                 "--universe", data + "/2025/nasdaq_screener_2025-05-23.csv",
                 "--prior", data + "/2025/IWM_2025-05-13.csv", "--prior", data + "/2025/IWV_2025-05-02.csv",
                 "--forward", data + "/2026/nasdaq_screener_2026-06-11.csv", "--out", out])
        try run(["validate", "--quiet", "--membership", out + "/membership.csv",
                 "--additions", data + "/2025/ru3000_2025_final_additions.csv",
                 "--deletions", data + "/2025/ru3000_2025_final_deletions.csv",
                 "--r2000", data + "/2025/IWM_2025-11-05.csv", "--out", folder + "/validate"])
        try run(["report", "--quiet", out])
        assertPinned(folder, [
            "run/": "13a1db3a0a552910",
            "validate/": "76e7a8734cad774d",
        ])
    }

    // MARK: - Helpers

    private func run(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let run = CommandRun(arguments)
        guard run.status == 0 else {
            XCTFail("recon \(arguments.joined(separator: " ")) exited \(run.status): \(run.error)", file: file, line: line)
            throw CommandFailed()
        }
    }

    private struct CommandFailed: Error {}

    /// Compares the XXH64 of every file under `folder` (by path relative to it) with `pins`, and
    /// on any difference prints the whole table as it now is.
    private func assertPinned(_ folder: String, _ pins: [String: String], file: StaticString = #filePath, line: UInt = #line) {
        let actual = Self.hashes(under: folder)
        XCTAssertFalse(actual.isEmpty, "no files written under \(folder)", file: file, line: line)
        guard actual != pins else { return }
        let changed = Set(actual.keys).union(pins.keys).sorted().filter { actual[$0] != pins[$0] }
        let table = actual.keys.sorted().map { "            \"\($0)\": \"\(actual[$0]!)\"," }.joined(separator: "\n")
        XCTFail("\(changed.count) file(s) differ from their pins: \(changed.prefix(12).joined(separator: ", "))"
                + "\nthe files as they now are:\n\(table)", file: file, line: line)
    }

    /// The folders of the checkout the pins were taken in: the package and the real data beside
    /// it. Runs name their inputs by absolute path (`summary.json`'s `universe`, `panel`, the
    /// source column of `excluded.csv`), so a file is hashed with this checkout's folders written
    /// as those: the pins then hold wherever the checkout and `../shared` are.
    static let pinnedPackageRoot = "/work/main"
    static let pinnedDataFolder = "/work/shared/data"

    /// The XXH64 (16 hex digits) of every regular file directly in `folder`, by name, and of
    /// every folder in it (`1989-06/`): the XXH64 of its files' lines `path hash`, in path order.
    static func hashes(under folder: String) -> [String: String] {
        guard let paths = FileManager.default.subpaths(atPath: folder) else { return [:] }
        var files: [String: String] = [:]
        for path in paths.sorted() {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue,
                  let bytes = FileManager.default.contents(atPath: folder + "/" + path) else { continue }
            files[path] = hex(asIfPinnedCheckout(bytes))
        }
        var hashes = files.filter { !$0.key.contains("/") }
        let nested = Dictionary(grouping: files.keys.filter { $0.contains("/") }) { String($0.prefix { $0 != "/" }) + "/" }
        for (subfolder, paths) in nested {
            hashes[subfolder] = hex(Data(paths.sorted().map { "\($0) \(files[$0]!)\n" }.joined().utf8))
        }
        return hashes
    }

    /// The bytes with this checkout's data folder replaced by ``pinnedDataFolder`` and its
    /// package folder by ``pinnedPackageRoot``.
    private static func asIfPinnedCheckout(_ bytes: Data) -> Data {
        let replacements = [(TestPaths.realDataFolder, pinnedDataFolder), (TestPaths.packageRoot, pinnedPackageRoot)]
            .filter { here, pinned in here != pinned }
        guard !replacements.isEmpty, var text = String(data: bytes, encoding: .utf8) else { return bytes }
        for (here, pinned) in replacements where text.contains(here) {
            text = text.replacingOccurrences(of: here, with: pinned)
        }
        return Data(text.utf8)
    }

    private static func hex(_ bytes: Data) -> String {
        let hash = bytes.withUnsafeBytes { Checksum.xxh64($0) }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
