import Foundation
import GRDB
import SM2
import Testing
@testable import MuscleMemory

@Suite struct AnswerTests {
    func setUp() throws -> (TestStore, Int64) {
        let store = try TestStore()
        _ = try DeckSync.run([store.deck(SyncTests.soleus)], in: store.database, now: testNow)
        let id = try store.database.read { db in try Int64.fetchOne(db, sql: "SELECT min(id) FROM card") }
        return (store, try #require(id))
    }

    func answer(_ store: TestStore, _ id: Int64, _ grade: Grade, day offset: Int = 0, mode: StudyMode = .study) throws -> RecordedAnswer {
        try store.database.recordAnswer(AnswerInput(cardRowID: id, grade: grade, at: testNow.addingTimeInterval(days(offset)),
                                                    day: testDay.adding(days: offset), answerMilliseconds: 1500, sessionID: nil, mode: mode))
    }

    @Test func answersFollowSM2() throws {
        let (store, id) = try setUp()
        let first = try answer(store, id, .perfect)
        #expect(first.kind == .review)
        #expect(first.after == schedule(.new, .perfect, on: testDay))
        let second = try answer(store, id, .perfect, day: 1)
        #expect(second.after.interval == 6)
        let third = try answer(store, id, .perfect, day: 7)
        #expect(third.after.interval == 17)
        #expect(try store.database.card(rowID: id)?.state == third.after)
        #expect(try store.database.check().isClean)
    }

    @Test func aLaterAnswerTheSameDayIsARedrillAndMovesNothing() throws {
        let (store, id) = try setUp()
        let first = try answer(store, id, .wrongButEasy)
        #expect(first.needsRedrill)
        let redrill = try answer(store, id, .hard)
        #expect(redrill.kind == .redrill)
        #expect(redrill.after == first.after)
        #expect(try store.database.card(rowID: id)?.redrillDay == testDay)
        let cleared = try answer(store, id, .good)
        #expect(cleared.kind == .redrill && !cleared.needsRedrill)
        #expect(try store.database.card(rowID: id)?.redrillDay == nil)
        #expect(try store.database.card(rowID: id)?.state == first.after)
        #expect(try store.database.check().isClean)
    }

    @Test func cramAndEarlyAnswersDoNotMoveTheSchedule() throws {
        let (store, id) = try setUp()
        let first = try answer(store, id, .good)
        let cram = try answer(store, id, .blackout, day: 0, mode: .cram)
        #expect(cram.kind == .cram)
        // Answered today already and owed no re-drill: an early answer (Docs/SM2.md), not a re-drill.
        let early = try answer(store, id, .blackout, day: 0 + 0)
        #expect(early.kind == .cram && !early.needsRedrill)
        let notYetDue = try answer(store, id, .blackout, day: 0 + 0, mode: .cram)
        #expect(notYetDue.after == first.after)
        #expect(try store.database.card(rowID: id)?.state == first.after)
        #expect(try store.database.check().isClean)
    }

    /// Session A shows a card, session B answers it, then A answers it: A's answer is classified
    /// from the card's state when it is written, an early answer that owes nothing.
    @Test func anAnswerToACardAnotherSessionAnsweredIsEarlyNotARedrill() throws {
        let (store, id) = try setUp()
        let shownInA = try #require(try store.database.card(rowID: id))
        #expect(shownInA.state.isNew)
        let inB = try answer(store, id, .perfect)
        #expect(inB.kind == .review)
        let inA = try answer(store, id, .hard)
        #expect(inA.kind == .cram)
        #expect(!inA.needsRedrill)
        #expect(try store.database.card(rowID: id)?.redrillDay == nil)
        #expect(try store.database.card(rowID: id)?.state == inB.after)
        #expect(try store.database.check().isClean)
    }

    @Test func undoRestoresStateReviewsAndTotalsExactly() throws {
        let (store, id) = try setUp()
        _ = try answer(store, id, .good)
        _ = try answer(store, id, .good, day: 1)
        let snapshot = try store.database.read { db in
            (try Row.fetchAll(db, sql: "SELECT * FROM card_state ORDER BY card_id"), try Row.fetchAll(db, sql: "SELECT * FROM review ORDER BY id"))
        }
        let lapse = try answer(store, id, .blackout, day: 7)
        #expect(lapse.after.lapses == 1)
        let redrill = try answer(store, id, .wrongButFamiliar, day: 7)
        #expect(try store.database.undo(reviewID: redrill.reviewID) == lapse.after)
        #expect(try store.database.card(rowID: id)?.redrillDay == testDay.adding(days: 7))
        #expect(try store.database.undo(reviewID: lapse.reviewID) == snapshot.1.last.map(AppDatabase.producedState(by:)))
        let after = try store.database.read { db in
            (try Row.fetchAll(db, sql: "SELECT * FROM card_state ORDER BY card_id"), try Row.fetchAll(db, sql: "SELECT * FROM review ORDER BY id"))
        }
        #expect(after.0 == snapshot.0)
        #expect(after.1 == snapshot.1)
        #expect(try store.database.check().isClean)
    }

    @Test func undoingTheFirstAnswerMakesTheCardNewAgain() throws {
        let (store, id) = try setUp()
        let first = try answer(store, id, .good)
        #expect(try store.database.introducedCount(decks: store.database.deckIDs(for: [.path(store.folder.file("deck"))]), on: testDay) == 1)
        #expect(try store.database.undo(reviewID: first.reviewID) == .new)
        let card = try #require(try store.database.card(rowID: id))
        #expect(card.state == .new)
        #expect(try store.count("SELECT count(*) FROM card_state WHERE introduced_day IS NOT NULL") == 0)
        #expect(try store.database.check().isClean)
    }

    @Test func onlyACardsLatestAnswerCanBeUndone() throws {
        let (store, id) = try setUp()
        let first = try answer(store, id, .good)
        _ = try answer(store, id, .good, day: 1)
        #expect(throws: StoreError.cannotUndo(reason: "the card has been answered again since")) {
            _ = try store.database.undo(reviewID: first.reviewID)
        }
    }

    @Test func theReviewLogShowsTheStateBeforeAndAfter() throws {
        let (store, id) = try setUp()
        let a = try answer(store, id, .good)
        let b = try answer(store, id, .hard, day: 1)
        let rows = try store.database.read { db in try Row.fetchAll(db, sql: "SELECT * FROM review_log ORDER BY id") }
        #expect(rows.count == 2)
        func state(_ row: Row, _ prefix: String) -> CardState {
            CardState(repetitions: row[prefix + "repetitions"], interval: row[prefix + "interval_days"], easiness: Easiness(hundredths: row[prefix + "easiness"]),
                      due: (row[prefix + "due_day"] as Int?).map(Day.init), lapses: row[prefix + "lapses"], lastReview: (row[prefix + "last_review_day"] as Int?).map(Day.init))
        }
        #expect(state(rows[0], "before_") == a.before)
        #expect(state(rows[0], "after_") == a.after)
        #expect(state(rows[1], "before_") == b.before)
        #expect(state(rows[1], "after_") == b.after)
        #expect(rows[1]["card"] as String == "soleus/etymology" || rows[1]["card"] as String == "soleus/origin")
    }

    @Test func buriedCardsWaitUntilTomorrow() throws {
        let (store, id) = try setUp()
        let decks = try store.database.deckIDs(for: [.path(store.folder.file("deck"))])
        try store.database.bury(cardRowID: id, on: testDay)
        #expect(try !store.database.newCards(decks: decks, on: testDay).contains { $0.rowID == id })
        #expect(try store.database.newCards(decks: decks, on: testDay.adding(days: 1)).contains { $0.rowID == id })
    }

    @Test func dueCountsAndForecast() throws {
        let (store, id) = try setUp()
        let decks = try store.database.deckIDs(for: [.path(store.folder.file("deck"))])
        #expect(try store.database.dueCounts(decks: decks, on: testDay) == DueCounts(due: 0, new: 5, redrill: 0))
        _ = try answer(store, id, .wrongButEasy)
        #expect(try store.database.dueCounts(decks: decks, on: testDay) == DueCounts(due: 0, new: 4, redrill: 1))
        #expect(try store.database.dueCounts(decks: decks, on: testDay.adding(days: 1)) == DueCounts(due: 1, new: 4, redrill: 0))
        #expect(try store.database.dueForecast(decks: decks, from: testDay, days: 3) == [0, 1, 0])
        #expect(try store.database.dueForecast(decks: decks, from: testDay.adding(days: 5), days: 2) == [1, 0])
        #expect(try store.database.studyDays(through: testDay, limit: 10) == [testDay])
    }

    @Test func anAnswerToAMissingCardIsAClearError() throws {
        let (store, _) = try setUp()
        #expect(throws: StoreError.noSuchCard(rowID: 999_999)) {
            _ = try answer(store, 999_999, .good)
        }
    }

    /// Undoing a day's first answer moves the day's index to its next answer, or removes it: the
    /// freed id can be given to an answer of a later day, and today's counts read from the index.
    @Test func undoingADaysFirstAnswerKeepsTheDayIndexRight() throws {
        let (store, id) = try setUp()
        let other = id + 1
        let first = try answer(store, id, .good)
        _ = try answer(store, other, .good)
        _ = try store.database.undo(reviewID: first.reviewID)
        #expect(try store.count("SELECT first_review_id FROM review_day WHERE day = \(testDay.number)") == Int(first.reviewID + 1))
        let later = try answer(store, other, .good, day: 1)
        _ = try store.database.undo(reviewID: later.reviewID)
        #expect(try store.count("SELECT count(*) FROM review_day WHERE day = \(testDay.number + 1)") == 0)
        _ = try answer(store, other, .perfect, day: 1)
        #expect(try store.database.check().isClean)
    }
}
