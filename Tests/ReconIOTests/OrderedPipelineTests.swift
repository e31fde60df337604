import Foundation
import XCTest
@testable import ReconIO

final class OrderedPipelineTests: XCTestCase {
    /// Pieces that take different times finish out of order; the results come back in the order
    /// they were handed over, each piece done once.
    func testResultsComeInSubmissionOrderWhateverTheTiming() {
        for workers in [0, 1, 3] {
            let pipeline = OrderedPipeline<Int>(workers: workers)
            let runs = RunCounter()
            for value in 0 ..< 200 {
                pipeline.submit {
                    runs.increment()
                    if value % 7 == 0 { usleep(200) }   // a slow piece now and then
                    return value * value
                }
            }
            XCTAssertEqual(pipeline.finish(), (0 ..< 200).map { $0 * $0 }, "workers: \(workers)")
            XCTAssertEqual(runs.value, 200, "each piece runs exactly once (workers: \(workers))")
        }
    }

    /// Work handed over while earlier pieces are running is done too, and a pipeline with nothing
    /// handed over finishes with nothing.
    func testProducerAndWorkersOverlap() {
        let pipeline = OrderedPipeline<String>(workers: 1)
        for index in 0 ..< 20 {
            pipeline.submit { "piece \(index)" }
            usleep(100)   // the producer's own work between pieces
        }
        XCTAssertEqual(pipeline.finish(), (0 ..< 20).map { "piece \($0)" })
        XCTAssertEqual(OrderedPipeline<Int>(workers: 2).finish(), [])
    }
}

/// A counter several threads increment.
private final class RunCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
