import ReconPlatform

/// Where a command writes: results on standard output, progress and warnings on standard error.
/// Tests pass a console that records both.
public final class Console: @unchecked Sendable {
    private let writeOut: (String) -> Void
    private let writeError: (String) -> Void
    /// Whether progress lines are shown (off in tests and when `--quiet`).
    public var showsProgress: Bool

    public init(out: @escaping (String) -> Void, error: @escaping (String) -> Void, showsProgress: Bool) {
        writeOut = out
        writeError = error
        self.showsProgress = showsProgress
    }

    /// The process's standard output and error.
    public static func standard() -> Console {
        Console(out: { writeAll($0, to: 1) }, error: { writeAll($0, to: 2) }, showsProgress: true)
    }

    /// Writes all of `text` to a file descriptor (unbuffered, so progress and results interleave in order).
    private static func writeAll(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 { return }
            offset += written
        }
    }

    /// A console that keeps everything written, for tests.
    public static func recording() -> (Console, Recording) {
        let recording = Recording()
        let console = Console(out: { recording.out += $0 }, error: { recording.error += $0 }, showsProgress: false)
        return (console, recording)
    }

    public final class Recording: @unchecked Sendable {
        public var out = ""
        public var error = ""
    }

    /// A console for work on another thread: it keeps what the work writes, and
    /// ``Held/release()`` passes it on to this console, in the order written. The caller
    /// releases it on its own thread when the work is done, so the two never interleave and
    /// standard error reads the same on every run.
    public func held() -> Held { Held(parent: self) }

    public final class Held: @unchecked Sendable {
        private let parent: Console
        private let recording = Recording()
        /// The console the work writes to; only that work's thread may use it.
        public let console: Console

        init(parent: Console) {
            self.parent = parent
            console = Console(out: { [recording] in recording.out += $0 }, error: { [recording] in recording.error += $0 },
                              showsProgress: parent.showsProgress)
        }

        /// Writes what the work wrote to the parent console: results, then standard error.
        public func release() {
            if !recording.out.isEmpty { parent.writeOut(recording.out) }
            if !recording.error.isEmpty { parent.writeError(recording.error) }
            recording.out = ""
            recording.error = ""
        }
    }

    /// A line of results.
    public func print(_ line: String = "") { writeOut(line + "\n") }

    /// A progress line on standard error.
    public func progress(_ line: String) {
        if showsProgress { writeError("recon: \(line)\n") }
    }

    /// A progress callback for work that reports the fraction done: prints `label N%` each time
    /// another `step` percent is reached.
    public func percentProgress(_ label: String, step: Int = 10) -> (Double) -> Void {
        var reported = -step
        return { [self] fraction in
            let percent = Int(fraction * 100)
            if percent >= reported + step {
                reported = percent - percent % step
                progress("\(label) \(reported)%")
            }
        }
    }

    /// A warning on standard error (always shown).
    public func warn(_ line: String) { writeError("recon: warning: \(line)\n") }

    /// An error on standard error.
    public func error(_ text: String) { writeError(text.hasSuffix("\n") ? text : text + "\n") }
}
