#if !FUZZING
import ReconPlatform

/// Without `-DFUZZING`, `ReconFuzz` replays inputs instead of generating them, so the normal build
/// (and `make test`) builds the target and any crash file can be run under a debugger:
///
/// ```sh
/// swift run ReconFuzz --target crsp .cache/fuzz/artifacts/crsp-crash-…   # one target
/// swift run ReconFuzz corpus/…                                            # first byte chooses
/// swift run ReconFuzz --write-seeds .cache/fuzz/seeds                     # the seed corpus
/// ```
///
/// Folders are replayed file by file; `--verbose` prints each file and the errors the readers gave. `RECON_FUZZ_TARGET` works as in fuzzing mode.
@main
struct CorpusReplay {
    /// What the command line asked for.
    enum Request {
        case writeSeeds(folder: String)
        case replay(paths: [String], target: FuzzTarget?, verbose: Bool)
    }

    static func main() {
        do {
            switch try parse(Array(CommandLine.arguments.dropFirst())) {
            case .writeSeeds(let folder):
                try SeedCorpus.write(to: folder)
                print("wrote the seed corpus to \(folder)")
            case .replay(let paths, let target, let verbose):
                let count = try replay(paths, target: target, verbose: verbose)
                print("replayed \(count) inputs\(target.map { " on \($0.rawValue)" } ?? ""): no crash")
            }
        } catch let error as FuzzUsageError {
            StandardError.print(error.message)
            exit(2)
        } catch {
            StandardError.print("\(error)")
            exit(1)
        }
    }

    /// `--write-seeds DIR`, or `[--target NAME] [--verbose] FILE...` (`RECON_FUZZ_TARGET` as a default target).
    static func parse(_ arguments: [String]) throws -> Request {
        var arguments = arguments
        if arguments.first == "--write-seeds" {
            guard arguments.count == 2 else { throw FuzzUsageError(message: "--write-seeds takes one folder") }
            return .writeSeeds(folder: arguments[1])
        }
        var target = try getenv(FuzzTarget.environmentVariable).map { try FuzzTarget.named(String(cString: $0)).get() }
        if arguments.first == "--target" {
            guard arguments.count >= 2 else { throw FuzzUsageError(message: "--target takes a name: \(FuzzTarget.allNames)") }
            target = try FuzzTarget.named(arguments[1]).get()
            arguments.removeFirst(2)
        }
        let verbose = arguments.first == "--verbose"
        if verbose { arguments.removeFirst() }
        guard !arguments.isEmpty else {
            throw FuzzUsageError(message: "usage: ReconFuzz [--target NAME] [--verbose] FILE... | --write-seeds DIR (NAME one of \(FuzzTarget.allNames))")
        }
        return .replay(paths: arguments, target: target, verbose: verbose)
    }

    /// Runs every file (folders file by file) and returns how many; `verbose` prints each file and
    /// the errors the readers gave.
    static func replay(_ paths: [String], target: FuzzTarget?, verbose: Bool) throws -> Int {
        if verbose { FuzzTargetRunner.inputErrorObserver = { target, error in print("  \(target.rawValue): \(error)") } }
        RulesTarget.loadShippedData()
        let files = paths.flatMap(files)
        for path in files {
            guard let input = SeedCorpus.readFile(path) else { throw FuzzUsageError(message: "cannot read \(path)") }
            if verbose { print(path) }
            FuzzTargetRunner.runInput(input, fixed: target)
        }
        return files.count
    }

    /// `path`, or the files of the folder `path`, in name order.
    static func files(_ path: String) -> [String] {
        guard let folder = opendir(path) else { return [path] }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix(".") { names.append(path + "/" + name) }
        }
        return names.sorted()
    }
}
#endif
