import Foundation
import XCTest
import ReconData

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
/// turnover a year (`report.md`, `report.html` of the replay with a variant). A change of any
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
            "membership.csv": "a33e30c9e00fa440",
            "migration.csv": "5dc7f29f669bd99f",
            "report-caps-1000.svg": "9128114ba92a255f",
            "report-caps-3000.svg": "f1ac52380073334f",
            "report-flow.svg": "d0abdb3c6b085205",
            "report.html": "abc22f69bb25e515",
            "report.md": "b905ec1774c646bc",
            "summary.json": "75a6ea3c14558889",
            "turnover.csv": "d3d479391c9170dc",
        ])
    }

    func testEmbeddedReplayWithAVariantAndItsReport() throws {
        let out = try TestPaths.temporaryFolder() + "/replay"
        try run(["replay", "--quiet", "--from", "1989", "--to", "2026", "--variant", "band=0.01", "--out", out])
        try run(["report", "--quiet", out])
        assertPinned(out, [
            "1989-06/": "d9fe9e559d7704d4",
            "1990-06/": "b7ec74231c193181",
            "1991-06/": "3c60f5b147f28e7c",
            "1992-06/": "5d2edf895de7cca8",
            "1993-06/": "83ebfcc550665150",
            "1994-06/": "5f18f13cac798966",
            "1995-06/": "cca833fa242cec92",
            "1996-06/": "ba1d0046d7934195",
            "1997-06/": "0c52f27dfe3ceee8",
            "1998-06/": "cf19df58107dcbcf",
            "1999-06/": "f3d5b3cb88cd4645",
            "2000-06/": "20272788ac82312c",
            "2001-06/": "5447307f126394f7",
            "2002-06/": "e9d719fb5d8c3640",
            "2003-06/": "2ed8ceb876790a8b",
            "2004-06/": "2d97130223764507",
            "2005-06/": "fd843c5c8837f198",
            "2006-06/": "ab19e6f22bab6e4f",
            "2007-06/": "fe6e75df661de870",
            "2008-06/": "489a14fa2aa79886",
            "2009-06/": "5349c32daed9c5f5",
            "2010-06/": "e76bfd609211e0e5",
            "2011-06/": "0e634f816dc98e8c",
            "2012-06/": "0eda0338145bad0c",
            "2013-06/": "acb6c25e221824a8",
            "2014-06/": "fdec479cf3ded0e9",
            "2015-06/": "7909db0c81dcb3aa",
            "2016-06/": "b97639b4851b22f6",
            "2017-06/": "d1a81f8dfe4477ae",
            "2018-06/": "4906ae3faabd4c1c",
            "2019-06/": "75d54af7a4cf6d11",
            "2020-06/": "56b6c5af3d8680bd",
            "2021-06/": "296ae36679d2a2fa",
            "2022-06/": "7b30ae08934fc31f",
            "2023-06/": "87edfd17dd0313c6",
            "2024-06/": "3043626d86547ae0",
            "2025-06/": "dacfc190d0fd4586",
            "2026-06/": "9ea61da7518c7d28",
            "2026-12/": "c8f70942750a65f0",
            "history.csv": "ffdb5f709d58032d",
            "report-breakpoints.svg": "08b3f938672f3f0f",
            "report-drag.svg": "821097ea72ee032c",
            "report-growth.svg": "5696f0244a80afc9",
            "report-turnover.svg": "8ae2a8ef59c81a11",
            "report-variants.svg": "55289e1b6b7e7cfb",
            "report.html": "3800029f9a6ad07f",
            "report.md": "fd886254831020c3",
            "summary.json": "096ef79efa00a2f6",
            "variants.csv": "868e111f9f48482f",
            "variants/": "ce72d8813078a376",
        ])
    }

    func testEmbeddedSweep() throws {
        let out = try TestPaths.temporaryFolder() + "/sweep"
        try run(["replay", "--quiet", "--from", "1995", "--to", "2026", "--history-only",
                 "--variant", "band=0", "--variant", "frequency=semiannual", "--variant", "rank_shift=-1", "--out", out])
        assertPinned(out, [
            "history.csv": "71c6ca7d7938548c",
            "summary.json": "fdadd78f7fa592e5",
            "variants.csv": "3f238bbac012f221",
            "variants/": "c935d1548b39a74e",
        ])
    }

    /// The embedded market's 1995–2026 history as recon wrote it before the rulebook's reading of
    /// CRSP codes became the default (commit 055dca1's history.csv, byte for byte).
    func testTheAcademicConventionGivesTheHistoryOfBefore() throws {
        let out = try TestPaths.temporaryFolder() + "/academic"
        try run(["replay", "--quiet", "--from", "1995", "--to", "2026", "--history-only", "--variant", "convention=academic", "--out", out])
        XCTAssertEqual(Self.hashes(under: out + "/variants/convention-academic")["history.csv"], "255739b562d657ce")
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
            "run/": "7b934ec3725a064f",
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
