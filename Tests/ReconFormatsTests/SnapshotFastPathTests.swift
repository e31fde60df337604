import XCTest
import ReconCore
@testable import ReconIO
@testable import ReconFormats

/// The shortcuts of the snapshot path give what the general code gives.
final class SnapshotFastPathTests: XCTestCase {
    /// The screener's issuer keys are ``IssuerKey/key(name:symbol:)`` of each line, and
    /// ``PriorTickerChanges`` finds the same matches with them as without.
    func testScreenerIssuerKeysAreTheNameKeysAndMatchTheSameTickerChanges() throws {
        let data = try RealData.folder()
        let universe = try NasdaqScreenerReader.read(path: data + "/2025/nasdaq_screener_2025-05-23.csv")
        let keys = try XCTUnwrap(universe.issuerKeys)
        XCTAssertEqual(keys, universe.securities.map { IssuerKey.key(name: $0.name, symbol: $0.symbol) })
        var builder = PriorMembershipBuilder()
        for file in ["IWM_2025-05-13.csv", "IWV_2025-05-02.csv"] {
            builder.add(try ISharesHoldingsReader.read(path: data + "/2025/" + file))
        }
        let prior = try builder.build().membership
        let given = PriorTickerChanges.resolve(prior, universe: universe.securities, issuerKeys: keys)
        let made = PriorTickerChanges.resolve(prior, universe: universe.securities)
        XCTAssertEqual(given.matches, made.matches)
        XCTAssertFalse(given.matches.isEmpty)
        XCTAssertEqual(given.membership.entries.map(\.companyKey), made.membership.entries.map(\.companyKey))
    }

    /// ``CSVReader/trimmed(_:)`` cut from ASCII bytes equals the text trimmed by characters.
    func testTrimmedFieldsEqualTheCharacterTrim() throws {
        let fields = ["", " ", "\t", " a ", "\ta b\t", "  x", "y  ", "\"q\"\"uoted \"", "\" spaced \"", "Café ", " é", "a\r\nb"]
        let csv = CSVReader(bytes: Array(fields.map { $0.contains("\n") ? "\"\($0)\"" : $0 }.joined(separator: ",").utf8), name: "t.csv")
        XCTAssertTrue(try csv.next())
        XCTAssertEqual(csv.fieldCount, fields.count)
        for index in 0 ..< csv.fieldCount {
            XCTAssertEqual(try csv.trimmed(index), CSVReader.trimmed(try csv.string(index)), "field \(index)")
        }
    }

    /// ``String/containsText(_:)`` answers as Foundation's `contains` does.
    func testContainsTextAgreesWithContains() {
        let texts = ["", "a", "non voting", "class a non-voting", "NONVOTING", "nonvoting shares", "Société", "no market"]
        let needles = ["", "a", "non voting", "non-voting", "nonvoting", "é", "NO MARKET", "ting"]
        for text in texts {
            for needle in needles { XCTAssertEqual(text.containsText(needle), text.contains(needle), "\(text) / \(needle)") }
        }
    }

    /// ``NasdaqScreenerReader/namesNonVotingShares(_:)`` (answered from the bytes when the name
    /// has no `non`) agrees with the lower-cased search that defines it.
    func testNonVotingShortcutAgreesWithTheDefinition() throws {
        var names = ["", "no", "non", "NON", "Non Voting", "Class A Non-Voting", "NONVOTING Shares", "nOn vOtInG", "Nonvoting",
                     "Anon Voting", "Canon Inc", "No Voting", "Non\u{A0}Voting", "NÖN VOTING", "Ñon voting", "Société Non Voting",
                     "K\u{130}NON VOT\u{130}NG"] + SecurityNameTokenizerTests.oddNames + SecurityNameTokenizerTests.nonASCIINames
        if let data = RealData.folderIfPresent {
            names += try NasdaqScreenerReader.read(path: data + "/2025/nasdaq_screener_2025-05-23.csv").securities.map(\.name)
        }
        for name in names {
            XCTAssertEqual(NasdaqScreenerReader.namesNonVotingShares(name), NasdaqScreenerReader.namesNonVotingSharesByDefinition(name),
                           name.debugDescription)
        }
    }
}
