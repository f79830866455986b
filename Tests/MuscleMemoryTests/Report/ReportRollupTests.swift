import SM2
import Testing
@testable import MuscleMemory

/// The report and the statistics are pure roll-ups of the store's figures: built here from
/// figures written by hand, with no database.
@Suite struct ReportRollupTests {
    static let today = Day(20_788)

    static func topic(_ muscle: Int64, _ key: String, _ name: String, region: String, _ aspect: Aspect, cards: Int, seen: Int, notLearned: Int,
                      reviews: Int, correct: Int, easiness: Int = 0, window: (Int, Int) = (0, 0), ready: Int = 0) -> TopicFigures {
        TopicFigures(muscleID: muscle, muscleKey: key, muscleName: name, region: region, aspect: aspect.rawValue, cards: cards, seen: seen,
                     notLearned: notLearned, reviews: reviews, correct: correct, easinessSum: easiness, windowReviews: window.0,
                     windowCorrect: window.1, ready: ready)
    }

    static let figures = WeakTopicFigures(
        topics: [
            topic(1, "piriformis", "Piriformis", region: "Hip", .triggerPoints, cards: 2, seen: 2, notLearned: 2, reviews: 20, correct: 0,
                  easiness: 260, window: (20, 0)),
            topic(1, "piriformis", "Piriformis", region: "Hip", .origin, cards: 1, seen: 1, notLearned: 0, reviews: 10, correct: 10,
                  easiness: 280, window: (10, 10), ready: 1),
            topic(2, "soleus", "Soleus", region: "Lower leg and foot", .origin, cards: 1, seen: 0, notLearned: 1, reviews: 0, correct: 0),
        ],
        leeches: [Leech(id: "piriformis/trigger-points/lateral-third", muscle: "Piriformis", aspect: "trigger-points", front: "Where?",
                        lapses: 0, easiness: 130, reviews: 10)],
        weeks: [ReviewCount(reviews: 0, correct: 0), ReviewCount(reviews: 4, correct: 3)],
        forecast: [2, 0, 1],
        due: DueSpread(due: [today.number: 2, today.number + 1: 1], unseen: 1, total: 4))

    @Test func topicsRollUpToMusclesAspectsAndRegionsAndRank() {
        let report = WeakTopics.report(Self.figures, options: ReportOptions(today: Self.today))
        #expect(report.muscleAspects.map(\.name) == ["Piriformis · trigger points", "Piriformis · origin", "Soleus · origin"])
        // All failed (0.6), mean easiness 1.30 (0.25), none learned (0.15).
        #expect(report.muscleAspects.first?.weakness == 100)
        let piriformis = try? #require(report.muscles.first)
        #expect(piriformis?.name == "Piriformis" && piriformis?.cards == 3 && piriformis?.reviews == 30 && piriformis?.meanEasiness == 180)
        #expect(report.regions.map(\.name) == ["Hip", "Lower leg and foot"])
        #expect(report.regions.last?.started == false)
        #expect(report.plan == ["muscle study --muscle piriformis --aspect trigger-points", "muscle study --muscle soleus"])
        #expect(report.leeches.map(\.id) == ["piriformis/trigger-points/lateral-third"])
        #expect(report.exam == nil && report.weeklyRetention.isEmpty && report.forecast.isEmpty)
    }

    @Test func anExamPlanAndTheTrendsComeFromTheirFigures() throws {
        let options = ReportOptions(today: Self.today, exam: Self.today.adding(days: 10), maxPerDay: 50, includeTrends: true)
        let report = WeakTopics.report(Self.figures, options: options)
        let exam = try #require(report.exam)
        // Studied first (piriformis), the muscle never answered (soleus) after it (issue 16).
        #expect(exam.topics.map(\.name) == ["Piriformis", "Soleus"])
        #expect(exam.topics.first?.ready == 1 && exam.topics.first?.atRisk == 2)
        #expect(exam.topics.map(\.started) == [true, false])
        #expect(exam.days.first?.due == 2 && exam.days.count == 10)
        #expect(exam.days.reduce(0) { $0 + $1.new } == 1)
        #expect(report.weeklyRetention.map(\.start) == [Self.today.adding(days: -13), Self.today.adding(days: -6)])
        #expect(report.forecast == [2, 0, 1])
    }

    /// What the report asks for follows from its options.
    @Test func theQueryFollowsTheOptions() {
        let plain = ReportOptions(today: Self.today, windowDays: 7).query
        #expect(plain.window == Self.today.adding(days: -6)...Self.today)
        #expect(plain.trendWeeks == 0 && plain.forecastDays == 0 && plain.exam == nil)
        let html = ReportOptions(today: Self.today, exam: Self.today.adding(days: 3), includeTrends: true).query
        #expect(html.trendWeeks == 12 && html.forecastDays == 30 && html.exam == Self.today.adding(days: 3))
    }

    @Test func statisticsFillTheWindowAndNameTheBuckets() {
        let figures = StatsFigures(
            answerDays: [.init(day: Self.today, answers: 5, reviews: 3), .init(day: Self.today.adding(days: -2), answers: 1, reviews: 1),
                         .init(day: Self.today.adding(days: -40), answers: 9, reviews: 9)],
            byInterval: [ReviewCount(reviews: 2, correct: 1), ReviewCount(reviews: 0, correct: 0), ReviewCount(reviews: 2, correct: 2),
                         ReviewCount(reviews: 0, correct: 0), ReviewCount(reviews: 0, correct: 0)],
            windowMilliseconds: 61_000, totalMilliseconds: 3_600_000, new: 4, learning: 3, young: 2, mature: 1,
            forecast: [1, 2], studyDays: [Self.today.adding(days: -1), Self.today.adding(days: -2), Self.today.adding(days: -4)])
        let stats = Statistics.report(figures, today: Self.today, windowDays: 3)
        #expect(stats.perDay.map(\.answers) == [1, 0, 5])
        #expect(stats.perDay.map(\.reviews) == [1, 0, 3])
        #expect(stats.retentionByInterval.map(\.name) == ["1 day", "2-6 days", "7-20 days", "21-89 days", "90+ days"])
        #expect(stats.retentionByInterval.map(\.retention) == [0.5, nil, 1, nil, nil])
        // Nothing today yet: the streak runs up to yesterday.
        #expect(stats.streak == 2)
        #expect(stats.cards == StatsReport.CardStates(new: 4, learning: 3, young: 2, mature: 1))
        #expect(Statistics.query(today: Self.today, windowDays: 3).intervalBuckets.count == stats.retentionByInterval.count)
    }
}
