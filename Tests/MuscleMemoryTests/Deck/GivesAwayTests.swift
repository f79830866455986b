import Testing
@testable import MuscleMemory

/// The `gives-away` rule's examples run with every other rule's (LintRuleExampleTests); these pin
/// what it reports and what the generator does so no card gives its answer away.
@Suite struct GivesAwayTests {
    @Test(arguments: [
        ("Which muscle starts pronation?", true),
        ("A client has pain at the tailbone. Which back muscle can refer pain there?", true),
        ("Which is the largest and strongest rotator cuff muscle?", true),
        ("What are the four rotator cuff muscles?", true),
        ("What is tennis elbow, and which muscle is most often at its heart?", true),
        ("Which nerve supplies all three hypothenar muscles?", false),
        ("Which nerves and vessels run with the intercostal muscles, and where?", false),
        ("Which way does a passive stretch take the ankle?", false),
    ])
    func recognisesWhichMuscleQuestions(_ question: String, _ asks: Bool) {
        #expect(MuscleNames.asksWhichMuscle(question) == asks, "\(question)")
    }

    /// The byte stemmer that ASCII questions take must stem as the String one does: every word of
    /// every bundled card and of the examples above, plus the suffix rules' edges.
    @Test func asciiQuestionsAreStemmedAsTheStringStemmerStemsThem() {
        let texts = BundledDeck.compiled.cards.flatMap { [$0.front, $0.back] } + [
            "Which muscle starts pronation?", "vertebrae ae bursae, radii ii humeri, biceps abs bass pass hiss is us thus THE Which WHAT",
            "m. teres_minor-and 3rd/4th (L4-S1) ... \r\n\tend",
        ]
        for text in texts where text.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(MuscleNames.asciiStems(text) == MuscleNames.words(text).map { Array($0.stem.utf8) }, "\(text)")
        }
        #expect(MuscleNames.asciiStems("Which muscle is the sóleus?") == nil)
    }

    @Test func whichMuscleQuestionsAreNotPrefixedWithTheName() {
        let deck = compile("# Masseter\n## Cards\nQ: Which is the strongest muscle of the body for its size?\nA: The masseter.\nId: strongest\nQ: Who gets jaw pain?\nA: Clenchers.\nId: who\n")
        #expect(card(deck, "masseter/custom/strongest")?.front == "Which is the strongest muscle of the body for its size?")
        #expect(card(deck, "masseter/custom/who")?.front == "Masseter: Who gets jaw pain?")
    }

    @Test func theHeadsQuestionLeavesOutTheAsideThatListsTheHeads() {
        let deck = compile("# Iliopsoas (psoas major and iliacus)\n## Heads\n- Psoas major: from the lumbar spine\n- Iliacus: from the ilium\n")
        #expect(card(deck, "iliopsoas-psoas-major-and-iliacus/heads")?.front == "How many heads or parts make up the iliopsoas, and what are they?")
        #expect(!deck.diagnostics.contains { $0.rule == .givesAway })
    }

    @Test func aFindingPointsAtTheWordAndNotesWhereTheNameIsDeclared() throws {
        let deck = compile("# Wrist flexor group\n## Heads\n- Flexor carpi ulnaris: the ulnar side\n## Actions\n- Flexes the wrist\n- Bends it to the little-finger side (the flexor\n  carpi ulnaris)\n")
        let found = deck.diagnostics.filter { $0.rule == .givesAway }
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.severity == .warning)
        #expect(finding.place == "deck/example.md:6:43")
        #expect(finding.message.contains("'Flexor carpi ulnaris'"))
        #expect(finding.notes.map(\.position?.line) == [3])
    }

    @Test func siblingsNamedInAnActionAreNotTheMuscle() {
        let deck = compile("# Gluteus minimus\n## Actions\n- Abducts the hip, assisting the gluteus medius\n- Steadies the pelvis, with the gluteus maximus\n")
        #expect(!deck.diagnostics.contains { $0.rule == .givesAway })
    }

    @Test func theBundledDecksGiveNothingAway() {
        let deck = BundledDeck.compiled
        #expect(deck.diagnostics.filter { $0.rule == .givesAway }.isEmpty, "\(deck.diagnostics.filter { $0.rule == .givesAway })")
    }
}
