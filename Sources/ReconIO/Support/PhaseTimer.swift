import ReconPlatform

/// Prints how long the phases of a command take, and the process's peak memory after each, on
/// standard error, when the environment sets `RECON_PROFILE=1` (for profiling:
/// `RECON_PROFILE=1 recon replay …`). Silent otherwise.
///
/// The peak memory matters as much as the time on the virtual machines recon runs on: the first
/// touch of a page costs microseconds there, so memory a phase grows into is time it spends.
public enum PhaseTimer {
    public static let isOn = getenv("RECON_PROFILE") != nil
    /// Marks come from the thread that runs the command only, never from workers, hence unsafe.
    nonisolated(unsafe) private static var last = now()

    /// Reports the time since the previous mark (or the process's first mark) under `label`.
    public static func mark(_ label: @autoclosure () -> String) {
        guard isOn else { return }
        let time = now()
        let line = "recon: profile: \(label()) \(Int(((time - last) * 1e4).rounded()) / 10) ms, peak \(peakMegabytes()) MB\n"
        last = time
        _ = line.withCString { write(2, $0, strlen($0)) }
    }

    /// The peak resident memory so far, in MB (10⁶ bytes), as `make bench` reports it.
    private static func peakMegabytes() -> Int { peakResidentBytes() / 1_000_000 }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
