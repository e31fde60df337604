import ReconCore
import ReconIO
import ReconFormats

/// The steps of a replay as they are made, each run asked for handed to the other cores to be
/// measured at once (``OrderedPipeline``): runs are independent of one another, while each step
/// waits for the one before it.
///
/// A step shared with a base replay takes the base's run as it is (a variant of a sweep replays
/// only the steps where its rules differ).
struct StepMeasuring {
    /// The first year whose runs are kept (earlier steps only warm the replay up).
    let firstYear: Int
    /// The replay that the first `sharedSteps` steps come from, and the variant being replayed.
    let base: HistoryReplay?
    let sharedSteps: Int
    let variant: RuleVariant?
    /// Measures a step, given the universe of the step before it (`nil` for the first).
    let measure: @Sendable (ReplayStep, Universe?) -> RunWriter.Run
    /// Told of each run (with its position among the runs) as soon as it is measured.
    let onMeasured: (@Sendable (Int, RunWriter.Run) -> Void)?

    private let pipeline = OrderedPipeline<RunWriter.Run>()
    /// Every step so far, and the indices of those whose runs are kept.
    private(set) var steps: [ReplayStep] = []
    private(set) var kept: [Int] = []

    init(firstYear: Int, base: HistoryReplay?, sharedSteps: Int, variant: RuleVariant?,
         measure: @escaping @Sendable (ReplayStep, Universe?) -> RunWriter.Run,
         onMeasured: (@Sendable (Int, RunWriter.Run) -> Void)?) {
        self.firstYear = firstYear
        self.base = base
        self.sharedSteps = sharedSteps
        self.variant = variant
        self.measure = measure
        self.onMeasured = onMeasured
    }

    /// Adds the next step; its run, when it is one asked for, is measured on another core.
    mutating func add(_ step: ReplayStep) {
        let index = steps.count
        steps.append(step)
        guard step.result.rulebook.run.year >= firstYear else { return }
        kept.append(index)
        let position = kept.count - 1, onMeasured = onMeasured
        let make: @Sendable () -> RunWriter.Run
        if let base, index < sharedSteps, let run = base.runOfStep[index] {
            var copy = base.runs[run]
            copy.summary.input.variant = variant?.name
            let taken = copy
            make = { taken }
        } else {
            // New listings are lines whose company was not in the previous step's universe.
            let previous = index > 0 ? steps[index - 1].universe : nil
            let measure = measure
            make = { measure(step, previous) }
        }
        pipeline.submit {
            let run = make()
            onMeasured?(position, run)
            return run
        }
    }

    /// Waits for every run (this thread helps) and returns them in step order.
    func finish() -> [RunWriter.Run] { pipeline.finish() }
}
