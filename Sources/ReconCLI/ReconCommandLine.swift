import ReconPlatform
import ReconCore
import ReconEngine
import ReconIO

/// Entry point of the `recon` executable: parses the arguments, runs a command, maps errors to
/// exit codes (0 success, 1 bad input, 2 bad usage).
public enum ReconCommandLine {
    public static let version = "recon 0.1.0"

    /// Every command, declared once: the same table parses and documents.
    public static let tool = CommandLineTool(
        name: "recon",
        abstract: "Replay the reconstitution of the FTSE Russell US indexes (3000E, 3000, 1000, 2000, Microcap).",
        discussion: """
        recon ranks a universe by total market cap under the rulebook of the year, draws the Russell \
        1000/2000 break with its ±2.5% band and the Microcap, and measures migration, turnover and the \
        upward-migration drag. With no data it runs on an embedded synthetic market.
        """,
        version: version,
        commands: [ReconstituteCommand.spec, ValidateCommand.spec, ReplayCommand.spec, ImportCommand.spec, GenerateCommand.spec, ReportCommand.spec])

    public static func main() {
        exit(run(Array(CommandLine.arguments.dropFirst()), console: .standard()))
    }

    /// Runs the command line and returns the exit status.
    public static func run(_ arguments: [String], console: Console) -> Int32 {
        do {
            switch try tool.parse(arguments) {
            case .help(let text), .version(let text):
                console.print(text)
                return 0
            case .run(let parsed):
                if parsed.flag("--quiet") { console.showsProgress = false }
                try dispatch(parsed, console: console)
                return 0
            }
        } catch let error as UsageError {
            console.error(error.description)
            return error.exitCode
        } catch let error as InputError {
            console.error("recon: error: \(error)")
            if let help = error.help { console.error("help: \(help)") }
            return 1
        } catch let error as CommandError {
            console.error("recon: error: \(error.message)")
            if let help = error.help { console.error("help: \(help)") }
            return error.exitCode
        } catch {
            console.error("recon: error: \(error)")
            return 1
        }
    }

    static func dispatch(_ parsed: ParsedArguments, console: Console) throws {
        switch parsed.command.name {
        case ReconstituteCommand.spec.name: try ReconstituteCommand.run(parsed, console: console)
        case ValidateCommand.spec.name: try ValidateCommand.run(parsed, console: console)
        case ReplayCommand.spec.name: try ReplayCommand.run(parsed, console: console)
        case ImportCommand.spec.name: try ImportCommand.run(parsed, console: console)
        case GenerateCommand.spec.name: try GenerateCommand.run(parsed, console: console)
        case ReportCommand.spec.name: try ReportCommand.run(parsed, console: console)
        default: preconditionFailure("command \(parsed.command.name) is declared but not dispatched")
        }
    }
}
