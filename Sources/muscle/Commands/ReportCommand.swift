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

    @Option(help: ArgumentHelp("Exam day (YYYY-MM-DD): readiness per muscle and a day-by-day plan.", valueName: "date"))
    var exam: String?

    @Option(name: .customLong("max-per-day"), help: ArgumentHelp("Most cards a day in the exam plan.", valueName: "n"))
    var maxPerDay: Int = 200

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
        if maxPerDay < 1 { throw ValidationError("--max-per-day '\(maxPerDay)' must be at least 1") }
        for name in aspect where Aspect(loose: name) == nil {
            throw ValidationError("--aspect '\(name)' is not an aspect; use one of: \(Aspect.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        try reportingFailures {
            let now = try global.resolvedNow()
            let database = try global.openDatabase(now: now, pageCacheMiB: 16)
            try DeckSyncing.syncQuietly(database, global.deckLocations, now: now)
            let decks = try database.deckIDs(for: global.deckLocations)
            let today = try global.calendar().day(at: now)
            let filter = CardFilter(muscles: muscle, aspects: aspect.compactMap(Aspect.init(loose:)), regions: region, tags: tag)
            let options = ReportOptions(today: today, windowDays: try out.windowDays(), filter: filter, exam: exam.flatMap(Day.init(iso:)),
                                        maxPerDay: maxPerDay, includeTrends: out.format == .html)
            let report = WeakTopics.report(try database.weakTopicFigures(decks: decks, options.query), options: options)
            switch out.format {
            case .table: try out.emit(TerminalReportRenderer.render(ReportDocuments.report(report), width: out.width, style: out.style))
            case .markdown: try out.emit(MarkdownReportRenderer.render(ReportDocuments.report(report)))
            case .csv: try out.emit(ReportCSV.report(report))
            case .json: try out.emit(ReportJSON.report(report))
            case .html: try out.emit(HTMLReportRenderer.render(ReportDocuments.report(report)))
            }
        }
    }
}
