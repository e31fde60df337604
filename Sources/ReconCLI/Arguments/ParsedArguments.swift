/// What the user typed after the command's name, read by the command's declaration.
///
/// Options are looked up by their declared name with dashes (`"--year"`), positional arguments by
/// theirs (`"DIR"`). Absent options give their declared default, else `nil` (or `false`, or `[]`).
/// Required options and arguments are never absent: parsing already failed if they were.
///
/// Values are converted when asked for, and a value that does not convert throws a `UsageError`
/// naming the option: `--year expects a whole number, found 'abc'`.
///
/// Asking for a name the command does not declare, or a flag as a value (or the reverse), is a
/// programming error and stops the program: it is a bug in the command, not in the command line.
public struct ParsedArguments: Sendable, Hashable {
    let context: ParseContext
    let values: [String: [String]]
    let flags: Set<String>
    let positionals: [String]

    /// The command that was parsed; dispatch on its `name`.
    public var command: CommandSpec { context.command }

    /// Whether the flag was given.
    public func flag(_ name: String) -> Bool {
        let option = declared(name)
        precondition(option.kind == .flag, "\(name) takes a value; read it with string(_:) or strings(_:)")
        return flags.contains(name)
    }

    /// The value of a single-value option, else its default, else `nil`.
    public func string(_ name: String) -> String? {
        let option = declared(name)
        precondition(option.kind == .single, "\(name) is not a single-value option; use flag(_:) or strings(_:)")
        return values[name]?.first ?? option.defaultValue
    }

    /// Every value of an option, in command-line order (for a single-value option: its value or default).
    public func strings(_ name: String) -> [String] {
        let option = declared(name)
        precondition(option.kind != .flag, "\(name) is a flag; read it with flag(_:)")
        if let given = values[name] { return given }
        return option.defaultValue.map { [$0] } ?? []
    }

    /// The value of a single-value option if it is one of `choices` (compared exactly).
    public func string(_ name: String, oneOf choices: [String]) throws(UsageError) -> String? {
        guard let value = string(name) else { return nil }
        guard choices.contains(value) else {
            let help = EditDistance.nearest(to: value, among: choices).map { "did you mean '\($0)'?" }
            throw .invalidValue(
                value, for: declared(name), expected: "one of \(choices.joined(separator: ", "))", help: help, in: context)
        }
        return value
    }

    /// The value of a single-value option as a whole number, optionally within `range`.
    public func int(_ name: String, in range: ClosedRange<Int>? = nil) throws(UsageError) -> Int? {
        guard let text = string(name) else { return nil }
        let expected = "a whole number" + (range.map { " from \($0.lowerBound) to \($0.upperBound)" } ?? "")
        guard let value = Int(text), range?.contains(value) ?? true else {
            throw .invalidValue(text, for: declared(name), expected: expected, in: context)
        }
        return value
    }

    /// The value of a single-value option as a finite number, optionally within `range`.
    public func double(_ name: String, in range: ClosedRange<Double>? = nil) throws(UsageError) -> Double? {
        guard let text = string(name) else { return nil }
        let expected = "a number" + (range.map { " from \($0.lowerBound) to \($0.upperBound)" } ?? "")
        guard let value = Double(text), value.isFinite, range?.contains(value) ?? true else {
            throw .invalidValue(text, for: declared(name), expected: expected, in: context)
        }
        return value
    }

    /// The positional argument declared as `name` (e.g. `"DIR"`), or `nil` if an optional one was not given.
    public func positional(_ name: String) -> String? {
        guard let index = command.positionals.firstIndex(where: { $0.name == name }) else {
            preconditionFailure("'\(command.name)' declares no positional argument \(name)")
        }
        return index < positionals.count ? positionals[index] : nil
    }

    private func declared(_ name: String) -> OptionSpec {
        guard let option = command.option(named: name) else {
            preconditionFailure("'\(command.name)' declares no option \(name)")
        }
        return option
    }
}
