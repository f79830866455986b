import GRDB
import SM2

/// One row per muscle × aspect: the finest grain every report level is rolled up from.
struct TopicRow: Sendable {
    var muscleID: Int64
    var muscleKey: String
    var muscleName: String
    var region: String
    var aspect: String
    var cards = 0
    var seen = 0
    var notLearned = 0
    var reviews = 0
    var correct = 0
    var lapses = 0
    var easinessSum = 0
    var windowReviews = 0
    var windowCorrect = 0
    /// Cards learned and not due again until after the exam day (only with an exam day).
    var ready = 0
}

extension AppDatabase {
    /// The lowest review id that can belong to `day` or later: `review` is then read from there
    /// by id, not scanned (see `review_day` in Schema/0001_initial.sql).
    func firstReviewID(onOrAfter day: Day, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT min(first_review_id) FROM review_day WHERE day >= ?", arguments: [day.number])
    }

    /// Filter and deck conditions for queries over `card_state s`, joined to `muscle m` and `card c`
    /// only when the filter needs them (so the indexes on `card_state` alone can answer the rest).
    private func scope(decks: [Int64], filter: CardFilter) -> (joins: String, condition: String, values: [any DatabaseValueConvertible]) {
        let deckList = decks.map { _ in "?" }.joined(separator: ", ")
        var joins = ""
        var condition = "s.deck_id IN (\(deckList)) AND s.active = 1"
        var values: [any DatabaseValueConvertible] = decks
        if !filter.isEmpty {
            let (sql, filterValues) = filter.sql()
            joins = " CROSS JOIN muscle m ON m.id = s.muscle_id CROSS JOIN card c ON c.id = s.card_id"
            condition += " AND (\(sql))"
            values += filterValues
        }
        return (joins, condition, values)
    }

    /// Muscle ids to (key, name, region), for the decks.
    private func muscleNames(decks: [Int64], _ db: Database) throws -> [Int64: (key: String, name: String, region: String)] {
        let deckList = decks.map { _ in "?" }.joined(separator: ", ")
        var names: [Int64: (key: String, name: String, region: String)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, key, name, region FROM muscle WHERE deck_id IN (\(deckList))", arguments: StatementArguments(decks)) {
            names[row[0]] = (row[1], row[2], row[3])
        }
        return names
    }

    /// Per muscle × aspect: all-time figures from the running totals in `card_state`, window
    /// figures from the reviews since `windowStart`. Two grouped queries, whatever the history's size.
    func topicRows(decks: [Int64], filter: CardFilter, windowStart: Day, today: Day, exam: Day?) throws(StoreError) -> [TopicRow] {
        guard !decks.isEmpty else { return [] }
        let (joins, condition, values) = scope(decks: decks, filter: filter)
        return try read { db in
            var rows: [String: TopicRow] = [:]
            let examDay = exam?.number ?? Int.max
            let names = try muscleNames(decks: decks, db)
            // Read in (deck, muscle, aspect) order from `card_state_topic`, which holds every summed column.
            let allTime = try Row.fetchCursor(db, sql: """
                SELECT s.muscle_id, s.aspect, count(*), sum(s.reviews > 0), sum(s.repetitions = 0),
                       sum(s.reviews), sum(s.correct), sum(s.lapses), sum(CASE WHEN s.reviews > 0 THEN s.easiness ELSE 0 END),
                       sum(s.repetitions >= 1 AND s.due_day > ?)
                FROM card_state s\(joins) WHERE \(condition)
                GROUP BY s.muscle_id, s.aspect
                """, arguments: StatementArguments([examDay] + values))
            while let row = try allTime.next() {
                let muscleID: Int64 = row[0]
                let muscle = names[muscleID] ?? (key: "muscle-\(muscleID)", name: "Muscle \(muscleID)", region: "")
                let key = "\(muscleID)/\(row[1] as String)"
                rows[key] = TopicRow(muscleID: muscleID, muscleKey: muscle.key, muscleName: muscle.name, region: muscle.region, aspect: row[1],
                                     cards: row[2], seen: row[3], notLearned: row[4], reviews: row[5], correct: row[6],
                                     lapses: row[7], easinessSum: row[8], ready: row[9])
            }
            if let source = try firstAnswers(decks: decks, filter: filter, from: windowStart, through: today, db) {
                let window = try Row.fetchCursor(db, sql: """
                    SELECT muscle_id, aspect, sum(reviews), sum(correct) FROM (\(source.sql)) GROUP BY muscle_id, aspect
                    """, arguments: StatementArguments(source.arguments))
                while let row = try window.next() {
                    let key = "\(row[0] as Int64)/\(row[1] as String)"
                    rows[key]?.windowReviews = row[2]
                    rows[key]?.windowCorrect = row[3]
                }
            }
            return Array(rows.values)
        }
    }

    /// The first answers of each day from `from` through `through`, as rows of (muscle_id, aspect,
    /// day, reviews, correct) for the caller to group: read from `topic_day` (migration 0005),
    /// already counted per topic and day, unless a filter names what only the cards hold (tags),
    /// in which case each review is joined to its card. Nil when nothing was answered since `from`.
    private func firstAnswers(decks: [Int64], filter: CardFilter, from: Day, through: Day, _ db: Database) throws
        -> (sql: String, arguments: [any DatabaseValueConvertible])? {
        let (joins, condition, values) = scope(decks: decks, filter: filter)
        let range: [any DatabaseValueConvertible] = [Int64(from.number), Int64(through.number)]
        if filter.isEmpty {
            let deckList = decks.map { _ in "?" }.joined(separator: ", ")
            return ("SELECT muscle_id, aspect, day, reviews, correct FROM topic_day WHERE deck_id IN (\(deckList)) AND day >= ? AND day <= ?",
                    decks + range)
        }
        guard let first = try firstReviewID(onOrAfter: from, db) else { return nil }
        return ("""
            SELECT s.muscle_id AS muscle_id, s.aspect AS aspect, r.day AS day, 1 AS reviews, r.grade >= 3 AS correct
            FROM review r CROSS JOIN card_state s ON s.card_id = r.card_id\(joins)
            WHERE r.id >= ? AND r.day >= ? AND r.day <= ? AND r.kind = 0 AND \(condition)
            """, [first] + range + values)
    }

    func leeches(decks: [Int64], filter: CardFilter, limit: Int) throws(StoreError) -> [Leech] {
        guard !decks.isEmpty else { return [] }
        let (joins, condition, values) = scope(decks: decks, filter: filter)
        let nameJoins = filter.isEmpty ? " CROSS JOIN muscle m ON m.id = s.muscle_id CROSS JOIN card c ON c.id = s.card_id" : ""
        return try read { db in
            // The leech condition matches the partial index `card_state_leech` word for word.
            try Row.fetchAll(db, sql: """
                SELECT m.key || '/' || c.item, m.name, s.aspect, c.front, s.lapses, s.easiness, s.reviews
                FROM card_state s\(joins)\(nameJoins)
                WHERE \(condition) AND s.reviews > 0 AND (s.lapses >= 4 OR s.easiness <= 130)
                ORDER BY s.lapses DESC, s.easiness, s.position LIMIT ?
                """, arguments: StatementArguments(values + [limit])).map {
                Leech(id: CardID($0[0] as String), muscle: $0[1], aspect: $0[2], front: $0[3], lapses: $0[4], easiness: $0[5], reviews: $0[6])
            }
        }
    }

    /// Reviews and their share graded 3 or more, per week, for the last `weeks` weeks (oldest first).
    func weeklyRetention(decks: [Int64], filter: CardFilter, today: Day, weeks: Int) throws(StoreError) -> [(reviews: Int, correct: Int)] {
        guard !decks.isEmpty, weeks > 0 else { return [] }
        let start = today.adding(days: -(weeks * 7 - 1))
        return try read { db in
            var series = Array(repeating: (reviews: 0, correct: 0), count: weeks)
            guard let source = try firstAnswers(decks: decks, filter: filter, from: start, through: today, db) else { return series }
            for row in try Row.fetchAll(db, sql: """
                SELECT (day - ?) / 7 AS week, sum(reviews), sum(correct) FROM (\(source.sql)) GROUP BY week
                """, arguments: StatementArguments([Int64(start.number)] + source.arguments)) {
                let week: Int = row[0]
                if (0..<weeks).contains(week) { series[week] = (row[1], row[2]) }
            }
            return series
        }
    }

    /// How many cards fall due on each day (overdue ones on `today`), and how many were never
    /// answered: what the exam plan schedules.
    func dueByDay(decks: [Int64], filter: CardFilter, today: Day) throws(StoreError) -> (due: [Int: Int], unseen: Int, total: Int) {
        guard !decks.isEmpty else { return ([:], 0, 0) }
        let (joins, condition, values) = scope(decks: decks, filter: filter)
        return try read { db in
            var due: [Int: Int] = [:]
            var unseen = 0
            var total = 0
            for row in try Row.fetchAll(db, sql: """
                SELECT max(s.due_day, ?) AS d, count(*) FROM card_state s\(joins) WHERE \(condition) GROUP BY d
                """, arguments: StatementArguments([Int64(today.number)] + values)) {
                let count: Int = row[1]
                total += count
                if let day = row[0] as Int? { due[day, default: 0] += count } else { unseen += count }
            }
            return (due, unseen, total)
        }
    }
}
