import XCTest
@testable import ReconIO

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

    /// The blocks cover every index once, and one failing index anywhere fails the whole.
    func testAllBlocksSatisfyChecksEveryIndex() {
        for count in [0, 1, 2, 3, 1_001] {
            let seen = LockedBox([Int]())
            XCTAssertTrue(Parallel.allBlocksSatisfy(count) { block in
                seen.withLock { $0 += Array(block) }
                return true
            })
            XCTAssertEqual(seen.withLock { $0.sorted() }, Array(0 ..< count), "count \(count)")
            for bad in [0, count / 2, count - 1] where count > 0 {
                XCTAssertFalse(Parallel.allBlocksSatisfy(count) { $0.allSatisfy { $0 != bad } }, "count \(count), bad \(bad)")
            }
        }
    }
}
