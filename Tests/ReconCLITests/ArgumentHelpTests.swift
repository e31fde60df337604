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

    func testUsageLineThatFitsStaysOnOneLineInHelp() {
        let options = (1...5).map { OptionSpec.single("--option\($0)", value: "V", help: "o") }
        let command = CommandSpec(name: "long", abstract: "A usage line of 97 columns.", options: options)
        let tool = CommandLineTool(name: "recon", abstract: "test", version: "1", commands: [command])
        let usage = "usage: " + tool.usageLine(for: command)
        XCTAssertEqual(usage.count, 97)
        XCTAssertTrue(tool.help(for: command).contains("\n\(usage)\n"), tool.help(for: command))
    }

    func testUsageLineTooLongEvenCollapsedWrapsUnderTheCommand() {
        let options = (1...8).map { OptionSpec.single("--required\($0)", value: "VALUE", help: "r", required: true) }
        let command = CommandSpec(name: "long", abstract: "Many required options.", options: options)
        let help = CommandLineTool(name: "recon", abstract: "test", version: "1", commands: [command]).help(for: command)
        XCTAssertTrue(help.contains("""

            usage: recon long --required1 <VALUE> --required2 <VALUE> --required3 <VALUE> --required4 <VALUE>
                              --required5 <VALUE> --required6 <VALUE> --required7 <VALUE> --required8 <VALUE>

            """), help)
    }

    func testWrapUsesTheFirstLineWidthOnlyForTheFirstLine() {
        XCTAssertEqual(HelpFormatter.wrap("aa bb cc dd", width: 5, firstWidth: 8), ["aa bb cc", "dd"])
        XCTAssertEqual(HelpFormatter.wrap("aa bb cc dd", width: 8, firstWidth: 2), ["aa", "bb cc dd"])
        XCTAssertEqual(HelpFormatter.wrap("toolongword x", width: 4), ["toolongword", "x"])
        XCTAssertEqual(HelpFormatter.wrap("   ", width: 4), [])
    }

    func testHelpIsDeterministic() {
        XCTAssertEqual(SampleTool.tool.help(for: SampleTool.reconstitute), SampleTool.tool.help(for: SampleTool.reconstitute))
        XCTAssertEqual(SampleTool.tool.help(), SampleTool.tool.help())
    }
}
