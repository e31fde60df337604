/// One `--name` option of a command, as declared. The parser and the help text both read it,
/// so what `--help` shows is exactly what the parser accepts.
///
/// Names are written with their two dashes, as the user types them: `"--universe"`.
public struct OptionSpec: Sendable, Hashable {
    /// How many values an option takes.
    public enum Kind: Sendable, Hashable {
        /// No value: present or absent (`--verbose`).
        case flag
        /// Exactly one value; giving the option twice is a usage error (`--year 2024`).
        case single
        /// One value each time, any number of times, order kept (`--prior A --prior B`).
        case repeating
    }

    /// The long name with its dashes, e.g. `--universe`.
    public let name: String
    /// What the value is, shown as `<FILE>`; `nil` for flags.
    public let valueName: String?
    /// One line (or a short paragraph) for the options table.
    public let help: String
    public let kind: Kind
    /// A required option missing from the command line is a usage error.
    public let isRequired: Bool
    /// The value used when the option is absent; shown in help as `(default: …)`. Single options only.
    public let defaultValue: String?

    private init(name: String, valueName: String?, help: String, kind: Kind, isRequired: Bool, defaultValue: String?) {
        self.name = name
        self.valueName = valueName
        self.help = help
        self.kind = kind
        self.isRequired = isRequired
        self.defaultValue = defaultValue
    }

    /// An option without a value: `--verbose`.
    public static func flag(_ name: String, help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help, kind: .flag, isRequired: false, defaultValue: nil)
    }

    /// An option with one value, given at most once: `--year <YEAR>`.
    public static func single(
        _ name: String, value valueName: String, help: String, required: Bool = false, default defaultValue: String? = nil
    ) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, kind: .single, isRequired: required, defaultValue: defaultValue)
    }

    /// An option with one value, given any number of times: `--prior <FILE> --prior <FILE>`.
    public static func repeating(_ name: String, value valueName: String, help: String, required: Bool = false) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, kind: .repeating, isRequired: required, defaultValue: nil)
    }

    /// `--universe <FILE>`, or just `--verbose` for a flag.
    var synopsis: String {
        valueName.map { "\(name) <\($0)>" } ?? name
    }

    /// The option as it appears in a usage line: `--year <YEAR>`, `[--out <DIR>]`, `[--prior <FILE> ...]`.
    var usageSynopsis: String {
        let body = kind == .repeating ? "\(synopsis) ..." : synopsis
        return isRequired ? body : "[\(body)]"
    }

    /// `--universe <FILE>  Universe to rank.` — the line a `help:` hint shows for this option.
    var helpHint: String {
        "\(synopsis)  \(help)"
    }
}
