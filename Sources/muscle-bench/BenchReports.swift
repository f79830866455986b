import Foundation
import MuscleMemory

/// The report and stats steps: the same computations `muscle report` and `muscle stats` make
/// (weak topics over the 30-day window and all time; the statistics), rendered as a table.
enum BenchReports {
    static func run(_ step: ChildStep, database: AppDatabase, decks: [Int64], calendar: StudyCalendar, now: Date) throws {
        let today = calendar.day(at: now)
        switch step {
        case .report:
            let options = ReportOptions(today: today, windowDays: 30)
            let report = WeakTopics.report(try database.weakTopicFigures(decks: decks, options.query), options: options)
            _ = TerminalReportRenderer.render(ReportDocuments.report(report), width: 120, style: .plain)
        default:
            let stats = Statistics.report(try database.statsFigures(decks: decks, Statistics.query(today: today)), today: today)
            _ = TerminalReportRenderer.render(ReportDocuments.stats(stats), width: 120, style: .plain)
        }
    }
}
