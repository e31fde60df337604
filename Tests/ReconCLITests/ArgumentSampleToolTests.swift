import XCTest
@testable import ReconCLI

/// A `recon`-like tool that the argument tests parse against.
enum SampleTool {
    static let reconstitute = CommandSpec(
        name: "reconstitute",
        abstract: "Rank a universe and draw the Russell 3000E, 1000 and 2000 for one year.",
        discussion: """
            Ranks every eligible security by total market capitalization on rank day and draws the
            index memberships, applying banding against the prior year's membership.

            Without --universe, the built-in synthetic market is used.
            """,
        options: [
            .single("--year", value: "YEAR", help: "Year of the reconstitution.", required: true),
            .single("--universe", value: "FILE", help: "Universe of securities to rank (CSV).", default: "synthetic"),
            .repeating("--prior", value: "FILE", help: "Prior membership file; give one per index."),
            .single("--forward", value: "FILE", help: "Forward returns for the report."),
            .single("--out", value: "DIR", help: "Where to write the run.", default: "out"),
            .single("--band", value: "PERCENT", help: "Banding width around the breakpoints.", default: "5.0"),
            .single("--shift", value: "DAYS", help: "Move rank day by this many days."),
            .flag("--verbose", help: "Say what is happening."),
        ],
        examples: [
            UsageExample("recon reconstitute --year 2024", "Replay 2024 on the synthetic market."),
            UsageExample(
                "recon reconstitute --year 2024 --universe data/2024.csv --prior r1000.csv --prior r2000.csv --out out/2024",
                "Replay 2024 on a real universe, banding against last year's members."),
        ])

    static let report = CommandSpec(
        name: "report",
        abstract: "Write the Markdown and HTML report of a finished run.",
        options: [
            .single("--format", value: "FORMAT", help: "md or html.", default: "md"),
            .flag("--open", help: "Open the report when done."),
        ],
        positionals: [
            PositionalSpec("DIR", help: "Directory of the run."),
            PositionalSpec("OUT", help: "Where to write the report.", isRequired: false),
        ],
        examples: [UsageExample("recon report out/2024", "Report on the 2024 run.")])

    static let tool = CommandLineTool(
        name: "recon",
        abstract: "replays the reconstitution of the FTSE Russell US equity indexes.",
        version: "recon 0.1.0",
        commands: [reconstitute, report])

    /// Parses `line` (split at spaces, without the tool name) and returns the run's arguments.
    static func run(_ line: String, file: StaticString = #filePath, line number: UInt = #line) throws -> ParsedArguments {
        let invocation = try tool.parse(words(line))
        guard case .run(let arguments) = invocation else {
            XCTFail("expected a run, got \(invocation)", file: file, line: number)
            throw UsageError(.unknownCommand, toolName: "test", message: "not a run", help: "", usage: nil)
        }
        return arguments
    }

    /// The usage error that parsing `line` throws, or `nil` (with a test failure) if it parses.
    static func error(_ line: String, file: StaticString = #filePath, line number: UInt = #line) -> UsageError? {
        do {
            let invocation = try tool.parse(words(line))
            XCTFail("expected a usage error, got \(invocation)", file: file, line: number)
            return nil
        } catch {
            return error
        }
    }

    static func words(_ line: String) -> [String] {
        line.split(separator: " ").map(String.init)
    }
}

final class ArgumentSampleToolTests: XCTestCase {
    func testSampleToolIsWellDeclared() {
        XCTAssertEqual(SampleTool.tool.declarationProblems(), [])
    }

    func testDeclarationProblemsAreFound() {
        let broken = CommandSpec(
            name: "broken",
            abstract: "Declared badly on purpose.",
            options: [
                .single("--year", value: "YEAR", help: "Year.", required: true, default: "2024"),
                .flag("--year", help: "Again."),
                .flag("verbose", help: "No dashes."),
                .flag("--help", help: "Reserved."),
            ],
            positionals: [
                PositionalSpec("A", help: "Optional.", isRequired: false),
                PositionalSpec("B", help: "Required after optional."),
            ],
            examples: [
                UsageExample("recon broken --nope", "Does not parse."),
                UsageExample("broken --year 1", "Lacks the tool name."),
            ])
        let tool = CommandLineTool(
            name: "recon", abstract: "test", version: "1",
            commands: [broken, broken, CommandSpec(name: "help", abstract: "Taken.")])
        XCTAssertEqual(tool.declarationProblems(), [
            "command 'broken': option '--year' is required and has a default; it can be one or the other",
            "command 'broken': option '--year' is declared twice",
            "command 'broken': option 'verbose': an option name is '--' then a word without '=' or spaces",
            "command 'broken': option '--help': --help is given to every command already",
            "command 'broken': argument 'B' is required but follows an optional one",
            "command 'broken': example 'recon broken --nope' does not parse: unknown option '--nope'",
            "command 'broken': example 'broken --year 1' does not start with 'recon broken'",
            "command 'broken' is declared twice",
            "command 'broken': option '--year' is required and has a default; it can be one or the other",
            "command 'broken': option '--year' is declared twice",
            "command 'broken': option 'verbose': an option name is '--' then a word without '=' or spaces",
            "command 'broken': option '--help': --help is given to every command already",
            "command 'broken': argument 'B' is required but follows an optional one",
            "command 'broken': example 'recon broken --nope' does not parse: unknown option '--nope'",
            "command 'broken': example 'broken --year 1' does not start with 'recon broken'",
            "command 'help': 'help' is the tool's own command",
        ])
    }
}
