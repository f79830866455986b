import Foundation
import GRDB
import SM2
import Testing
@testable import MuscleMemory

/// A session that outlives its study day, and cards retired underneath an open session.
@Suite struct SessionEdgeTests {
    func fixture() throws -> (TestStore, [Int64]) {
        let store = try TestStore()
        let location = store.deck(StudySessionTests.deck, file: "a-soleus.md")
        _ = try DeckSync.run([location], in: store.database, now: testNow)
        return (store, try store.database.deckIDs(for: [location]))
    }

    /// Past the rollover hour the session ends with a message instead of answering for a day that
    /// is over; the answers before it are saved for the old day.
    @Test func aSessionRunningPastTheRolloverEndsWithAMessage() throws {
        let (store, decks) = try fixture()
        let calendar = StudyCalendar(rolloverHour: 4, timeZone: TimeZone(identifier: "UTC")!)
        let start = ISO8601DateFormatter().date(from: "2026-12-01T03:58:00Z")!
        var clock = start
        let session = try StudySession(database: store.database, decks: decks, calendar: calendar, options: StudyOptions()) { clock }
        let terminal = ScriptedTerminal(answers(5, 5, 5))
        var reads = 0
        terminal.beforeRead = {
            reads += 1
            if reads == 3 { clock = start.addingTimeInterval(180) }  // 04:01, while the second card is shown
        }
        try session.run(on: terminal)
        #expect(terminal.notes.count == 2)
        #expect(terminal.messages.last == StudySession.newDayMessage(rolloverHour: 4))
        let days = try store.database.read { db in try Int.fetchAll(db, sql: "SELECT day FROM review ORDER BY id") }
        #expect(days == [session.day.number, session.day.number])
    }

    /// A card retired by a sync in another process after the session loaded it is skipped.
    @Test func aCardRetiredWhileTheSessionIsOpenIsSkipped() throws {
        let (store, decks) = try fixture()
        let session = try StudySession(database: store.database, decks: decks, calendar: utcCalendar, options: StudyOptions()) { testNow }
        let upcoming = try session.upcomingCards().map(\.card)
        #expect(upcoming.count >= 3)
        let retired = upcoming[1]
        let terminal = ScriptedTerminal(answers(5, 5))
        terminal.beforeRead = {
            // What another process's sync does to a card that left its deck.
            try? store.database.writer.write { db in
                try db.execute(literal: "UPDATE card SET retired_at = 1 WHERE id = \(retired.rowID)")
                try db.execute(literal: "UPDATE card_state SET active = 0 WHERE card_id = \(retired.rowID)")
            }
        }
        try session.run(on: terminal)
        #expect(!terminal.fronts.contains(retired.front))
        #expect(terminal.fronts.prefix(2) == [upcoming[0].front, upcoming[2].front])
    }
}
