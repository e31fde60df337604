import ReconReport

/// `recon report DIR`: reads the output folder of a run or a replay and writes `report.md`,
/// `report.html` and the charts' `report-*.svg` into it.
///
/// The folder is read and written as its one writer (``OutputDestination``): a copy of it without
/// the files of an earlier report gets the new report and replaces it in one step, so no run
/// replaces the folder meanwhile and a reader never sees half a report.
public enum ReportRun {
    /// Writes the report of `folder` (a run's: summary.json; a replay's: history.csv).
    /// - Returns: the paths written: report.md, report.html, then the charts.
    /// - Throws: ``InputError`` when the folder is missing, holds neither file, or a file in it is
    ///   not as recon writes it.
    public static func run(folder: String, console: Console) throws -> [String] {
        let kind = try ReportFolderKind.of(folder)
        let report = try OutputDestination.writeFolder(folder, start: .copyOfDestination(leavingOut: ReportFileWriter.isReportFile)) { staging in
            let document: ReportDocument
            switch kind {
            case .run:
                console.progress("reading the run in \(folder)")
                document = RunReport(try ReportRunFolderReader.read(folder: folder)).document
            case .history:
                console.progress("reading the replay in \(folder)")
                document = HistoryReport(try ReportHistoryFolderReader.read(folder: folder)).document
            }
            let report = RenderedReport(document)
            try ReportFileWriter.write(report, to: staging)
            return report
        }
        return ReportFileWriter.paths(report, in: folder)
    }
}
