import ArgumentParser
import Foundation
import MuscleMemory

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Answers per day, the due forecast, cards by state, retention by interval, streak and time spent.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var out: ReportOutputOptions

    func run() throws {
        try reportingFailures {
            let now = try global.resolvedNow()
            let database = try global.openDatabase(now: now, pageCacheMiB: 16)
            try DeckSyncing.syncQuietly(database, global.deckLocations, now: now)
            let decks = try database.deckIDs(for: global.deckLocations)
            let (today, windowDays) = (try global.calendar().day(at: now), try out.windowDays())
            let figures = try database.statsFigures(decks: decks, Statistics.query(today: today, windowDays: windowDays))
            let stats = Statistics.report(figures, today: today, windowDays: windowDays)
            switch out.format {
            case .table: try out.emit(TerminalReportRenderer.render(ReportDocuments.stats(stats), width: out.width, style: out.style))
            case .markdown: try out.emit(MarkdownReportRenderer.render(ReportDocuments.stats(stats)))
            case .csv: try out.emit(ReportCSV.stats(stats))
            case .json: try out.emit(ReportJSON.stats(stats))
            case .html: try out.emit(HTMLReportRenderer.render(ReportDocuments.stats(stats)))
            }
        }
    }
}
