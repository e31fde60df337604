/// One file of a rendered report: a name inside the report's folder and its text (UTF-8).
public struct ReportFile: Sendable, Hashable {
    /// A plain file name, no folder: `report.html`.
    public var name: String
    public var contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}
