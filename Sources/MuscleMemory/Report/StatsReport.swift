import GRDB
import SM2

/// What `muscle stats` shows.
public struct StatsReport: Sendable, Equatable, Codable {
    public struct DayCount: Sendable, Equatable, Codable {
        public var day: Day
        /// All answers that day, and how many were reviews (first answers, the ones SM-2 counts).
        public var answers: Int
        public var reviews: Int
    }

    public struct Bucket: Sendable, Equatable, Codable {
        /// "1 day", "2-6 days", "7-20 days", "21-89 days", "90+ days": the interval a card had when reviewed.
        public var name: String
        public var reviews: Int
        public var correct: Int
        public var retention: Double? { reviews > 0 ? Double(correct) / Double(reviews) : nil }
    }

    public struct CardStates: Sendable, Equatable, Codable {
        /// Never answered.
        public var new: Int
        /// Answered, but not yet past its second successful repetition (repetitions 0 or 1).
        public var learning: Int
        /// Repetitions 2 or more, interval under 21 days.
        public var young: Int
        /// Interval of 21 days or more.
        public var mature: Int
    }

    public var today: Day
    public var windowDays: Int
    public var perDay: [DayCount]
    public var forecast: [Int]
    public var cards: CardStates
    public var retentionByInterval: [Bucket]
    public var streak: Int
    public var windowMilliseconds: Int
    public var totalMilliseconds: Int
}

public enum Statistics {
    static let buckets: [(String, ClosedRange<Int>)] = [("1 day", 0...1), ("2-6 days", 2...6), ("7-20 days", 7...20), ("21-89 days", 21...89), ("90+ days", 90...Int.max)]

    public static func report(_ database: AppDatabase, decks: [Int64], today: Day, windowDays: Int = 30, forecastDays: Int = 30) throws(StoreError) -> StatsReport {
        let windowDays = windowDays.clamped(to: ReportOptions.windowDaysRange)
        let start = today.adding(days: -(windowDays - 1))
        let deckList = decks.map { _ in "?" }.joined(separator: ", ")
        let deckValues = decks.map { $0 as any DatabaseValueConvertible }
        struct Figures {
            var perDay: [StatsReport.DayCount]
            var buckets: [StatsReport.Bucket]
            var windowMs: Int
            var totalMs: Int
            var states: StatsReport.CardStates
        }
        let figures: Figures = try database.read { (db: Database) throws -> Figures in
            var perDay = (0..<max(1, windowDays)).map { StatsReport.DayCount(day: start.adding(days: $0), answers: 0, reviews: 0) }
            var counts: [(reviews: Int, correct: Int)] = Array(repeating: (0, 0), count: Self.buckets.count)
            var windowMs = 0
            if !decks.isEmpty, let first = try database.firstReviewID(onOrAfter: start, db) {
                for row in try Row.fetchAll(db, sql: """
                    SELECT r.day, count(*), sum(r.kind = 0), sum(r.answer_ms) FROM review r CROSS JOIN card_state s ON s.card_id = r.card_id
                    WHERE r.id >= ? AND r.day >= ? AND r.day <= ? AND s.deck_id IN (\(deckList)) GROUP BY r.day
                    """, arguments: StatementArguments([first, Int64(start.number), Int64(today.number)] + deckValues)) {
                    let index = start.distance(to: Day(row[0]))
                    if perDay.indices.contains(index) {
                        perDay[index].answers = row[1]
                        perDay[index].reviews = row[2]
                    }
                    windowMs += row[3] as Int
                }
                // The interval a card had when it was reviewed: the one its previous review produced.
                for row in try Row.fetchAll(db, sql: """
                    SELECT coalesce((SELECT p.interval_days FROM review p WHERE p.card_id = r.card_id AND p.kind = 0 AND p.id < r.id ORDER BY p.id DESC LIMIT 1), 0) AS interval,
                           r.grade >= 3
                    FROM review r CROSS JOIN card_state s ON s.card_id = r.card_id
                    WHERE r.id >= ? AND r.day >= ? AND r.day <= ? AND r.kind = 0 AND s.deck_id IN (\(deckList))
                    """, arguments: StatementArguments([first, Int64(start.number), Int64(today.number)] + deckValues)) {
                    let interval: Int = row[0]
                    let ok: Bool = row[1]
                    if let index = Self.buckets.firstIndex(where: { $0.1.contains(interval) }) {
                        counts[index].reviews += 1
                        if ok { counts[index].correct += 1 }
                    }
                }
            }
            var states = StatsReport.CardStates(new: 0, learning: 0, young: 0, mature: 0)
            var totalMs = 0
            if !decks.isEmpty, let row = try Row.fetchOne(db, sql: """
                SELECT sum(due_day IS NULL), sum(due_day IS NOT NULL AND repetitions <= 1),
                       sum(repetitions >= 2 AND interval_days < 21), sum(repetitions >= 2 AND interval_days >= 21), sum(study_ms)
                FROM card_state WHERE deck_id IN (\(deckList)) AND active = 1
                """, arguments: StatementArguments(deckValues)) {
                states = StatsReport.CardStates(new: row[0] ?? 0, learning: row[1] ?? 0, young: row[2] ?? 0, mature: row[3] ?? 0)
                totalMs = row[4] ?? 0
            }
            var bucketList: [StatsReport.Bucket] = []
            for (index, bucket) in Self.buckets.enumerated() {
                bucketList.append(StatsReport.Bucket(name: bucket.0, reviews: counts[index].reviews, correct: counts[index].correct))
            }
            return Figures(perDay: perDay, buckets: bucketList, windowMs: windowMs, totalMs: totalMs, states: states)
        }
        return StatsReport(
            today: today, windowDays: windowDays, perDay: figures.perDay,
            forecast: try database.dueForecast(decks: decks, from: today, days: forecastDays),
            cards: figures.states, retentionByInterval: figures.buckets, streak: try streak(database, through: today),
            windowMilliseconds: figures.windowMs, totalMilliseconds: figures.totalMs)
    }

    /// Consecutive study days ending today, or yesterday when today has no answers yet.
    public static func streak(_ database: AppDatabase, through today: Day) throws(StoreError) -> Int {
        let days = try database.studyDays(through: today, limit: 100_000)
        var expected = days.first == today ? today : today.adding(days: -1)
        var streak = 0
        for day in days {
            if day == expected { streak += 1; expected = expected.adding(days: -1) } else if day < expected { break }
        }
        return streak
    }
}
