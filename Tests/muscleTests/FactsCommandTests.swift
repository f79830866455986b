import Foundation
import Testing

/// `muscle facts`, run as a user runs it.
@Suite struct FactsCommandTests {
    @Test func thePlantarflexorsAreListedAsTheFilesSayThem() {
        let result = Sandbox().run(["facts", "--movement", "ankle plantarflexion"])
        #expect(result.exitCode == 0)
        #expect(result.stdout == "ankle plantarflexion: prime movers: Gastrocnemius, Plantaris, Soleus; assisting: Fibularis (peroneus) brevis, Fibularis (peroneus) longus, Flexor digitorum longus, Flexor hallucis longus, Tibialis posterior\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func anUnknownValueExits64WithTheClosestTerm() {
        let result = Sandbox().run(["facts", "--nerve", "tibal nerve"])
        #expect(result.exitCode == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "muscle: error: no nerve 'tibal nerve' in the vocabulary; the closest is 'Tibial nerve'\n")
    }

    @Test func aNerveListsTheMusclesOfItsBranches() throws {
        let result = Sandbox().run(["facts", "--nerve", "common fibular nerve", "--format", "json"])
        #expect(result.exitCode == 0)
        let decoded = try JSONDecoder().decode([String: [String]].self, from: Data(result.stdout.utf8))
        #expect(decoded["muscles"]?.contains("Tibialis anterior") == true)
        #expect(decoded["muscles"]?.contains("Fibularis (peroneus) longus") == true)
        #expect(decoded["muscles"]?.contains("Soleus") == false)
    }

    @Test func aLandmarkListsWhatArisesAndInsertsThere() {
        let result = Sandbox().run(["facts", "--landmark", "greater trochanter"])
        #expect(result.exitCode == 0)
        #expect(result.stdout == "greater trochanter: origin of Vastus lateralis; insertion of Deep lateral rotators (gemelli, obturators, quadratus femoris), Gluteus medius, Gluteus minimus, Piriformis\n")
        let unknown = Sandbox().run(["facts", "--landmark", "greater trochantr"])
        #expect(unknown.exitCode == 64)
        #expect(unknown.stderr == "muscle: error: no landmark 'greater trochantr' in the vocabulary; the closest is 'greater trochanter'\n")
    }

    @Test func unresolvedLinesOfASchoolDeckAreListed() {
        let sandbox = Sandbox()
        sandbox.write("deck/soleus.md", "# Soleus\nOrigin: The fibula\nInsertion: The calcaneus\nInnervation: Tibial nerve (S1, S2)\n\n## Actions\n- Plantarflexes the ankle\n- Wiggles the ears\n")
        let result = sandbox.run(["facts", "--unresolved", "deck"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("deck/soleus.md:8:3: warning: action 'Wiggles the ears' matches no vocabulary term"))
        #expect(result.stdout.components(separatedBy: "\n").count == 2)
    }
}
