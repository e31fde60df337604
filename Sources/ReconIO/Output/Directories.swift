import Foundation

/// Creates output folders.
public enum Directories {
    /// Creates `path` and its parents when missing; an error names the folder.
    public static func create(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw InputError(file: path, message: "exists and is not a folder, expected an output folder",
                             help: "choose another --out, or remove the file")
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw InputError(file: path, message: "cannot create the output folder (\(error.localizedDescription))",
                             help: "check the path and its permissions")
        }
    }
}
