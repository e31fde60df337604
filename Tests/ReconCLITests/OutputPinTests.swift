import Foundation
import XCTest
import ReconData

/// Every file a run writes, pinned by its XXH64: the embedded 2024 run, a replay of the embedded
/// market with a variant, a sweep, the reports of each, and the 2025 real-data run with
/// `--forward` and its validation (skipped without `../shared/data`).
///
/// The pins were taken from recon as it stood before the engine was rebuilt on integer ids
/// (commit 055dca1): a change of any output byte fails here and names the file. When a change
/// of output is intended (a rule fixed, a column added), rerun, check the diff by hand, and
/// paste the table the failure prints.
final class OutputPinTests: XCTestCase {
    func testEmbedded2024RunAndReport() throws {
        let out = try TestPaths.temporaryFolder() + "/run"
        try run(["reconstitute", "--quiet", "--year", "2024", "--out", out])
        try run(["report", "--quiet", out])
        assertPinned(out, [
            "drag.json": "c81d9fe1cd918eef",
            "excluded.csv": "b00a3fe7638a4c29",
            "membership.csv": "fcd2c4f6a5f68a10",
            "migration.csv": "a494494c195de528",
            "report-caps-1000.svg": "5a53efcddc04b598",
            "report-caps-3000.svg": "af1e50404b233cf1",
            "report-flow.svg": "1d9daf8dbb5bb1d0",
            "report.html": "890b0cbed0ab36e9",
            "report.md": "0828398e203cffed",
            "summary.json": "b812b16e2ae770d2",
            "turnover.csv": "77096a0484e1a6cd",
        ])
    }

    func testEmbeddedReplayWithAVariantAndItsReport() throws {
        let out = try TestPaths.temporaryFolder() + "/replay"
        try run(["replay", "--quiet", "--from", "1989", "--to", "2026", "--variant", "band=0.01", "--out", out])
        try run(["report", "--quiet", out])
        assertPinned(out, [
            "1989-06/": "6be11fd4ed07aba6",
            "1990-06/": "773356547d3e4249",
            "1991-06/": "54f89bc45d66fa64",
            "1992-06/": "c0cf1539d16ea672",
            "1993-06/": "2734b80017a545ad",
            "1994-06/": "1490fb376c4f3358",
            "1995-06/": "4e67d22527aa978f",
            "1996-06/": "c1c71d4f89054bd4",
            "1997-06/": "51c3456274aaf365",
            "1998-06/": "00b6553ef9b15a8a",
            "1999-06/": "04429c948e76e2dd",
            "2000-06/": "90ce2a0a44a9b36b",
            "2001-06/": "fe3c5e4b9c579e7a",
            "2002-06/": "00896b3db4ed788c",
            "2003-06/": "b1d0e57003a8751b",
            "2004-06/": "c1ef6a61ccdb436e",
            "2005-06/": "5a4acb438e9d3e58",
            "2006-06/": "9433bf062d65351f",
            "2007-06/": "833bb0937dde7bfb",
            "2008-06/": "9580c28fa5f85640",
            "2009-06/": "09b7afbad9eaa8ab",
            "2010-06/": "94196a56618f571c",
            "2011-06/": "1eeb9581bfdac73e",
            "2012-06/": "cb600d6a418cf568",
            "2013-06/": "1645aea72b2f321f",
            "2014-06/": "6e785a4ab9ef1330",
            "2015-06/": "ceee7f5a998965db",
            "2016-06/": "75dcd31355e80b6b",
            "2017-06/": "2ccfd0340c2cb0de",
            "2018-06/": "d87ea4dc57b03002",
            "2019-06/": "f0fbd9e86914c747",
            "2020-06/": "5efa26955d2c15c9",
            "2021-06/": "38e28a1af948a862",
            "2022-06/": "5cf5b200fc47545b",
            "2023-06/": "afc74fa27aaed164",
            "2024-06/": "da0634715ba82036",
            "2025-06/": "8c031e4d4da88ef7",
            "2026-06/": "02044a19f5a83be3",
            "2026-12/": "1441dbe697ee3e9d",
            "history.csv": "782b6af9e0833272",
            "report-breakpoints.svg": "79e85a9b3fb9e968",
            "report-drag.svg": "2a0325571ca1aa67",
            "report-growth.svg": "b1ae657767a864b6",
            "report-turnover.svg": "cbf727009e96e023",
            "report-variants.svg": "8ec8e548130be23a",
            "report.html": "5957ddd1069ce627",
            "report.md": "4b7147a1211e28dc",
            "summary.json": "096ef79efa00a2f6",
            "variants.csv": "46d82a50e915300e",
        ])
    }

    func testEmbeddedSweep() throws {
        let out = try TestPaths.temporaryFolder() + "/sweep"
        try run(["replay", "--quiet", "--from", "1995", "--to", "2026", "--history-only",
                 "--variant", "band=0", "--variant", "frequency=semiannual", "--variant", "rank_shift=5", "--out", out])
        assertPinned(out, [
            "history.csv": "255739b562d657ce",
            "summary.json": "e712172c128f9a7d",
            "variants.csv": "498d7d58a2aaa9d9",
        ])
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
            "run/": "8d622052d4be89bd",
            "validate/": "baf9e9694a44ccf9",
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

    /// The folder of the checkout the pins were taken in. The embedded market's runs name its
    /// cached panel by absolute path (`summary.json`'s `universe`, `panel`), so a file is hashed
    /// with this checkout's folder written as that one: the pins then hold in any checkout.
    static let pinnedPackageRoot = "/work/main"

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

    /// The bytes with this checkout's folder replaced by ``pinnedPackageRoot``.
    private static func asIfPinnedCheckout(_ bytes: Data) -> Data {
        let root = TestPaths.packageRoot
        guard root != pinnedPackageRoot, let text = String(data: bytes, encoding: .utf8), text.contains(root) else { return bytes }
        return Data(text.replacingOccurrences(of: root, with: pinnedPackageRoot).utf8)
    }

    private static func hex(_ bytes: Data) -> String {
        let hash = bytes.withUnsafeBytes { Checksum.xxh64($0) }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
