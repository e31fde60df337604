/// One subcommand of the tool (`recon reconstitute`), as declared: its name, its help prose,
/// the options and positional arguments it accepts, and examples.
public struct CommandSpec: Sendable, Hashable {
    /// The word typed after the tool name: `reconstitute`.
    public let name: String
    /// One line, shown in the tool's command list and at the top of the command's help.
    public let abstract: String
    /// Longer prose for the command's help; paragraphs separated by blank lines. May be empty.
    public let discussion: String
    public let options: [OptionSpec]
    public let positionals: [PositionalSpec]
    public let examples: [UsageExample]

    public init(
        name: String,
        abstract: String,
        discussion: String = "",
        options: [OptionSpec] = [],
        positionals: [PositionalSpec] = [],
        examples: [UsageExample] = []
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.options = options
        self.positionals = positionals
        self.examples = examples
    }

    /// The declared option with this name (`--universe`), if any.
    public func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }

    /// The declared positional argument with this name (`DIR`), if any.
    public func positional(named name: String) -> PositionalSpec? {
        positionals.first { $0.name == name }
    }
}
