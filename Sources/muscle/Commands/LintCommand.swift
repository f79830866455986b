import ArgumentParser
import MuscleMemory

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check deck files and report problems as file:line:col findings.",
        discussion: "Exits 0 when there are no errors (warnings allowed), 1 when there are errors.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output format: text or json.")
    var format: LintFormat = .text

    @Argument(help: ArgumentHelp("Deck folders or files. Default: the --decks decks (the bundled decks).", valueName: "path"))
    var paths: [String] = []

    func run() throws {
        try reportingFailures {
            let locations = paths.isEmpty ? global.deckLocations : paths.map(DeckLocation.init(argument:))
            let decks = DeckSet.compile(locations, examItems: true)  // only lint reports no-exam-item
            let diagnostics = decks.flatMap(\.diagnostics) + DeckCompiler.crossDeckFindings(decks).sortedByPlace()
            let files = decks.reduce(0) { $0 + $1.fileCount }
            let cards = decks.reduce(0) { $0 + $1.cards.count }
            switch format {
            case .json: Output.out(try LintReport.json(diagnostics, files: files, cards: cards))
            case .text: Output.out(LintReport.text(diagnostics, files: files, cards: cards, style: TerminalInfo.style()))
            }
            if diagnostics.hasErrors { throw ExitCode(1) }
        }
    }
}

enum LintFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
