import ArgumentParser
import MuscleMemory

struct CardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cards",
        abstract: "List the cards the decks generate: ID, aspect, front and back.",
        discussion: "On a terminal the list is a table; piped, it is one tab-separated line per card (so `muscle cards | wc -l` counts them).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output format: text, json or markdown.")
    var format: CardsFormat = .text

    @Argument(help: ArgumentHelp("Deck folders or files. Default: the --decks decks (the bundled decks).", valueName: "path"))
    var paths: [String] = []

    func run() throws {
        try reportingFailures {
            let locations = paths.isEmpty ? global.deckLocations : paths.map(DeckLocation.init(argument:))
            let decks = DeckSet.compile(locations)
            let diagnostics = decks.flatMap(\.diagnostics)
            if diagnostics.hasErrors {
                let files = decks.reduce(0) { $0 + $1.fileCount }
                Output.err(LintReport.text(diagnostics.filter { $0.severity == .error }, files: files, cards: 0, style: TerminalInfo.style(fd: 2)))
                throw ExitCode(1)
            }
            let cards = decks.flatMap(\.cards)
            switch format {
            case .json:
                Output.out(try CardListing.json(cards))
            case .markdown:
                Output.out(CardListing.markdown(cards))
            case .text:
                if TerminalInfo.isTerminal(1) {
                    Output.out(CardListing.table(cards, width: TerminalInfo.width(), style: TerminalInfo.style()))
                } else {
                    Output.out(CardListing.lines(cards))
                }
            }
        }
    }
}

enum CardsFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case markdown
}
