extension CommandLineTool {
    /// Mistakes in the declarations themselves, one sentence each; empty when all is well.
    /// Meant for a unit test: `XCTAssertEqual(tool.declarationProblems(), [])`.
    ///
    /// Checks names (unique, options spelled `--name`, `--help` left to the parser), required
    /// options without defaults, required positional arguments before optional ones, and that
    /// every example starts with the tool and command names and parses without a usage error.
    public func declarationProblems() -> [String] {
        var problems: [String] = []
        var commandNames: Set<String> = []
        for command in commands {
            let c = "command '\(command.name)'"
            if !commandNames.insert(command.name).inserted { problems.append("\(c) is declared twice") }
            if command.name.isEmpty || command.name.hasPrefix("-") || command.name.contains(" ") {
                problems.append("\(c): a command name is one word that does not start with '-'")
            }
            if command.name == "help" { problems.append("\(c): 'help' is the tool's own command") }

            var optionNames: Set<String> = []
            for option in command.options {
                let o = "\(c): option '\(option.name)'"
                if !optionNames.insert(option.name).inserted { problems.append("\(o) is declared twice") }
                let bare = option.name.dropFirst(2)
                if !option.name.hasPrefix("--") || bare.isEmpty || bare.hasPrefix("-") || bare.contains("=") || bare.contains(" ") {
                    problems.append("\(o): an option name is '--' then a word without '=' or spaces")
                }
                if option.name == "--help" { problems.append("\(o): --help is given to every command already") }
                if option.isRequired && option.defaultValue != nil {
                    problems.append("\(o) is required and has a default; it can be one or the other")
                }
            }

            var positionalNames: Set<String> = []
            var sawOptional = false
            for positional in command.positionals {
                let p = "\(c): argument '\(positional.name)'"
                if !positionalNames.insert(positional.name).inserted { problems.append("\(p) is declared twice") }
                if positional.isRequired && sawOptional { problems.append("\(p) is required but follows an optional one") }
                sawOptional = sawOptional || !positional.isRequired
            }

            for example in command.examples {
                let words = example.commandLine.split(separator: " ").map(String.init)
                guard words.count >= 2, words[0] == name, words[1] == command.name else {
                    problems.append("\(c): example '\(example.commandLine)' does not start with '\(name) \(command.name)'")
                    continue
                }
                do {
                    _ = try parse(words.dropFirst())
                } catch {
                    problems.append("\(c): example '\(example.commandLine)' does not parse: \(error.message)")
                }
            }
        }
        return problems
    }
}
