/// One positional argument of a command, as declared: the `DIR` of `recon report DIR`.
///
/// Positional arguments are filled in declaration order; required ones must come first.
public struct PositionalSpec: Sendable, Hashable {
    /// The name shown as `<DIR>` in help and used to look the value up.
    public let name: String
    public let help: String
    public let isRequired: Bool

    public init(_ name: String, help: String, isRequired: Bool = true) {
        self.name = name
        self.help = help
        self.isRequired = isRequired
    }

    /// `<DIR>` when required, `[<DIR>]` when optional.
    var usageSynopsis: String {
        isRequired ? "<\(name)>" : "[<\(name)>]"
    }

    /// `<DIR>  Where the run was written.` — the line a `help:` hint shows for this argument.
    var helpHint: String {
        "<\(name)>  \(help)"
    }
}
