// The C library of the platform, imported in one place (as apple/swift-system keeps its platform
// in one module): a file that makes a system call (`mmap`, `pread`, `fsync`, `flock`, `getpid`,
// the maths functions) writes `import ReconPlatform` instead of choosing between Glibc and
// Darwin itself. The calls that differ between the systems are wrapped in `PlatformFileSystem`.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#endif

/// POSIX `write(2)` under a name that no type's own `write` method hides (a writer calling
/// `write` inside its type reaches its own method, not the system call).
@inlinable
public func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(descriptor, buffer, count)
    #elseif canImport(Musl)
    return Musl.write(descriptor, buffer, count)
    #else
    return Darwin.write(descriptor, buffer, count)
    #endif
}

/// The peak resident memory of this process so far, in bytes; 0 when `getrusage(2)` fails.
/// Linux reports it in kilobytes and Darwin in bytes, and glibc types `RUSAGE_SELF` as an enum.
public func peakResidentBytes() -> Int {
    var usage = rusage()
    #if canImport(Glibc)
    let who = RUSAGE_SELF.rawValue
    #else
    let who = RUSAGE_SELF
    #endif
    guard getrusage(who, &usage) == 0 else { return 0 }
    #if canImport(Darwin)
    return Int(usage.ru_maxrss)
    #else
    return Int(usage.ru_maxrss) * 1024
    #endif
}
