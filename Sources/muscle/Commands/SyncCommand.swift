import ArgumentParser
import Foundation
import MuscleMemory

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Bring the database in line with the decks: add, update, retire and restore cards.",
        discussion: """
            All decks are synced in one transaction; a deck with lint errors refuses the whole sync and \
            nothing changes. `study` and `report` sync the --decks decks by themselves. --dry-run lists \
            every change card by card (its ID, why, and the old and new text of an update or a \
            rewording) and writes nothing, not even a new database.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Deck folders. Default: the --decks decks (the bundled decks).", valueName: "path"))
    var paths: [String] = []

    @Flag(name: .customLong("dry-run"), help: "List every change, card by card, and write nothing.")
    var dryRun = false

    func run() throws {
        try reportingFailures {
            let now = try global.resolvedNow()
            let locations = paths.isEmpty ? global.deckLocations : paths.map(DeckLocation.init(argument:))
            let folder = FileManager.default.currentDirectoryPath
            if dryRun {
                // Planned against a copy in memory: the file is only read, never created or migrated.
                let plan = try DeckSync.plan(locations, in: AppDatabase.copyInMemory(of: global.databasePath()))
                Output.out(SyncPlanText.text(plan, style: TerminalInfo.style(), relativeTo: folder))
                if plan.wasRefused { throw ExitCode(1) }
                return
            }
            let database = try global.openDatabase(now: now, create: true)
            let plan = try DeckSync.apply(locations, in: database, now: now)
            Output.out(SyncPlanText.applied(plan, style: TerminalInfo.style(), relativeTo: folder))
            if plan.wasRefused { throw ExitCode(1) }
        }
    }
}
