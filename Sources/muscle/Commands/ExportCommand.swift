import ArgumentParser
import Foundation
import MuscleMemory

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the cards (and, with --with-progress, the schedule and review log) as an Anki package.",
        discussion: """
            The package imports into Anki desktop and AnkiDroid (File > Import). Every card is a note of \
            the 'MuscleMemory' note type in the deck MuscleMemory::<region>::<muscle>, tagged muscle::…, \
            aspect::… and region::…; exporting again later updates the notes whose text changed. Anki \
            imports progress only for cards new to the collection, and only with "Import any learning \
            progress" ticked. See Docs/ANKI.md.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("anki"), help: ArgumentHelp("The Anki package to write (.apkg).", valueName: "file"))
    var anki: String

    @Flag(name: .customLong("with-progress"), help: "Include each card's SM-2 state and its review log.")
    var withProgress = false

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Only these muscles (names or keys).", valueName: "name"))
    var muscle: [String] = []
    @Option(help: ArgumentHelp("Only this aspect.", valueName: "aspect"))
    var aspect: [String] = []
    @Option(help: ArgumentHelp("Only this region (any part of its name).", valueName: "region"))
    var region: [String] = []
    @Option(help: ArgumentHelp("Only cards with this tag.", valueName: "tag"))
    var tag: [String] = []

    func validate() throws {
        for name in aspect where Aspect(loose: name) == nil {
            throw ValidationError("--aspect '\(name)' is not an aspect; use one of: \(Aspect.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        try reportingFailures {
            let now = try global.resolvedNow()
            let calendar = try global.calendar()
            let database = try global.openDatabase(now: now)
            try DeckSyncing.syncQuietly(database, global.deckLocations, now: now)
            let decks = try database.deckIDs(for: global.deckLocations)
            let filter = CardFilter(muscles: muscle, aspects: aspect.compactMap(Aspect.init(loose:)), regions: region, tags: tag)
            let cards = try database.ankiExportCards(decks: decks, filter: filter)
            let reviews: AnkiPackageWriter.Reviews? = withProgress ? { try database.forEachAnkiExportReview(of: cards, $0) } : nil
            let folder = (anki as NSString).deletingLastPathComponent
            let scratch = NSTemporaryDirectory().isEmpty ? "/tmp" : NSTemporaryDirectory()
            switch AnkiPackageWriter.write(cards: cards, reviews: reviews, now: now, today: calendar.day(at: now), rolloverHour: calendar.rolloverHour,
                                           dayStart: { Int64(calendar.start(of: $0).timeIntervalSince1970) }, to: anki,
                                           scratch: scratch.hasSuffix("/") ? String(scratch.dropLast()) : scratch) {
            case .success(let package):
                let reviews = withProgress ? ", \(package.reviewCount) review\(package.reviewCount == 1 ? "" : "s")" : ""
                Output.out("Wrote \(package.notes.count) note\(package.notes.count == 1 ? "" : "s") in \(package.decks.count) deck\(package.decks.count == 1 ? "" : "s")\(reviews) to \(anki)\n")
            case .failure(.build(let reason)):
                throw CommandFailure("could not build the Anki package: \(reason)", exitCode: 74)
            case .failure(.write(let failure)):
                throw CommandFailure.writing(failure, to: anki, option: "--anki", what: "package", exampleName: "musclememory.apkg",
                                             folder: folder.isEmpty ? "." : folder)
            }
        }
    }
}
