import Testing
@testable import MuscleMemory
import TestSupport

/// One test per construct of Decks/FORMAT.md.
@Suite struct FormatTests {
    @Test func nameHeading() throws {
        let (muscle, findings) = parse("\n<!-- note -->\n# Tibialis anterior\n")
        #expect(findings.isEmpty)
        #expect(muscle?.name == "Tibialis anterior")
        #expect(muscle?.location == SourceLocation(file: "m.md", line: 3, column: 3))
        #expect(muscle?.key == "tibialis-anterior")
    }

    @Test func headerFieldsAreCaseInsensitive() throws {
        let (muscle, findings) = parse("# Soleus\nREGION: Lower leg and foot, deep\norigin: Tibia\nInsertion:   Calcaneus  \ninnervation: Tibial nerve\nEtymology: Latin solea\n")
        #expect(findings.isEmpty)
        let m = try #require(muscle)
        #expect(m.field(.origin) == "Tibia")
        #expect(m.field(.insertion) == "Calcaneus")
        #expect(m.field(.innervation) == "Tibial nerve")
        #expect(m.field(.etymology) == "Latin solea")
        #expect(m.region == "Lower leg and foot")
    }

    @Test func indentedLinesContinueAValue() throws {
        let (muscle, _) = parse("# Soleus\nOrigin: Tibia\n  and fibula,\n\tsoleal line\n")
        #expect(muscle?.field(.origin) == "Tibia and fibula, soleal line")
    }

    @Test func lazyContinuationJoinsTheNextLine() throws {
        let (muscle, findings) = parse("# Soleus\nOrigin: Tibia\nand fibula\n\nInsertion: Calcaneus\n")
        #expect(findings.isEmpty)
        #expect(muscle?.field(.origin) == "Tibia and fibula")
    }

    @Test func sectionsAcceptCaseSingularAndHyphens() throws {
        let (muscle, findings) = parse("# Soleus\n## ACTION\n- Plantarflexes\n## trigger-point\n- Belly -> heel\n## exercise ##\n- Raises\n")
        #expect(findings.isEmpty)
        #expect(muscle?.actions.map(\.text) == ["Plantarflexes"])
        #expect(muscle?.triggerPoints.count == 1)
        #expect(muscle?.exercises.map(\.text) == ["Raises"])
    }

    @Test func headsHaveNamesAndDescriptions() throws {
        let (muscle, _) = parse("# Biceps brachii\n## Heads\n- Long head: supraglenoid tubercle\n- Short head\n")
        #expect(muscle?.heads.map(\.name) == ["Long head", "Short head"])
        #expect(muscle?.heads.map(\.description) == ["supraglenoid tubercle", ""])
        let deck = compile("# Biceps brachii\n## Heads\n- Long head: supraglenoid tubercle\n- Short head: coracoid process\n")
        #expect(card(deck, "biceps-brachii/heads")?.back == "Two heads:\n• Long head: supraglenoid tubercle\n• Short head: coracoid process")
        #expect(card(deck, "biceps-brachii/heads")?.front == "How many heads or parts make up the biceps brachii, and what are they?")
    }

    @Test func actionsMakeAForwardAndAReverseCard() throws {
        let deck = compile("# Soleus\n## Actions\n- Plantarflexes the ankle\n* Steadies the leg over the foot\n")
        let forward = try #require(card(deck, "soleus/actions"))
        let reverse = try #require(card(deck, "soleus/actions/reverse"))
        #expect(forward.front == "List the actions of the soleus.")
        #expect(forward.back == "• Plantarflexes the ankle\n• Steadies the leg over the foot")
        #expect(reverse.front == "Which muscle (or group) performs all of these actions?\n• Plantarflexes the ankle\n• Steadies the leg over the foot")
        #expect(reverse.back == "Soleus")
        #expect(forward.muscleKey == reverse.muscleKey && forward.aspect == reverse.aspect)  // siblings
    }

    @Test func listMarkersMayBeNumbers() throws {
        let (muscle, findings) = parse("# Soleus\n## Exercises\n1. Seated calf raises\n2) Walking\n+ Running\n")
        #expect(findings.isEmpty)
        #expect(muscle?.exercises.map(\.text) == ["Seated calf raises", "Walking", "Running"])
    }

    @Test func triggerPointsSplitAtTheArrow() throws {
        let deck = compile("# Soleus\n## Trigger points\n- Distal belly -> the heel\n- Proximal belly → the back of the calf\n  and the knee\n")
        let points = deck.cards.filter { $0.aspect == .triggerPoints }
        #expect(points.map(\.back) == ["The heel", "The back of the calf and the knee"])
        #expect(points.first?.front == "Trigger point in the soleus: distal belly. Where does it refer pain?")
        #expect(points.map(\.id) == ["soleus/trigger-points/distal-belly", "soleus/trigger-points/proximal-belly"])
    }

    @Test func exercisesMakeOneCard() throws {
        let deck = compile("# Soleus\n## Exercises\n- Seated calf raises\n- Walking uphill\n")
        #expect(card(deck, "soleus/exercises")?.back == "• Seated calf raises\n• Walking uphill")
        #expect(card(deck, "soleus/exercises")?.front == "Name exercises that load the soleus.")
    }

    @Test func palpationMakesOneCardFromItsThreeFields() throws {
        let deck = compile("""
            # Soleus
            ## Palpation
            position: Prone, the knee bent
              to 90 degrees.
            Landmarks: The calcaneal tendon.
            Resist: Plantarflexion with the knee bent.
            """)
        #expect(deck.diagnostics.filter { $0.rule != .missingField }.isEmpty, "\(deck.diagnostics)")
        let palpation = try #require(card(deck, "soleus/palpation"))
        #expect(palpation.aspect == .palpation)
        #expect(palpation.front == "How do you palpate the soleus? Give the client's position, the landmarks and the action to resist.")
        #expect(palpation.back == "Position: Prone, the knee bent to 90 degrees.\nLandmarks: The calcaneal tendon.\nResist: Plantarflexion with the knee bent.")
        #expect(palpation.source.line == 2)
    }

    @Test func palpationTakesOnlyItsOwnFields() throws {
        let deck = compile("# Soleus\n## Palpation\nPosition: Prone.\n- Press here\nOrigin: Tibia\nPosition: Supine.\nGrip: firm\n")
        #expect(deck.diagnostics.map(\.rule).filter { $0 != .missingField } == [.strayText, .misplacedField, .duplicateField, .strayText])
        #expect(card(deck, "soleus/palpation")?.back == "Position: Prone.")
    }

    @Test func fieldCardsReadLikeATeacher() throws {
        let deck = compile("# Soleus\nEtymology: Latin solea, sandal\nOrigin: Tibia\nInsertion: Calcaneus\nInnervation: Tibial nerve (S1, S2)\n")
        #expect(card(deck, "soleus/etymology")?.front == "Explain the name “soleus”: its roots and what they mean.")
        #expect(card(deck, "soleus/origin")?.front == "State the origin of the soleus.")
        #expect(card(deck, "soleus/insertion")?.front == "State the insertion of the soleus.")
        #expect(card(deck, "soleus/innervation")?.front == "Name the nerve supply of the soleus, with its spinal root levels.")
        #expect(card(deck, "soleus/innervation")?.back == "Tibial nerve (S1, S2)")
        #expect(card(deck, "soleus/origin")?.source == SourceLocation(file: "deck/example.md", line: 3))
    }

    @Test func questionsAndAnswersContinueOnIndentedLines() throws {
        let deck = compile("# Soleus\n## Cards\nQ: Where is it\n  palpated?\nA: Below the\n   gastrocnemius,\n   - on either side\n\nQ: Why does the soleus matter?\nA: Posture.\n")
        #expect(deck.cards.map(\.front) == ["Soleus: Where is it palpated?", "Why does the soleus matter?"])
        #expect(deck.cards.first?.back == "Below the gastrocnemius,\n- on either side")
    }

    @Test func idAndTagsAttachToTheirCard() throws {
        let deck = compile("""
            # Soleus
            Tags: calf
            ## Trigger points
            - Distal belly -> the heel
              Id: heel-point
              Tags: Exam Prep, calf
            ## Cards
            Q: Why?
            A: Because.
            Id: why
            Tags: palpation
            """)
        #expect(deck.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(card(deck, "soleus/trigger-points/heel-point")?.tags == ["calf", "exam-prep"])
        #expect(card(deck, "soleus/custom/why")?.tags == ["calf", "palpation"])
    }

    @Test func aPinnedMuscleIdPrefixesEveryCard() throws {
        let deck = compile("# Soleus muscle\nId: soleus\nOrigin: Tibia\n")
        #expect(deck.cards.map(\.id) == ["soleus/origin"])
    }

    @Test func commentsSpanLinesAndMakeNothing() throws {
        let (muscle, findings) = parse("# Soleus\n<!-- checked\n## Not a section\n-->\nOrigin: Tibia\n")
        #expect(findings.isEmpty)
        #expect(muscle?.sections.isEmpty == true)
        #expect(muscle?.field(.origin) == "Tibia")
    }

    @Test func crlfBomAndTabsAreAccepted() throws {
        let (muscle, findings) = parse("\u{FEFF}# Soleus\r\nOrigin:\tTibia\r\n  and fibula\r\n")
        #expect(findings.isEmpty)
        #expect(muscle?.field(.origin) == "Tibia and fibula")
    }

    @Test func regionIsTheTextBeforeTheFirstComma() throws {
        let (muscle, _) = parse("# Soleus\nRegion: Lower leg and foot, posterior, deep\n")
        #expect(muscle?.region == "Lower leg and foot")
    }

    @Test func questionsThatDoNotNameTheMuscleArePrefixed() throws {
        let deck = compile("# Fibularis (peroneus) longus\n## Cards\nQ: Which nerve?\nA: Superficial fibular.\nQ: Is the fibularis longus superficial?\nA: Yes.\n")
        #expect(deck.cards.map(\.front) == ["Fibularis (peroneus) longus: Which nerve?", "Is the fibularis longus superficial?"])
    }

    @Test func deckInfoFile() throws {
        let deck = compile(files: [("deck.md", "# Spring term\nAuthor: A. Teacher\nDescription: Lower limb,\n  with trigger points.\n"), ("soleus.md", exampleMuscle)])
        #expect(deck.info == DeckInfo(title: "Spring term", author: "A. Teacher", description: "Lower limb, with trigger points."))
        #expect(deck.fileCount == 2)
        #expect(deck.diagnostics.isEmpty)
    }

    @Test func documentationFilesAndHiddenFilesAreSkipped() throws {
        let deck = compile(files: [("README.md", "not a muscle"), (".hidden.md", "nor this"), ("notes.txt", "nor this"), ("leg/soleus.md", exampleMuscle)])
        #expect(deck.diagnostics.isEmpty)
        #expect(deck.muscles.map(\.name) == ["Example muscle"])
    }

    @Test func subfoldersAreReadInPathOrder() throws {
        let deck = compile(files: [("thigh/b.md", "# Bee\n"), ("hip/z.md", "# Zed\n"), ("a.md", "# Ay\n")])
        #expect(deck.muscles.map(\.name) == ["Ay", "Zed", "Bee"])
    }

    /// `Order:` in deck.md: files under its entries first, in the entries' order (a file named by
    /// two entries goes with the first), the rest in path order; entries keep their columns.
    @Test func deckOrderSetsTheIntroductionOrder() throws {
        let deck = compile(files: [
            ("deck.md", "# Term\nOrder: thigh/b, hip/,\n  thigh.md\n"),
            ("thigh/a.md", "# Ay\n"), ("thigh/b.md", "# Bee\n"), ("hip/z.md", "# Zed\n"), ("arm/c.md", "# Sea\n"),
        ])
        #expect(deck.muscles.map(\.name) == ["Bee", "Zed", "Ay", "Sea"])
        #expect(deck.diagnostics.filter { $0.rule == .unknownOrderEntry }.isEmpty)
        let order = deck.info.order.map { "\($0.value)@\($0.location.line):\($0.location.column)" }
        #expect(order == ["thigh/b@2:8", "hip@2:17", "thigh@3:3"])
        let unordered = compile(files: [("thigh/a.md", "# Ay\n"), ("thigh/b.md", "# Bee\n"), ("hip/z.md", "# Zed\n"), ("arm/c.md", "# Sea\n")])
        #expect(unordered.muscles.map(\.name) == ["Sea", "Zed", "Ay", "Bee"])
    }

    @Test func aSingleFileCanBeLinted() throws {
        let folder = TemporaryDirectory()
        let path = folder.write("soleus.md", exampleMuscle)
        let deck = DeckCompiler.compile(.path(path))
        #expect(deck.diagnostics.isEmpty)
        #expect(deck.cards.count == 9)
        #expect(deck.cards.first?.source.file == path)
    }

    @Test func theBundledDeckIsCompiledIn() {
        let deck = BundledDeck.compiled
        #expect(deck.diagnostics.isEmpty, "\(deck.diagnostics.prefix(5))")
        #expect(deck.cards.contains { $0.id == "gastrocnemius/origin" && $0.source.file == "Decks/leg-foot/gastrocnemius.md" })
        #expect(deck.info.title == "MuscleMemory curriculum")
    }
}
