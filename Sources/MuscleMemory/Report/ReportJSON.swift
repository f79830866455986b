import Foundation

/// `--format json`: the report's figures with stable snake_case field names (documented in
/// Docs/REPORTS.md), dates as "YYYY-MM-DD", shares as numbers from 0 to 1.
public enum ReportJSON {
    public static func report(_ r: WeakTopicReport) throws(JSON.EncodingFailure) -> String {
        try JSON.encode(ReportPayload(r), snakeCaseKeys: true)
    }

    public static func stats(_ s: StatsReport) throws(JSON.EncodingFailure) -> String {
        try JSON.encode(StatsPayload(s), snakeCaseKeys: true)
    }

    struct Topic: Encodable {
        var level: String, topic: String, command: String
        var cards: Int, seen: Int, notLearned: Int, reviews: Int, correct: Int, retention: Double?
        var windowReviews: Int, windowCorrect: Int, windowRetention: Double?, lapses: Int, meanEasiness: Double?
        var weakness: Int?, judged: Bool

        init(_ t: TopicStats) {
            level = t.level.rawValue; topic = t.name; command = t.command
            cards = t.cards; seen = t.seen; notLearned = t.notLearned; reviews = t.reviews; correct = t.correct; retention = t.retention
            windowReviews = t.windowReviews; windowCorrect = t.windowCorrect; windowRetention = t.windowRetention; lapses = t.lapses
            meanEasiness = t.meanEasiness.map { Double($0) / 100 }; weakness = t.weakness.map(Format.weaknessValue); judged = t.judged
        }
    }

    struct ReportPayload: Encodable {
        struct LeechEntry: Encodable { var card: String, muscle: String, aspect: String, front: String, lapses: Int, easiness: Double, reviews: Int }
        struct Exam: Encodable {
            struct Topic: Encodable { var topic: String, command: String, cards: Int, ready: Int, atRisk: Int, readyShare: Double }
            struct PlanDay: Encodable { var day: String, due: Int, new: Int, finalPass: Int, total: Int }
            var examDay: String, daysLeft: Int, maxPerDay: Int, topics: [Topic], plan: [PlanDay], problems: [String]
        }
        var kind = "weak-topics"
        var today: String, windowDays: Int, scoreDefinition: String
        var muscles: [Topic], aspects: [Topic], regions: [Topic], muscleAspects: [Topic]
        var leeches: [LeechEntry], plan: [String], exam: Exam?

        init(_ r: WeakTopicReport) {
            today = r.today.description; windowDays = r.windowDays; scoreDefinition = r.scoreDefinition
            muscles = r.muscles.map(Topic.init); aspects = r.aspects.map(Topic.init); regions = r.regions.map(Topic.init)
            muscleAspects = r.muscleAspects.map(Topic.init)
            leeches = r.leeches.map { LeechEntry(card: $0.id.rawValue, muscle: $0.muscle, aspect: $0.aspect, front: $0.front, lapses: $0.lapses, easiness: Double($0.easiness) / 100, reviews: $0.reviews) }
            plan = r.plan
            exam = r.exam.map { e in
                Exam(examDay: e.exam.description, daysLeft: e.daysLeft, maxPerDay: e.maxPerDay,
                     topics: e.topics.map { .init(topic: $0.name, command: $0.command, cards: $0.cards, ready: $0.ready, atRisk: $0.atRisk, readyShare: $0.readyShare) },
                     plan: e.days.map { .init(day: $0.day.description, due: $0.due, new: $0.new, finalPass: $0.finalPass, total: $0.total) },
                     problems: e.problems)
            }
        }
    }

    struct StatsPayload: Encodable {
        struct DayCount: Encodable { var day: String, answers: Int, reviews: Int }
        struct Forecast: Encodable { var day: String, due: Int }
        struct Bucket: Encodable { var interval: String, reviews: Int, correct: Int, retention: Double? }
        var kind = "stats"
        var today: String, windowDays: Int, perDay: [DayCount], forecast: [Forecast]
        var cards: StatsReport.CardStates, retentionByInterval: [Bucket], streakDays: Int, windowMs: Int, totalMs: Int

        init(_ s: StatsReport) {
            today = s.today.description; windowDays = s.windowDays
            perDay = s.perDay.map { DayCount(day: $0.day.description, answers: $0.answers, reviews: $0.reviews) }
            forecast = s.forecast.enumerated().map { Forecast(day: s.today.adding(days: $0.offset).description, due: $0.element) }
            cards = s.cards
            retentionByInterval = s.retentionByInterval.map { Bucket(interval: $0.name, reviews: $0.reviews, correct: $0.correct, retention: $0.retention) }
            streakDays = s.streak; windowMs = s.windowMilliseconds; totalMs = s.totalMilliseconds
        }
    }
}
