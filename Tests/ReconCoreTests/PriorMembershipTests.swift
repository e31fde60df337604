import XCTest
@testable import ReconCore

/// `PriorMembership` threads its look-ups through arrays indexed by id. Every look-up must answer
/// what the plain definition answers, after any adds and removals: the first remaining line with a
/// ticker, a company's remaining lines in order, and the matching rule built on them.
final class PriorMembershipTests: XCTestCase {
    /// The plain definition: look-ups by scanning the lines.
    private struct PlainMembership {
        var entries: [PriorMembership.Entry] = []

        func firstPosition(symbol: Int32) -> Int? { entries.firstIndex { $0.symbol == symbol } }
        func positions(company: Int32) -> [Int] { entries.indices.filter { entries[$0].company == company } }

        mutating func add(_ entry: PriorMembership.Entry) {
            let existing = entry.company >= 0
                ? positions(company: entry.company).first { entries[$0].symbol == entry.symbol }
                : firstPosition(symbol: entry.symbol)
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

        func position(company: Int32, symbol: Int32) -> Int? {
            let byCompany = positions(company: company)
            if let first = byCompany.first {
                if byCompany.count == 1 { return first }
                return byCompany.first { entries[$0].symbol == symbol } ?? first
            }
            return firstPosition(symbol: symbol)
        }
    }

    func testLookUpsAfterAddsAndRemovalsMatchThePlainDefinition() {
        let symbols: [Int32] = [0, 1, 2, 3, 4, 5]
        let companies: [Int32] = [-1, 0, 1, 2, 3]
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
                    let company = companies[random(companies.count)]
                    let entry = PriorMembership.Entry(symbol: symbols[random(symbols.count)], company: company,
                                                      key: company >= 0 ? company : 9, name: 0,
                                                      tier: random(2) == 0 ? .r1000 : .r2000,
                                                      isMicrocap: random(3) == 0 ? nil : random(2) == 0)
                    membership.add(entry)
                    plain.add(entry)
                }
                XCTAssertEqual(membership.entries, plain.entries, "round \(round)")
                for symbol in symbols {
                    XCTAssertEqual(Array(membership.positions(symbol: symbol)).first, plain.firstPosition(symbol: symbol),
                                   "round \(round): first line with \(symbol)")
                    for company in companies where company >= 0 {
                        XCTAssertEqual(membership.position(company: company, symbol: symbol), plain.position(company: company, symbol: symbol),
                                       "round \(round): \(company)/\(symbol)")
                    }
                }
                for company in companies where company >= 0 {
                    XCTAssertEqual(Array(membership.positions(company: company)), plain.positions(company: company),
                                   "round \(round): company \(company)")
                }
            }
        }
    }

    /// Equal lines make equal memberships, however they came to be.
    func testEqualityIsByLines() {
        let a = PriorMembership.Entry(symbol: 0, company: 1, name: 0, tier: .r1000)
        let b = PriorMembership.Entry(symbol: 1, company: 2, name: 1, tier: .r2000)
        var removed = PriorMembership([a, b, PriorMembership.Entry(symbol: 2, company: 3, name: 2, tier: .r2000)])
        removed.remove(at: [2])
        XCTAssertEqual(removed, PriorMembership([a, b]))
        XCTAssertEqual(removed.hashValue, PriorMembership([a, b]).hashValue)
        XCTAssertNotEqual(removed, PriorMembership([b, a]))
    }

    /// Prior lines from files take the universe's ids: a company key the universe lists, a ticker
    /// it lists, or new ids; a line without a key counts under its ticker read as a key.
    func testPriorLinesTakeTheUniversesIDs() {
        let securities = [TestUniverse.security("AAA", cap: 1e9, company: "alpha"), TestUniverse.security("BBB", cap: 1e9, company: "beta")]
        let lines = PriorLines([.init(symbol: "aaa", name: "A", tier: .r1000),
                                .init(symbol: "OLD", name: "O", tier: .r2000, companyKey: "beta"),
                                .init(symbol: "GONE", name: "G", tier: .r2000)])
        let (universe, prior) = Universe.numbering(securities, prior: lines)
        let keys = universe.keys
        XCTAssertEqual(prior.entries.map { keys.symbols[Int($0.symbol)] }, ["AAA", "OLD", "GONE"])
        XCTAssertEqual(prior.entries[0].symbol, universe.symbol[0])
        XCTAssertEqual(prior.entries[0].company, -1)
        XCTAssertEqual(prior.entries[1].company, universe.company[1])
        XCTAssertEqual(keys.companyKeys[Int(prior.entries[2].key)], "GONE")
        XCTAssertEqual(prior.position(company: universe.company[0], symbol: universe.symbol[0]), 0, "by ticker")
        XCTAssertEqual(prior.position(company: universe.company[1], symbol: universe.symbol[1]), 1, "the company's one line")
    }
}
