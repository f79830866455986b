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
            q or Ctrl-C ends the session, ? lists every key. Piped (and with --plain or TERM=dumb): one command per line (an empty line shows the answer, \
            a digit grades, u, e, s, q); end of input ends the session. Every answer is saved before \
            the next card is shown. With --type, a card whose answer is a short term asks for it typed: \
            on a terminal type it and press Enter; piped, the typed line, then a grade line (an empty \
            line accepts the proposed grade); an empty answer line shows the answer to grade as usual. \
            Commands at a typing prompt start with a colon (:u, :s, :e, :q).
            """)

    @OptionGroup var global: GlobalOptions

    static let newOption = WholeNumber(name: "--new", range: StudyOptions.newPerDayRange)
    static let reviewsOption = WholeNumber(name: "--reviews", range: StudyOptions.reviewsPerDayRange)
    static let minutesOption = WholeNumber(name: "--minutes", range: StudyOptions.minutesRange)
    static let cardsOption = WholeNumber(name: "--cards", range: StudyOptions.cardsRange)
    /// For tests: with `--now`, the session's clock stands still unless this says how many
    /// simulated seconds pass per real second (so a test sees the header tick and `--minutes`
    /// end a session without waiting minutes).
    static let clockRateVariable = WholeNumber(name: "MUSCLE_CLOCK_RATE", range: 0...3_600)

    @Option(parsing: .unconditional, help: ArgumentHelp("New cards per day, \(newOption.rangeText).", valueName: "n"))
    var new: String = "20"

    @Option(parsing: .unconditional, help: ArgumentHelp("Due reviews per day, \(reviewsOption.rangeText) (default: no limit).", valueName: "n"))
    var reviews: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("End the session after this many minutes, \(minutesOption.rangeText) (default: no limit).", valueName: "n"))
    var minutes: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("End the session after this many cards, \(cardsOption.rangeText) (default: no limit).", valueName: "n"))
    var cards: String?

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

    @Flag(name: .customLong("type"), help: "Type the answer of cards whose answer is a short term (a muscle, a nerve with its root levels, a landmark): it is compared, a grade proposed, and Enter accepts it or 0-5 changes it.")
    var typeAnswers = false

    @Flag(name: .customLong("no-color"), help: "No colour (also: NO_COLOR).")
    var noColor = false

    @Flag(help: "One labelled line per event on a terminal too: no full screen, no redraws (for screen readers; also: TERM=dumb).")
    var plain = false

    @Flag(name: .customLong("no-unicode"), help: "ASCII only: no box-drawing lines, bullets or typographic quotes.")
    var noUnicode = false

    func validate() throws {
        _ = try Self.newOption.parse(new)
        _ = try reviews.map(Self.reviewsOption.parse)
        _ = try minutes.map(Self.minutesOption.parse)
        _ = try cards.map(Self.cardsOption.parse)
        _ = try global.environment["MUSCLE_CLOCK_RATE"].map(Self.clockRateVariable.parse)
        for name in aspect where Aspect(loose: name) == nil {
            throw ValidationError("--aspect '\(name)' is not an aspect; use one of: \(Aspect.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        try reportingFailures {
            let start = try global.resolvedNow()
            let frozen = global.now != nil || global.environment["MUSCLE_NOW"] != nil
            let database = try global.openDatabase(now: start, create: true)
            let locations = global.deckLocations
            try DeckSyncing.syncQuietly(database, locations, now: start)
            let decks = try database.deckIDs(for: locations)
            let filter = CardFilter(muscles: muscle, aspects: aspect.compactMap(Aspect.init(loose:)), regions: region, tags: tag)
            try FilterCheck.require(filter, in: database, decks: decks)
            let options = StudyOptions(newPerDay: try Self.newOption.parse(new), reviewsPerDay: try reviews.map(Self.reviewsOption.parse), filter: filter,
                                       mode: cram ? .cram : .study, minutes: try minutes.map(Self.minutesOption.parse), cards: try cards.map(Self.cardsOption.parse))
            let rate = Double(frozen ? try global.environment["MUSCLE_CLOCK_RATE"].map(Self.clockRateVariable.parse) ?? 0 : 1)
            let clockStart = Date()
            // The curriculum's terms, for the nearest-term test of typos: only with --type.
            let terms = typeAnswers ? TypedTerms(decks: locations.map { DeckCompiler.compile($0) }) : nil
            let session = try StudySession(database: database, decks: decks, calendar: try global.calendar(), options: options, typing: terms) {
                start.addingTimeInterval(Date().timeIntervalSince(clockStart) * rate)
            }
            let terminalIn = TerminalInfo.isTerminal(0) && TerminalInfo.isTerminal(1)
            let dumb = global.environment["TERM"] == "dumb"
            if terminalIn && !plain && !dumb {
                let terminal = InteractiveTerminal(style: TerminalInfo.style(disabled: noColor), ascii: noUnicode, elapsed: session.elapsedSeconds)
                guard terminal.start() else { throw CommandFailure("cannot set the terminal to single-key mode") }
                defer { terminal.finish() }
                try session.run(on: terminal)
            } else {
                try session.run(on: LineTerminal(ascii: noUnicode, introduce: terminalIn, typing: typeAnswers))
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
