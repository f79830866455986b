import Foundation
import MuscleMemory

/// The report and stats steps: the same computations `muscle report` and `muscle stats` make
/// (weak topics over the 30-day window and all time; the statistics), rendered as a table.
enum BenchReports {
    static func run(_ step: ChildStep, database: AppDatabase, decks: [Int64], calendar: StudyCalendar, now: Date) throws {
        let today = calendar.day(at: now)
        switch step {
        case .report:
            let report = try WeakTopics.report(database, decks: decks, options: ReportOptions(today: today, windowDays: 30))
            _ = TerminalReportRenderer.render(ReportDocuments.report(report), width: 120, style: .plain)
        default:
            let stats = try Statistics.report(database, decks: decks, today: today, windowDays: 30)
            _ = TerminalReportRenderer.render(ReportDocuments.stats(stats), width: 120, style: .plain)
        }
    }
}
