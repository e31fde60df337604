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
