/// A complete command line and what it does, shown in the `examples:` section of help.
///
/// `CommandLineTool.declarationProblems()` checks that every example parses, so help never
/// shows an example that would be rejected.
public struct UsageExample: Sendable, Hashable {
    /// The whole command line, starting with the tool name: `recon report out/2024`.
    /// Arguments are separated by spaces; quoting is not interpreted.
    public let commandLine: String
    /// One line saying what the command line does.
    public let explanation: String

    public init(_ commandLine: String, _ explanation: String) {
        self.commandLine = commandLine
        self.explanation = explanation
    }
}
