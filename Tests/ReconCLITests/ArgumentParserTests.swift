import XCTest
@testable import ReconCLI

final class ArgumentParserTests: XCTestCase {
    func testSpaceAndEqualsFormsGiveTheSameValue() throws {
        let spaced = try SampleTool.run("reconstitute --year 2024 --universe u.csv")
        let joined = try SampleTool.run("reconstitute --year=2024 --universe=u.csv")
        XCTAssertEqual(try spaced.int("--year"), 2024)
        XCTAssertEqual(spaced.string("--universe"), "u.csv")
        XCTAssertEqual(spaced, joined)
    }

    func testEqualsSplitsAtTheFirstEqualsSignOnly() throws {
        let arguments = try SampleTool.run("reconstitute --year 2024 --out=a=b --forward=")
        XCTAssertEqual(arguments.string("--out"), "a=b")
        XCTAssertEqual(arguments.string("--forward"), "")
    }

    func testRepeatingOptionKeepsCommandLineOrder() throws {
        let arguments = try SampleTool.run("reconstitute --prior c.csv --year 2024 --prior a.csv --prior=b.csv")
        XCTAssertEqual(arguments.strings("--prior"), ["c.csv", "a.csv", "b.csv"])
        XCTAssertEqual(try SampleTool.run("reconstitute --year 2024").strings("--prior"), [])
    }

    func testDefaultsApplyOnlyWhenAbsent() throws {
        let plain = try SampleTool.run("reconstitute --year 2024")
        XCTAssertEqual(plain.string("--universe"), "synthetic")
        XCTAssertEqual(plain.string("--out"), "out")
        XCTAssertEqual(plain.strings("--out"), ["out"])
        XCTAssertEqual(try plain.double("--band"), 5.0)
        XCTAssertNil(plain.string("--forward"))
        XCTAssertNil(try plain.int("--shift"))
        XCTAssertFalse(plain.flag("--verbose"))

        let given = try SampleTool.run("reconstitute --year 2024 --out elsewhere --band 2.5 --verbose")
        XCTAssertEqual(given.string("--out"), "elsewhere")
        XCTAssertEqual(try given.double("--band", in: 0...50), 2.5)
        XCTAssertTrue(given.flag("--verbose"))
    }

    func testNegativeNumbersAreValuesAndPositionals() throws {
        XCTAssertEqual(try SampleTool.run("reconstitute --year 2024 --shift -5").int("--shift"), -5)
        XCTAssertEqual(try SampleTool.run("reconstitute --year 2024 --band -0.5").double("--band"), -0.5)
        XCTAssertEqual(try SampleTool.run("reconstitute --year 2024 --band=-.5").double("--band"), -0.5)
        XCTAssertEqual(try SampleTool.run("report -5").positional("DIR"), "-5")
        XCTAssertEqual(try SampleTool.run("report -").positional("DIR"), "-")
    }

    func testDoubleDashEndsOptions() throws {
        let arguments = try SampleTool.run("report --format html -- --open --help")
        XCTAssertEqual(arguments.positional("DIR"), "--open")
        XCTAssertEqual(arguments.positional("OUT"), "--help")
        XCTAssertEqual(arguments.string("--format"), "html")
        XCTAssertFalse(arguments.flag("--open"))
    }

    func testPositionalsFillInOrderAndOptionalOnesMayBeMissing() throws {
        let both = try SampleTool.run("report runs/2024 --open site")
        XCTAssertEqual(both.command.name, "report")
        XCTAssertEqual(both.positional("DIR"), "runs/2024")
        XCTAssertEqual(both.positional("OUT"), "site")
        XCTAssertTrue(both.flag("--open"))
        XCTAssertNil(try SampleTool.run("report runs/2024").positional("OUT"))
    }

    func testFlagGivenTwiceIsStillOn() throws {
        XCTAssertTrue(try SampleTool.run("reconstitute --verbose --year 2024 --verbose").flag("--verbose"))
    }

    func testTypedAccessorsAcceptGoodValues() throws {
        let arguments = try SampleTool.run("reconstitute --year 2024 --shift +3")
        XCTAssertEqual(try arguments.int("--year", in: 1979...2100), 2024)
        XCTAssertEqual(try arguments.int("--shift"), 3)
        XCTAssertEqual(try SampleTool.run("report d --format html").string("--format", oneOf: ["md", "html"]), "html")
        XCTAssertEqual(try SampleTool.run("report d").string("--format", oneOf: ["md", "html"]), "md")
        XCTAssertNil(try SampleTool.run("reconstitute --year 1").string("--forward", oneOf: ["a"]))
    }

    func testOptionClassification() {
        for option in ["--year", "--year=1", "--", "-y", "-year", "-.x"] {
            XCTAssertTrue(ArgumentParser.looksLikeOption(option), option)
        }
        for value in ["-", "-5", "-0.5", "-.5", "-1e3", "year", ""] {
            XCTAssertFalse(ArgumentParser.looksLikeOption(value), value)
        }
    }
}
