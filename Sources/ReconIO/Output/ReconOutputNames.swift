/// The names recon's commands write into an output folder. A command that replaces a folder whole
/// (``StagedFolder/Start/empty``) replaces only a folder made of these: one holding anything else
/// (the user's own files, or a folder given by mistake, such as a home folder) is refused, so that
/// nothing recon did not write is ever removed with the old result.
enum ReconOutputNames {
    /// The files of a run (`reconstitute`) or a replay, and of `report` and `validate` written into them.
    static let files: Set<String> = [
        "membership.csv", "excluded.csv", "summary.json", "migration.csv", "turnover.csv", "drag.json",
        "history.csv", "variants.csv", "report.md", "report.html", "validation.csv",
        // Left by file managers; nothing of the user's.
        ".DS_Store",
    ]

    /// Whether a top-level entry of an output folder is one recon writes.
    static func isWrittenByRecon(_ name: String) -> Bool {
        if files.contains(name) || name == "variants" || isRunFolder(name) { return true }
        if name.hasPrefix("report-") && name.hasSuffix(".svg") { return true }
        if name.hasPrefix("validation-") && (name.hasSuffix("-misses.csv") || name.hasSuffix("-false-hits.csv")) { return true }
        // What recon keeps beside a destination of its own inside this folder (`recon report
        // out/replay/2007-06` locks and stages beside the run folder), and a temporary file.
        guard name.hasPrefix(".") else { return false }
        return name.hasSuffix(".recon-lock") || name.contains(".recon-staging-") || name.contains(".recon-old-")
            || (name.utf8.count > 11 && name.dropLast(6).hasSuffix(".tmp-"))
    }

    /// A replay's run folder: `2007-06`, `2026-12`.
    static func isRunFolder(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return false }
        return bytes.enumerated().allSatisfy { $0.offset == 4 || (0x30...0x39).contains($0.element) }
    }
}
