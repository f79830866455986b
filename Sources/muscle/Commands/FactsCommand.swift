import ArgumentParser
import MuscleMemory

struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "Show what the program understood of the decks: movements, nerves, landmarks.",
        discussion: "Without a filter, every muscle's facts. --movement, --nerve and --landmark print one index entry; an unknown value exits 64 with the closest term. --unresolved prints the action, innervation, origin and insertion lines no vocabulary term matches.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output format: text or json.")
    var format: LintFormat = .text

    @Option(help: ArgumentHelp("Muscles that perform a movement, e.g. \"ankle plantarflexion\".", valueName: "movement"))
    var movement: String?

    @Option(help: ArgumentHelp("Muscles a nerve supplies, directly or through its branches.", valueName: "nerve"))
    var nerve: String?

    @Option(help: ArgumentHelp("Muscles that attach to a bone or landmark.", valueName: "landmark"))
    var landmark: String?

    @Flag(help: "Print only the lines that resolve to nothing (for authors checking a file).")
    var unresolved = false

    @Argument(help: ArgumentHelp("Deck folders or files. Default: the --decks decks (the bundled decks).", valueName: "path"))
    var paths: [String] = []

    func run() throws {
        try reportingFailures {
            let locations = paths.isEmpty ? global.deckLocations : paths.map(DeckLocation.init(argument:))
            let decks = DeckSet.compile(locations)
            let errors = decks.flatMap(\.diagnostics).filter { $0.severity == .error }
            if !errors.isEmpty {
                let files = decks.reduce(0) { $0 + $1.fileCount }
                Output.err(LintReport.text(errors, files: files, cards: 0, style: TerminalInfo.style(fd: 2)))
                throw ExitCode(1)
            }
            // One deck was resolved against exactly this vocabulary when it was compiled.
            let vocabulary = FactsReport.vocabulary(for: decks)
            let index = decks.count == 1 && decks[0].facts.count == decks[0].muscles.count
                ? FactIndex(facts: decks[0].facts, vocabulary: vocabulary)
                : FactIndex(muscles: decks.flatMap(\.muscles), vocabulary: vocabulary)
            if unresolved {
                return Output.out(TerminalText.sanitize(FactsReport.unresolved(index)))
            }
            if let movement {
                guard index.allMovementNames.contains(where: { FactIndex.normalized($0) == FactIndex.normalized(movement) }) else {
                    throw unknown("movement", movement, index.allMovementNames)
                }
                let (prime, assisting) = index.performers(of: movement)
                return try print(FactsReport.movementLine(index, FactIndex.normalized(movement)), ["prime": prime, "assisting": assisting])
            }
            if let nerve {
                guard index.vocabulary.entry(named: nerve).map({ $0.kind == .nerve || $0.kind == .plexus }) == true else {
                    throw unknown("nerve", nerve, index.nerveNames)
                }
                let muscles = index.muscles(ofNerve: nerve)
                return try print("\(nerve): " + (muscles.isEmpty ? "no muscle" : muscles.joined(separator: ", ")), ["muscles": muscles])
            }
            if let landmark {
                guard index.landmarkNames.contains(where: { FactIndex.normalized($0) == FactIndex.normalized(landmark) }) else {
                    throw unknown("landmark", landmark, index.landmarkNames)
                }
                let (origin, insertion) = index.muscles(atLandmark: landmark)
                var text = "\(landmark):"
                if !origin.isEmpty { text += " origin of " + origin.joined(separator: ", ") + (insertion.isEmpty ? "" : ";") }
                if !insertion.isEmpty { text += " insertion of " + insertion.joined(separator: ", ") }
                if origin.isEmpty && insertion.isEmpty { text += " no muscle" }
                return try print(text, ["origin": origin, "insertion": insertion])
            }
            switch format {
            case .json: Output.out(try FactsReport.json(index, muscles: index.muscles))
            case .text: Output.out(TerminalText.sanitize(index.muscles.map { FactsReport.perMuscle($0, index: index) }.joined(separator: "\n")))
            }
        }
    }

    private func print(_ text: String, _ value: [String: [String]]) throws {
        switch format {
        case .json: Output.out(try FactsReport.json(value))
        case .text: Output.out(TerminalText.sanitize(text) + "\n")
        }
    }

    private func unknown(_ what: String, _ value: String, _ names: [String]) -> CommandFailure {
        let hint = FactIndex.closest(value, in: names).map { "; the closest is '\($0)'" } ?? ""
        return CommandFailure("no \(what) '\(value)' in the vocabulary\(hint)", exitCode: 64)
    }
}
