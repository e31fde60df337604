import Foundation
import XCTest
@testable import ReconCLI

/// What the bad-input tests share: a fresh folder per test, files written into it, and the check
/// that recon refused a run cleanly — the exact error and help lines, the exit status, and an
/// output folder with nothing in it (not even a temporary file).
///
/// (Named `…Tests.swift` only to sit with the catalogue; it holds no test.)
struct BadInputHarness {
    /// The test's own folder.
    let folder: String

    init() throws {
        folder = try TestPaths.temporaryFolder()
    }

    /// The output folder a run is given (never created by the harness).
    var out: String { folder + "/out" }

    /// Writes `text` to `name` in the folder and returns the path.
    @discardableResult
    func write(_ text: String, _ name: String) throws -> String {
        try TestPaths.write(text, named: name, in: folder)
    }

    /// Writes `bytes` to `name` in the folder and returns the path.
    @discardableResult
    func write(bytes: [UInt8], _ name: String) throws -> String {
        let path = folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `recon reconstitute --year 2025 --universe FILE --out OUT` and any further arguments.
    func reconstitute(_ universe: String, _ more: [String] = []) -> CommandRun {
        CommandRun(["reconstitute", "--year", "2025", "--universe", universe, "--out", out] + more)
    }

    /// Asserts the run failed with `status`, printed exactly `error` (after `recon: error: `) and
    /// `help` (after `help: `) as its error lines, and left nothing in the output folder.
    func assertRefused(_ run: CommandRun, status: Int32, error: String, help: String?,
                       file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(run.status, status, run.error, file: file, line: line)
        let lines = run.error.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let errorLines = lines.filter { $0.hasPrefix("recon: error: ") }
        XCTAssertEqual(errorLines, ["recon: error: " + error], run.error, file: file, line: line)
        if let help {
            XCTAssertEqual(lines.filter { $0.hasPrefix("help: ") }, ["help: " + help], run.error, file: file, line: line)
        }
        XCTAssertFalse(lines.contains { $0.hasPrefix("Fatal error") }, run.error, file: file, line: line)
        assertNothingWritten(file: file, line: line)
    }

    /// The output folder is absent or holds no file at all.
    func assertNothingWritten(file: StaticString = #filePath, line: UInt = #line) {
        let left = BadInputHarness.files(in: out)
        XCTAssertEqual(left, [], "files left in \(out)", file: file, line: line)
    }

    /// Every file under `folder` (recursively, hidden ones too), relative to it, sorted.
    static func files(in folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let name = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(name)
            }
        }
        return files.sorted()
    }

    /// Every file under `folder` with its bytes.
    static func contents(of folder: String) throws -> [String: Data] {
        var contents: [String: Data] = [:]
        for name in files(in: folder) { contents[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)) }
        return contents
    }

    /// A Nasdaq screener header and rows `(symbol, name, last sale, market cap)`.
    static func screener(_ rows: [(String, String, String, String)]) -> String {
        var lines = ["Symbol,Name,Last Sale,Net Change,% Change,Market Cap,Country,IPO Year,Volume,Sector,Industry"]
        for (symbol, name, price, cap) in rows {
            lines.append("\(symbol),\(name),\(price),0,0%,\(cap),United States,,1000,Technology,Software")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A screener of `count` plain common stocks `S1…`, caps 50 M apart.
    static func screener(count: Int) -> String {
        screener((1...count).map { ("S\($0)", "Company \($0) Inc. Common Stock", "$\(10 + $0).00", String($0 * 50_000_000)) })
    }

    /// The CRSP header the catalogue uses.
    static let crspHeader = "PERMNO,PERMCO,date,SHRCD,EXCHCD,TICKER,COMNAM,PRC,RET,SHROUT"
}
