#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Entry point of the `recon` executable.
public enum ReconCommandLine {
    public static func main() {
        exit(0)
    }
}
