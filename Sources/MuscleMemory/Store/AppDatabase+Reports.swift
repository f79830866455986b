import GRDB
import SM2

/// The reads `muscle report` and `muscle stats` are built from. Each returns values; the roll-ups,
/// rankings and renderers in Report/ never see SQL or the database.
extension AppDatabase {
    /// Per muscle × aspect, all-time figures from the running totals in `card_state`, window figures
    /// from the first answers of the window's days; the leeches; and, when asked, weekly retention,
    /// the due forecast and the due spread of an exam plan. One transaction, so every figure is of
    /// the same moment. A few grouped queries, whatever the history's size.
    public func weakTopicFigures(decks: [Int64], _ query: WeakTopicQuery) throws(StoreError) -> WeakTopicFigures {
        let today = query.window.upperBound
        return try read { db in
            let scope = Self.scope(decks: decks, filter: query.filter)
            return WeakTopicFigures(
                topics: try Self.topicFigures(decks: decks, scope: scope, query: query, db),
                leeches: try Self.leeches(decks: decks, scope: scope, filter: query.filter, limit: query.leechLimit, db),
                weeks: try Self.weeklyReviews(decks: decks, scope: scope, filter: query.filter, through: today, weeks: query.trendWeeks, db),
                forecast: try Self.dueForecast(decks: decks, from: today, days: query.forecastDays, db),
                due: try query.exam.map { _ in try Self.dueSpread(decks: decks, scope: scope, today: today, db) },
                exam: try Self.examPracticeFigures(window: query.window, db))
        }
    }

    /// Answers per day over the window, reviews by the interval the card had, time spent, cards by
    /// state, the due forecast and the study days (for the streak). One transaction.
    public func statsFigures(decks: [Int64], _ query: StatsQuery) throws(StoreError) -> StatsFigures {
        let (start, today) = (query.window.lowerBound, query.window.upperBound)
        return try read { db in
            var answerDays: [StatsFigures.AnswerDay] = []
            var byInterval = query.intervalBuckets.map { _ in ReviewCount(reviews: 0, correct: 0) }
            var windowMilliseconds = 0
            if !decks.isEmpty {
                // From `answer_day` (migration 0011): already grouped by deck, day and the interval
                // the card had, so the window is a range read whatever the history's size.
                let days = try Row.fetchCursor(db, literal: """
                    SELECT day, sum(answers) AS answers, sum(CASE WHEN prior_interval >= 0 THEN answers ELSE 0 END) AS reviews, sum(answer_ms) AS ms
                    FROM answer_day WHERE deck_id IN \(decks) AND day >= \(start.number) AND day <= \(today.number)
                    GROUP BY day HAVING sum(answers) > 0
                    """)
                while let row = try days.next() {
                    answerDays.append(.init(day: Day(row["day"]), answers: row["answers"], reviews: row["reviews"]))
                    windowMilliseconds += row["ms"] as Int
                }
                let intervals = try Row.fetchCursor(db, literal: """
                    SELECT prior_interval AS interval, sum(answers) AS reviews, sum(correct) AS correct
                    FROM answer_day WHERE deck_id IN \(decks) AND day >= \(start.number) AND day <= \(today.number) AND prior_interval >= 0
                    GROUP BY prior_interval
                    """)
                while let row = try intervals.next() {
                    let interval: Int = row["interval"]
                    if let bucket = query.intervalBuckets.firstIndex(where: { $0.contains(interval) }) {
                        byInterval[bucket].reviews += row["reviews"] as Int
                        byInterval[bucket].correct += row["correct"] as Int
                    }
                }
            }
            var states: Row?
            var new = 0
            if !decks.isEmpty {
                // From `deck_state` (migration 0011), kept by the writes; new cards from the queue index.
                states = try Row.fetchOne(db, literal: """
                    SELECT sum(learning) AS learning, sum(young) AS young, sum(mature) AS mature, sum(study_ms) AS study_ms
                    FROM deck_state WHERE deck_id IN \(decks)
                    """)
                new = try Int.fetchOne(db, literal: "SELECT count(*) FROM card_state WHERE deck_id IN \(decks) AND active = 1 AND due_day IS NULL") ?? 0
            }
            return StatsFigures(
                answerDays: answerDays, byInterval: byInterval, windowMilliseconds: windowMilliseconds,
                totalMilliseconds: states?["study_ms"] ?? 0,
                new: new, learning: states?["learning"] ?? 0, young: states?["young"] ?? 0, mature: states?["mature"] ?? 0,
                forecast: try Self.dueForecast(decks: decks, from: today, days: query.forecastDays, db),
                studyDays: try Self.studyDays(through: today, limit: 100_000, db))
        }
    }

    // MARK: - The parts

    /// The lowest review id that can belong to `day` or later: `review` is then read from there
    /// by id, not scanned (see `review_day` in Schema/0001_initial.sql).
    static func firstReviewID(onOrAfter day: Day, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, literal: "SELECT min(first_review_id) FROM review_day WHERE day >= \(day.number)")
    }

    /// Deck and filter conditions for queries over `card_state s`, joined to `muscle m` and `card c`
    /// only when the filter needs them (so the indexes on `card_state` alone can answer the rest).
    struct Scope {
        var joins: SQL
        var condition: SQL
    }

    static func scope(decks: [Int64], filter: CardFilter) -> Scope {
        guard !filter.isEmpty else { return Scope(joins: "", condition: "s.deck_id IN \(decks) AND s.active = 1") }
        return Scope(joins: " CROSS JOIN muscle m ON m.id = s.muscle_id CROSS JOIN card c ON c.id = s.card_id",
                     condition: "s.deck_id IN \(decks) AND s.active = 1 AND (\(filter.sql()))")
    }

    private struct Topic: Hashable {
        var muscle: Int64
        var aspect: String
    }

    private static func topicFigures(decks: [Int64], scope: Scope, query: WeakTopicQuery, _ db: Database) throws -> [TopicFigures] {
        guard !decks.isEmpty else { return [] }
        var names: [Int64: (key: String, name: String, region: String)] = [:]
        for row in try Row.fetchAll(db, literal: "SELECT id, key, name, region FROM muscle WHERE deck_id IN \(decks)") {
            names[row["id"]] = (row["key"], row["name"], row["region"])
        }
        var topics: [TopicFigures] = []
        var index: [Topic: Int] = [:]
        // Without a filter or an exam date, from the sums `topic_state` keeps (migration 0013);
        // otherwise from the cards, in the same (deck, muscle, aspect) order, through
        // `card_state_topic`, which holds every summed column.
        let allTime = query.filter.isEmpty && query.exam == nil
            ? try Row.fetchCursor(db, literal: """
                SELECT muscle_id, aspect, \(sql: TopicSums.columns.joined(separator: ", ")), 0 AS ready
                FROM topic_state WHERE deck_id IN \(decks) AND cards > 0 ORDER BY deck_id, muscle_id, aspect
                """)
            : try Row.fetchCursor(db, literal: """
                SELECT s.muscle_id AS muscle_id, s.aspect AS aspect, \(sql: TopicSums.select(in: "s")),
                       sum(s.repetitions >= 1 AND s.due_day > \(query.exam?.number ?? Int.max)) AS ready
                FROM card_state s\(scope.joins) WHERE \(scope.condition)
                GROUP BY s.muscle_id, s.aspect
                """)
        while let row = try allTime.next() {
            let muscleID: Int64 = row["muscle_id"] ?? 0
            let muscle = names[muscleID] ?? (key: "muscle-\(muscleID)", name: "Muscle \(muscleID)", region: "")
            let aspect: String = row["aspect"]
            index[Topic(muscle: muscleID, aspect: aspect)] = topics.count
            topics.append(TopicFigures(
                muscleID: muscleID, muscleKey: muscle.key, muscleName: muscle.name, region: muscle.region, aspect: aspect,
                cards: row["cards"], seen: row["seen"], notLearned: row["not_learned"], reviews: row["reviews"], correct: row["correct"],
                lapses: row["lapses"], easinessSum: row["easiness_sum"], ready: row["ready"]))
        }
        if let source = try firstAnswers(decks: decks, scope: scope, filter: query.filter, from: query.window.lowerBound, through: query.window.upperBound, db) {
            let window = try Row.fetchCursor(db, literal: """
                SELECT muscle_id, aspect, sum(reviews) AS reviews, sum(correct) AS correct FROM (\(source)) GROUP BY muscle_id, aspect
                """)
            while let row = try window.next() {
                guard let at = index[Topic(muscle: row["muscle_id"] ?? 0, aspect: row["aspect"])] else { continue }
                topics[at].windowReviews = row["reviews"]
                topics[at].windowCorrect = row["correct"]
            }
        }
        return topics
    }

    /// The first answers of each day from `from` through `through`, as rows of (muscle_id, aspect,
    /// day, reviews, correct) for the caller to group: read from `topic_day` (migration 0005),
    /// already counted per topic and day, unless a filter names what only the cards hold (tags),
    /// in which case each review is joined to its card. Nil when nothing was answered since `from`.
    private static func firstAnswers(decks: [Int64], scope: Scope, filter: CardFilter, from: Day, through: Day, _ db: Database) throws -> SQL? {
        if filter.isEmpty {
            return "SELECT muscle_id, aspect, day, reviews, correct FROM topic_day WHERE deck_id IN \(decks) AND day >= \(from.number) AND day <= \(through.number)"
        }
        guard let first = try firstReviewID(onOrAfter: from, db) else { return nil }
        return """
            SELECT s.muscle_id AS muscle_id, s.aspect AS aspect, r.day AS day, 1 AS reviews, \(sql: ScoringRules.correct(grade: "r.grade")) AS correct
            FROM review r CROSS JOIN card_state s ON s.card_id = r.card_id\(scope.joins)
            WHERE r.id >= \(first) AND r.day >= \(from.number) AND r.day <= \(through.number) AND \(sql: ScoringRules.kind("r.kind", is: .review)) AND \(scope.condition)
            """
    }

    private static func leeches(decks: [Int64], scope: Scope, filter: CardFilter, limit: Int, _ db: Database) throws -> [Leech] {
        guard !decks.isEmpty else { return [] }
        let nameJoins: SQL = filter.isEmpty ? " CROSS JOIN muscle m ON m.id = s.muscle_id CROSS JOIN card c ON c.id = s.card_id" : ""
        // The leech condition matches the partial index `card_state_leech` word for word.
        return try Row.fetchAll(db, literal: """
            SELECT \(sql: CardID.sql()) AS card, m.name AS muscle, s.aspect AS aspect, c.front AS front, s.lapses AS lapses, s.easiness AS easiness, s.reviews AS reviews
            FROM card_state s\(scope.joins)\(nameJoins)
            WHERE \(scope.condition) AND \(sql: ScoringRules.leech(in: "s"))
            ORDER BY s.lapses DESC, s.easiness, s.position LIMIT \(limit)
            """).map { row in
            Leech(id: CardID(row["card"] as String), muscle: row["muscle"], aspect: row["aspect"], front: row["front"],
                  lapses: row["lapses"], easiness: row["easiness"], reviews: row["reviews"])
        }
    }

    /// Reviews and how many were correct, per week, for the `weeks` weeks ending `today` (oldest first).
    private static func weeklyReviews(decks: [Int64], scope: Scope, filter: CardFilter, through today: Day, weeks: Int, _ db: Database) throws -> [ReviewCount] {
        guard !decks.isEmpty, weeks > 0 else { return [] }
        let start = today.adding(days: -(weeks * 7 - 1))
        var series = Array(repeating: ReviewCount(reviews: 0, correct: 0), count: weeks)
        guard let source = try firstAnswers(decks: decks, scope: scope, filter: filter, from: start, through: today, db) else { return series }
        for row in try Row.fetchAll(db, literal: """
            SELECT (day - \(start.number)) / 7 AS week, sum(reviews) AS reviews, sum(correct) AS correct FROM (\(source)) GROUP BY week
            """) {
            let week: Int = row["week"]
            if (0..<weeks).contains(week) { series[week] = ReviewCount(reviews: row["reviews"], correct: row["correct"]) }
        }
        return series
    }

    /// How many cards fall due on each day (overdue ones on `today`), and how many were never
    /// answered: what an exam plan schedules.
    private static func dueSpread(decks: [Int64], scope: Scope, today: Day, _ db: Database) throws -> DueSpread {
        guard !decks.isEmpty else { return DueSpread(due: [:], unseen: 0, total: 0) }
        var spread = DueSpread(due: [:], unseen: 0, total: 0)
        for row in try Row.fetchAll(db, literal: """
            SELECT max(s.due_day, \(today.number)) AS d, count(*) AS n FROM card_state s\(scope.joins) WHERE \(scope.condition) GROUP BY d
            """) {
            let count: Int = row["n"]
            spread.total += count
            if let day = row["d"] as Int? { spread.due[day, default: 0] += count } else { spread.unseen += count }
        }
        return spread
    }
}
