import Foundation
import MuscleMemory

/// The report and stats steps: the same computations `muscle report` and `muscle stats` make.
enum BenchReports {
    static func run(_ step: ChildStep, database: AppDatabase, decks: [Int64], calendar: StudyCalendar, now: Date) throws {
        // Wired to the Report module's API once it lands.
        _ = (step, database, decks, calendar, now)
    }
}
