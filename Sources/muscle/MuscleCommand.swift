import ArgumentParser
import MuscleMemory

@main
struct MuscleCommand: ParsableCommand {
    /// `muscle stduy` must never start a session or be read as an argument: an unknown first word
    /// that looks like a command is refused with the closest command's name.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, !first.hasPrefix("-"), first != "help" {
            let names = configuration.subcommands.compactMap { $0.configuration.commandName }
            if !names.contains(first) {
                let hint = closestMatch(to: first, in: names).map { "; did you mean '\($0)'?" } ?? "; see 'muscle --help'"
                Output.err("muscle: error: unknown command '\(first)'\(hint)\n")
                Self.exit(withError: ExitCode(64))
            }
        }
        Self.main(arguments)
    }

    static let configuration = CommandConfiguration(
        commandName: "muscle",
        abstract: "Spaced-repetition study of the muscles, for massage-therapy students.",
        discussion: """
            Every command takes the same global options: --db PATH (env MUSCLE_DB), --decks DIR \
            (repeatable; env MUSCLE_DECKS, colon-separated; 'bundled' names the built-in decks) \
            and --rollover HOUR (env MUSCLE_ROLLOVER).
            """,
        version: "0.1.0",
        subcommands: [StudyCommand.self, SyncCommand.self, ReportCommand.self, StatsCommand.self, LintCommand.self, CardsCommand.self, BackupCommand.self, CheckCommand.self],
        defaultSubcommand: StudyCommand.self
    )
}
