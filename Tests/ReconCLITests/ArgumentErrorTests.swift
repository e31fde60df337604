import XCTest
@testable import ReconCLI

/// Every usage error, with its exact rendering.
final class ArgumentErrorTests: XCTestCase {
    static let reconstituteUsage = "usage: recon reconstitute --year <YEAR> [options]"
    static let reportUsage = "usage: recon report [--format <FORMAT>] [--open] <DIR> [<OUT>]"
    static let toolUsage = "usage: recon <command> [options]"

    private func assertError(
        _ line: String, _ kind: UsageError.Kind, _ expected: String, file: StaticString = #filePath, line number: UInt = #line
    ) {
        guard let error = SampleTool.error(line, file: file, line: number) else { return }
        XCTAssertEqual(error.kind, kind, file: file, line: number)
        XCTAssertEqual(error.description, expected, file: file, line: number)
        XCTAssertEqual(error.exitCode, 2, file: file, line: number)
    }

    func testUnknownCommandSuggestsTheNearest() {
        assertError("reconstitut --year 2024", .unknownCommand, """
            recon: error: unknown command 'reconstitut'
            help: did you mean 'reconstitute'?
            \(Self.toolUsage)
            """)
        assertError("rpeort dir", .unknownCommand, """
            recon: error: unknown command 'rpeort'
            help: did you mean 'report'?
            \(Self.toolUsage)
            """)
        assertError("recon", .unknownCommand, """
            recon: error: unknown command 'recon'
            help: did you mean 'reconstitute'?
            \(Self.toolUsage)
            """)
    }

    func testUnknownCommandWithoutNearOneListsCommands() {
        assertError("publish", .unknownCommand, """
            recon: error: unknown command 'publish'
            help: run 'recon help' to list the commands
            \(Self.toolUsage)
            """)
        assertError("help publish", .unknownCommand, """
            recon: error: unknown command 'publish'
            help: run 'recon help' to list the commands
            \(Self.toolUsage)
            """)
    }

    func testUnknownOptionSuggestsTheNearest() {
        assertError("reconstitute --year 2024 --univers u.csv", .unknownOption, """
            recon: error: unknown option '--univers'
            help: did you mean '--universe'?
            \(Self.reconstituteUsage)
            """)
        assertError("reconstitute --yaer=2024", .unknownOption, """
            recon: error: unknown option '--yaer'
            help: did you mean '--year'?
            \(Self.reconstituteUsage)
            """)
        assertError("reconstitute -year 2024", .unknownOption, """
            recon: error: unknown option '-year'
            help: did you mean '--year'?
            \(Self.reconstituteUsage)
            """)
    }

    func testUnknownOptionWithoutNearOne() {
        assertError("reconstitute --colour red", .unknownOption, """
            recon: error: unknown option '--colour'
            help: run 'recon help reconstitute' to see every option
            \(Self.reconstituteUsage)
            """)
        assertError("report -x dir", .unknownOption, """
            recon: error: unknown option '-x'
            help: options start with two dashes; run 'recon help report' to see every option
            \(Self.reportUsage)
            """)
    }

    func testOptionBeforeTheCommand() {
        assertError("--year 2024 reconstitute", .unknownOption, """
            recon: error: unknown option '--year'
            help: options go after the command: recon <command> [options]
            \(Self.toolUsage)
            """)
        assertError("--verison", .unknownOption, """
            recon: error: unknown option '--verison'
            help: did you mean '--version'?
            \(Self.toolUsage)
            """)
    }

    func testMissingValueAtTheEndOrBeforeAnotherOption() {
        let expected = """
            recon: error: missing value for --universe <FILE>
            help: --universe <FILE>  Universe of securities to rank (CSV).
            \(Self.reconstituteUsage)
            """
        assertError("reconstitute --year 2024 --universe", .missingValue, expected)
        assertError("reconstitute --universe --year 2024", .missingValue, expected)
    }

    func testFlagGivenAValue() {
        assertError("reconstitute --year 2024 --verbose=yes", .unexpectedValue, """
            recon: error: --verbose takes no value, found 'yes'
            help: write --verbose on its own to turn it on
            \(Self.reconstituteUsage)
            """)
    }

    func testMissingRequiredOptionShowsUsage() {
        assertError("reconstitute --universe u.csv", .missingRequiredOption, """
            recon: error: missing required option --year <YEAR>
            help: --year <YEAR>  Year of the reconstitution.
            \(Self.reconstituteUsage)
            """)
    }

    func testSeveralMissingRequiredOptionsAreNamedTogether() throws {
        let command = CommandSpec(name: "diff", abstract: "Compare two runs.", options: [
            .single("--from", value: "DIR", help: "Earlier run.", required: true),
            .repeating("--to", value: "DIR", help: "Later runs.", required: true),
        ])
        let tool = CommandLineTool(name: "recon", abstract: "test", version: "1", commands: [command])
        XCTAssertThrowsError(try tool.parse(["diff"])) { error in
            XCTAssertEqual((error as? UsageError)?.description, """
                recon: error: missing required options --from <DIR>, --to <DIR>
                help: add each of them; run 'recon help diff' to see what they mean
                usage: recon diff --from <DIR> --to <DIR> ...
                """)
        }
    }

    func testMissingPositionalArgument() {
        assertError("report --open", .missingArgument, """
            recon: error: missing argument <DIR>
            help: <DIR>  Directory of the run.
            \(Self.reportUsage)
            """)
    }

    func testUnexpectedPositionalArgument() {
        assertError("report a b c", .unexpectedArgument, """
            recon: error: unexpected argument 'c'
            help: 'recon report' takes at most 2 arguments: <DIR> [<OUT>]
            \(Self.reportUsage)
            """)
        assertError("reconstitute --year 2024 extra", .unexpectedArgument, """
            recon: error: unexpected argument 'extra'
            help: 'recon reconstitute' takes no arguments, only options (which start with '--')
            \(Self.reconstituteUsage)
            """)
        assertError("reconstitute --year 2024 -- --verbose", .unexpectedArgument, """
            recon: error: unexpected argument '--verbose'
            help: '--' ends the options, so '--verbose' after it is read as an argument; write it before '--'
            \(Self.reconstituteUsage)
            """)
    }

    func testUnexpectedArgumentHints() {
        assertError("reconstitute --verbose yes --year 2024", .unexpectedArgument, """
            recon: error: unexpected argument 'yes'
            help: --verbose takes no value
            \(Self.reconstituteUsage)
            """)
        assertError("reconstitute year 2024", .unexpectedArgument, """
            recon: error: unexpected argument 'year'
            help: did you mean '--year'?
            \(Self.reconstituteUsage)
            """)
        assertError("reconstitute help", .unexpectedArgument, """
            recon: error: unexpected argument 'help'
            help: run 'recon help reconstitute' for help
            \(Self.reconstituteUsage)
            """)
        assertError("help report extra", .unexpectedArgument, """
            recon: error: unexpected argument 'extra'
            help: 'recon help' takes one command name: recon help report
            usage: recon help <command>
            """)
        assertError("--version now", .unexpectedArgument, """
            recon: error: unexpected argument 'now'
            help: 'recon --version' takes no arguments
            usage: recon --version
            """)
    }

    func testSingleOptionGivenTwice() {
        assertError("reconstitute --year 2023 --out o --year=2024", .duplicateOption, """
            recon: error: --year was given twice ('2023' and '2024')
            help: give --year only once
            \(Self.reconstituteUsage)
            """)
    }

    func testErrorsComeInCommandLineOrder() {
        // The unknown option comes first on the line, so it is reported before the missing --year.
        XCTAssertEqual(SampleTool.error("reconstitute --nope --universe")?.kind, .unknownOption)
        XCTAssertEqual(SampleTool.error("reconstitute --universe")?.kind, .missingValue)
    }

    func testInvalidWholeNumber() throws {
        let arguments = try SampleTool.run("reconstitute --year abc")
        XCTAssertThrowsError(try arguments.int("--year")) { error in
            XCTAssertEqual((error as? UsageError)?.kind, .invalidValue)
            XCTAssertEqual((error as? UsageError)?.description, """
                recon: error: --year expects a whole number, found 'abc'
                help: --year <YEAR>  Year of the reconstitution.
                \(Self.reconstituteUsage)
                """)
        }
        XCTAssertThrowsError(try SampleTool.run("reconstitute --year 2024 --shift 1.5").int("--shift")) { error in
            XCTAssertEqual((error as? UsageError)?.message, "--shift expects a whole number, found '1.5'")
        }
    }

    func testWholeNumberOutOfRange() throws {
        XCTAssertThrowsError(try SampleTool.run("reconstitute --year 1900").int("--year", in: 1979...2100)) { error in
            XCTAssertEqual((error as? UsageError)?.message, "--year expects a whole number from 1979 to 2100, found '1900'")
            XCTAssertEqual((error as? UsageError)?.help, "--year <YEAR>  Year of the reconstitution.")
        }
    }

    func testInvalidNumber() throws {
        for bad in ["x", "nan", "inf", "1,5"] {
            XCTAssertThrowsError(try SampleTool.run("reconstitute --year 2024 --band \(bad)").double("--band"), bad) { error in
                XCTAssertEqual((error as? UsageError)?.message, "--band expects a number, found '\(bad)'")
            }
        }
        XCTAssertThrowsError(try SampleTool.run("reconstitute --year 2024 --band 60").double("--band", in: 0...50)) { error in
            XCTAssertEqual((error as? UsageError)?.message, "--band expects a number from 0.0 to 50.0, found '60'")
        }
    }

    func testValueNotAmongChoices() throws {
        XCTAssertThrowsError(try SampleTool.run("report d --format htm").string("--format", oneOf: ["md", "html"])) { error in
            XCTAssertEqual((error as? UsageError)?.description, """
                recon: error: --format expects one of md, html, found 'htm'
                help: did you mean 'html'?
                \(Self.reportUsage)
                """)
        }
        XCTAssertThrowsError(try SampleTool.run("report d --format pdf").string("--format", oneOf: ["md", "html"])) { error in
            XCTAssertEqual((error as? UsageError)?.help, "--format <FORMAT>  md or html.")
        }
    }
}
