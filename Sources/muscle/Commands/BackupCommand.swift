import ArgumentParser
import MuscleMemory

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the database, even while it is in use.",
        discussion: "Without FILE the copy goes to backups/ beside the database, named by the time.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Where to write the copy (must not exist).", valueName: "file"))
    var file: String?

    func run() throws {
        try reportingFailures {
            let now = try global.resolvedNow()
            let database = try global.openDatabase(now: now)
            let destination = file ?? database.backupPath(at: now)
            try database.backup(to: destination)
            Output.out(TerminalText.escape("Backed up \(database.path) to \(destination)") + "\n")
        }
    }
}
