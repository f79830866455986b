import Testing
@testable import MuscleMemory

/// Every fact of the source article (../shared/seed/gastrocnemius.txt) is reachable as a card of
/// the bundled gastrocnemius, and where the article is wrong the card teaches the correction.
@Suite struct SeedFactsTests {
    static let gastrocnemius = BundledDeck.compiled.cards.filter { $0.muscleKey == "gastrocnemius" }

    /// (fact from the article, words that must appear together in one card, front and back)
    static let facts: [(String, [String])] = [
        ("most superficial muscle on the back of the calf", ["most superficial", "back of the calf"]),
        ("very strong, used in walking and driving", ["strong", "walking", "driving"]),
        ("assists in stabilising the knee when standing", ["stabilise the knee", "stands"]),
        ("stop-and-go driving overuses it", ["stop-and-go", "overuse"]),
        ("baseline pain goes unnoticed unless cramping", ["baseline", "unnoticed", "cramp"]),
        ("named from Greek belly + leg", ["gaster", "belly", "kneme", "leg"]),
        ("the name refers to the calf seen from the side", ["from", "side", "calf"]),
        ("two heads, lateral and medial", ["Two heads", "Lateral head", "Medial head"]),
        ("lateral head on the outside", ["Lateral head", "outer side"]),
        ("medial head closer to the midline", ["Medial head", "midline"]),
        ("flexes the knee", ["Flexes the knee"]),
        ("plantarflexion: pushing the toes toward the floor", ["Plantarflexes the ankle", "toward the floor"]),
        ("walking: push-off, knee flexion and swing, contact, relax", ["pushes off", "knee bends", "swings forward", "relaxes"]),
        ("driving pushes the accelerator and brake: plantarflexion", ["accelerator", "brake", "plantarflexion"]),
        ("tapping the foot, musicians keeping a beat", ["taps a foot", "musician"]),
        ("exercise: standing calf raises", ["Standing calf raises"]),
        ("exercise: seated calf press", ["Seated calf press"]),
        ("exercise: lying leg curls", ["Lying leg curls"]),
        ("exercise: hamstring raises", ["Hamstring raises"]),
        ("exercise: cycling/spinning", ["Cycling", "spinning"]),
        ("two trigger points per head, four in all (and the correction)", ["two in each head", "four in all", "by place"]),
        ("medial belly point a third of the way down, refers down the calf to the instep", ["a third of the way down", "instep"]),
        ("that point spills over into the back of the knee", ["third of the way down", "spillover into the back of the knee"]),
        ("lateral head point refers around itself", ["Lateral head, in the belly", "around the trigger point itself"]),
        ("points near the femoral attachment refer intensely into the back of the knee", ["attachment", "back of the knee", "intensely"]),
        ("belly trigger points cause night cramps", ["Trigger points in the bellies", "cramps"]),
        ("night cramps: growth spurts (corrected) and athletes who skip stretching and cool-down", ["growth spurts", "athletes", "stretching", "cooling down"]),
        ("release a cramp by forcing the heel to the floor", ["Force the heel down to the floor"]),
        ("release by leaning into a wall, leg straight, heel down", ["wall", "leg straight", "heel on the floor"]),
        ("most massage modalities work it directly", ["most massage styles"]),
        ("superficial, so no deep tissue work is needed", ["superficial", "no deep tissue"]),
        ("firm strokes along the length of the calf", ["firm strokes along the length of the calf"]),
        ("Swedish, Thai and Shiatsu", ["Swedish", "Thai", "Shiatsu"]),
        ("passive stretch (article: plantarflexion; corrected to dorsiflexion)", ["passive stretch", "dorsiflexion", "knee straight", "plantarflexion"]),
        ("trigger point therapy: compression and friction (corrected to sustained pressure), effectiveness", ["friction", "rapid compression", "sustained", "evidence"]),
        ("points are tender: warm up first", ["Warm the tissue first", "tender"]),
        ("clients don't realise how painful their calves are until touched", ["no idea how sore", "touched"]),
        ("it releases easily: relief in one session", ["release easily", "one session"]),
        ("seated raises load mainly the soleus (correction)", ["knee bent", "mainly the soleus"]),
    ]

    @Test(arguments: facts.map(\.0))
    func factIsOnACard(_ fact: String) throws {
        let words = try #require(Self.facts.first { $0.0 == fact }).1
        let found = Self.gastrocnemius.contains { card in
            let text = (card.front + "\n" + card.back).lowercased()
            return words.allSatisfy { text.contains($0.lowercased()) }
        }
        #expect(found, "no gastrocnemius card holds all of \(words)")
    }

    @Test func everyCorrectionIsTaught() {
        let corrections = Self.gastrocnemius.filter { $0.back.contains("Correction:") }
        #expect(corrections.count >= 3)
        #expect(Self.gastrocnemius.contains { $0.back.contains("source article") && $0.back.contains("four in all") })
    }
}
