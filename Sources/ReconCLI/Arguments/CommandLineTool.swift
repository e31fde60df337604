/// The whole command line of a tool: its name, its help prose, its version and its commands.
/// Reads `recon <command> [options]` into an `Invocation`; never prints and never exits.
///
/// - `recon`, `recon --help`, `recon -h`, `recon help` (and `recon help help`) → the overview.
/// - `recon help <command>`, `recon <command> --help` (anywhere before `--`) → the command's help.
/// - `recon --version` → the version string.
/// - `recon <command> …` → the parsed arguments, or a `UsageError`.
public struct CommandLineTool: Sendable, Hashable {
    /// What the command line asks for. The caller prints help and version to standard output.
    public enum Invocation: Sendable, Hashable {
        /// Run a command with these arguments.
        case run(ParsedArguments)
        /// Print this help text and exit 0.
        case help(String)
        /// Print this version string and exit 0.
        case version(String)
    }

    public let name: String
    public let abstract: String
    public let discussion: String
    public let version: String
    public let commands: [CommandSpec]

    public init(name: String, abstract: String, discussion: String = "", version: String, commands: [CommandSpec]) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.version = version
        self.commands = commands
    }

    /// The command called `name`, if declared.
    public func command(named name: String) -> CommandSpec? {
        commands.first { $0.name == name }
    }

    /// Reads the arguments that follow the tool's name (`CommandLine.arguments.dropFirst()`).
    public func parse(_ arguments: some Collection<String>) throws(UsageError) -> Invocation {
        let arguments = Array(arguments)
        guard let first = arguments.first else { return .help(help()) }
        let rest = Array(arguments.dropFirst())

        switch first {
        case "help", "--help", "-h":
            guard let commandName = rest.first, commandName != "help" else { return .help(help()) }
            guard let command = command(named: commandName) else {
                throw .unknownCommand(commandName, toolName: name, commandNames: commands.map(\.name))
            }
            if rest.count > 1 {
                throw UsageError(
                    .unexpectedArgument, toolName: name, message: "unexpected argument '\(rest[1])'",
                    help: "'\(name) help' takes one command name: \(name) help \(command.name)",
                    usage: "\(name) help <command>")
            }
            return .help(help(for: command))
        case "--version":
            if let extra = rest.first {
                throw UsageError(
                    .unexpectedArgument, toolName: name, message: "unexpected argument '\(extra)'",
                    help: "'\(name) --version' takes no arguments", usage: "\(name) --version")
            }
            return .version(version)
        default:
            if ArgumentParser.looksLikeOption(first) {
                throw .unknownToolOption(ArgumentParser.splitInlineValue(first).name, toolName: name)
            }
            guard let command = command(named: first) else {
                throw .unknownCommand(first, toolName: name, commandNames: commands.map(\.name))
            }
            if ArgumentParser.asksForHelp(rest) { return .help(help(for: command)) }
            return .run(try ArgumentParser(toolName: name, command: command).parse(rest))
        }
    }

    /// The overview: what `recon --help` prints.
    public func help() -> String {
        HelpFormatter(toolName: name).overview(abstract: abstract, discussion: discussion, commands: commands)
    }

    /// One command's help: what `recon help <command>` prints.
    public func help(for command: CommandSpec) -> String {
        HelpFormatter(toolName: name).help(for: command)
    }

    /// The usage line of a command, as usage errors show it: `recon report <DIR>`.
    public func usageLine(for command: CommandSpec) -> String {
        HelpFormatter(toolName: name).usageLine(for: command)
    }
}
