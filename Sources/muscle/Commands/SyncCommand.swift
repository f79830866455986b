import ArgumentParser
import Foundation
import MuscleMemory

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Bring the database in line with the decks: add, update, retire and restore cards.",
        discussion: """
            All decks are synced in one transaction; a deck with lint errors refuses the whole sync and \
            nothing changes. `study` and `report` sync the --decks decks by themselves.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Deck folders. Default: the --decks decks (the bundled decks).", valueName: "path"))
    var paths: [String] = []

    func run() throws {
        try reportingFailures {
            let now = try global.resolvedNow()
            let locations = paths.isEmpty ? global.deckLocations : paths.map(DeckLocation.init(argument:))
            let database = try global.openDatabase(now: now)
            let report = try database.sync(locations, now: now)
            Output.out(SyncSummary.text(report, style: TerminalInfo.style(), relativeTo: FileManager.default.currentDirectoryPath))
            if report.wasRefused { throw ExitCode(1) }
        }
    }
}
