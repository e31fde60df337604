import ReconPlatform

/// The file-system calls that differ between Linux and the other systems recon builds on, in one
/// place (as apple/swift-system keeps its system calls in one file): every other file calls these
/// and holds no `#if` of its own for them.
///
/// - Linux: two folders are exchanged in one step with `renameat2(RENAME_EXCHANGE)` (Linux 3.15,
///   ext4, xfs, btrfs, tmpfs, overlayfs). Swift's Glibc module does not export `renameat2` (glibc
///   declares it only under `_GNU_SOURCE`, and before 2.28 not at all) and cannot call the variadic
///   `syscall`, so the function is looked up by name in the C library, and failing that the system
///   call is made through `syscall` with its number for the architecture (`syscall` is written in
///   assembly on x86-64 and arm64, so a fixed-argument call reaches it as a variadic one would).
/// - Elsewhere, and on a Linux file system that refuses the exchange (`EINVAL`; `ENOSYS` on an old
///   kernel or under a seccomp filter), ``exchange(_:_:)`` fails and the caller falls back to two
///   renames (``FolderSwap``), which leave a short window documented there.
enum PlatformFileSystem {
    /// Exchanges two existing paths atomically: afterwards each name holds what the other held.
    /// - Returns: 0, or -1 with `errno` set (`ENOSYS` where the system has no such call).
    static func exchange(_ first: String, _ second: String) -> Int32 {
        #if os(Linux)
        return LinuxRenameExchange.call(first, second)
        #else
        errno = ENOSYS
        return -1
        #endif
    }
}

#if os(Linux)
/// `renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE)`, found once.
private enum LinuxRenameExchange {
    /// `RENAME_EXCHANGE` of `<linux/fs.h>`.
    static let flag: UInt32 = 1 << 1
    /// `AT_FDCWD`: paths relative to the current folder.
    static let currentFolder: Int32 = -100

    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    typealias SystemCall = @convention(c) (Int, Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int

    /// How the exchange is made on this system, looked up on first use.
    private enum Route {
        case function(RenameAt2)
        case systemCall(SystemCall, number: Int)
        case none
    }

    private static let route: Route = {
        let library = dlopen(nil, RTLD_NOW)
        if let symbol = dlsym(library, "renameat2") { return .function(unsafeBitCast(symbol, to: RenameAt2.self)) }
        if let number = systemCallNumber, let symbol = dlsym(library, "syscall") {
            return .systemCall(unsafeBitCast(symbol, to: SystemCall.self), number: number)
        }
        return .none
    }()

    /// `SYS_renameat2` for the architectures whose `syscall` is known to take fixed arguments.
    private static var systemCallNumber: Int? {
        #if arch(x86_64)
        return 316
        #elseif arch(arm64)
        return 276
        #else
        return nil
        #endif
    }

    static func call(_ first: String, _ second: String) -> Int32 {
        switch route {
        case .function(let renameat2):
            return renameat2(currentFolder, first, currentFolder, second, flag)
        case .systemCall(let syscall, let number):
            return Int32(truncatingIfNeeded: syscall(number, currentFolder, first, currentFolder, second, flag))
        case .none:
            errno = ENOSYS
            return -1
        }
    }
}
#endif
