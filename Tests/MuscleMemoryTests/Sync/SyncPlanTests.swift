import Foundation
import GRDB
import SM2
import Testing
@testable import MuscleMemory
import TestSupport

/// A sync is a pure plan, made from the compiled decks and what the database holds, and then
/// applied in one transaction. The plan is tested here on values alone, then against a database:
/// a dry run writes nothing, and a sync does exactly what the dry run said.
@Suite struct SyncPlanTests {
    static let soleus = SyncTests.soleus

    static func source(_ text: String, hash: String) -> DeckSource {
        let file = DeckFileText(relativePath: "soleus.md", displayPath: "deck/soleus.md", text: text)
        let deck = DeckCompiler.compile(LoadedDeck(location: .path("deck"), files: [file], diagnostics: [], contentHash: hash))
        return DeckSource(deck: deck, key: "/decks/deck", statSignature: "")
    }

    /// What the database would hold after syncing `text`, with rows 1, 2, 3… and some cards retired.
    static func stored(_ text: String, hash: String, retired: Set<CardID> = []) -> StoredDeck {
        let deck = source(text, hash: hash).deck
        let muscles = Dictionary(uniqueKeysWithValues: deck.muscles.enumerated().map { index, muscle in
            (muscle.key, StoredDeck.Muscle(rowID: Int64(index + 1), name: muscle.name, region: muscle.region, sourceFile: muscle.location.file))
        })
        let cards = deck.cards.enumerated().map { position, card in
            StoredDeck.Card(rowID: Int64(position + 1), muscleKey: card.muscleKey, item: card.item, aspect: card.aspect.rawValue,
                            text: CardText(front: card.front, back: card.back, tags: card.tags, region: card.region, muscle: card.muscle),
                            fingerprint: card.contentFingerprint, retired: retired.contains(card.id), position: position, line: card.source.line)
        }
        return StoredDeck(rowID: 1, contentHash: hash, muscles: muscles, cards: cards)
    }

    @Test func eachChangeIsNamedWithItsCardAndWhy() throws {
        let edited = Self.soleus
            .replacingOccurrences(of: "Tibia and fibula", with: "The soleal line of the tibia")
            .replacingOccurrences(of: "Where is the soleus palpated?", with: "Where is the soleus palptaed?")
            .replacingOccurrences(of: "Q: Which stretch lengthens the soleus?\nA: Dorsiflexion with the knee bent.", with: "Q: What does it steady?\nA: The leg over the foot.")
        let plan = DeckPlan.make(for: Self.source(edited, hash: "2"), stored: Self.stored(Self.soleus, hash: "1"))
        #expect(plan.changes.map(\.kind) == [.updated, .reworded, .added, .retired])
        let update = plan.changes[0]
        #expect(update.id == "soleus/origin" && update.rowID == 1 && update.why == "its answer changed")
        #expect(update.before?.back == "Tibia and fibula" && update.after?.back == "The soleal line of the tibia")
        let reword = plan.changes[1]
        #expect(reword.previousID == "soleus/custom/where-is-the-soleus-palpated" && reword.id == "soleus/custom/where-is-the-soleus-palptaed")
        #expect(reword.rowID == 4 && reword.why == "its question changed by 1 character; it keeps its history")
        #expect(plan.changes[2].id == "soleus/custom/what-does-it-steady" && plan.changes[2].rowID == nil && plan.changes[2].why == "new in deck/soleus.md:9")
        #expect(plan.changes[3].id == "soleus/custom/which-stretch-lengthens-the-soleus" && plan.changes[3].rowID == 5)
        #expect(plan.filesWithRetiredAndAdded == ["deck/soleus.md"])
        #expect(plan.report == SyncReport.DeckChange(deck: "deck", title: "deck", unchanged: false, added: 1, updated: 1, retired: 1, restored: 0, renamed: 1,
                                                     filesWithRetiredAndAdded: ["deck/soleus.md"]))
    }

    @Test func aRetiredCardThatComesBackIsRestored() {
        let stretch: CardID = "soleus/custom/which-stretch-lengthens-the-soleus"
        let plan = DeckPlan.make(for: Self.source(Self.soleus, hash: "2"), stored: Self.stored(Self.soleus, hash: "1", retired: [stretch]))
        #expect(plan.changes.map(\.kind) == [.restored])
        #expect(plan.changes.first?.id == stretch && plan.changes.first?.why == "back in deck/soleus.md:9")
    }

    /// A card that only moves gets its new place (the order new cards come in), and the report
    /// counts no change, as it always has.
    @Test func aCardThatOnlyMovesIsMovedButNotCounted() {
        let moved = Self.soleus.replacingOccurrences(of: "Origin: Tibia and fibula\n", with: "Origin: Tibia and fibula\n\n\n")
        let plan = DeckPlan.make(for: Self.source(moved, hash: "2"), stored: Self.stored(Self.soleus, hash: "1"))
        #expect(plan.changes.allSatisfy { $0.kind == .moved } && plan.changes.count == 4)
        #expect(plan.changes.first?.why == "now on line 6 of deck/soleus.md (was 4)")
        #expect(plan.report.changed == 0)
    }

    @Test func theSameFilesChangeNothing() {
        let plan = DeckPlan.make(for: Self.source(Self.soleus, hash: "1"), stored: Self.stored(Self.soleus, hash: "1"))
        #expect(plan.unchanged && plan.changes.isEmpty)
        let new = DeckPlan.make(for: Self.source(Self.soleus, hash: "1"), stored: nil)
        #expect(new.changes.map(\.kind) == Array(repeating: .added, count: 5) && new.deckRowID == nil)
    }

    /// Everything the card table and the states hold, to show a dry run left them as they were.
    static func snapshot(_ store: TestStore) throws -> [Row] {
        try store.database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM deck") + Row.fetchAll(db, sql: "SELECT * FROM muscle ORDER BY id")
                + Row.fetchAll(db, sql: "SELECT * FROM card ORDER BY id") + Row.fetchAll(db, sql: "SELECT * FROM card_state ORDER BY card_id")
        }
    }

    func cardRow(_ store: TestStore, _ id: CardID) throws -> Row? {
        try store.database.read { db in
            try Row.fetchOne(db, sql: "SELECT c.*, s.active FROM card c JOIN muscle m ON m.id = c.muscle_id JOIN card_state s ON s.card_id = c.id WHERE m.key || '/' || c.item = ?",
                             arguments: [id.rawValue])
        }
    }

    @Test func aDryRunWritesNothingAndTheSyncThenDoesWhatItSaid() throws {
        let store = try TestStore()
        let deck = store.deck(Self.soleus)
        _ = try DeckSync.run([deck], in: store.database, now: testNow)
        try SyncTests().study(store)
        store.folder.write("deck/muscle.md", Self.soleus
            .replacingOccurrences(of: "Tibia and fibula", with: "The soleal line of the tibia")
            .replacingOccurrences(of: "Where is the soleus palpated?", with: "Where is the soleus palptaed?")
            .replacingOccurrences(of: "Q: Which stretch lengthens the soleus?\nA: Dorsiflexion with the knee bent.", with: "Q: What does it steady?\nA: The leg over the foot."))
        let before = try Self.snapshot(store)
        let plan = try DeckSync.plan([deck], in: store.database)
        #expect(try Self.snapshot(store) == before, "a dry run wrote to the database")
        let changes = try #require(plan.decks.first).changes
        #expect(changes.map(\.kind) == [.updated, .reworded, .added, .retired])

        let report = try DeckSync.run([deck], in: store.database, now: testNow.addingTimeInterval(60))
        #expect(report == plan.report)
        for change in changes {
            let row = try cardRow(store, change.id)
            switch change.kind {
            case .added:
                #expect(row != nil && (row?["active"] as Int?) == 1, "\(change.id) was not added")
            case .updated, .restored, .moved:
                #expect((row?["id"] as Int64?) == change.rowID && (row?["back"] as String?) == change.after?.back)
            case .reworded:
                #expect((row?["id"] as Int64?) == change.rowID, "\(change.id) did not keep its row")
                #expect(try store.rowID(of: try #require(change.previousID)) == nil)
            case .retired:
                #expect(row?["retired_at"] as Int64? != nil && (row?["active"] as Int?) == 0)
            }
        }
        #expect(try store.database.check().isClean)
        // Planned again, nothing is left to do.
        #expect(try DeckSync.plan([deck], in: store.database).decks.allSatisfy { $0.changes.isEmpty })
    }

    /// A dry run plans against a copy in memory: a database that does not exist is not created,
    /// and one that exists is only read.
    @Test func aDryRunCreatesNoDatabase() throws {
        let folder = TemporaryDirectory()
        folder.write("deck/soleus.md", Self.soleus)
        let path = folder.file("new.sqlite")
        let plan = try DeckSync.plan([.path(folder.file("deck"))], in: AppDatabase.copyInMemory(of: path))
        #expect(plan.decks.first?.count(.added) == 5)
        #expect(!FileManager.default.fileExists(atPath: path) && !FileManager.default.fileExists(atPath: folder.file("backups")))
    }
}
