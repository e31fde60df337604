/// A highlighted message in a report.
public struct ReportNotice: Sendable, Hashable {
    /// How loudly the message is shown.
    public enum Kind: String, Sendable, Hashable {
        /// The numbers come from a synthetic market, not real data: shown first and prominently.
        case synthetic
        /// Something the reader should weigh (a warning the run recorded).
        case warning
        /// Neutral information, such as an optional file that was not there.
        case note
    }

    public var kind: Kind
    /// A short bold lead-in: "Synthetic data."
    public var title: String
    /// The message, plain text.
    public var text: String

    public init(kind: Kind, title: String, text: String) {
        self.kind = kind
        self.title = title
        self.text = text
    }

    /// A neutral note that an optional input was missing and what was left out.
    public static func missing(_ file: String, consequence: String) -> ReportNotice {
        ReportNotice(kind: .note, title: "No \(file).", text: consequence)
    }
}
