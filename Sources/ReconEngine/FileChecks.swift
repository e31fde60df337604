import ReconPlatform

/// Small file-system questions.
enum FileChecks {
    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}
