import Foundation
import XCTest
@testable import ReconCore

/// The radix sort against the standard library's sort, the reference definition.
final class RadixSortTests: XCTestCase {
    func testSortsStablyByTheLowBytesOfTheKey() {
        let keys: [UInt64] = [0x0201, 0x0102, 0x0201, 0x0000, 0xFF00, 0x0102]
        var order = Array(keys.indices)
        RadixSort.sort(&order, bytes: 2) { keys[$0] }
        XCTAssertEqual(order, [3, 1, 5, 0, 2, 4], "ties keep their order")
        var lowByteOnly = Array(keys.indices)
        RadixSort.sort(&lowByteOnly, bytes: 1) { keys[$0] }
        XCTAssertEqual(lowByteOnly, [3, 4, 0, 2, 1, 5])
    }

    /// The bits of a non-negative `Double` order as the number does (what ``Ranking`` relies on).
    func testNonNegativeNumbersByTheirBitsSortAsTheStandardLibrarySortsThem() {
        for count in [0, 1, 2, 17, 2_500] {
            // Scattered, fixed values (a multiplicative hash of the index) spanning many magnitudes.
            var values = (0 ..< count).map { index -> Double in
                let hash = UInt64(index + 1) &* 0x9E37_79B9_7F4A_7C15
                return Double(hash >> 40) * pow(10, Double(hash % 13) - 6)
            }
            if count > 10 {
                values[3] = 0
                values[4] = values[5]                         // a tie
                values[6] = .leastNonzeroMagnitude            // a subnormal
                values[7] = .infinity
                values[8] = 1e-300
            }
            var order = Array(values.indices)
            RadixSort.sort(&order, bytes: 8) { values[$0].bitPattern }
            XCTAssertEqual(order.map { values[$0] }, values.sorted(), "\(count) values")
        }
    }

    func testSortedSumAddsSmallestFirst() {
        XCTAssertEqual(SortedSum.ascending([3.0, -1.0, 0.5, -2.5]), [-2.5, -1.0, 0.5, 3.0])
        XCTAssertEqual(SortedSum.of([0.3, 1e16, 1.0, -1e16]).bitPattern, (((-1e16 + 0.3) + 1.0) + 1e16).bitPattern)
    }
}
