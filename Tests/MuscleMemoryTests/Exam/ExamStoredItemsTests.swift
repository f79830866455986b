import Foundation
import Testing
@testable import MuscleMemory
import TestSupport

/// Migration 0012: the items a generation synced, with what they were generated from, read back
/// in curriculum order as they were generated, so `muscle exam` can draw from them while the
/// decks are unchanged; another fingerprint, or a sync that vouches for nothing, reads nothing.
@Suite struct ExamStoredItemsTests {
    static func item(_ id: String, muscle: String = "Soleus", region: String = "Lower leg and foot") -> ExamItem {
        ExamItem(id: "muscle-nerve/\(id)", template: .muscleNerve, muscleKey: Slug.make(muscle), muscleName: muscle, region: region,
                 stem: "Which nerve supplies the \(muscle.lowercased())? (\(id))", options: ["Tibial nerve", "Deep fibular nerve", "Superficial fibular nerve", "Femoral nerve"],
                 keyIndex: 2, explanation: ["Tibial nerve: a.", "Deep fibular nerve: b.", "Superficial fibular nerve: c.", "Femoral nerve: d."])
    }

    /// What the store keeps of an item (not the facts a checker judges it by).
    static func shown(_ item: ExamItem) -> ExamItem {
        var copy = item
        copy.stemFacts = []
        copy.optionFacts = []
        return copy
    }

    /// What a draw reads of it: no text.
    static func outline(_ item: ExamItem) -> ExamItem {
        ExamItem(id: item.id, template: item.template, muscleKey: item.muscleKey, muscleName: item.muscleName, region: item.region,
                 stem: "", options: [], keyIndex: 0, explanation: [])
    }

    @Test func theSyncedItemsReadBackInTheirOrderUnderTheirFingerprint() throws {
        let store = try TestStore()
        let database = store.database
        let items = [Self.item("3"), Self.item("1", muscle: "Gastrocnemius"), Self.item("2", region: "Thigh")]
        let source = ExamItemSource(fingerprint: "abc", warning: "the decks have 1 lint error")
        #expect(try database.syncExamItems(items, source: source, now: testNow) == ExamItemSync(added: 3))
        let stored = try #require(try database.storedExamItemOutlines(from: "abc"))
        #expect(stored.items == items.map(Self.outline))
        #expect(stored.warning == source.warning)
        #expect(try database.storedExamItems(Array(stored.items.reversed())) == items.reversed().map(Self.shown))
        #expect(try database.storedExamItemOutlines(from: "other") == nil)
        // Reordered, one retired, one added: the order read back is the new one.
        let next = [Self.item("4"), Self.item("2", region: "Thigh"), Self.item("3")]
        #expect(try database.syncExamItems(next, source: ExamItemSource(fingerprint: "def", warning: nil), now: testNow) == ExamItemSync(added: 1, retired: 1))
        let again = try #require(try database.storedExamItemOutlines(from: "def"))
        #expect(again.items == next.map(Self.outline) && again.warning == nil)
        #expect(try database.storedExamItems(again.items) == next.map(Self.shown))
        #expect(try database.storedExamItems([Self.outline(Self.item("9"))]) == nil)
        #expect(try database.check().problems == [])
    }

    @Test func aSyncWithoutASourceVouchesForNothing() throws {
        let store = try TestStore()
        let database = store.database
        try database.syncExamItems([Self.item("1")], source: ExamItemSource(fingerprint: "abc", warning: nil), now: testNow)
        #expect(try database.storedExamItemOutlines(from: "abc") != nil)
        try database.syncExamItems([Self.item("1")], now: testNow)
        #expect(try database.storedExamItemOutlines(from: "abc") == nil)
    }

    @Test func theFingerprintNamesEveryDeckAndTheProgram() {
        let bundled: [(location: DeckLocation, contentHash: String)] = [(.bundled, "h1")]
        let fingerprint = ExamItemFingerprint.of(decks: bundled, program: "p")
        #expect(fingerprint == ExamItemFingerprint.of(decks: bundled, program: "p"))
        #expect(fingerprint != ExamItemFingerprint.of(decks: bundled, program: "q"))
        #expect(fingerprint != ExamItemFingerprint.of(decks: [(.bundled, "h2")], program: "p"))
        #expect(fingerprint != ExamItemFingerprint.of(decks: bundled + [(.path("mine"), "h3")], program: "p"))
    }
}
