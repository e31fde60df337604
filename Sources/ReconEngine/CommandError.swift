/// A failure of a command that is neither bad usage of the parser nor a bad file (for example
/// flags that contradict each other, or a year outside the calendar).
public struct CommandError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var help: String?
    /// 2 for usage problems the parser could not see, 1 otherwise.
    public var exitCode: Int32

    public init(_ message: String, help: String? = nil, exitCode: Int32 = 2) {
        self.message = message
        self.help = help
        self.exitCode = exitCode
    }

    public var description: String { message }
}
