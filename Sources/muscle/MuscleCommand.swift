import ArgumentParser
import MuscleMemory

@main
struct MuscleCommand: ParsableCommand {
    /// `muscle stduy` must never start a session or be read as an argument: an unknown first word
    /// that looks like a command is refused with the closest command's name. Usage errors are one
    /// `muscle: error:` line, like every other error, not ArgumentParser's three-line block.
    static func main() {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        let arguments = commandFirst(Array(CommandLine.arguments.dropFirst()), names: names)
        var asked = arguments.first
        if asked == "help", arguments.count > 1 { asked = arguments[1] }
        if let asked, !asked.hasPrefix("-"), asked != "help", !names.contains(asked) {
            Output.error(unknownCommand(asked, names: names))
            Self.exit(withError: ExitCode.validationFailure)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            // Help and --version (exit 0) and exit codes already reported are ArgumentParser's to
            // finish; every other error is one sanitized `muscle: error:` line.
            let code = exitCode(for: error)
            if error is ExitCode || code == .success { Self.exit(withError: error) }
            Output.error(code == .validationFailure ? usageMessage(for: error, names: names) : message(for: error))
            Self.exit(withError: code)
        }
    }

    /// The global options go before or after a command's name (`muscle --db x.sqlite stats`), but
    /// ArgumentParser only finds a command named first: a name that follows nothing but global
    /// options and their values is moved to the front.
    static func commandFirst(_ arguments: [String], names: [String]) -> [String] {
        let valued: Set<String> = ["--db", "--decks", "--rollover", "--now"]
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if valued.contains(word) {
                index += 2
            } else if let equals = word.firstIndex(of: "="), valued.contains(String(word[..<equals])) {
                index += 1
            } else {
                break
            }
        }
        guard index > 0, index < arguments.count, names.contains(arguments[index]) else { return arguments }
        var reordered = arguments
        let name = reordered.remove(at: index)
        return [name] + reordered
    }

    static func unknownCommand(_ word: String, names: [String]) -> String {
        let hint = closestMatch(to: word, in: names).map { "; did you mean '\($0)'?" } ?? "; see 'muscle --help'"
        return "unknown command '\(word)'\(hint)"
    }

    /// ArgumentParser's message, except that a stray word after the global options that is close to
    /// a command's name (`muscle --db x stduy`) is named as the mistyped command it is.
    static func usageMessage(for error: any Error, names: [String]) -> String {
        let message = self.message(for: error)
        let prefix = "Unexpected argument '"
        if message.hasPrefix(prefix), message.hasSuffix("'") {
            let word = String(message.dropFirst(prefix.count).dropLast())
            if names.contains(word) { return "'\(word)' is a command: write it first, as in 'muscle \(word) …', and its options after it" }
            if closestMatch(to: word, in: names) != nil { return unknownCommand(word, names: names) }
        }
        return message
    }

    static let configuration = CommandConfiguration(
        commandName: "muscle",
        abstract: "Spaced-repetition study of the muscles, for massage-therapy students.",
        discussion: """
            Every command takes the same global options: --db PATH (env MUSCLE_DB), --decks DIR \
            (repeatable; env MUSCLE_DECKS, colon-separated; 'bundled' names the built-in decks) \
            and --rollover HOUR (env MUSCLE_ROLLOVER), before or after the command's name.

            Exit status: 0 success; 1 lint errors, a refused sync or a failed check; 64 a bad \
            option, an unknown command or a filter that matches no card; 65 a file that is not a \
            MuscleMemory database, a damaged one or one from a newer version; 66 no database at the \
            path, or one that cannot be opened; 73 a read-only database, an existing backup file or an --output \
            path that cannot be a file; 74 a full disk or an I/O error; 75 a database locked by \
            another program past the busy timeout.
            """,
        version: MuscleVersion.number,
        subcommands: [StudyCommand.self, SyncCommand.self, ReportCommand.self, ShareCommand.self, ClassCommand.self, StatsCommand.self, LintCommand.self, CardsCommand.self, FactsCommand.self, BackupCommand.self, CheckCommand.self, ExportCommand.self, ImportCommand.self, ExamCommand.self],
        defaultSubcommand: StudyCommand.self
    )
}
