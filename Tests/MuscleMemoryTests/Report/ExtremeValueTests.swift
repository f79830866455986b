import Foundation
import SM2
import Testing
import TestSupport
@testable import MuscleMemory

/// The core keeps the limits a caller gives inside their documented ranges, so no value, however
/// it arrives (the command line refuses them first), overflows the arithmetic or runs for minutes.
@Suite struct ExtremeValueTests {
    @Test func studyLimitsAreClamped() throws {
        let f = try ReportFixture()
        for limit in [Int.max, 4_611_686_018_427_387_894, Int.min, -1] {
            let options = StudyOptions(newPerDay: limit, reviewsPerDay: limit)
            #expect(StudyOptions.newPerDayRange.contains(options.newPerDay))
            #expect(options.reviewsPerDay.map(StudyOptions.reviewsPerDayRange.contains) == true)
            let session = try StudySession(database: f.store.database, decks: f.decks, calendar: utcCalendar, options: options) { testNow }
            #expect(try session.upcomingCards().count <= 9_999)
        }
    }

    @Test func reportLimitsAreClampedAndAFarExamIsRefused() throws {
        let f = try ReportFixture.failingStudent()
        let options = ReportOptions(today: testDay, windowDays: Int.max, exam: Day(Int.max / 2), maxPerDay: Int.max)
        #expect(options.windowDays == 3_650 && options.maxPerDay == 100_000)
        let report = WeakTopics.report(try f.store.database.weakTopicFigures(decks: f.decks, options.query), options: options)
        #expect(report.exam?.days.isEmpty == true)
        #expect(report.exam?.problems.first?.contains("is more than 730 days after today") == true)
        let stats = Statistics.report(try f.store.database.statsFigures(decks: f.decks, Statistics.query(today: testDay, windowDays: Int.max)), today: testDay, windowDays: Int.max)
        #expect(stats.windowDays == 3_650)
        #expect(ReportOptions(today: testDay, windowDays: Int.min, maxPerDay: Int.min).windowDays == 1)
    }
}
