import ReconIO

/// The command line was wrong. Says what went wrong and what to type instead.
///
/// Rendered by `description` as:
///
///     recon: error: --year expects a whole number, found 'abc'
///     help: --year <YEAR>  Year of the reconstitution.
///     usage: recon reconstitute --year <YEAR> [--universe <FILE>] ...
///
/// The caller prints it to standard error and exits with `exitCode`.
public struct UsageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of mistake, for callers and tests that branch on it.
    public enum Kind: Sendable, Hashable {
        case unknownCommand
        case unknownOption
        /// An option that takes a value was last on the line, or followed by another `--option`.
        case missingValue
        /// A flag was given a value: `--verbose=yes`.
        case unexpectedValue
        case missingRequiredOption
        /// A required positional argument is missing.
        case missingArgument
        /// A positional argument the command has no room for.
        case unexpectedArgument
        /// A single-value option was given more than once.
        case duplicateOption
        /// A value could not be read as what the option expects.
        case invalidValue
    }

    /// Exit status for bad usage. The CLI's convention: 0 success, 1 bad input (files), 2 bad usage.
    public static let exitCode: Int32 = 2

    public let kind: Kind
    /// The tool's name, which starts the `error:` line.
    public let toolName: String
    /// What went wrong, without the `recon: error:` prefix.
    public let message: String
    /// What to type instead, without the `help:` prefix.
    public let help: String
    /// The usage line of the command (or of the tool), without the `usage:` prefix.
    public let usage: String?

    public init(_ kind: Kind, toolName: String, message: String, help: String, usage: String?) {
        self.kind = kind
        self.toolName = toolName
        self.message = message
        self.help = help
        self.usage = usage
    }

    /// Always 2: bad usage.
    public var exitCode: Int32 { Self.exitCode }

    /// The lines to print to standard error, without a final newline.
    public var description: String {
        var lines = ["\(toolName): error: \(message)", "help: \(help)"]
        if let usage { lines.append("usage: \(usage)") }
        return lines.joined(separator: "\n")
    }
}

// Every message the parser and the accessors produce is worded here, in one place.
extension UsageError {
    static func unknownCommand(_ word: String, toolName: String, commandNames: [String]) -> UsageError {
        let help = EditDistance.nearest(to: word, among: commandNames).map { "did you mean '\($0)'?" }
            ?? "run '\(toolName) help' to list the commands"
        return UsageError(
            .unknownCommand, toolName: toolName, message: "unknown command '\(word)'", help: help,
            usage: HelpFormatter(toolName: toolName).toolUsageLine)
    }

    /// An option before any command: only `--help` and `--version` belong there.
    static func unknownToolOption(_ name: String, toolName: String) -> UsageError {
        let help = nearestOption(to: name, among: ["--help", "--version"]).map { "did you mean '\($0)'?" }
            ?? "options go after the command: \(toolName) <command> [options]"
        return UsageError(
            .unknownOption, toolName: toolName, message: "unknown option '\(name)'", help: help,
            usage: HelpFormatter(toolName: toolName).toolUsageLine)
    }

    static func unknownOption(_ name: String, in context: ParseContext) -> UsageError {
        let candidates = context.command.options.map(\.name) + ["--help"]
        let help: String
        if let suggestion = nearestOption(to: name, among: candidates) {
            help = "did you mean '\(suggestion)'?"
        } else if !name.hasPrefix("--") {
            help = "options start with two dashes; run '\(context.helpCommand)' to see every option"
        } else {
            help = "run '\(context.helpCommand)' to see every option"
        }
        return context.error(.unknownOption, "unknown option '\(name)'", help: help)
    }

    static func missingValue(_ option: OptionSpec, in context: ParseContext) -> UsageError {
        context.error(.missingValue, "missing value for \(option.synopsis)", help: option.helpHint)
    }

    static func unexpectedValue(_ value: String, forFlag option: OptionSpec, in context: ParseContext) -> UsageError {
        context.error(
            .unexpectedValue, "\(option.name) takes no value, found '\(value)'",
            help: "write \(option.name) on its own to turn it on")
    }

    static func duplicate(_ option: OptionSpec, first: String, second: String, in context: ParseContext) -> UsageError {
        context.error(
            .duplicateOption, "\(option.name) was given twice ('\(first)' and '\(second)')",
            help: "give \(option.name) only once")
    }

    static func missingRequired(_ options: [OptionSpec], in context: ParseContext) -> UsageError {
        let names = options.map(\.synopsis).joined(separator: ", ")
        if options.count == 1 {
            return context.error(.missingRequiredOption, "missing required option \(names)", help: options[0].helpHint)
        }
        return context.error(
            .missingRequiredOption, "missing required options \(names)",
            help: "add each of them; run '\(context.helpCommand)' to see what they mean")
    }

    static func missingArgument(_ positional: PositionalSpec, in context: ParseContext) -> UsageError {
        context.error(.missingArgument, "missing argument <\(positional.name)>", help: positional.helpHint)
    }

    /// `previousFlag`: the flag just before the argument, which the user may have meant it for.
    /// `afterDoubleDash`: the argument looks like an option but came after `--`.
    static func unexpectedArgument(
        _ argument: String, after previousFlag: OptionSpec?, afterDoubleDash: Bool, in context: ParseContext
    ) -> UsageError {
        let command = context.command
        let commandLine = "\(context.toolName) \(command.name)"
        let help: String
        if afterDoubleDash {
            help = "'--' ends the options, so '\(argument)' after it is read as an argument; write it before '--'"
        } else if let previousFlag {
            help = "\(previousFlag.name) takes no value"
        } else if let option = command.option(named: "--" + argument) {
            help = "did you mean '\(option.name)'?"
        } else if argument == "help" {
            help = "run '\(context.helpCommand)' for help"
        } else if command.positionals.isEmpty {
            help = "'\(commandLine)' takes no arguments, only options (which start with '--')"
        } else {
            let count = command.positionals.count
            let list = command.positionals.map(\.usageSynopsis).joined(separator: " ")
            help = "'\(commandLine)' takes at most \(counted(count, "argument")): \(list)"
        }
        return context.error(.unexpectedArgument, "unexpected argument '\(argument)'", help: help)
    }

    /// `expected` completes "--year expects …": "a whole number", "one of md, html".
    static func invalidValue(
        _ value: String, for option: OptionSpec, expected: String, help: String? = nil, in context: ParseContext
    ) -> UsageError {
        context.error(
            .invalidValue, "\(option.name) expects \(expected), found '\(value)'", help: help ?? option.helpHint)
    }

    /// Suggests the option nearest to `name`, compared without dashes so that `-year` finds `--year`.
    private static func nearestOption(to name: String, among candidates: [String]) -> String? {
        func bare(_ option: String) -> String { String(option.drop { $0 == "-" }) }
        guard let nearest = EditDistance.nearest(to: bare(name), among: candidates.map(bare)) else { return nil }
        return candidates.first { bare($0) == nearest }
    }
}
