import Foundation
import GRDB
import SM2
import Testing
@testable import MuscleMemory

@Suite struct SyncTests {
    static let soleus = """
        # Soleus
        Region: Lower leg and foot
        Origin: Tibia and fibula
        ## Actions
        - Plantarflexes the ankle
        ## Cards
        Q: Where is the soleus palpated?
        A: Beside the gastrocnemius.
        Q: Which stretch lengthens the soleus?
        A: Dorsiflexion with the knee bent.
        """

    /// Answers every card of the deck once, so each has a state and a review.
    func study(_ store: TestStore, grade: Grade = .good) throws {
        let decks = try store.database.deckIDs(for: [])
        _ = decks
        let ids = try store.database.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM card ORDER BY id") }
        for id in ids {
            _ = try store.database.recordAnswer(AnswerInput(cardRowID: id, grade: grade, at: testNow, day: testDay, answerMilliseconds: 1000, sessionID: nil))
        }
    }

    func cardRowID(_ store: TestStore, _ stableID: CardID) throws -> Int64? {
        try store.rowID(of: stableID)
    }

    @Test func newCardsAreAddedAsNew() throws {
        let store = try TestStore()
        let deck = store.deck(Self.soleus)
        let report = try DeckSync.run([deck], in: store.database, now: testNow)
        #expect(report.decks.map(\.added) == [5])
        #expect(try store.count("SELECT count(*) FROM card_state WHERE due_day IS NULL AND repetitions = 0 AND active = 1") == 5)
        #expect(try store.database.check().isClean)
    }

    @Test func anUnchangedDeckReportsNoChangesAndIsNotRead() throws {
        let store = try TestStore()
        let deck = store.deck(Self.soleus)
        _ = try DeckSync.run([deck], in: store.database, now: testNow)
        let again = try DeckSync.run([deck], in: store.database, now: testNow)
        #expect(again.decks.map(\.unchanged) == [true])
        #expect(!again.changedAnything)
        #expect(SyncSummary.text(again) == "deck: no changes.\n".replacingOccurrences(of: "deck", with: store.folder.file("deck")))
    }

    @Test func aTouchedButIdenticalFileIsRecognisedByItsHash() throws {
        let store = try TestStore()
        let deck = store.deck(Self.soleus)
        _ = try DeckSync.run([deck], in: store.database, now: testNow)
        store.folder.write("deck/muscle.md", Self.soleus)  // same text, new modification time
        let again = try DeckSync.run([deck], in: store.database, now: testNow)
        #expect(again.decks.first?.unchanged == true)
    }

    @Test func editedCardsKeepTheirIDStateAndHistory() throws {
        let store = try TestStore()
        let deck = store.deck(Self.soleus)
        _ = try DeckSync.run([deck], in: store.database, now: testNow)
        try study(store)
        let id = try cardRowID(store, "soleus/origin")
        let reviewsBefore = try store.count("SELECT count(*) FROM review")
        store.deck(Self.soleus.replacingOccurrences(of: "Tibia and fibula", with: "The soleal line of the tibia and the head of the fibula"))
        let report = try DeckSync.run([deck], in: store.database, now: testNow.addingTimeInterval(60))
        #expect(report.decks.first?.updated == 1)
        #expect(report.decks.first?.added == 0)
        #expect(try cardRowID(store, "soleus/origin") == id)
        #expect(try store.count("SELECT count(*) FROM review") == reviewsBefore)
        let cardRowID = try #require(id)
        let card = try #require(try store.database.card(rowID: cardRowID))
        #expect(card.back == "The soleal line of the tibia and the head of the fibula")
        #expect(card.state.repetitions == 1)
        #expect(try store.database.check().isClean)
    }

    @Test func removedCardsAreRetiredWithHistoryAndComeBack() throws {
        let store = try TestStore()
        let deck = store.deck(Self.soleus)
        _ = try DeckSync.run([deck], in: store.database, now: testNow)
        try study(store)
        let withoutStretch = Self.soleus.replacingOccurrences(of: "Q: Which stretch lengthens the soleus?\nA: Dorsiflexion with the knee bent.", with: "")
        store.deck(withoutStretch)
        let retire = try DeckSync.run([deck], in: store.database, now: testNow.addingTimeInterval(60))
        #expect(retire.decks.first?.retired == 1)
        let decks = try store.database.deckIDs(for: [deck])
        #expect(try store.database.allCards(decks: decks).count == 4)
        #expect(try store.count("SELECT count(*) FROM review") == 5)
        #expect(try store.count("SELECT count(*) FROM card WHERE retired_at IS NOT NULL") == 1)
        #expect(try store.database.check().isClean)

        store.deck(Self.soleus)
        let restore = try DeckSync.run([deck], in: store.database, now: testNow.addingTimeInterval(120))
        #expect(restore.decks.first?.restored == 1)
        let back = try #require(try store.database.allCards(decks: decks).first { $0.id.rawValue.hasSuffix("which-stretch-lengthens-the-soleus") })
        #expect(back.state.repetitions == 1)
        #expect(try store.database.check().isClean)
    }

    @Test func aTypoFixInAQuestionKeepsTheHistory() throws {
        let store = try TestStore()
        let deck = store.deck(Self.soleus.replacingOccurrences(of: "Where is the soleus palpated?", with: "Where is the soleus palptaed?"))
        _ = try DeckSync.run([deck], in: store.database, now: testNow)
        try study(store)
        let old = try cardRowID(store, "soleus/custom/where-is-the-soleus-palptaed")
        store.deck(Self.soleus)
        let report = try DeckSync.run([deck], in: store.database, now: testNow.addingTimeInterval(60))
        #expect(report.decks.first?.renamed == 1)
        #expect(report.decks.first?.added == 0 && report.decks.first?.retired == 0)
        #expect(try cardRowID(store, "soleus/custom/where-is-the-soleus-palpated") == old)
        #expect(try store.database.check().isClean)
    }

    @Test func aRewrittenQuestionIsRetiredAndAddedWithAHint() throws {
        let store = try TestStore()
        let deck = store.deck(Self.soleus)
        _ = try DeckSync.run([deck], in: store.database, now: testNow)
        store.deck(Self.soleus.replacingOccurrences(of: "Where is the soleus palpated?", with: "With the client prone, how do you find the soleus?"))
        let report = try DeckSync.run([deck], in: store.database, now: testNow.addingTimeInterval(60))
        #expect(report.decks.first?.added == 1)
        #expect(report.decks.first?.retired == 1)
        #expect(report.decks.first?.filesWithRetiredAndAdded == [store.folder.file("deck/muscle.md")])
        #expect(SyncSummary.text(report).contains("pin their identity with 'Id:' lines"))
    }

    @Test func aDeckWithLintErrorsIsRefusedAndNothingChanges() throws {
        let store = try TestStore()
        let good = store.deck(Self.soleus)
        _ = try DeckSync.run([good], in: store.database, now: testNow)
        try study(store)
        let before = try store.database.read { db in try Row.fetchAll(db, sql: "SELECT * FROM card ORDER BY id") }
        store.deck(Self.soleus + "\nQ: A question without an answer\n")
        let other = store.deck("# Plantaris\nOrign: Femur\n", folder: "other")
        let report = try DeckSync.run([good, other], in: store.database, now: testNow.addingTimeInterval(60))
        #expect(report.wasRefused)
        #expect(Set(report.refusedBecause.map(\.rule)) == [.questionWithoutAnswer, .unknownField])
        #expect(try store.database.read { db in try Row.fetchAll(db, sql: "SELECT * FROM card ORDER BY id") } == before)
        #expect(try store.count("SELECT count(*) FROM deck") == 1)
        #expect(SyncSummary.text(report).hasSuffix("Sync refused: fix the errors above; nothing was changed.\n"))
    }

    @Test func theBundledDecksSyncThenReportNoChanges() throws {
        let store = try TestStore()
        let first = try DeckSync.run([.bundled], in: store.database, now: testNow)
        #expect(first.decks.first?.added == BundledDeck.compiled.cards.count)
        let second = try DeckSync.run([.bundled], in: store.database, now: testNow)
        #expect(second.decks.first?.unchanged == true)
        #expect(try store.database.check().isClean)
    }

    @Test func cardSourcesPointAtTheDeckFile() throws {
        let store = try TestStore()
        let deck = store.deck(Self.soleus)
        _ = try DeckSync.run([deck], in: store.database, now: testNow)
        let decks = try store.database.deckIDs(for: [deck])
        let origin = try #require(try store.database.allCards(decks: decks).first { $0.id == "soleus/origin" })
        #expect(origin.sourceFile == store.folder.file("deck/muscle.md"))
        #expect(origin.sourceLine == 3)
        #expect(origin.region == "Lower leg and foot")
    }

    /// An `Order:` added to deck.md changes the order new cards come in, and nothing else: the
    /// cards keep their IDs and history.
    @Test func reorderingADeckKeepsEveryCard() throws {
        let store = try TestStore()
        let deck = store.deck(Self.soleus, file: "b/soleus.md")
        store.deck("# Plantaris\nRegion: Lower leg and foot\nOrigin: Femur\n", file: "a/plantaris.md")
        _ = try DeckSync.run([deck], in: store.database, now: testNow)
        let decks = try store.database.deckIDs(for: [deck])
        let soleusOrigin = try #require(try cardRowID(store, "soleus/origin"))
        _ = try store.database.recordAnswer(AnswerInput(cardRowID: soleusOrigin, grade: .good, at: testNow, day: testDay, answerMilliseconds: 900, sessionID: nil))
        func firstNew() throws -> Int64? { try store.database.newEntries(decks: decks, on: testDay, limit: 1).first?.cardRowID }
        #expect(try firstNew() == cardRowID(store, "plantaris/origin"))

        store.deck("# Term\nOrder: b\n", file: "deck.md")
        _ = try DeckSync.run([deck], in: store.database, now: testNow.addingTimeInterval(60))
        #expect(try firstNew() == cardRowID(store, "soleus/actions"))
        #expect(try cardRowID(store, "soleus/origin") == soleusOrigin)
        #expect(try store.database.card(rowID: soleusOrigin)?.state.repetitions == 1)
        #expect(try store.count("SELECT count(*) FROM review") == 1)
        #expect(try store.database.check().isClean)
    }
}
