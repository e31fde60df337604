import XCTest
@testable import ReconCore

/// The rank order is the order of the comparison that defines it — caps descending, ties by key
/// rank ascending — whatever the caps' magnitudes and however many tie.
final class RankingTests: XCTestCase {
    /// The definition: a comparison sort.
    private func reference(caps: [Double], keyRanks: [Int32]) -> [Int] {
        caps.indices.sorted { caps[$0] != caps[$1] ? caps[$0] > caps[$1] : keyRanks[$0] < keyRanks[$1] }
    }

    func testRadixOrderIsTheComparisonOrder() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func random(_ bound: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(bound))
        }
        for round in 0 ..< 60 {
            let count = [0, 1, 2, 7, 300, 5_000][round % 6]
            // Caps from a dollar to trillions, a few repeated (ties), keys a shuffled 0..<n spread over 2^20.
            let pool = (0 ..< max(1, count / 3)).map { _ in Double(random(1 << 20) + 1) * pow(10, Double(random(7))) }
            let caps = (0 ..< count).map { _ in pool[random(pool.count)] }
            var keyRanks = (0 ..< Int32(count)).map { $0 * 131 + Int32(random(131)) }
            for index in keyRanks.indices.reversed() { keyRanks.swapAt(index, random(index + 1)) }
            XCTAssertEqual(Ranking.order(caps: caps, keyRanks: keyRanks), reference(caps: caps, keyRanks: keyRanks), "round \(round)")
        }
    }

    func testCumulativeSharesAndTheRussell3000E() {
        let ranking = Ranking(keyRanks: [2, 0, 1], caps: [100, 300, 100], russell3000ECount: 2)
        XCTAssertEqual(ranking.order, [1, 2, 0], "300 first, then the tie of 100s by key rank")
        XCTAssertEqual(ranking.russell3000ETotal, 400)
        XCTAssertEqual(ranking.cumulative, [0.75, 1, nil])
        XCTAssertEqual(ranking.cap(atRank: 3), 100)
        XCTAssertNil(ranking.cumulativeShare(atRank: 3))
    }
}
