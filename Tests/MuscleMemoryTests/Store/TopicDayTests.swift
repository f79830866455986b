import Foundation
import GRDB
import SM2
import Testing
@testable import MuscleMemory
import TestSupport

/// `topic_day` (migration 0005) is kept by triggers; the report's window reads it instead of
/// joining every review to its card. These tests drive every write path that touches it and let
/// `muscle check` compare it with the review log after each step.
@Suite struct TopicDayTests {
    static let soleus = SyncTests.soleus
    static let withoutStretch = soleus.replacingOccurrences(of: "Q: Which stretch lengthens the soleus?\nA: Dorsiflexion with the knee bent.", with: "")

    @Test(arguments: TestSeed.sequence(from: 1, count: 5))
    func randomAnswersUndoesRetiresAndRestoresKeepItExact(seed: TestSeed) throws {
        var random = seed.generator
        let store = try TestStore()
        let deck = store.deck(Self.soleus)
        _ = try DeckSync.run([deck], in: store.database, now: testNow)
        var answers: [Int64] = []
        var retired = false
        for step in 0..<60 {
            let day = step / 6
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<6:
                let ids = try store.database.read { db in try Int64.fetchAll(db, sql: "SELECT card_id FROM card_state WHERE active = 1") }
                let id = try #require(ids.randomElement(using: &random))
                let grade = try #require(Grade(Int.random(in: 0...5, using: &random)))
                let answer = try store.database.recordAnswer(AnswerInput(cardRowID: id, grade: grade, at: testNow.addingTimeInterval(days(day)),
                                                                        day: testDay.adding(days: day), answerMilliseconds: 900, sessionID: nil))
                answers.append(answer.reviewID)
            case 6, 7:
                if let last = answers.popLast() { _ = try store.database.undo(reviewID: last) }
            default:
                _ = store.deck(retired ? Self.soleus : Self.withoutStretch)
                _ = try DeckSync.run([deck], in: store.database, now: testNow.addingTimeInterval(days(day) + Double(step)))
                retired.toggle()
            }
            let check = try store.database.check()
            #expect(check.isClean, "step \(step): \(check.problems)")
        }
        #expect(try store.count("SELECT count(*) FROM review WHERE kind = 0") > 0)
    }

    /// The window read from `topic_day` and the one joined from the review log (the path a filter
    /// takes) give the same figures.
    @Test func theWindowFromTopicDaysMatchesTheJoinedOne() throws {
        let store = try TestStore()
        let deck = store.deck(Self.soleus)
        _ = try DeckSync.run([deck], in: store.database, now: testNow)
        let ids = try store.database.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM card ORDER BY id") }
        for (i, id) in ids.enumerated() {
            for day in 0..<3 {
                _ = try store.database.recordAnswer(AnswerInput(cardRowID: id, grade: i % 2 == 0 ? .good : .wrongButFamiliar, at: testNow.addingTimeInterval(days(day * 7)),
                                                                day: testDay.adding(days: day * 7), answerMilliseconds: 900, sessionID: nil))
            }
        }
        let decks = try store.database.deckIDs(for: [deck])
        let today = testDay.adding(days: 14)
        func read(_ filter: CardFilter, weeks: Int = 0) throws -> WeakTopicFigures {
            try store.database.weakTopicFigures(decks: decks, WeakTopicQuery(filter: filter, window: testDay.adding(days: 1)...today, exam: nil,
                                                                              leechLimit: 10, trendWeeks: weeks, forecastDays: 0))
        }
        let all = try read(CardFilter()).topics
        let region = try read(CardFilter(regions: ["lower leg"])).topics
        func figures(_ rows: [TopicFigures]) -> [String] { rows.map { "\($0.aspect) \($0.windowReviews) \($0.windowCorrect)" }.sorted() }
        #expect(figures(all) == figures(region))
        #expect(all.reduce(0) { $0 + $1.windowReviews } == ids.count * 2)
        let weeks = try read(CardFilter(), weeks: 3).weeks
        let joined = try read(CardFilter(regions: ["lower leg"]), weeks: 3).weeks
        #expect(weeks.map(\.reviews) == joined.map(\.reviews) && weeks.map(\.correct) == joined.map(\.correct))
        #expect(weeks.map(\.reviews) == [ids.count, ids.count, ids.count])
    }

    @Test func checkFindsCountsThatDrifted() throws {
        let store = try TestStore()
        _ = try DeckSync.run([store.deck(Self.soleus)], in: store.database, now: testNow)
        try SyncTests().study(store)
        #expect(try store.database.check().isClean)
        try store.database.write { db in
            try db.execute(sql: """
                UPDATE topic_day SET reviews = reviews + 1
                WHERE (deck_id, day, muscle_id, aspect) = (SELECT deck_id, day, muscle_id, aspect FROM topic_day LIMIT 1)
                """)
        }
        #expect(try store.database.check().problems == ["1 topic-day counts that differ from the reviews"])
    }
}
