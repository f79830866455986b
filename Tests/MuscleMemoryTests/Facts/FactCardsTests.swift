import Foundation
import Testing
@testable import MuscleMemory
import TestSupport

/// The cards made from the resolved facts: movement, synergist and antagonist cards, their
/// wording, their IDs, and their life through sync (an ID that disappears is retired).
@Suite struct FactCardsTests {
    static let vocabulary = """
        Covers: leg
        # Ankle
        Kind: joint
        Movements:
        - plantarflexion <-> dorsiflexion
        - inversion <-> eversion

        # Knee
        Kind: joint
        Movements:
        - flexion <-> extension

        """

    static func muscle(_ name: String, region: String = "Lower leg", _ actions: [String]) -> String {
        "# \(name)\nRegion: \(region)\n\n## Actions\n" + actions.map { "- \($0)\n" }.joined()
    }

    static let calf: [String: String] = [
        "leg/gastrocnemius.md": muscle("Gastrocnemius", ["Plantarflexes the ankle", "Flexes the knee"]),
        "leg/soleus.md": muscle("Soleus", ["Plantarflexes the ankle"]),
        "leg/tibialis-posterior.md": muscle("Tibialis posterior", ["Assists plantarflexion of the ankle", "Inverts the foot"]),
        "leg/tibialis-anterior.md": muscle("Tibialis anterior", ["Dorsiflexes the ankle", "Inverts the foot"]),
        "leg/quadriceps.md": muscle("Quadriceps", region: "Thigh", ["Extends the knee"]),
    ]

    static func compile(_ files: [String: String], vocabulary: String? = Self.vocabulary) -> CompiledDeck {
        let folder = TemporaryDirectory("facts")
        for (path, text) in files { folder.write("deck/" + path, text) }
        if let vocabulary { folder.write("deck/vocabulary/v.md", vocabulary) }
        return DeckCompiler.compile(.path(folder.file("deck")), displayPrefix: "deck")
    }

    static func generated(_ deck: CompiledDeck) -> [Card] { deck.cards.filter { $0.aspect.isFromFacts } }

    @Test(arguments: [
        ("plantarflexion", "Ankle", "plantarflex the ankle"),
        ("dorsiflexion", "Ankle", "dorsiflex the ankle"),
        ("inversion", "Ankle", "invert the foot"),
        ("flexion", "Knee", "flex the knee"),
        ("lateral rotation", "Hip", "laterally rotate the hip"),
        ("medial rotation", "Hip", "medially rotate the hip"),
        ("extension", "Big toe", "extend the big toe"),
        ("upward rotation", "Scapula", "upwardly rotate the scapula"),
        ("lateral flexion", "Neck", "laterally flex the neck"),
        ("rotation to the same side", "Head", "rotate the head to the same side"),
        ("wobble", "Knee", "perform wobble of the knee"),
        ("sideways wobble", "Knee", "perform sideways wobble of the knee"),
    ])
    func movementsReadAsVerbs(_ movement: String, _ joint: String, _ phrase: String) {
        #expect(MovementWording.phrase(movement: movement, joint: joint) == phrase)
    }

    @Test func aSmallDeckGetsExactlyTheseCards() {
        let deck = Self.compile(Self.calf)
        let cards = Self.generated(deck)
        let shown = cards.map { "\($0.id) [\($0.aspect.rawValue)] \($0.front) => \($0.back.replacingOccurrences(of: "\n", with: " / "))" }
        let expected = [
            "ankle-movements/plantarflexion [movements] Which muscles plantarflex the ankle? => Prime movers: Gastrocnemius, Soleus / Assisting: Tibialis posterior",
            "ankle-movements/inversion [movements] Which muscles invert the foot? => Prime movers: Tibialis anterior, Tibialis posterior",
            "gastrocnemius/synergists/ankle-plantarflexion [synergists] Which muscles work with the gastrocnemius to plantarflex the ankle? => Prime movers: Soleus / Assisting: Tibialis posterior",
            "gastrocnemius/antagonists/ankle [antagonists] Name a muscle that opposes the gastrocnemius at the ankle. => Any of these: / Dorsiflexion: Tibialis anterior",
            "gastrocnemius/antagonists/knee [antagonists] Name a muscle that opposes the gastrocnemius at the knee. => Any of these: / Extension: Quadriceps",
            "quadriceps/antagonists/knee [antagonists] Name a muscle that opposes the quadriceps at the knee. => Any of these: / Flexion: Gastrocnemius",
            "soleus/synergists/ankle-plantarflexion [synergists] Which muscles work with the soleus to plantarflex the ankle? => Prime movers: Gastrocnemius / Assisting: Tibialis posterior",
            "soleus/antagonists/ankle [antagonists] Name a muscle that opposes the soleus at the ankle. => Any of these: / Dorsiflexion: Tibialis anterior",
            "tibialis-anterior/synergists/ankle-inversion [synergists] Which muscles work with the tibialis anterior to invert the foot? => Prime movers: Tibialis posterior",
            "tibialis-anterior/antagonists/ankle [antagonists] Name a muscle that opposes the tibialis anterior at the ankle. => Any of these: / Plantarflexion: Gastrocnemius, Soleus",
            "tibialis-posterior/synergists/ankle-inversion [synergists] Which muscles work with the tibialis posterior to invert the foot? => Prime movers: Tibialis anterior",
        ]
        expectSameText(shown.joined(separator: "\n"), expected.joined(separator: "\n"), "the generated cards")
        // They come after every muscle's own cards, and the movement cards live under the joint's entry.
        let firstGenerated = deck.cards.firstIndex { $0.aspect.isFromFacts } ?? 0
        let tail = deck.cards[firstGenerated...].map { $0.aspect.isFromFacts }
        #expect(!tail.contains(false))
        #expect(deck.homes.map(\.key) == ["ankle-movements"])
        #expect(deck.homes.first?.name == "Ankle movements" && deck.homes.first?.region == "Lower leg")
        // The joint as the bundled vocabulary declares it, which a school's vocabulary adds to.
        #expect(deck.homes.first?.location.file == "Decks/vocabulary/lower-limb.md")
        #expect(cards.first?.region == "Lower leg" && cards.first?.source.file == "Decks/vocabulary/lower-limb.md")
        #expect(!deck.hasErrors)
    }

    @Test func aMuscleWithAnUnresolvedLineGetsNoneButStillCountsInMovementCards() {
        var files = Self.calf
        files["leg/soleus.md"] = Self.muscle("Soleus", ["Plantarflexes the ankle", "Wiggles the ears"])
        let cards = Self.generated(Self.compile(files))
        #expect(!cards.contains { $0.muscleKey == "soleus" })
        #expect(cards.first { $0.id == "ankle-movements/plantarflexion" }?.back == "Prime movers: Gastrocnemius, Soleus\nAssisting: Tibialis posterior")
    }

    @Test func aDeckWithoutAVocabularyOfItsOwnGetsNone() {
        let deck = Self.compile(Self.calf, vocabulary: nil)
        #expect(Self.generated(deck).isEmpty && deck.homes.isEmpty)
        // It is still resolved (against the bundled vocabulary) for lint.
        #expect(deck.facts.first { $0.key == "soleus" }?.movements.map(\.name) == ["ankle plantarflexion"])
    }

    @Test func aMuscleTakingAJointsKeyIsAnError() {
        var files = Self.calf
        files["leg/odd.md"] = Self.muscle("Ankle movements", ["Plantarflexes the ankle"])
        let deck = Self.compile(files)
        #expect(deck.diagnostics.contains { $0.rule == .duplicateMuscle && $0.file == "deck/leg/odd.md" && $0.message.contains("'ankle-movements'") })
        #expect(!deck.homes.contains { $0.key == "ankle-movements" })
    }

    /// A changed answer keeps the card; a movement no longer performed by two muscles retires its
    /// card (history kept), and it comes back with that history when the fact returns.
    @Test func syncUpdatesRetiresAndRestoresThem() throws {
        let store = try TestStore()
        let folder = store.folder
        func write(_ files: [String: String]) {
            for (path, text) in files { folder.write("deck/" + path, text) }
            folder.write("deck/vocabulary/v.md", Self.vocabulary)
        }
        write(Self.calf)
        let deck = DeckLocation.path(folder.file("deck"))
        _ = try DeckSync.run([deck], in: store.database, now: testNow)
        let inversion: CardID = "ankle-movements/inversion"
        let rowID = try #require(try store.rowID(of: inversion))
        #expect(try store.count("SELECT count(*) FROM muscle WHERE key = 'ankle-movements' AND name = 'Ankle movements' AND region = 'Lower leg'") == 1)
        // A stand-in for its history (no review rows, so `check` would object: not run here).
        try store.database.write { db in try db.execute(sql: "UPDATE card_state SET repetitions = 3 WHERE card_id = ?", arguments: [rowID]) }

        // Another invertor: the same card, updated.
        write(["leg/extensor.md": Self.muscle("Extensor hallucis longus", ["Assists inversion of the foot"])])
        let update = try DeckSync.run([deck], in: store.database, now: testNow.addingTimeInterval(60))
        #expect(update.decks.first?.updated ?? 0 >= 1)
        #expect(try store.rowID(of: inversion) == rowID)

        // Only the tibialis posterior inverts now: the movement card is retired, its history kept.
        write(["leg/tibialis-anterior.md": Self.muscle("Tibialis anterior", ["Dorsiflexes the ankle"]),
               "leg/extensor.md": Self.muscle("Extensor hallucis longus", ["Extends the big toe"])])
        let retire = try DeckSync.run([deck], in: store.database, now: testNow.addingTimeInterval(120))
        #expect(retire.decks.first?.retired ?? 0 >= 1)
        #expect(try store.count("SELECT count(*) FROM card WHERE id = \(rowID) AND retired_at IS NOT NULL") == 1)

        write(["leg/tibialis-anterior.md": Self.muscle("Tibialis anterior", ["Dorsiflexes the ankle", "Inverts the foot"])])
        let restore = try DeckSync.run([deck], in: store.database, now: testNow.addingTimeInterval(180))
        #expect(restore.decks.first?.restored ?? 0 >= 1)
        #expect(try store.count("SELECT count(*) FROM card c JOIN card_state s ON s.card_id = c.id WHERE c.id = \(rowID) AND c.retired_at IS NULL AND s.repetitions = 3") == 1)
    }

    /// A sample of the bundled curriculum's fronts, exactly.
    @Test func bundledFronts() throws {
        let cards = Dictionary(BundledDeck.compiled.cards.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let expected: [(CardID, String)] = [
            ("ankle-movements/plantarflexion", "Which muscles plantarflex the ankle?"),
            ("ankle-movements/eversion", "Which muscles evert the foot?"),
            ("knee-movements/flexion", "Which muscles flex the knee?"),
            ("hip-movements/lateral-rotation", "Which muscles laterally rotate the hip?"),
            ("gastrocnemius/synergists/ankle-plantarflexion", "Which muscles work with the gastrocnemius to plantarflex the ankle?"),
            ("gastrocnemius/antagonists/ankle", "Name a muscle that opposes the gastrocnemius at the ankle."),
        ]
        for (id, front) in expected {
            #expect(cards[id]?.front == front, "\(id)")
        }
        #expect(cards["ankle-movements/plantarflexion"]?.back == "Prime movers: Gastrocnemius, Plantaris, Soleus\nAssisting: Fibularis (peroneus) brevis, Fibularis (peroneus) longus, Flexor digitorum longus, Flexor hallucis longus, Tibialis posterior")
        #expect(cards["gastrocnemius/antagonists/ankle"]?.back == "Any of these:\nDorsiflexion: Extensor digitorum longus, Extensor hallucis longus, Tibialis anterior")
    }
}
