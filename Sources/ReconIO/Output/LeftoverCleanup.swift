import ReconPlatform

/// Removes what a killed run left beside a destination: its staging folder, its temporary files,
/// and an old folder moved aside. Run by the next writer of the same destination once it holds the
/// lock (``DestinationLock``): only a lock holder makes these names, so none of them can belong to
/// a live run.
///
/// A run killed between the two renames of ``FolderSwap``'s fallback leaves the destination's
/// name empty, the old folder aside and the new one staged: the old one is put back first, so that
/// the destination holds a complete result again before anything is removed.
enum LeftoverCleanup {
    /// What was found and done (for tests and the progress line).
    struct Report: Equatable {
        var removed: [String] = []
        var restored: String?
    }

    @discardableResult
    static func run(_ siblings: DestinationSiblings) -> Report {
        var report = Report()
        let names = FolderTree.entries(of: siblings.parent)
        if FolderTree.kind(of: siblings.path) == nil, let aside = names.first(where: siblings.isAside) {
            if rename(FilePaths.join(siblings.parent, aside), siblings.path) == 0 { report.restored = aside }
        }
        for name in names where name != report.restored
            && (siblings.isStaging(name) || siblings.isAside(name) || siblings.isTemporaryFile(name)) {
            FolderTree.remove(FilePaths.join(siblings.parent, name))
            report.removed.append(name)
        }
        return report
    }
}
