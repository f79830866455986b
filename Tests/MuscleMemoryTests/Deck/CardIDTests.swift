import Testing
@testable import MuscleMemory

/// Card identity survives editing: IDs come from the muscle and the item, never from the answer.
@Suite struct CardIDTests {
    static let original = """
        # Gastrocnemius
        Origin: Femoral condyles
        Insertion: Calcaneus
        ## Actions
        - Plantarflexes the ankle
        - Flexes the knee
        ## Trigger points
        - Medial head belly -> the instep
        - Lateral head belly -> around itself
        ## Cards
        Q: Which stroke suits it?
        A: Firm strokes.
        Q: How is it stretched?
        A: Dorsiflexion, knee straight.
        Id: stretch
        """

    static func ids(_ text: String) -> [CardID] {
        compile(text).cards.map(\.id)
    }

    @Test func answerRewritesKeepEveryID() {
        let edited = Self.original
            .replacingOccurrences(of: "Femoral condyles", with: "Medial and lateral femoral condyles")
            .replacingOccurrences(of: "the instep", with: "the instep of the foot and the back of the knee")
            .replacingOccurrences(of: "Firm strokes.", with: "Long, firm strokes along the calf; no deep tissue work.")
            .replacingOccurrences(of: "Flexes the knee", with: "Flexes the knee (bends it)")
        #expect(Self.ids(edited).sorted() == Self.ids(Self.original).sorted().map {
            $0  // forward and reverse actions IDs do not depend on the action text either
        })
    }

    @Test func typoFixesInAnswersAndCaseOrPunctuationInQuestionsKeepIDs() {
        let edited = Self.original
            .replacingOccurrences(of: "Calcaneus", with: "Calcaneous")
            .replacingOccurrences(of: "Which stroke suits it?", with: "Which  stroke suits it ?")
            .replacingOccurrences(of: "Medial head belly", with: "Medial head, belly")
        #expect(Self.ids(edited) == Self.ids(Self.original))
    }

    @Test func reorderingKeepsIDs() {
        let reordered = """
            # Gastrocnemius
            Insertion: Calcaneus
            Origin: Femoral condyles
            ## Cards
            Q: How is it stretched?
            A: Dorsiflexion, knee straight.
            Id: stretch
            Q: Which stroke suits it?
            A: Firm strokes.
            ## Trigger points
            - Lateral head belly -> around itself
            - Medial head belly -> the instep
            ## Actions
            - Flexes the knee
            - Plantarflexes the ankle
            """
        #expect(Set(Self.ids(reordered)) == Set(Self.ids(Self.original)))
    }

    @Test func idsAreReadable() {
        #expect(Self.ids(Self.original) == [
            "gastrocnemius/origin", "gastrocnemius/insertion", "gastrocnemius/actions", "gastrocnemius/actions/reverse",
            "gastrocnemius/trigger-points/medial-head-belly", "gastrocnemius/trigger-points/lateral-head-belly",
            "gastrocnemius/custom/which-stroke-suits-it", "gastrocnemius/custom/stretch",
        ])
    }

    @Test func aPinnedIdSurvivesRewordingTheQuestion() {
        let edited = Self.original.replacingOccurrences(of: "How is it stretched?", with: "Which position lengthens the gastrocnemius?")
        #expect(Self.ids(edited) == Self.ids(Self.original))
    }

    @Test func renamingAnIdChangesIt() {
        let edited = Self.original.replacingOccurrences(of: "Id: stretch", with: "Id: passive-stretch")
        let ids = Self.ids(edited)
        #expect(ids.contains("gastrocnemius/custom/passive-stretch"))
        #expect(!ids.contains("gastrocnemius/custom/stretch"))
    }

    @Test func longItemsGetAShortStableSlug() {
        let long = "Medial head, in the belly about a third of the way down the calf from the knee, slightly medial"
        let id = Slug.make(long, limit: 48)
        #expect(id.count <= 48)
        #expect(id.hasPrefix("medial-head-in-the-belly-about"))
        #expect(id == Slug.make(long.uppercased(), limit: 48))
        #expect(id != Slug.make(long + " and deeper", limit: 48))
    }

    @Test func slugsFoldAccentsAndPunctuation() {
        #expect(Slug.make("Músculo  Tibial (anterior)!") == "musculo-tibial-anterior")
        #expect(Slug.make("Achilles' tendon") == "achilles-tendon")
    }
}

import Foundation
