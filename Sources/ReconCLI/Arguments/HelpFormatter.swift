/// Turns declarations into help text: usage lines, aligned tables, wrapped prose.
///
/// Deterministic: the same declarations always give the same text, whatever the terminal;
/// lines are wrapped at `width` columns (a single word longer than that stays whole).
struct HelpFormatter: Sendable {
    static let width = 100
    /// Tables are indented this much; labels wider than `maxLabelWidth` put their text on the next line.
    static let indent = 2
    static let maxLabelWidth = 30
    static let helpOptionLabel = "-h, --help"

    let toolName: String

    // MARK: Usage lines

    /// `recon <command> [options]`
    var toolUsageLine: String { "\(toolName) <command> [options]" }

    /// `recon reconstitute --year <YEAR> [--out <DIR>] [--prior <FILE> ...] [<DIR>]`; when that would
    /// not fit on one line, optional options collapse into `[options]`.
    func usageLine(for command: CommandSpec) -> String {
        let head = ["\(toolName) \(command.name)"]
        let positionals = command.positionals.map(\.usageSynopsis)
        let full = (head + command.options.map(\.usageSynopsis) + positionals).joined(separator: " ")
        if "usage: ".count + full.count <= Self.width { return full }
        let required = command.options.filter(\.isRequired).map(\.usageSynopsis)
        let optional = command.options.contains { !$0.isRequired } ? ["[options]"] : []
        return (head + required + optional + positionals).joined(separator: " ")
    }

    // MARK: Whole help texts

    /// The help of one command: abstract, usage, discussion, arguments, options, examples.
    func help(for command: CommandSpec) -> String {
        var lines = wrapped("\(toolName) \(command.name): \(command.abstract)")
        lines.append("")
        lines += wrapped(usageLine(for: command), firstPrefix: "usage: ", restPrefix: pad("usage: \(toolName) \(command.name) "))
        if !command.discussion.isEmpty {
            lines.append("")
            lines += prose(command.discussion)
        }
        if !command.positionals.isEmpty {
            lines += ["", "arguments:"]
            lines += table(command.positionals.map { ("<\($0.name)>", $0.isRequired ? $0.help : annotated($0.help, ["(optional)"])) })
        }
        lines += ["", "options:"]
        lines += table(command.options.map { ($0.synopsis, annotated($0.help, annotations(of: $0))) } + [(Self.helpOptionLabel, "Show this help.")])
        if !command.examples.isEmpty {
            lines += ["", "examples:"]
            lines += examples(command.examples)
        }
        return lines.joined(separator: "\n")
    }

    /// The tool's overview: abstract, usage, discussion, the commands with their abstracts, and the
    /// first example of each command.
    func overview(abstract: String, discussion: String, commands: [CommandSpec]) -> String {
        var lines = wrapped("\(toolName): \(abstract)")
        lines += [
            "",
            "usage: \(toolUsageLine)",
            "       \(toolName) help <command>",
            "       \(toolName) --version",
        ]
        if !discussion.isEmpty {
            lines.append("")
            lines += prose(discussion)
        }
        lines += ["", "commands:"]
        lines += table(commands.map { ($0.name, $0.abstract) })
        lines += ["", "options:"]
        lines += table([(Self.helpOptionLabel, "Show this help."), ("--version", "Show the version.")])
        let firstExamples = commands.compactMap(\.examples.first)
        if !firstExamples.isEmpty {
            lines += ["", "examples:"]
            lines += examples(firstExamples)
        }
        lines.append("")
        lines += wrapped("Run '\(toolName) help <command>' or '\(toolName) <command> --help' for a command's options and examples.")
        return lines.joined(separator: "\n")
    }

    // MARK: Pieces

    func annotations(of option: OptionSpec) -> [String] {
        var notes: [String] = []
        if option.isRequired { notes.append("(required)") }
        if let value = option.defaultValue { notes.append("(default: \(value))") }
        if option.kind == .repeating { notes.append("(repeatable)") }
        return notes
    }

    private func annotated(_ help: String, _ notes: [String]) -> String {
        ([help] + notes).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Each example as its explanation, then the command line indented below it.
    private func examples(_ examples: [UsageExample]) -> [String] {
        var lines: [String] = []
        for (index, example) in examples.enumerated() {
            if index > 0 { lines.append("") }
            lines += wrapped(example.explanation, firstPrefix: pad(Self.indent), restPrefix: pad(Self.indent))
            lines += shellLines(example.commandLine, firstPrefix: pad(Self.indent * 2), restPrefix: pad(Self.indent * 3))
        }
        return lines
    }

    /// Two aligned columns: labels, then text wrapped so it stays in its column. The column is set
    /// by the widest label that fits `maxLabelWidth`; a wider label has its text on the next line.
    private func table(_ rows: [(label: String, text: String)]) -> [String] {
        let labelWidth = rows.map(\.label.count).filter { $0 <= Self.maxLabelWidth }.max() ?? 0
        let column = Self.indent + labelWidth + 2
        var lines: [String] = []
        for row in rows {
            let label = pad(Self.indent) + row.label
            let text = Self.wrap(row.text, width: Self.width - column)
            if row.label.count > labelWidth {
                lines.append(label)
                lines += text.map { pad(column) + $0 }
            } else {
                for (index, line) in text.enumerated() {
                    lines.append(index == 0 ? label + pad(column - label.count) + line : pad(column) + line)
                }
                if text.isEmpty { lines.append(label) }
            }
        }
        return lines
    }

    /// Prose: blank lines separate paragraphs; lines within a paragraph are joined and re-wrapped;
    /// a line that starts with a space is kept as written (for commands and lists).
    private func prose(_ text: String) -> [String] {
        var lines: [String] = []
        var paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty { lines += wrapped(paragraph.joined(separator: " ")) }
            paragraph = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                flush()
                if lines.last != "" { lines.append("") }
            } else if line.hasPrefix(" ") {
                flush()
                lines.append(line)
            } else {
                paragraph.append(line)
            }
        }
        flush()
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    private func wrapped(_ text: String, firstPrefix: String = "", restPrefix: String = "") -> [String] {
        Self.wrap(text, width: Self.width - restPrefix.count, firstWidth: Self.width - firstPrefix.count)
            .enumerated().map { ($0.offset == 0 ? firstPrefix : restPrefix) + $0.element }
    }

    /// A command line wrapped like a shell script, each broken line ending in ` \`, so that it can
    /// be pasted into a shell as it is.
    private func shellLines(_ commandLine: String, firstPrefix: String, restPrefix: String) -> [String] {
        let continuation = " \\"
        let lines = Self.wrap(
            commandLine, width: Self.width - restPrefix.count - continuation.count,
            firstWidth: Self.width - firstPrefix.count - continuation.count)
        return lines.enumerated().map { index, line in
            (index == 0 ? firstPrefix : restPrefix) + line + (index < lines.count - 1 ? continuation : "")
        }
    }

    /// Splits `text` at spaces into lines of at most `width` characters (`firstWidth` for the first).
    static func wrap(_ text: String, width: Int, firstWidth: Int? = nil) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let limit = lines.isEmpty ? (firstWidth ?? width) : width
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= limit {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    private func pad(_ count: Int) -> String { String(repeating: " ", count: max(0, count)) }
    private func pad(_ text: String) -> String { pad(text.count) }
}
