/// A file recon could not write: which file, and what the system said.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var path: String
    /// What went wrong (`cannot create a temporary file in the folder (Permission denied)`).
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `PATH: message`.
    public var description: String { "\(path): \(message)" }
}
