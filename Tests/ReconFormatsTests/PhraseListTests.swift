import XCTest
@testable import ReconFormats

/// ``SecurityName/firstMatch(_:in:)-(PhraseList,_)`` (fingerprints) against the `[[String]]`
/// form that defines it, on every phrase list the classifier uses.
final class PhraseListTests: XCTestCase {
    private typealias Rule = SecurityTypeClassifier.Rule

    /// Every range the classifier asks about: the whole name, from the second word, the issuer
    /// part, the descriptor and the issuer part after its first word.
    private func ranges(_ name: SecurityName) -> [Range<Int>] {
        let count = name.words.count
        return [0..<count, min(1, count)..<count, 0..<name.descriptorStart, name.descriptorStart..<count,
                min(1, name.descriptorStart)..<name.descriptorStart]
    }

    private func assertListsAgree(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let name = SecurityName(text)
        for list in Rule.allPhraseLists {
            for range in ranges(name) {
                XCTAssertEqual(name.firstMatch(list, in: range), name.firstMatch(list.phrases, in: range),
                               "\(text.debugDescription) \(list.phrases) \(range)", file: file, line: line)
            }
            XCTAssertEqual(name.firstMatch(list), name.firstMatch(list.phrases), text.debugDescription, file: file, line: line)
        }
    }

    func testOddAndNonASCIINamesMatchAlike() {
        let names = SecurityNameTokenizerTests.oddNames + SecurityNameTokenizerTests.nonASCIINames + [
            "Acme Capital Trust II Fund", "Notes Due Notes due 2030", "Exchange Traded Exchange", "Units of Beneficial Interest",
            "Limited Liability Company Interests", "Shs of BI", "Blank Check Blank Checks", "Trust Trust Trust",
            // Canonically equivalent to ASCII words but other bytes: the fingerprint path must not decide these.
            "Acme \u{212A}elvin Fund", "Cafe\u{301} Closed End Fund", "Fund\u{300}", "ＦＵＮＤ Inc",
        ]
        for name in names { assertListsAgree(name) }
    }

    func testEveryRealNameMatchesAlike() throws {
        let data = try RealData.folder()
        for file in ["/2025/nasdaq_screener_2025-05-23.csv", "/2026/nasdaq_screener_2026-06-11.csv"] {
            let universe = try NasdaqScreenerReader.read(path: data + file)
            for security in universe.securities { assertListsAgree(security.name) }
        }
    }

    /// Each phrase's fingerprints are those of its words, and its first bit is the first word's.
    func testListsCarryTheFingerprintsOfTheirWords() {
        for list in Rule.allPhraseLists {
            XCTAssertEqual(list.fingerprints, list.phrases.map { $0.map(WordFingerprint.of) })
            XCTAssertEqual(list.firstBits, list.phrases.map { WordFingerprint.bit(WordFingerprint.of($0[0])) })
        }
        XCTAssertNotEqual(WordFingerprint.of("fund"), WordFingerprint.of("funds"))
    }

    /// The byte-level ``SecurityName/original(_:)`` of ASCII names is the `Character` one.
    func testOriginalTextAgreesWithTheDefinition() throws {
        var names = SecurityNameTokenizerTests.oddNames + SecurityNameTokenizerTests.nonASCIINames + [
            "Acme Corp. Class A Common Stock", "X Inc. 6.25% Notes due 2030", "Y L.P. Common Units", "Z Co. $3.75 Pfd",
            "Widget Holdings Ltd. Ordinary Shares", "Acme Inc.", "Acme Inc..", "A.B.C. Corp.", "Trust Preferred Trust",
        ]
        if let data = RealData.folderIfPresent {
            for file in ["/2025/nasdaq_screener_2025-05-23.csv", "/2026/nasdaq_screener_2026-06-11.csv"] {
                names += try NasdaqScreenerReader.read(path: data + file).securities.map(\.name)
            }
        }
        for text in names {
            let name = SecurityName(text)
            // The spans the rules and the issuer keys quote: up to three words, and the issuer part.
            let count = name.words.count
            let spans = name.words.indices.flatMap { start in (start ... min(count, start + 3)).map { start ..< $0 } }
                + [0 ..< name.descriptorStart, 0 ..< count]
            for span in spans {
                XCTAssertEqual(name.original(span), name.originalByCharacters(span), "\(text.debugDescription) \(span)")
            }
        }
    }
}
