import ArgumentParser

@main
struct MuscleCommand: ParsableCommand {
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
