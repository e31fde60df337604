import Foundation
import ReconIO

/// The `Data/` folder of recon (the one holding `calendar.csv` and `eras.csv`), and how it was found.
///
/// ``locate()`` tries, in order, and takes the first folder holding `calendar.csv`:
/// 1. the `RECON_DATA` environment variable (when set, it must be right: no fallback);
/// 2. `Data/` in a folder above the running executable, symlinks resolved
///    (`.build/release/recon` → the package root's `Data/`);
/// 3. `Data/` in the current folder or a folder above it;
/// 4. `Data/` above the compile-time path of this source file (a build used on the machine that
///    built it, wherever the executable was copied).
public struct DataDirectory: Sendable, Hashable, CustomStringConvertible {
    /// How the folder was found.
    public enum Origin: String, Sendable, Hashable {
        case environment = "the RECON_DATA environment variable"
        case executable = "a folder above the executable"
        case currentDirectory = "a folder above the current folder"
        case sourceTree = "the source tree recon was built from"
    }

    /// The environment variable that names the folder.
    public static let environmentVariable = "RECON_DATA"
    /// The file whose presence marks the folder.
    public static let markerFile = "calendar.csv"

    /// The folder, without a trailing `/`.
    public var path: String
    public var origin: Origin

    public init(path: String, origin: Origin) {
        self.path = path
        self.origin = origin
    }

    /// `/path/to/recon/Data (from the RECON_DATA environment variable)`.
    public var description: String { "\(path) (from \(origin.rawValue))" }

    /// Finds the `Data/` folder of this process.
    /// - Throws: ``InputError`` when `RECON_DATA` names a folder without `calendar.csv`, or when
    ///   no place has one, saying to set `RECON_DATA=/path/to/recon/Data`.
    public static func locate() throws -> DataDirectory {
        try locate(environment: ProcessInfo.processInfo.environment,
                   executablePath: Bundle.main.executablePath ?? CommandLine.arguments.first,
                   currentDirectory: FileManager.default.currentDirectoryPath,
                   sourceFile: #filePath,
                   fileExists: { FileManager.default.fileExists(atPath: $0) })
    }

    /// ``locate()`` with every input given (tests).
    static func locate(environment: [String: String], executablePath: String?, currentDirectory: String?,
                       sourceFile: String, fileExists: (String) -> Bool) throws -> DataDirectory {
        if let named = environment[environmentVariable], !named.isEmpty {
            let folder = trimmingSlash(named)
            guard fileExists(folder + "/" + markerFile) else {
                throw InputError(file: named,
                                 message: "\(environmentVariable) names a folder without \(markerFile), expected recon's Data/ folder",
                                 help: "set \(environmentVariable)=/path/to/recon/Data (the folder holding calendar.csv and eras.csv), or unset it")
            }
            return DataDirectory(path: folder, origin: .environment)
        }
        var looked: [String] = []
        let starts: [(String?, Origin)] = [
            (executablePath.map { resolvingSymlinks(absolute($0, in: currentDirectory)) }.map(parent), .executable),
            (currentDirectory, .currentDirectory),
            (parent(sourceFile), .sourceTree),
        ]
        for case let (start?, origin) in starts {
            for folder in ancestors(of: start) {
                let candidate = (folder == "/" ? "" : folder) + "/Data"
                if fileExists(candidate + "/" + markerFile) { return DataDirectory(path: candidate, origin: origin) }
            }
            looked.append("above \(start)")
        }
        throw InputError(file: "Data/\(markerFile)",
                         message: "cannot find recon's Data/ folder (with \(markerFile) and eras.csv); looked in \(environmentVariable) (not set) and in Data/ \(looked.joined(separator: ", "))",
                         help: "set \(environmentVariable)=/path/to/recon/Data")
    }

    /// `path` and each folder above it, up to `/`.
    static func ancestors(of path: String) -> [String] {
        var folders: [String] = []
        var current = trimmingSlash(path)
        while !current.isEmpty {
            folders.append(current)
            guard current != "/", let slash = current.lastIndex(of: "/") else { break }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
        return folders
    }

    private static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func trimmingSlash(_ path: String) -> String {
        var text = path
        while text.count > 1, text.hasSuffix("/") { text.removeLast() }
        return text
    }

    private static func absolute(_ path: String, in currentDirectory: String?) -> String {
        guard !path.hasPrefix("/"), let currentDirectory else { return path }
        return trimmingSlash(currentDirectory) + "/" + path
    }

    private static func resolvingSymlinks(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }
}
