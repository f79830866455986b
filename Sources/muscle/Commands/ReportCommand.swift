import ArgumentParser
import Foundation
import MuscleMemory
import SM2

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rank weak topics (muscles, aspects, regions), list leeches, and suggest what to study next.",
        discussion: "The weakness score is defined on the report's second line and in Docs/REPORTS.md.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var out: ReportOutputOptions

    static let maxPerDayOption = WholeNumber(name: "--max-per-day", range: ReportOptions.maxPerDayRange)

    @Option(help: ArgumentHelp("Exam day (YYYY-MM-DD), after today and at most \(ReportOptions.examHorizonDays) days (two years) ahead: readiness per muscle and a day-by-day plan.", valueName: "date"))
    var exam: String?

    @Option(name: .customLong("max-per-day"), parsing: .unconditional, help: ArgumentHelp("Most cards a day in the exam plan, \(maxPerDayOption.rangeText).", valueName: "n"))
    var maxPerDay: String = "200"

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Only these muscles.", valueName: "name"))
    var muscle: [String] = []
    @Option(help: ArgumentHelp("Only this aspect.", valueName: "aspect"))
    var aspect: [String] = []
    @Option(help: ArgumentHelp("Only this region.", valueName: "region"))
    var region: [String] = []
    @Option(help: ArgumentHelp("Only cards with this tag.", valueName: "tag"))
    var tag: [String] = []

    func validate() throws {
        if let exam, Day(iso: exam) == nil { throw ValidationError("--exam '\(exam)' is not a date; write it like 2027-05-14") }
        _ = try Self.maxPerDayOption.parse(maxPerDay)
        for name in aspect where Aspect(loose: name) == nil {
            throw ValidationError("--aspect '\(name)' is not an aspect; use one of: \(Aspect.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        try reportingFailures {
            let now = try global.resolvedNow()
            let today = try global.calendar().day(at: now)
            let examDay = try exam.flatMap(Day.init(iso:)).map { try Self.checkExam($0, today: today) }
            let database = try global.openDatabase(now: now, pageCacheMiB: 16)
            try DeckSyncing.syncQuietly(database, global.deckLocations, now: now)
            let decks = try database.deckIDs(for: global.deckLocations)
            let filter = CardFilter(muscles: muscle, aspects: aspect.compactMap(Aspect.init(loose:)), regions: region, tags: tag)
            try FilterCheck.require(filter, in: database, decks: decks)
            let options = ReportOptions(today: today, windowDays: try out.windowDays(), filter: filter, exam: examDay,
                                        maxPerDay: try Self.maxPerDayOption.parse(maxPerDay), includeTrends: out.format == .html)
            var figures = try database.weakTopicFigures(decks: decks, options.query)
            figures.firstNewMuscles = Self.distinct(try database.newCards(decks: decks, on: today, filter: filter, limit: 60).map(\.muscleKey))
            let report = WeakTopics.report(figures, options: options)
            switch out.format {
            case .table: try out.emit(TerminalReportRenderer.render(ReportDocuments.report(report), width: out.width, style: out.style))
            case .markdown: try out.emit(MarkdownReportRenderer.render(ReportDocuments.report(report)))
            case .csv: try out.emit(ReportCSV.report(report))
            case .json: try out.emit(ReportJSON.report(report))
            case .html: try out.emit(HTMLReportRenderer.render(ReportDocuments.report(report)))
            }
        }
    }

    static func distinct(_ keys: [String]) -> [String] {
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }
    }

    /// An exam day must be after today (the plan is of the days before it) and at most two years
    /// ahead (a plan of decades is minutes of work and megabytes of output, and no exam is set so
    /// far ahead); a usage error (exit 64) otherwise, before the database is opened.
    static func checkExam(_ exam: Day, today: Day) throws -> Day {
        let horizon = ReportOptions.examHorizonDays
        if exam <= today {
            throw ValidationError("--exam '\(exam)' is not after today (\(today)); give the day of an exam still to come")
        }
        if today.distance(to: exam) > horizon {
            throw ValidationError("--exam '\(exam)' is more than \(horizon) days (two years) after today (\(today)); give a nearer exam day, no later than \(today.adding(days: horizon))")
        }
        return exam
    }
}
