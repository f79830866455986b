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
        /// Exam-practice answers counted in the weakness; absent when there are none.
        var examAnswers: Int?, examCorrect: Int?, windowExamAnswers: Int?, windowExamCorrect: Int?

        init(_ t: TopicStats) {
            level = t.level.rawValue; topic = t.name; command = t.command
            cards = t.cards; seen = t.seen; notLearned = t.notLearned; reviews = t.reviews; correct = t.correct; retention = t.retention
            windowReviews = t.windowReviews; windowCorrect = t.windowCorrect; windowRetention = t.windowRetention; lapses = t.lapses
            meanEasiness = t.meanEasiness.map { Double($0) / 100 }; weakness = t.weakness.map(Format.weaknessValue); judged = t.judged
            if t.examAnswers > 0 {
                examAnswers = t.examAnswers; examCorrect = t.examCorrect; windowExamAnswers = t.windowExamAnswers; windowExamCorrect = t.windowExamCorrect
            }
        }
    }

    struct ReportPayload: Encodable {
        struct LeechEntry: Encodable { var card: String, muscle: String, aspect: String, front: String, lapses: Int, easiness: Double, reviews: Int }
        struct Exam: Encodable {
            struct Topic: Encodable { var topic: String, command: String, cards: Int, ready: Int, atRisk: Int, readyShare: Double, examAnswers: Int?, examCorrect: Int? }
            struct PlanDay: Encodable { var day: String, due: Int, new: Int, finalPass: Int, total: Int }
            var examDay: String, daysLeft: Int, maxPerDay: Int, topics: [Topic], plan: [PlanDay], problems: [String]
        }
        var kind = "weak-topics"
        var today: String, windowDays: Int, scoreDefinition: String
        var muscles: [Topic], aspects: [Topic], regions: [Topic], muscleAspects: [Topic]
        var leeches: [LeechEntry], plan: [String], exam: Exam?
        /// Absent when the window holds no exam answer.
        var examPractice: Practice?

        struct Practice: Encodable {
            struct Accuracy: Encodable { var name: String, key: String, answers: Int, correct: Int, accuracy: Double? }
            struct Item: Encodable { var id: String, stem: String, muscle: String, template: String, answers: Int, missed: Int }
            struct Mock: Encodable { var day: String, items: Int, answered: Int, correct: Int, score: Double }
            var answers: Int, correct: Int, accuracy: Double?
            var byRegion: [Accuracy], byTemplate: [Accuracy], byMuscle: [Accuracy], missedMost: [Item], items: [Item], mocks: [Mock]

            init(_ p: ExamPractice) {
                func list(_ rows: [ExamPractice.Accuracy]) -> [Accuracy] { rows.map { .init(name: $0.name, key: $0.key, answers: $0.answers, correct: $0.correct, accuracy: $0.accuracy) } }
                func items(_ rows: [ExamPractice.Missed]) -> [Item] { rows.map { .init(id: $0.id, stem: $0.stem, muscle: $0.muscle, template: $0.template, answers: $0.answers, missed: $0.missed) } }
                answers = p.answers; correct = p.correct; accuracy = p.accuracy
                byRegion = list(p.byRegion); byTemplate = list(p.byTemplate); byMuscle = list(p.byMuscle)
                missedMost = items(p.missedMost); self.items = items(p.items)
                mocks = p.mocks.map { .init(day: $0.day.description, items: $0.items, answered: $0.answered, correct: $0.correct, score: $0.score) }
            }
        }

        init(_ r: WeakTopicReport) {
            today = r.today.description; windowDays = r.windowDays; scoreDefinition = r.scoreDefinition
            muscles = r.muscles.map(Topic.init); aspects = r.aspects.map(Topic.init); regions = r.regions.map(Topic.init)
            muscleAspects = r.muscleAspects.map(Topic.init)
            leeches = r.leeches.map { LeechEntry(card: $0.id.rawValue, muscle: $0.muscle, aspect: $0.aspect, front: $0.front, lapses: $0.lapses, easiness: Double($0.easiness) / 100, reviews: $0.reviews) }
            plan = r.plan
            exam = r.exam.map { e in
                Exam(examDay: e.exam.description, daysLeft: e.daysLeft, maxPerDay: e.maxPerDay,
                     topics: e.topics.map { .init(topic: $0.name, command: $0.command, cards: $0.cards, ready: $0.ready, atRisk: $0.atRisk, readyShare: $0.readyShare,
                                                  examAnswers: $0.examAnswers > 0 ? $0.examAnswers : nil, examCorrect: $0.examAnswers > 0 ? $0.examCorrect : nil) },
                     plan: e.days.map { .init(day: $0.day.description, due: $0.due, new: $0.new, finalPass: $0.finalPass, total: $0.total) },
                     problems: e.problems)
            }
            examPractice = r.examPractice.map(Practice.init)
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
