import XCTest
@testable import ReconIO

/// ``BackgroundWork`` hands back what its work returned or threw, after the caller went on.
final class BackgroundWorkTests: XCTestCase {
    private struct Failure: Error, Equatable { let line: Int }

    func testValueIsWhatTheWorkReturned() throws {
        let work = BackgroundWork { (0 ..< 10_000).reduce(0, +) }
        let alongside = (0 ..< 100).reduce(0, +)  // the caller's own work meanwhile
        XCTAssertEqual(try work.value(), 49_995_000)
        XCTAssertEqual(alongside, 4_950)
    }

    func testValueThrowsWhatTheWorkThrew() {
        let work = BackgroundWork { () throws -> Int in throw Failure(line: 7) }
        XCTAssertThrowsError(try work.value()) { XCTAssertEqual($0 as? Failure, Failure(line: 7)) }
    }
}
