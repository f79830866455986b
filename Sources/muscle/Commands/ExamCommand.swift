import ArgumentParser
import Foundation
import MuscleMemory

struct ExamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exam",
        abstract: "Multiple-choice exam practice generated from the decks' facts.",
        discussion: """
            A practice set (default 20 items) weighted toward weak topics, with the answer and an \
            explanation after each item; or, with --mock, a timed exam in the licensing format (100 \
            items, 110 minutes, no going back, the score at the end by region and template; it covers \
            muscle content only). Keys a-d or 1-4 answer, q quits, ? shows the keys; piped, one line \
            per answer. Every answer is saved before the next item is shown. --list prints every item \
            the decks generate (Docs/EXAM.md).
            """)

    @OptionGroup var global: GlobalOptions

    static let itemsOption = WholeNumber(name: "--items", range: 1...500)
    static let minutesOption = WholeNumber(name: "--minutes", range: 1...600)
    static let seedOption = WholeNumber(name: "--seed", range: 0...999_999_999)
    static let clockRateVariable = WholeNumber(name: "MUSCLE_CLOCK_RATE", range: 0...3_600)

    @Flag(help: "A timed mock exam: 100 items in 110 minutes, no feedback until the end.")
    var mock = false

    @Option(parsing: .unconditional, help: ArgumentHelp("How many items, \(itemsOption.rangeText) (default: 20; 100 with --mock).", valueName: "n"))
    var items: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The mock exam's time limit in minutes, \(minutesOption.rangeText) (default: 110).", valueName: "n"))
    var minutes: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Draw the same set again: a number, \(seedOption.rangeText) (default: from the clock).", valueName: "n"))
    var seed: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Only items about these muscles (names or keys).", valueName: "name"))
    var muscle: [String] = []

    @Option(help: ArgumentHelp("Only items testing this aspect: \(Aspect.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "aspect"))
    var aspect: [String] = []

    @Option(help: ArgumentHelp("Only this region (any part of its name, e.g. \"lower leg\").", valueName: "region"))
    var region: [String] = []

    @Flag(help: "Print every item the decks generate (with the filters: those items) and exit.")
    var list = false

    @Option(help: "With --list: text or json.")
    var format: LintFormat = .text

    @Flag(name: .customLong("no-color"), help: "No colour (also: NO_COLOR).")
    var noColor = false

    @Flag(help: "One item after another as lines on a terminal too: no full screen (for screen readers; also: TERM=dumb).")
    var plain = false

    @Flag(name: .customLong("no-unicode"), help: "ASCII only.")
    var noUnicode = false

    func validate() throws {
        _ = try items.map(Self.itemsOption.parse)
        _ = try minutes.map(Self.minutesOption.parse)
        _ = try seed.map(Self.seedOption.parse)
        _ = try global.environment["MUSCLE_CLOCK_RATE"].map(Self.clockRateVariable.parse)
        if minutes != nil && !mock { throw ValidationError("--minutes is the time limit of a mock exam; use it with --mock") }
        if format == .json && !list { throw ValidationError("--format is for --list") }
        for name in aspect where Aspect(loose: name) == nil {
            throw ValidationError("--aspect '\(name)' is not an aspect; use one of: \(Aspect.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        try reportingFailures {
            let start = try global.resolvedNow()
            let loaded = global.deckLocations.map { DeckLoader.load($0) }
            let fingerprint = ProgramIdentity.current.map { program in
                ExamItemFingerprint.of(decks: loaded.map { ($0.location, $0.contentHash) }, program: program)
            }
            let filter = CardFilter(muscles: muscle, aspects: aspect.compactMap(Aspect.init(loose:)), regions: region)
            // Unchanged decks: the items stored at the last start are the ones generating would
            // give, in the same order, so the set is drawn (or listed) from them without compiling
            // anything. The draw and the filters need only the items' outlines; the chosen ones
            // are then read whole. A filter that names nothing they hold, or matches none of them,
            // goes the long way, which says why.
            var opened: AppDatabase?
            if let fingerprint, let database = try? global.openDatabase(now: start, create: false) {
                if let stored = (try? database.storedExamItemOutlines(from: fingerprint)) ?? nil,
                   let chosen = Self.stored(stored.items, matching: filter) {
                    let whole = list ? chosen : try draw(chosen, database: database, start: start)
                    if let items = (try? database.storedExamItems(whole)) ?? nil {
                        if let warning = stored.warning { Output.warning(warning) }
                        if list { return try printList(items) }
                        try run(items, database: database, start: start)
                        return
                    }
                }
                opened = database
            }
            let decks = loaded.map { DeckCompiler.compile($0) }
            let errors = decks.flatMap(\.diagnostics).filter { $0.severity == .error }
            var warning: String?
            if !errors.isEmpty {
                let files = Set(errors.map(\.file)).sorted()
                warning = "the decks have \(errors.count) lint error\(errors.count == 1 ? "" : "s") (in \(files.joined(separator: ", "))); the items come from what could be read. Run `muscle lint` for details."
                warning.map(Output.warning)
            }
            let curriculum = ExamCurriculum(decks: decks, vocabulary: FactsReport.vocabulary(for: decks))
            let all = ExamGenerator.items(curriculum)
            if !filter.isEmpty {
                let vocabulary = FilterVocabulary.examItems(about: curriculum.entries.map { ($0.name, $0.key, $0.region) })
                if let problem = vocabulary.problem(with: filter) { throw CommandFailure(problem, exitCode: 64) }
            }
            let chosen = ExamDraw.matching(all, filter)
            if list { return try printList(chosen) }
            guard !chosen.isEmpty else {
                throw CommandFailure(filter.isEmpty ? "the decks generate no exam item (items need facts the vocabulary covers; see Docs/EXAM.md)"
                                                    : "no exam item matches these filters; `muscle exam --list` shows the items there are", exitCode: 64)
            }
            let database = try opened ?? global.openDatabase(now: start, create: true)
            try database.syncExamItems(all, source: fingerprint.map { ExamItemSource(fingerprint: $0, warning: warning) }, now: start)
            try run(try draw(chosen, database: database, start: start), database: database, start: start)
        }
    }

    func printList(_ items: [ExamItem]) throws {
        switch format {
        case .json: Output.out(try ExamListing.json(items))
        case .text: Output.out(ExamListing.text(items))
        }
    }

    /// The stored items' outlines the filter chooses, in curriculum order; nil when the filter
    /// names a muscle or region none of them has, or matches none (the generating path reports
    /// those against the whole curriculum).
    static func stored(_ outlines: [ExamItem], matching filter: CardFilter) -> [ExamItem]? {
        guard !filter.isEmpty else { return outlines }
        let vocabulary = FilterVocabulary.examItems(about: outlines.map { ($0.muscleName, $0.muscleKey, $0.region) })
        guard vocabulary.problem(with: filter) == nil else { return nil }
        let chosen = ExamDraw.matching(outlines, filter)
        return chosen.isEmpty ? nil : chosen
    }

    func count() throws -> Int { try items.map(Self.itemsOption.parse) ?? (mock ? 100 : 20) }

    func seedValue(_ start: Date) throws -> UInt64 {
        UInt64(try seed.map(Self.seedOption.parse) ?? Int(start.timeIntervalSince1970 * 1000) % 1_000_000_000)
    }

    /// The set drawn from `chosen` (the items matching the filters, in curriculum order): only
    /// their IDs, templates and muscles count.
    func draw(_ chosen: [ExamItem], database: AppDatabase, start: Date) throws -> [ExamItem] {
        if mock { return ExamDraw.mock(chosen, count: try count(), seed: try seedValue(start)) }
        let history = try database.examItemHistory()
        let reviews = try database.reviewTotalsByTopic()
        return ExamDraw.practice(chosen, count: try count(), seed: try seedValue(start)) { item in
            ExamDraw.weight(item, history: history[item.id], reviews: reviews["\(item.muscleKey)/\(item.aspect.rawValue)"])
        }
    }

    /// Asks the drawn items.
    func run(_ drawn: [ExamItem], database: AppDatabase, start: Date) throws {
        let count = try count()
        let seedValue = try seedValue(start)
        if drawn.count < count {
            Output.note("only \(drawn.count) item\(drawn.count == 1 ? "" : "s") match; the \(mock ? "exam" : "set") has \(drawn.count)")
        }
        let frozen = global.now != nil || global.environment["MUSCLE_NOW"] != nil
        let rate = Double(frozen ? try global.environment["MUSCLE_CLOCK_RATE"].map(Self.clockRateVariable.parse) ?? 0 : 1)
        let clockStart = Date()
        let now = { start.addingTimeInterval(Date().timeIntervalSince(clockStart) * rate) }
        let session = ExamSession(database: database, items: drawn, kind: mock ? .mock : .practice,
                                  minutes: mock ? try minutes.map(Self.minutesOption.parse) ?? 110 : nil, seed: seedValue,
                                  calendar: try global.calendar(), now: now)
        let terminalIn = TerminalInfo.isTerminal(0) && TerminalInfo.isTerminal(1)
        if terminalIn && !plain && global.environment["TERM"] != "dumb" {
            let terminal = ExamScreenTerminal(style: TerminalInfo.style(disabled: noColor), ascii: noUnicode, now: now)
            guard terminal.start() else { throw CommandFailure("cannot set the terminal to single-key mode") }
            defer { terminal.finish() }
            try session.run(on: terminal)
        } else {
            try session.run(on: ExamLineTerminal(ascii: noUnicode, introduce: terminalIn, now: now))
        }
    }
}
