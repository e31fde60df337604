import XCTest
@testable import ReconCLI

final class ArgumentHelpTests: XCTestCase {
    func testCommandHelpIsExact() {
        XCTAssertEqual(SampleTool.tool.help(for: SampleTool.report), """
            recon report: Write the Markdown and HTML report of a finished run.

            usage: recon report [--format <FORMAT>] [--open] <DIR> [<OUT>]

            arguments:
              <DIR>  Directory of the run.
              <OUT>  Where to write the report. (optional)

            options:
              --format <FORMAT>  md or html. (default: md)
              --open             Open the report when done.
              -h, --help         Show this help.

            examples:
              Report on the 2024 run.
                recon report out/2024
            """)
    }

    func testCommandHelpShowsEveryOptionWithItsNotesAndEveryExample() {
        let help = SampleTool.tool.help(for: SampleTool.reconstitute)
        for option in SampleTool.reconstitute.options {
            XCTAssertTrue(help.contains("  \(option.synopsis)  "), "missing \(option.name) in:\n\(help)")
        }
        XCTAssertTrue(help.contains("  --year <YEAR>      Year of the reconstitution. (required)\n"), help)
        XCTAssertTrue(help.contains("  --universe <FILE>  Universe of securities to rank (CSV). (default: synthetic)\n"), help)
        XCTAssertTrue(help.contains("  --prior <FILE>     Prior membership file; give one per index. (repeatable)\n"), help)
        XCTAssertTrue(help.contains("  --verbose          Say what is happening.\n"), help)
        XCTAssertTrue(help.contains("usage: recon reconstitute --year <YEAR> [options]\n"), help)
        XCTAssertTrue(help.contains("\nexamples:\n  Replay 2024 on the synthetic market.\n    recon reconstitute --year 2024\n"), help)
        // The long example breaks like a shell script, so it can be pasted as it is.
        XCTAssertTrue(help.hasSuffix("""
              Replay 2024 on a real universe, banding against last year's members.
                recon reconstitute --year 2024 --universe data/2024.csv --prior r1000.csv --prior r2000.csv \\
                  --out out/2024
            """), help)
    }

    func testDiscussionParagraphsAreRewrappedAt100Columns() {
        let help = SampleTool.tool.help(for: SampleTool.reconstitute)
        XCTAssertTrue(help.contains("""

            Ranks every eligible security by total market capitalization on rank day and draws the index
            memberships, applying banding against the prior year's membership.

            Without --universe, the built-in synthetic market is used.

            """), help)
    }

    func testEveryLineFitsIn100Columns() {
        let longWords = String(repeating: "word ", count: 60)
        let command = CommandSpec(
            name: "wide", abstract: longWords, discussion: longWords + "\n\n    kept as written\n\n" + longWords,
            options: [
                .single("--a-really-long-option-name-here", value: "SOMETHING", help: longWords),
                .flag("--b", help: longWords),
            ],
            positionals: [PositionalSpec("P", help: longWords)],
            examples: [UsageExample("recon wide " + String(repeating: "--b ", count: 40), longWords)])
        let tool = CommandLineTool(name: "recon", abstract: longWords, discussion: longWords, version: "1", commands: [command])
        for text in [tool.help(), tool.help(for: command)] {
            for line in text.split(separator: "\n") {
                XCTAssertLessThanOrEqual(line.count, HelpFormatter.width, String(line))
            }
        }
        let help = tool.help(for: command)
        XCTAssertTrue(help.contains("\n    kept as written\n"), help)
        // A label wider than the label column puts its text on the next line, in the text column.
        XCTAssertTrue(help.contains("\n  --a-really-long-option-name-here <SOMETHING>\n              word word"), help)
        XCTAssertTrue(help.contains("\n  --b         word word"), help)
    }

    func testOverviewListsCommandsAndTheirFirstExamples() {
        XCTAssertEqual(SampleTool.tool.help(), """
            recon: replays the reconstitution of the FTSE Russell US equity indexes.

            usage: recon <command> [options]
                   recon help <command>
                   recon --version

            commands:
              reconstitute  Rank a universe and draw the Russell 3000E, 1000 and 2000 for one year.
              report        Write the Markdown and HTML report of a finished run.

            options:
              -h, --help  Show this help.
              --version   Show the version.

            examples:
              Replay 2024 on the synthetic market.
                recon reconstitute --year 2024

              Report on the 2024 run.
                recon report out/2024

            Run 'recon help <command>' or 'recon <command> --help' for a command's options and examples.
            """)
    }

    func testUsageLineShowsEverythingWhenItFits() {
        let command = CommandSpec(name: "diff", abstract: "Compare.", options: [
            .single("--from", value: "DIR", help: "a", required: true),
            .repeating("--to", value: "DIR", help: "b"),
            .flag("--quiet", help: "c"),
        ], positionals: [PositionalSpec("OUT", help: "d", isRequired: false)])
        let tool = CommandLineTool(name: "recon", abstract: "test", version: "1", commands: [command])
        XCTAssertEqual(tool.usageLine(for: command), "recon diff --from <DIR> [--to <DIR> ...] [--quiet] [<OUT>]")
    }

    func testHelpIsDeterministic() {
        XCTAssertEqual(SampleTool.tool.help(for: SampleTool.reconstitute), SampleTool.tool.help(for: SampleTool.reconstitute))
        XCTAssertEqual(SampleTool.tool.help(), SampleTool.tool.help())
    }
}
