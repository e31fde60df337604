import ReconPlatform

/// Messages of the fuzz executable on standard error (file descriptor 2, unbuffered).
enum StandardError {
    /// Writes `ReconFuzz: message` and a line break.
    static func print(_ message: String) {
        let bytes = Array("ReconFuzz: \(message)\n".utf8)
        bytes.withUnsafeBytes { buffer in _ = write(2, buffer.baseAddress!, buffer.count) }
    }
}
