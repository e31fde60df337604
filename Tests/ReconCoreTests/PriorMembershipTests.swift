import XCTest
@testable import ReconCore

/// `PriorMembership` keeps its look-ups by entry number so that removing lines re-hashes only
/// the removed lines' keys. Every look-up must answer what the plain definition answers: the
/// first remaining line with a ticker, a company's remaining lines in order, and the matching
/// rules built on them.
final class PriorMembershipTests: XCTestCase {
    /// The plain definition: look-ups by position, rebuilt from the lines after every removal.
    private struct PlainMembership {
        var entries: [PriorMembership.Entry] = []

        func firstPosition(symbol: String) -> Int? { entries.firstIndex { $0.symbol == symbol } }
        func positions(companyKey: String) -> [Int] { entries.indices.filter { entries[$0].companyKey == companyKey } }

        mutating func add(_ entry: PriorMembership.Entry) {
            let existing = entry.companyKey.map { key in
                positions(companyKey: key).first { entries[$0].symbol == entry.symbol }
            } ?? firstPosition(symbol: entry.symbol)
            if let existing {
                if entries[existing].tier == .r1000, entry.tier == .r2000 { entries[existing].tier = .r2000 }
                if entries[existing].isMicrocap == nil { entries[existing].isMicrocap = entry.isMicrocap }
                return
            }
            entries.append(entry)
        }

        mutating func remove(at positions: [Int]) {
            let removed = Set(positions)
            entries = entries.indices.filter { !removed.contains($0) }.map { entries[$0] }
        }

        func position(companyKey: String, symbol: String) -> Int? {
            let byCompany = positions(companyKey: companyKey)
            if let first = byCompany.first {
                if byCompany.count == 1 { return first }
                return byCompany.first { entries[$0].symbol == Ticker.normalize(symbol) } ?? first
            }
            return firstPosition(symbol: Ticker.normalize(symbol))
        }
    }

    func testLookUpsAfterAddsAndRemovalsMatchThePlainDefinition() {
        let symbols = ["AAA", "BBB", "CCC", "DDD", "EEE", "BRK.B"]
        let keys: [String?] = [nil, "1", "2", "3", "4"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for round in 0 ..< 200 {
            var membership = PriorMembership(), plain = PlainMembership()
            for _ in 0 ..< 40 {
                if random(4) == 0, !plain.entries.isEmpty {
                    let positions = Array(Set((0 ..< random(3) + 1).map { _ in random(plain.entries.count) })).sorted()
                    membership.remove(at: positions)
                    plain.remove(at: positions)
                } else {
                    let entry = PriorMembership.Entry(symbol: symbols[random(symbols.count)], name: "",
                                                      tier: random(2) == 0 ? .r1000 : .r2000, companyKey: keys[random(keys.count)],
                                                      isMicrocap: random(3) == 0 ? nil : random(2) == 0)
                    membership.add(entry)
                    plain.add(entry)
                }
                XCTAssertEqual(membership.entries, plain.entries, "round \(round)")
                for symbol in symbols {
                    XCTAssertEqual(membership.entry(symbol: symbol), plain.firstPosition(symbol: Ticker.normalize(symbol)).map { plain.entries[$0] },
                                   "round \(round): first line with \(symbol)")
                    for case let key? in keys {
                        XCTAssertEqual(membership.position(companyKey: key, symbol: symbol), plain.position(companyKey: key, symbol: symbol),
                                       "round \(round): \(key)/\(symbol)")
                    }
                }
                for case let key? in keys {
                    XCTAssertEqual(membership.positions(companyKey: key), plain.positions(companyKey: key), "round \(round): company \(key)")
                }
            }
        }
    }

    /// Equal lines make equal memberships, however they came to be.
    func testEqualityIsByLines() {
        let a = PriorMembership.Entry(symbol: "AAA", name: "A", tier: .r1000, companyKey: "1")
        let b = PriorMembership.Entry(symbol: "BBB", name: "B", tier: .r2000, companyKey: "2")
        var removed = PriorMembership([a, b, PriorMembership.Entry(symbol: "CCC", name: "C", tier: .r2000, companyKey: "3")])
        removed.remove(at: [2])
        XCTAssertEqual(removed, PriorMembership([a, b]))
        XCTAssertEqual(removed.hashValue, PriorMembership([a, b]).hashValue)
        XCTAssertNotEqual(removed, PriorMembership([b, a]))
    }
}
