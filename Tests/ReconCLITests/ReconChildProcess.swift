import Foundation
import XCTest

/// The built `recon` executable run as a child process: what in-process runs cannot show (a
/// SIGKILL, two processes at once, a limit on file sizes).
///
/// The executable is found beside the test bundle (`swift build` puts both in `.build/<config>/`).
final class ReconChildProcess {
    let process = Process()
    private let errorPipe = Pipe()
    private var errorText = ""

    /// The `recon` executable beside the test bundle, or a skip saying where it was looked for.
    static func executable() throws -> String {
        let candidates = [Bundle(for: ReconChildProcess.self).bundleURL, Bundle.main.bundleURL,
                          URL(fileURLWithPath: CommandLine.arguments[0])]
            .map { $0.deletingLastPathComponent().appendingPathComponent("recon").path }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("the recon executable was not found beside the tests (looked at \(candidates.joined(separator: ", "))); run swift build first")
        }
        return found
    }

    /// `setpriv`, which runs a command as another user: a test run as root (whom permissions do not
    /// stop) runs recon as `nobody` to see a folder it may not write.
    static let setpriv = "/usr/bin/setpriv"

    /// Starts `recon ARGUMENTS` in the package folder (where the embedded market's cache is).
    /// - Parameters:
    ///   - fileSizeLimit: a limit on the size of any file the child writes, in 512-byte blocks,
    ///     with SIGXFSZ ignored: a write beyond it fails as on a full disk (`EFBIG`).
    ///   - asNobody: run as the user `nobody` (65534), through ``setpriv``.
    init(_ arguments: [String], fileSizeLimit: Int? = nil, asNobody: Bool = false) throws {
        let recon = try Self.executable()
        if asNobody {
            process.executableURL = URL(fileURLWithPath: Self.setpriv)
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", recon] + arguments
        } else if let fileSizeLimit {
            // `exec` keeps the ignored signal: the child's writes fail instead of killing it.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -f \(fileSizeLimit); trap '' XFSZ; exec \"$0\" \"$@\"", recon] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: recon)
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: TestPaths.packageRoot)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errorPipe
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// Reads standard error until it holds `marker` (true) or the child closes it (false).
    func waitForError(containing marker: String) -> Bool {
        while !errorText.contains(marker) {
            let data = errorPipe.fileHandleForReading.availableData
            if data.isEmpty { return false }
            errorText += String(decoding: data, as: UTF8.self)
        }
        return true
    }

    /// Sends SIGKILL: the child gets no chance to clean up.
    func kill() { _ = Foundation.kill(process.processIdentifier, SIGKILL) }

    /// Waits for the child to end: its exit status (or the signal that ended it, negated) and
    /// everything it wrote to standard error.
    func wait() -> (status: Int32, error: String) {
        errorText += String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
        return (status, errorText)
    }

    /// Runs `recon ARGUMENTS` to its end.
    static func run(_ arguments: [String], fileSizeLimit: Int? = nil, asNobody: Bool = false) throws -> (status: Int32, error: String) {
        try ReconChildProcess(arguments, fileSizeLimit: fileSizeLimit, asNobody: asNobody).wait()
    }
}
