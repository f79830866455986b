import Foundation
import GRDB
import SM2
import Testing
@testable import MuscleMemory
import TestSupport

/// `due_day_count` (migration 0014) is kept by a trigger; `dueCounts` sums it instead of walking
/// every due card. Its count must be the one the cards give, through answers, undo, skipping,
/// retirement and restoring, on every day.
@Suite struct DueDayCountTests {
    @Test(arguments: TestSeed.sequence(from: 14, count: 4))
    func theDueCountIsTheCardsCount(seed: TestSeed) throws {
        var random = seed.generator
        let store = try TestStore()
        let deck = store.deck(TopicDayTests.soleus)
        _ = try DeckSync.run([deck], in: store.database, now: testNow)
        let decks = try store.database.deckIDs(for: [deck])
        try studyWalk(store, deck: deck, random: &random, steps: 120, stepsPerDay: 4, skips: true) { step, today in
            for ahead in [0, 3, 40] {
                let on = today.adding(days: ahead)
                let counted = try store.count("""
                    SELECT count(*) FROM card_state WHERE deck_id IN (\(decks.map(String.init).joined(separator: ","))) AND active = 1
                        AND due_day <= \(on.number) AND buried_day IS NOT \(on.number)
                    """)
                #expect(try store.database.dueCounts(decks: decks, on: on).due == counted, "seed \(seed), step \(step), \(ahead) days ahead")
            }
        }
        #expect(try store.database.check().isClean, "seed \(seed)")
        #expect(try store.count("SELECT count(*) FROM card_state WHERE due_day IS NOT NULL") > 0, "seed \(seed)")
    }

    @Test func checkFindsCountsThatDrifted() throws {
        let store = try TestStore()
        _ = try DeckSync.run([store.deck(TopicDayTests.soleus)], in: store.database, now: testNow)
        try SyncTests().study(store)
        #expect(try store.database.check().isClean)
        try store.database.write { db in
            try db.execute(sql: "UPDATE due_day_count SET cards = cards + 1 WHERE (deck_id, due_day) = (SELECT deck_id, due_day FROM due_day_count LIMIT 1)")
        }
        #expect(try store.database.check().problems == ["1 due-day counts that differ from the cards"])
    }
}
