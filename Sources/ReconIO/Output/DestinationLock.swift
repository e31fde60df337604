import ReconPlatform

/// One writer per destination: an exclusive `flock` on a lock file beside it
/// (``DestinationSiblings/lock``), holding the writer's process id.
///
/// Why `flock`: the system releases it when the process ends, however it ends (`kill -9`
/// included), so a killed run never leaves a destination locked; and it belongs to the open file,
/// not the process, so two writers inside one process (the tests) exclude each other too.
///
/// A second writer does not wait (unless asked to): it stops before doing any work, with an error
/// naming the destination and the process that holds it. The lock file is removed while the lock
/// is still held, and a writer that gets a lock checks that its file is still the one at the
/// path, so a writer never holds the lock of a removed file while another holds the new one.
public final class DestinationLock: Sendable {
    public let siblings: DestinationSiblings
    /// The open lock file, -1 once released.
    private let descriptor: LockedBox<Int32>

    private init(siblings: DestinationSiblings, descriptor: Int32) {
        self.siblings = siblings
        self.descriptor = LockedBox(descriptor)
    }

    deinit { release() }

    /// Takes the lock of a destination whose parent folder exists.
    /// - Parameter waiting: wait for another writer to finish instead of failing.
    /// - Throws: ``InputError`` naming the destination: held by another process (with its pid), or
    ///   its folder cannot be written.
    public static func acquire(_ siblings: DestinationSiblings, waiting: Bool = false) throws -> DestinationLock {
        while true {
            let descriptor = open(siblings.lock, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw cannotCreate(siblings) }
            if flock(descriptor, LOCK_EX | (waiting ? 0 : LOCK_NB)) != 0 {
                let code = errno
                let holder = code == EWOULDBLOCK ? holderProcess(descriptor) : nil
                close(descriptor)
                if code == EINTR { continue }
                if code == EWOULDBLOCK { throw busy(siblings, holder: holder) }
                errno = code
                throw cannotCreate(siblings)
            }
            // The holder we waited for may have removed the file: then this lock guards nothing.
            guard isStillAtItsPath(descriptor, siblings.lock) else {
                close(descriptor)
                continue
            }
            let pid = Array("\(getpid())\n".utf8)
            _ = ftruncate(descriptor, 0)
            _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
            return DestinationLock(siblings: siblings, descriptor: descriptor)
        }
    }

    /// Removes the lock file and releases the lock (once; later calls do nothing).
    public func release() {
        descriptor.withLock { descriptor in
            guard descriptor >= 0 else { return }
            unlink(siblings.lock)
            close(descriptor)
            descriptor = -1
        }
    }

    /// Runs `body` with the lock held, if it still is (once released, another writer may hold it).
    public func withHeld(_ body: () -> Void) {
        descriptor.withLock { descriptor in
            if descriptor >= 0 { body() }
        }
    }

    /// Whether the open file is the one named `path` now.
    private static func isStillAtItsPath(_ descriptor: Int32, _ path: String) -> Bool {
        var held = stat(), named = stat()
        guard fstat(descriptor, &held) == 0, stat(path, &named) == 0 else { return false }
        return held.st_ino == named.st_ino && held.st_dev == named.st_dev
    }

    /// The process id the holder wrote into the lock file, read a few times: a holder writes it
    /// just after taking the lock.
    private static func holderProcess(_ descriptor: Int32) -> Int32? {
        for attempt in 0 ..< 20 {
            var bytes = [UInt8](repeating: 0, count: 32)
            let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0, let pid = Int32(String(decoding: bytes[0 ..< count], as: UTF8.self).trimmingNewline()) { return pid }
            if attempt < 19 { usleep(1_000) }
        }
        return nil
    }

    private static func busy(_ siblings: DestinationSiblings, holder: Int32?) -> InputError {
        let process = holder.map { "another recon process (pid \($0))" } ?? "another recon process"
        return InputError(file: siblings.destination,
                          message: "is being written by \(process), expected one writer at a time (lock file \(siblings.lock))",
                          help: "wait for \(holder.map { "pid \($0)" } ?? "it") to finish, or write to another destination")
    }

    private static func cannotCreate(_ siblings: DestinationSiblings) -> InputError {
        InputError(file: siblings.destination,
                   message: "cannot be written: cannot create its lock file in \(siblings.parent) (\(String(cString: strerror(errno))))",
                   help: "check that \(siblings.parent) exists and is writable, or write to another destination")
    }
}

private extension String {
    func trimmingNewline() -> String {
        var text = self
        while let last = text.last, last == "\n" || last == "\0" || last == " " { text.removeLast() }
        return text
    }
}
