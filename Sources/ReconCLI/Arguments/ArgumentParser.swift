/// Reads the arguments that follow a command's name into `ParsedArguments`, by the command's
/// declaration. Never prints and never exits: it returns or throws `UsageError`.
///
/// Rules:
/// - `--name value` and `--name=value` both give a value. A following argument that starts
///   with `--` is not taken as a value (so `--out --verbose` is a missing value), but `-5` is.
/// - `--` ends the options: every argument after it is positional, even `--help`.
/// - A single-value option given twice is an error; a repeating one keeps every value in order;
///   a flag given twice is still just on.
/// - Errors are reported in command-line order; missing required options and arguments last.
/// - `--help` and `-h` are not handled here: `CommandLineTool` looks for them first
///   (see `asksForHelp`), so help wins over any other mistake on the line.
struct ArgumentParser: Sendable {
    let context: ParseContext

    init(toolName: String, command: CommandSpec) {
        context = ParseContext(toolName: toolName, command: command)
    }

    /// Whether `--help` or `-h` appears before any `--`.
    static func asksForHelp(_ arguments: some Sequence<String>) -> Bool {
        for argument in arguments {
            if argument == "--" { return false }
            if argument == "--help" || argument == "-h" { return true }
        }
        return false
    }

    func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        let command = context.command
        var values: [String: [String]] = [:]
        var flags: Set<String> = []
        var positionals: [String] = []
        var optionsEnded = false
        var previousFlag: OptionSpec?
        var index = arguments.startIndex

        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            let justAfterFlag = previousFlag
            previousFlag = nil

            if optionsEnded || !Self.looksLikeOption(argument) {
                guard positionals.count < command.positionals.count else {
                    throw .unexpectedArgument(
                        argument, after: justAfterFlag, afterDoubleDash: optionsEnded && Self.looksLikeOption(argument),
                        in: context)
                }
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }

            let (name, inlineValue) = Self.splitInlineValue(argument)
            guard name.hasPrefix("--"), let option = command.option(named: name) else {
                throw .unknownOption(name, in: context)
            }
            switch option.kind {
            case .flag:
                if let inlineValue { throw .unexpectedValue(inlineValue, forFlag: option, in: context) }
                flags.insert(option.name)
                previousFlag = option
            case .single, .repeating:
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else if index < arguments.endIndex, !arguments[index].hasPrefix("--") {
                    value = arguments[index]
                    index += 1
                } else {
                    throw .missingValue(option, in: context)
                }
                if option.kind == .single, let first = values[option.name]?.first {
                    throw .duplicate(option, first: first, second: value, in: context)
                }
                values[option.name, default: []].append(value)
            }
        }

        let missingOptions = command.options.filter { $0.isRequired && values[$0.name] == nil && !flags.contains($0.name) }
        if !missingOptions.isEmpty { throw .missingRequired(missingOptions, in: context) }
        if let missing = command.positionals.dropFirst(positionals.count).first(where: \.isRequired) {
            throw .missingArgument(missing, in: context)
        }
        return ParsedArguments(context: context, values: values, flags: flags, positionals: positionals)
    }

    /// `--x`, `--x=v`, `-x` and `--` are options (or the end of them); `-`, `-5`, `-0.5` and `-.5` are not.
    static func looksLikeOption(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), argument.count > 1 else { return false }
        if argument.hasPrefix("--") { return true }
        let afterDash = argument.dropFirst()
        let isNumber = afterDash.first?.isASCIIDigit == true
            || (afterDash.first == "." && afterDash.dropFirst().first?.isASCIIDigit == true)
        return !isNumber
    }

    /// `--year=2024` → (`--year`, `2024`); `--year` → (`--year`, nil). Only the first `=` splits.
    static func splitInlineValue(_ argument: String) -> (name: String, value: String?) {
        guard let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// What error messages need to know about the command being parsed.
struct ParseContext: Sendable, Hashable {
    let toolName: String
    let command: CommandSpec

    /// `recon help reconstitute`
    var helpCommand: String { "\(toolName) help \(command.name)" }

    func error(_ kind: UsageError.Kind, _ message: String, help: String) -> UsageError {
        UsageError(
            kind, toolName: toolName, message: message, help: help,
            usage: HelpFormatter(toolName: toolName).usageLine(for: command))
    }
}
