import ArgumentParser
import Foundation
import MuscleMemory
import SM2

struct ShareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share",
        abstract: "Write a summary of your own report for your instructor: counts by topic and card, no card text, no paths.",
        discussion: "The file's schema is documented in Docs/SHARE.md. --print shows exactly what the file holds.")

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The share file to write (JSON).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("A name your instructor sees, 1-\(Share.labelLimit) characters. Default: none (anonymous).", valueName: "label"))
    var label: String?

    @Option(help: ArgumentHelp("Exam day (YYYY-MM-DD), after today and at most \(ReportOptions.examHorizonDays) days ahead: adds your readiness.", valueName: "date"))
    var exam: String?

    @Flag(name: .customLong("print"), help: "Print the share to standard output (also when --output writes it).")
    var printShare = false

    func validate() throws {
        if output == nil && !printShare { throw ValidationError("give --output FILE.json to write the share, or --print to see it") }
        if let exam, Day(iso: exam) == nil { throw ValidationError("--exam '\(exam)' is not a date; write it like 2027-05-14") }
        if let label {
            let clean = TerminalText.sanitize(label).trimmingCharacters(in: .whitespaces)
            if clean.isEmpty || clean != label || label.count > Share.labelLimit {
                throw ValidationError("--label '\(TerminalText.sanitize(label))' is not 1-\(Share.labelLimit) characters of plain text (no control characters, no spaces around it)")
            }
        }
    }

    func run() throws {
        try reportingFailures {
            let now = try global.resolvedNow()
            let today = try global.calendar().day(at: now)
            let examDay = try exam.flatMap(Day.init(iso:)).map { try ReportCommand.checkExam($0, today: today) }
            let database = try global.openDatabase(now: now, pageCacheMiB: 16)
            try DeckSyncing.syncQuietly(database, global.deckLocations, now: now)
            let decks = try database.deckIDs(for: global.deckLocations)
            let options = ReportOptions(today: today, exam: examDay)
            let report = WeakTopics.report(try database.weakTopicFigures(decks: decks, options.query), options: options)
            let share = ShareBuilder.share(report, cards: try database.shareCardFigures(decks: decks), label: label)
            let text = try share.json()
            if let output { try ReportOutputOptions.write(text, to: output, what: "share", fileExtension: "json") }
            if printShare { Output.out(text) }
        }
    }
}
