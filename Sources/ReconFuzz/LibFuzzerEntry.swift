#if FUZZING
import ReconPlatform

/// The libFuzzer entry points, compiled with `-DFUZZING` and `-sanitize=fuzzer,address`
/// (libFuzzer brings `main`):
///
/// ```sh
/// swift build -c release --product ReconFuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
/// RECON_FUZZ_TARGET=crsp .build/release/ReconFuzz -max_total_time=40 corpus/
/// ```
///
/// `RECON_FUZZ_TARGET` names the reader (``FuzzTarget``); without it the first byte of each input
/// chooses. `RECON_FUZZ_WRITE_SEEDS=DIR` writes the seed corpus and dictionaries and exits.
///
/// SwiftPM links an executable target's entry point as `main` under the name `ReconFuzz_main`
/// (`--defsym main=ReconFuzz_main` on Linux), so that name is defined here too: it hands the
/// process to libFuzzer's driver (``LLVMFuzzerRunDriver``), as libFuzzer's own `main` would.
enum LibFuzzerEntry {
    /// The target named by the environment, set once before the first input.
    nonisolated(unsafe) static var target: FuzzTarget?
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<Int32>,
                             _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    if let folder = getenv("RECON_FUZZ_WRITE_SEEDS") {
        do {
            try SeedCorpus.write(to: String(cString: folder))
            exit(0)
        } catch {
            StandardError.print("\(error)")
            exit(2)
        }
    }
    if let name = getenv(FuzzTarget.environmentVariable) {
        switch FuzzTarget.named(String(cString: name)) {
        case .success(let target): LibFuzzerEntry.target = target
        case .failure(let error):
            StandardError.print(error.message)
            exit(2)
        }
    }
    RulesTarget.loadShippedData()
    return 0
}

/// libFuzzer's driver: parses libFuzzer's flags and calls `callback` with each input.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@_cdecl("ReconFuzz_main")
public func reconFuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return withUnsafeMutablePointer(to: &count) { countPointer in
        withUnsafeMutablePointer(to: &arguments) { argumentsPointer in
            LLVMFuzzerRunDriver(countPointer, argumentsPointer, fuzzerTestOneInput)
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTargetRunner.runInput(input, fixed: LibFuzzerEntry.target)
    return 0
}
#endif
