import Foundation
import GRDB
import SM2
import Testing
@testable import MuscleMemory
import TestSupport

/// `topic_state` (migration 0013) is kept by triggers; the weak-topic report reads its all-time
/// figures from it when there is no filter and no exam date. Those figures must be the ones the
/// cards give (the path a filter or an exam date takes), in the same order, through answers, undo,
/// retirement and restoring (`check` compares the table with the cards after every step of
/// `TopicDayTests`).
@Suite struct TopicStateTests {
    @Test(arguments: TestSeed.sequence(from: 13, count: 4))
    func theSumsGiveTheFiguresTheCardsGive(seed: TestSeed) throws {
        var random = seed.generator
        let store = try TestStore()
        let deck = store.deck(TopicDayTests.soleus)
        _ = try DeckSync.run([deck], in: store.database, now: testNow)
        var answers: [Int64] = []
        var retired = false
        for step in 0..<80 {
            let day = step / 4
            switch Int.random(in: 0..<12, using: &random) {
            case 0..<8:
                let ids = try store.database.read { db in try Int64.fetchAll(db, sql: "SELECT card_id FROM card_state WHERE active = 1") }
                let id = try #require(ids.randomElement(using: &random))
                let grade = try #require(Grade(Int.random(in: 0...5, using: &random)))
                answers.append(try store.database.recordAnswer(AnswerInput(cardRowID: id, grade: grade, at: testNow.addingTimeInterval(days(day)),
                                                                           day: testDay.adding(days: day), answerMilliseconds: 700, sessionID: nil)).reviewID)
            case 8, 9:
                if let last = answers.popLast() { _ = try store.database.undo(reviewID: last) }
            default:
                _ = store.deck(retired ? TopicDayTests.soleus : TopicDayTests.withoutStretch)
                _ = try DeckSync.run([deck], in: store.database, now: testNow.addingTimeInterval(days(day) + Double(step)))
                retired.toggle()
            }
        }
        let decks = try store.database.deckIDs(for: [deck])
        func topics(exam: Day?) throws -> [TopicFigures] {
            try store.database.weakTopicFigures(decks: decks, WeakTopicQuery(filter: CardFilter(), window: testDay...testDay.adding(days: 20), exam: exam,
                                                                              leechLimit: 5, trendWeeks: 0, forecastDays: 0)).topics
        }
        let fromSums = try topics(exam: nil)
        let fromCards = try topics(exam: testDay.adding(days: 400)).map { topic -> TopicFigures in
            var topic = topic
            topic.ready = 0  // only an exam date asks for it; none is ready that late
            return topic
        }
        #expect(fromSums == fromCards, "seed \(seed)")
        #expect(fromSums.reduce(0) { $0 + $1.reviews } > 0, "seed \(seed)")
        #expect(try store.database.check().isClean, "seed \(seed)")
    }

    @Test func checkFindsSumsThatDrifted() throws {
        let store = try TestStore()
        _ = try DeckSync.run([store.deck(TopicDayTests.soleus)], in: store.database, now: testNow)
        try SyncTests().study(store)
        #expect(try store.database.check().isClean)
        try store.database.write { db in
            try db.execute(sql: "UPDATE topic_state SET lapses = lapses + 1 WHERE (deck_id, muscle_id, aspect) = (SELECT deck_id, muscle_id, aspect FROM topic_state LIMIT 1)")
        }
        #expect(try store.database.check().problems == ["1 topic-state sums that differ from the cards"])
    }
}
