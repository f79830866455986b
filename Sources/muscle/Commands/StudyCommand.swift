import ArgumentParser
import Foundation
import MuscleMemory

struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Study the cards due today (the default command).",
        discussion: """
            On a terminal: space or Enter shows the answer, 0-5 grades it (0 blackout … 5 perfect), \
            u undoes the last answer, s skips a card until tomorrow, e shows its source file and line, \
            q or Ctrl-C ends the session. Piped: one command per line (an empty line shows the answer, \
            a digit grades, u, e, s, q); end of input ends the session. Every answer is saved before \
            the next card is shown.
            """)

    @OptionGroup var global: GlobalOptions

    static let newOption = WholeNumber(name: "--new", range: StudyOptions.newPerDayRange)
    static let reviewsOption = WholeNumber(name: "--reviews", range: StudyOptions.reviewsPerDayRange)

    @Option(parsing: .unconditional, help: ArgumentHelp("New cards per day, \(newOption.rangeText).", valueName: "n"))
    var new: String = "20"

    @Option(parsing: .unconditional, help: ArgumentHelp("Due reviews per day, \(reviewsOption.rangeText) (default: no limit).", valueName: "n"))
    var reviews: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Only these muscles (names or keys).", valueName: "name"))
    var muscle: [String] = []

    @Option(help: ArgumentHelp("Only this aspect: \(Aspect.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "aspect"))
    var aspect: [String] = []

    @Option(help: ArgumentHelp("Only this region (any part of its name, e.g. \"lower leg\").", valueName: "region"))
    var region: [String] = []

    @Option(help: ArgumentHelp("Only cards with this tag.", valueName: "tag"))
    var tag: [String] = []

    @Flag(help: "Drill the chosen cards regardless of due dates, without changing the schedule.")
    var cram = false

    @Flag(name: .customLong("no-color"), help: "No colour (also: NO_COLOR).")
    var noColor = false

    func validate() throws {
        _ = try Self.newOption.parse(new)
        _ = try reviews.map(Self.reviewsOption.parse)
        for name in aspect where Aspect(loose: name) == nil {
            throw ValidationError("--aspect '\(name)' is not an aspect; use one of: \(Aspect.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        try reportingFailures {
            let start = try global.resolvedNow()
            let frozen = global.now != nil || global.environment["MUSCLE_NOW"] != nil
            let database = try global.openDatabase(now: start)
            let locations = global.deckLocations
            try DeckSyncing.syncQuietly(database, locations, now: start)
            let decks = try database.deckIDs(for: locations)
            let filter = CardFilter(muscles: muscle, aspects: aspect.compactMap(Aspect.init(loose:)), regions: region, tags: tag)
            try FilterCheck.require(filter, in: database, decks: decks)
            let options = StudyOptions(newPerDay: try Self.newOption.parse(new), reviewsPerDay: try reviews.map(Self.reviewsOption.parse), filter: filter, mode: cram ? .cram : .study)
            let clockStart = Date()
            let session = try StudySession(database: database, decks: decks, calendar: try global.calendar(), options: options) {
                frozen ? start : start.addingTimeInterval(Date().timeIntervalSince(clockStart))
            }
            let interactive = TerminalInfo.isTerminal(0) && TerminalInfo.isTerminal(1)
            if interactive {
                let terminal = InteractiveTerminal(style: TerminalInfo.style(disabled: noColor))
                guard terminal.start() else { throw CommandFailure("cannot set the terminal to single-key mode") }
                defer { terminal.finish() }
                try session.run(on: terminal)
            } else {
                try session.run(on: LineTerminal())
            }
        }
    }
}

/// The implicit sync of `study`, `report` and `stats`: a deck with lint errors is not a reason to
/// stop a student studying, so it becomes one warning and the cards of its last good sync stay.
enum DeckSyncing {
    static func syncQuietly(_ database: AppDatabase, _ locations: [DeckLocation], now: Date) throws {
        let report = try DeckSync.run(locations, in: database, now: now)
        if report.wasRefused {
            let files = Set(report.refusedBecause.map(\.file)).sorted()
            Output.warning("the decks have \(report.refusedBecause.count) lint error\(report.refusedBecause.count == 1 ? "" : "s") (in \(files.joined(separator: ", "))); studying the cards from the last good sync. Run `muscle lint` for details.")
        }
    }
}
