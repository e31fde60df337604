import XCTest
@testable import ReconIO
@testable import ReconFormats

/// `DataDirectory.locate`: RECON_DATA, then above the executable, then above the current folder,
/// then above the source file; a clear error when none has `calendar.csv`.
final class RulebookLoaderDataDirectoryTests: XCTestCase {
    private func locate(environment: [String: String] = [:], executable: String? = "/opt/pkg/.build/release/recon",
                        current: String? = "/home/me/work", source: String = "/src/recon/Sources/ReconFormats/Rules/DataDirectory.swift",
                        files: Set<String>) throws -> DataDirectory {
        try DataDirectory.locate(environment: environment, executablePath: executable, currentDirectory: current,
                                 sourceFile: source, fileExists: { files.contains($0) })
    }

    func testEnvironmentVariableComesFirst() throws {
        let found = try locate(environment: ["RECON_DATA": "/data/rules/"],
                               files: ["/data/rules/calendar.csv", "/opt/pkg/Data/calendar.csv"])
        XCTAssertEqual(found, DataDirectory(path: "/data/rules", origin: .environment))
    }

    func testAWrongEnvironmentVariableIsAnErrorNotAFallback() {
        XCTAssertThrowsError(try locate(environment: ["RECON_DATA": "/nowhere"], files: ["/opt/pkg/Data/calendar.csv"])) { error in
            let error = error as! InputError
            XCTAssertEqual(error.file, "/nowhere")
            XCTAssertTrue(error.help!.contains("RECON_DATA=/path/to/recon/Data"), error.help!)
        }
    }

    func testThenAboveTheExecutable() throws {
        let found = try locate(files: ["/opt/pkg/Data/calendar.csv", "/home/me/work/Data/calendar.csv"])
        XCTAssertEqual(found, DataDirectory(path: "/opt/pkg/Data", origin: .executable))
    }

    func testARelativeExecutablePathIsTakenFromTheCurrentFolder() throws {
        let found = try locate(executable: ".build/release/recon", current: "/home/me/recon",
                               files: ["/home/me/recon/Data/calendar.csv"])
        XCTAssertEqual(found.path, "/home/me/recon/Data")
        XCTAssertEqual(found.origin, .executable)
    }

    func testThenAboveTheCurrentFolder() throws {
        let found = try locate(executable: "/usr/local/bin/recon", current: "/home/me/recon/out/2024",
                               files: ["/home/me/recon/Data/calendar.csv", "/src/recon/Data/calendar.csv"])
        XCTAssertEqual(found, DataDirectory(path: "/home/me/recon/Data", origin: .currentDirectory))
    }

    func testThenAboveTheSourceFile() throws {
        let found = try locate(executable: nil, current: nil, files: ["/src/recon/Data/calendar.csv"])
        XCTAssertEqual(found, DataDirectory(path: "/src/recon/Data", origin: .sourceTree))
        XCTAssertEqual(found.description, "/src/recon/Data (from the source tree recon was built from)")
    }

    func testNowhereIsAnErrorSayingToSetRECON_DATA() {
        XCTAssertThrowsError(try locate(files: [])) { error in
            let error = error as! InputError
            XCTAssertEqual(error.help, "set RECON_DATA=/path/to/recon/Data")
            XCTAssertTrue(error.message.contains("cannot find recon's Data/ folder"), error.message)
            XCTAssertTrue(error.message.contains("above /opt/pkg/.build/release"), error.message)
            XCTAssertTrue(error.message.contains("above /home/me/work"), error.message)
        }
    }

    func testAncestors() {
        XCTAssertEqual(DataDirectory.ancestors(of: "/a/b/"), ["/a/b", "/a", "/"])
        XCTAssertEqual(DataDirectory.ancestors(of: "/"), ["/"])
        XCTAssertEqual(DataDirectory.ancestors(of: "a/b"), ["a/b", "a"])
    }
}
