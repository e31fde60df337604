import ReconReport
import ReconIO

/// The files of a report in a run or replay folder: `report.md`, `report.html` and the charts'
/// `report-*.svg`.
///
/// `recon report DIR` writes them into a copy of DIR (hard links: no byte is copied) without the
/// report files of an earlier report, and the copy replaces DIR in one step
/// (``OutputDestination/writeFolder(_:start:onInterrupt:_:)``): the report and its charts appear
/// together, charts the new report does not draw go with the old one, and a run killed on the way
/// leaves DIR as it was. A batch of renames into DIR could be cut between two files, leaving a new
/// report.md beside the charts of the old one.
enum ReportFileWriter {
    /// Whether `name` is a file a report writes (and a new report replaces).
    static func isReportFile(_ name: String) -> Bool {
        name == "report.md" || name == "report.html" || (name.hasPrefix("report-") && name.hasSuffix(".svg"))
    }

    /// Writes every file of `report` into `folder`.
    static func write(_ report: RenderedReport, to folder: String) throws {
        try AtomicFile.write(report.files.map { (path: FilePaths.join(folder, $0.name), bytes: Array($0.contents.utf8)) })
    }

    /// The paths of the report's files in `folder`, in order.
    static func paths(_ report: RenderedReport, in folder: String) -> [String] {
        report.files.map { FilePaths.join(folder, $0.name) }
    }
}
