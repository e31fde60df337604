import XCTest
@testable import ReconIO
@testable import ReconFormats

/// The ASCII fast path of ``SecurityName/tokenize(_:)`` against the scalar path that defines it.
final class SecurityNameTokenizerTests: XCTestCase {
    /// Names with every rule of the splitter in them: apostrophes, dotted initials, `%`, `&`,
    /// `$`, parentheses (nested, unbalanced), dots and spaces in odd places.
    static let oddNames = [
        "", " ", ".", "'", "A", "a.", "L.P.", "L.P", "l.p.", "L. P.", "L..P.", "LP.", "S.A.B. de C.V.", "S.A.B.de C.V",
        "N.V.", "U.S. Bancorp", "W. P. Carey Inc. REIT", "A.B.C.D.E.F", "AB.C", "A.BC", "A1.B", "1.2.3", "6.25% Notes due 2028",
        "Dillard's Inc.", "O'Reilly Automotive", "'Quoted'", "D'A", "Rock 'n' Roll", "it''s", "x'", "'x", "Bank of N.T. Butterfield & Son",
        "AT&T Inc. 5.625% Global Notes", "Howmet Aerospace Inc. $3.75 Preferred Stock", "$", "%", "&", "$$%&", "100%", "%%1",
        "Energy Transfer L.P. (The)", "(The) Company", "((A)) B", ")) C ((", "(DE) Inc", "Foo (REIT", "Foo REIT)", "A(B)C",
        "Alphabet Inc. Class C Capital Stock", "D/B/A Something", "Brookfield Renewable Corporation Brookfield Renewable Corporation",
        "Tab\tSeparated\tName", "Trailing space ", "  Leading", "Under_score-dash/slash", "MiXeD CaSe iNc", "ZZ9 Plural Z Alpha",
        "Line\nbreak", "Comma, Inc.", "Semi;colon", "a.b.c.", "A.B.C.D", "Inc.Class A", "X.Y.Z.1",
    ]

    /// Names outside ASCII: the fast path declines them, and `tokenize` gives the scalar path's words.
    static let nonASCIINames = ["Société Générale", "Nestlé S.A.", "Banco Bradesco S.A. – ADS", "L’Oréal", "Dillard’s Inc.",
                                "Ørsted A/S", "ÅF Pöyry", "Straße AG", "株式会社", "Café (Ü) 5%"]

    private func assertPathsAgree(_ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let scalars = SecurityName.tokenizeScalars(name)
        guard let ascii = SecurityName.tokenizeASCII(name) else { return XCTFail("fast path declined \(name.debugDescription)", file: file, line: line) }
        XCTAssertEqual(ascii.map(\.folded), scalars.map(\.folded), name.debugDescription, file: file, line: line)
        XCTAssertEqual(ascii.map(\.range), scalars.map(\.range), name.debugDescription, file: file, line: line)
        XCTAssertEqual(ascii.map(\.inParentheses), scalars.map(\.inParentheses), name.debugDescription, file: file, line: line)
    }

    func testOddNamesSplitAlikeOnBothPaths() {
        for name in Self.oddNames { assertPathsAgree(name) }
    }

    func testEveryShortASCIIStringSplitsAlike() {
        // Every string of up to four characters from the splitter's alphabet.
        let alphabet = ["A", "b", "1", ".", "'", " ", "(", ")", "%", "&", "$", "-"]
        var names = [""]
        for _ in 1 ... 4 {
            for name in names { assertPathsAgree(name) }
            names = names.flatMap { prefix in alphabet.map { prefix + $0 } }
        }
        for name in names { assertPathsAgree(name) }
    }

    func testNonASCIINamesTakeTheScalarPath() {
        for name in Self.nonASCIINames {
            XCTAssertNil(SecurityName.tokenizeASCII(name), name)
            XCTAssertEqual(SecurityName.tokenize(name), SecurityName.tokenizeScalars(name), name)
        }
    }

    /// Every name of the real screener and holdings files (when `../shared/data` is present).
    func testEveryRealNameSplitsAlikeOnBothPaths() throws {
        let folder = try RealData.folder()
        var checked = 0
        for year in ["2025", "2026"] {
            let directory = folder + "/" + year
            for file in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() where file.hasSuffix(".csv") {
                for name in try Self.names(in: directory + "/" + file) {
                    if SecurityName.tokenizeASCII(name) != nil {
                        assertPathsAgree(name)
                    } else {
                        XCTAssertEqual(SecurityName.tokenize(name), SecurityName.tokenizeScalars(name), name)
                    }
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 10_000)
    }

    /// The `Name` column of a CSV file whose header (possibly after a preamble) has one.
    private static func names(in path: String) throws -> [String] {
        let csv = try CSVReader(path: path)
        var column: Int?
        var names: [String] = []
        while try csv.next() {
            guard let column else {
                column = try csv.fields().firstIndex(of: "Name")
                continue
            }
            if column < csv.fieldCount { names.append(try csv.trimmed(column)) }
        }
        return names
    }
}
