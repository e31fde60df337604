import XCTest
@testable import ReconCLI

/// `recon`, `recon help`, `recon --version` and dispatch to commands.
final class ArgumentToolTests: XCTestCase {
    private let tool = SampleTool.tool
    private var overview: CommandLineTool.Invocation { .help(SampleTool.tool.help()) }
    private var reconstituteHelp: CommandLineTool.Invocation { .help(SampleTool.tool.help(for: SampleTool.reconstitute)) }

    func testNoArgumentsHelpAndDashDashHelpShowTheOverview() throws {
        XCTAssertEqual(try tool.parse([]), overview)
        XCTAssertEqual(try tool.parse(["--help"]), overview)
        XCTAssertEqual(try tool.parse(["-h"]), overview)
        XCTAssertEqual(try tool.parse(["help"]), overview)
        XCTAssertEqual(try tool.parse(["help", "help"]), overview)
    }

    func testHelpForACommand() throws {
        XCTAssertEqual(try tool.parse(["help", "reconstitute"]), reconstituteHelp)
        XCTAssertEqual(try tool.parse(["--help", "reconstitute"]), reconstituteHelp)
        XCTAssertEqual(try tool.parse(["reconstitute", "--help"]), reconstituteHelp)
        XCTAssertEqual(try tool.parse(["report", "-h"]), .help(tool.help(for: SampleTool.report)))
    }

    func testHelpAnywhereAfterTheCommandWinsOverMistakes() throws {
        for line in [
            "reconstitute --year 2024 --help",
            "reconstitute --year abc --bogus --help",
            "reconstitute --universe --help",
            "reconstitute --year 2023 --year 2024 extra -h",
            "reconstitute --help --year",
        ] {
            XCTAssertEqual(try tool.parse(SampleTool.words(line)), reconstituteHelp, line)
        }
    }

    func testHelpAfterDoubleDashIsAnArgument() throws {
        let arguments = try SampleTool.run("report -- --help")
        XCTAssertEqual(arguments.positional("DIR"), "--help")
    }

    func testVersion() throws {
        XCTAssertEqual(try tool.parse(["--version"]), .version("recon 0.1.0"))
    }

    func testDispatchesToTheNamedCommand() throws {
        XCTAssertEqual(try SampleTool.run("reconstitute --year 2024").command, SampleTool.reconstitute)
        XCTAssertEqual(try SampleTool.run("report out/2024").command.name, "report")
        XCTAssertEqual(tool.command(named: "report"), SampleTool.report)
        XCTAssertNil(tool.command(named: "Report"))
    }

    func testAcceptsAnyCollectionOfArguments() throws {
        let argv = ["/usr/bin/recon", "reconstitute", "--year", "2024"]
        guard case .run(let arguments) = try tool.parse(argv.dropFirst()) else { return XCTFail("not a run") }
        XCTAssertEqual(try arguments.int("--year"), 2024)
    }
}
