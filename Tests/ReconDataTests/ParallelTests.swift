import XCTest
@testable import ReconData

/// ``Parallel`` gives what a loop gives, in index order, whatever the threads' timing.
final class ParallelTests: XCTestCase {
    func testMapInBlocksEqualsTheLoop() {
        // Below, at and above one block per core, and odd splits; text results hold references.
        for count in [0, 1, 255, 256, 257, 511, 512, 513, 1_000, 10_007] {
            let body: @Sendable (Int) -> String = { "line \($0) " + String(repeating: "x", count: $0 % 40) }
            XCTAssertEqual(Parallel.mapInBlocks(count, body), (0 ..< count).map(body), "count \(count)")
        }
    }

    func testMapEqualsTheLoop() {
        for count in [0, 1, 2, 3, 17] {
            XCTAssertEqual(Parallel.map(count) { [$0, $0 * 2] }, (0 ..< count).map { [$0, $0 * 2] }, "count \(count)")
        }
    }
}
