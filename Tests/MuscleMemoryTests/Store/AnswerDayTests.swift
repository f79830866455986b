import Foundation
import GRDB
import SM2
import Testing
@testable import MuscleMemory
import TestSupport

/// `answer_day` and `deck_state` (migration 0011) are kept by triggers; `muscle stats` reads them
/// instead of every review of the window (and each one's previous review) and every card. The figures it gives must be the ones the
/// review log gives, through reviews, re-drills, cram, undo and retirement.
@Suite struct AnswerDayTests {
    /// The stats figures computed straight from the review log, as `stats` read them before 0011.
    static func fromTheLog(_ db: Database, decks: [Int64], window: ClosedRange<Day>, buckets: [ClosedRange<Int>]) throws -> (days: [String], buckets: [ReviewCount], ms: Int) {
        var days: [String] = []
        var ms = 0
        for row in try Row.fetchAll(db, literal: """
            SELECT r.day AS day, count(*) AS answers, sum(r.kind = 0) AS reviews, sum(r.answer_ms) AS ms
            FROM review r JOIN card_state s ON s.card_id = r.card_id
            WHERE r.day >= \(window.lowerBound.number) AND r.day <= \(window.upperBound.number) AND s.deck_id IN \(decks) GROUP BY r.day ORDER BY r.day
            """) {
            days.append("\(row["day"] as Int) \(row["answers"] as Int) \(row["reviews"] as Int)")
            ms += row["ms"] as Int
        }
        var counts = buckets.map { _ in ReviewCount(reviews: 0, correct: 0) }
        for row in try Row.fetchAll(db, literal: """
            SELECT coalesce((SELECT p.interval_days FROM review p WHERE p.card_id = r.card_id AND p.kind = 0 AND p.id < r.id ORDER BY p.id DESC LIMIT 1), 0) AS interval,
                   r.grade >= 3 AS correct
            FROM review r JOIN card_state s ON s.card_id = r.card_id
            WHERE r.kind = 0 AND r.day >= \(window.lowerBound.number) AND r.day <= \(window.upperBound.number) AND s.deck_id IN \(decks)
            """) {
            let interval: Int = row["interval"]
            if let at = buckets.firstIndex(where: { $0.contains(interval) }) {
                counts[at].reviews += 1
                if row["correct"] as Bool { counts[at].correct += 1 }
            }
        }
        return (days, counts, ms)
    }

    @Test(arguments: TestSeed.sequence(from: 11, count: 4))
    func statsFromAnswerDaysMatchTheReviewLog(seed: TestSeed) throws {
        var random = seed.generator
        let store = try TestStore()
        let deck = store.deck(TopicDayTests.soleus)
        _ = try DeckSync.run([deck], in: store.database, now: testNow)
        var answers: [Int64] = []
        var retired = false
        let buckets = Statistics.buckets.map(\.1)
        for step in 0..<90 {
            let day = step / 3
            switch Int.random(in: 0..<12, using: &random) {
            case 0..<8:
                let ids = try store.database.read { db in try Int64.fetchAll(db, sql: "SELECT card_id FROM card_state WHERE active = 1") }
                let id = try #require(ids.randomElement(using: &random))
                let grade = try #require(Grade(Int.random(in: 0...5, using: &random)))
                let mode: StudyMode = Int.random(in: 0..<5, using: &random) == 0 ? .cram : .study
                let answer = try store.database.recordAnswer(AnswerInput(cardRowID: id, grade: grade, at: testNow.addingTimeInterval(days(day)),
                                                                        day: testDay.adding(days: day), answerMilliseconds: Int.random(in: 0...5000, using: &random),
                                                                        sessionID: nil, mode: mode))
                answers.append(answer.reviewID)
            case 8, 9:
                if let last = answers.popLast() { _ = try store.database.undo(reviewID: last) }
            default:
                _ = store.deck(retired ? TopicDayTests.soleus : TopicDayTests.withoutStretch)
                _ = try DeckSync.run([deck], in: store.database, now: testNow.addingTimeInterval(days(day) + Double(step)))
                retired.toggle()
            }
        }
        #expect(try store.database.check().isClean)
        let decks = try store.database.deckIDs(for: [deck])
        let today = testDay.adding(days: 29)
        for window in [testDay...today, testDay.adding(days: 10)...today.adding(days: -5)] {
            let figures = try store.database.statsFigures(decks: decks, StatsQuery(window: window, intervalBuckets: buckets, forecastDays: 0))
            let expected = try store.database.read { db in try Self.fromTheLog(db, decks: decks, window: window, buckets: buckets) }
            #expect(figures.answerDays.map { "\($0.day.number) \($0.answers) \($0.reviews)" } == expected.days, "seed \(seed)")
            #expect(figures.byInterval == expected.buckets, "seed \(seed)")
            #expect(figures.windowMilliseconds == expected.ms, "seed \(seed)")
        }
        #expect(try store.count("SELECT count(*) FROM review WHERE kind = 0") > 10)
        // The cards by state, from `deck_state`, as a scan of `card_state` counts them.
        let figures = try store.database.statsFigures(decks: decks, StatsQuery(window: testDay...today, intervalBuckets: buckets, forecastDays: 0))
        let scanned = try store.database.read { db in
            try #require(try Row.fetchOne(db, literal: """
                SELECT sum(due_day IS NULL) AS new, sum(due_day IS NOT NULL AND repetitions <= 1) AS learning, sum(repetitions >= 2 AND interval_days < 21) AS young,
                       sum(repetitions >= 2 AND interval_days >= 21) AS mature, sum(study_ms) AS ms
                FROM card_state WHERE deck_id IN \(decks) AND active = 1
                """))
        }
        #expect([figures.new, figures.learning, figures.young, figures.mature, figures.totalMilliseconds]
                == [scanned["new"], scanned["learning"], scanned["young"], scanned["mature"], scanned["ms"]] as [Int], "seed \(seed)")
    }

    @Test func checkFindsCountsThatDrifted() throws {
        let store = try TestStore()
        _ = try DeckSync.run([store.deck(TopicDayTests.soleus)], in: store.database, now: testNow)
        try SyncTests().study(store)
        #expect(try store.database.check().isClean)
        try store.database.write { db in
            try db.execute(sql: """
                UPDATE answer_day SET answer_ms = answer_ms + 1
                WHERE (deck_id, day, prior_interval) = (SELECT deck_id, day, prior_interval FROM answer_day LIMIT 1)
                """)
        }
        #expect(try store.database.check().problems == ["1 answer-day counts that differ from the reviews"])
        try store.database.write { db in try db.execute(sql: "UPDATE answer_day SET answer_ms = answer_ms - 1 WHERE (deck_id, day, prior_interval) = (SELECT deck_id, day, prior_interval FROM answer_day LIMIT 1)") }
        try store.database.write { db in try db.execute(sql: "UPDATE deck_state SET mature = mature + 1") }
        #expect(try store.database.check().problems == ["1 deck-state counts that differ from the cards"])
    }
}
