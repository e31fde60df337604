import ReconPlatform

/// Properties a reader's result must have: a reader that returns, rather than throws, must have
/// read the numbers right. A broken property is a finding, reported as a crash so that libFuzzer
/// keeps the input.
enum FuzzCheck {
    /// Stops the process with `message` when `condition` is false.
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        guard !condition else { return }
        fatalError("silent wrong result: \(message())")
    }

    /// `value` is absent or a finite number at least `minimum`.
    static func amount(_ value: Double?, atLeast minimum: Double = 0, _ what: @autoclosure () -> String) {
        guard let value else { return }
        require(value.isFinite && value >= minimum, "\(what()) is \(value), expected a finite number ≥ \(minimum)")
    }

    /// `value` is absent or within `range`.
    static func fraction(_ value: Double?, in range: ClosedRange<Double> = 0...1, _ what: @autoclosure () -> String) {
        guard let value else { return }
        require(range.contains(value), "\(what()) is \(value), expected a number in \(range)")
    }

    /// `values` hold no repeat.
    static func unique(_ values: [String], _ what: @autoclosure () -> String) {
        require(Set(values).count == values.count, "\(what()) repeat: \(values)")
    }

    /// A thrown error must be an ``InputError`` (a clear message with file and line).
    static func expectedError(_ error: any Error, target: FuzzTarget) {
        fatalError("\(target.rawValue): the reader threw \(type(of: error)) '\(error)', expected an InputError")
    }
}
