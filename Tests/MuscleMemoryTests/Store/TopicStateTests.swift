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
        try studyWalk(store, deck: deck, random: &random, steps: 80, stepsPerDay: 4)
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
