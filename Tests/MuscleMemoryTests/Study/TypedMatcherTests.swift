import SM2
import Testing
@testable import MuscleMemory

/// The typed-answer matcher against the bundled curriculum: synonyms, forgiven typos, refused
/// near misses and lists in any order, each with the grade it proposes.
@Suite struct TypedMatcherTests {
    static let terms = TypedTerms(decks: [BundledDeck.compiled])

    struct Case: CustomTestStringConvertible, Sendable {
        var back: String
        var aspect: Aspect = .custom
        var typed: String
        var verdict: TypedVerdict
        var testDescription: String { "“\(typed)” for “\(back)”" }
    }

    static let cases: [Case] = [
        // Exact, whatever the case, accents, hyphens, articles and a trailing "muscle".
        Case(back: "Teres major", typed: "teres major", verdict: .exact),
        Case(back: "Teres major", typed: "  The TERES-MAJOR muscle ", verdict: .exact),
        Case(back: "Soleus", typed: "sóleus", verdict: .exact),
        Case(back: "Fibularis (peroneus) longus", aspect: .actions, typed: "fibularis longus", verdict: .exact),
        // Synonyms: the renaming aside, the vocabulary's synonyms (calcaneal/Achilles).
        Case(back: "Fibularis (peroneus) longus", aspect: .actions, typed: "Peroneus longus", verdict: .synonym),
        Case(back: "Calcaneal tendon", typed: "Achilles tendon", verdict: .synonym),
        Case(back: "Iliotibial tract", typed: "IT band", verdict: .wrong),
        Case(back: "Iliotibial tract", typed: "iliotibial band", verdict: .synonym),
        Case(back: "Greater trochanter", typed: "greater trochanter of the femur", verdict: .synonym),
        // Forgiven typos: the expected term is clearly the nearest.
        Case(back: "Gastrocnemius", typed: "gastrocnemus", verdict: .typo),
        Case(back: "Gastrocnemius", typed: "gastrocnemeus", verdict: .typo),
        Case(back: "Semitendinosus", typed: "semitendonosus", verdict: .typo),
        Case(back: "Sternocleidomastoid", typed: "sternocleidomastiod", verdict: .typo),
        // Refused near misses: across major/minor, longus/brevis, anterior/posterior,
        // medial/lateral, superior/inferior, superficialis/profundus, internal/external.
        Case(back: "Teres major", typed: "teres minor", verdict: .wrong),
        Case(back: "Teres major", typed: "teres majr", verdict: .wrong),
        Case(back: "Pectoralis minor", typed: "pectoralis major", verdict: .wrong),
        Case(back: "Fibularis (peroneus) longus", typed: "fibularis brevis", verdict: .wrong),
        Case(back: "Tibialis anterior", typed: "tibialis posterior", verdict: .wrong),
        Case(back: "Tibialis anterior", typed: "tibialis anterir", verdict: .wrong),
        Case(back: "Vastus medialis", typed: "vastus lateralis", verdict: .wrong),
        Case(back: "Gluteus maximus", typed: "gluteus minimus", verdict: .wrong),
        Case(back: "Flexor digitorum superficialis", typed: "flexor digitorum profundus", verdict: .wrong),
        Case(back: "External oblique", typed: "internal oblique", verdict: .wrong),
        Case(back: "Supraspinatus", typed: "infraspinatus", verdict: .wrong),
        Case(back: "Biceps brachii", typed: "triceps brachii", verdict: .wrong),
        Case(back: "Soleus", typed: "gastrocnemius", verdict: .wrong),
        Case(back: "Soleus", typed: "", verdict: .wrong),
        // Lists, in any order; a missing item is partial, an extra one counts against.
        Case(back: "Soleus and gastrocnemius", typed: "gastrocnemius, soleus", verdict: .exact),
        Case(back: "Soleus and gastrocnemius", typed: "gastrocnemius & plantaris", verdict: .wrong),
        Case(back: "Soleus, gastrocnemius and plantaris", typed: "plantaris and soleus", verdict: .partial),
        Case(back: "Soleus and gastrocnemius", typed: "gastrocnemis and soleus", verdict: .typo),
        Case(back: "Soleus", typed: "soleus, gastrocnemius", verdict: .wrong),
        // A nerve supply: the nerve (synonyms, typos) and its root levels in any order, ranges expanded.
        Case(back: "Tibial nerve (S1, S2).", aspect: .innervation, typed: "tibial nerve S1 S2", verdict: .exact),
        Case(back: "Tibial nerve (S1, S2).", aspect: .innervation, typed: "Tibial nerve, S2, S1", verdict: .exact),
        Case(back: "Tibial nerve (S1, S2).", aspect: .innervation, typed: "tibal nerve s1-s2", verdict: .typo),
        Case(back: "Tibial nerve (S1, S2).", aspect: .innervation, typed: "tibial nerve", verdict: .partial),
        Case(back: "Tibial nerve (S1, S2).", aspect: .innervation, typed: "common fibular nerve S1 S2", verdict: .wrong),
        Case(back: "Deep fibular (peroneal) nerve (L5, S1; some texts give L4 to S1).", aspect: .innervation, typed: "deep peroneal nerve L5 S1", verdict: .synonym),
        Case(back: "Deep fibular (peroneal) nerve (L5, S1; some texts give L4 to S1).", aspect: .innervation, typed: "deep fibular nerve L4 to S1", verdict: .synonym),
        Case(back: "Deep fibular (peroneal) nerve (L5, S1; some texts give L4 to S1).", aspect: .innervation, typed: "superficial fibular nerve L5 S1", verdict: .wrong),
        Case(back: "Superficial fibular (peroneal) nerve (L5, S1; some texts add L4 or S2).", aspect: .innervation, typed: "superficial fibular nerve L5 S1 S2", verdict: .synonym),
        Case(back: "Superior gluteal nerve (L4, L5, S1).", aspect: .innervation, typed: "inferior gluteal nerve L4 L5 S1", verdict: .wrong),
        Case(back: "Radial nerve (C6, C7, C8).", aspect: .innervation, typed: "radial nerve C6 to C8", verdict: .exact),
    ]

    /// "Which nerve …?" answered by the nerve first: the lead term is typed; a question with a
    /// second part is not.
    @Test func aWhichQuestionIsTypedByItsLeadTerm() throws {
        let terms = Self.terms
        let found = terms.expectation(back: "The common fibular (peroneal) nerve, which follows the medial edge of the tendon.", aspect: .custom,
                                      front: "Which nerve is at risk near the biceps femoris tendon?")
        let expected = try #require(found)
        #expect(terms.compare("common peroneal nerve", with: expected).verdict == .synonym)
        #expect(terms.compare("deep fibular nerve", with: expected).verdict == .wrong)
        #expect(terms.expectation(back: "The deep fibular nerve, because it lies in the anterior compartment.", aspect: .custom,
                                  front: "Which nerve supplies the fibularis tertius, and why is it the odd one out?") == nil)
    }

    @Test(arguments: cases)
    func verdict(_ example: Case) throws {
        let expected = try #require(Self.terms.expectation(back: example.back, aspect: example.aspect), "not a typed card")
        let result = Self.terms.compare(example.typed, with: expected)
        #expect(result.verdict == example.verdict, "\(result.details)")
        #expect(result.proposed == TypedComparison.grade(for: example.verdict))
    }

    /// Prose, lists of actions and several nerves for several parts are not typed at.
    @Test(arguments: [
        ("It is the most superficial muscle on the back of the calf, covering the soleus.", Aspect.custom),
        ("• Plantarflexes the ankle\n• Flexes the knee", .actions),
        ("Medial plantar nerve for the abductor hallucis; lateral plantar nerve for the quadratus plantae (S1, S2).", .innervation),
        ("Femoral nerve (L2, L3); often also a branch of the obturator nerve.", .innervation),
        ("Upper and lower subscapular nerves (C5, C6).", .innervation),
    ])
    func notTyped(_ back: String, _ aspect: Aspect) {
        #expect(Self.terms.expectation(back: back, aspect: aspect) == nil)
    }

    /// Every reverse actions card of the curriculum is typed, and its own name is exact.
    @Test func everyReverseCardIsTypedAndItsNameIsExact() throws {
        let cards = BundledDeck.compiled.cards.filter { $0.item == "actions/reverse" }
        #expect(cards.count > 50)
        let terms = Self.terms
        for card in cards {
            let found = terms.expectation(back: card.back, aspect: card.aspect)
            let expected = try #require(found, "\(card.id)")
            let verdict = terms.compare(card.back, with: expected).verdict
            #expect(verdict == .exact, "\(card.id)")
        }
    }

    /// A pasted page is cut to 200 characters and control characters are dropped: no hang, no escape.
    @Test func longAndControlInputIsCleaned() throws {
        let expected = try #require(Self.terms.expectation(back: "Soleus", aspect: .custom))
        let result = Self.terms.compare("sol\u{1B}[31meus" + String(repeating: "x", count: 100_000), with: expected)
        #expect(result.typed.count == 200)
        #expect(!result.typed.contains("\u{1B}"))
        #expect(result.verdict == .wrong)
    }
}

/// Which of the bundled curriculum's cards `study --type` asks to type, by aspect.
@Suite struct TypedCurriculumTests {
    @Test func theCurriculumsShortAnswersAreTyped() {
        let deck = BundledDeck.compiled
        let terms = TypedTerms(decks: [deck])
        var typed: [Aspect: Int] = [:]
        for card in deck.cards where terms.expectation(back: card.back, aspect: card.aspect, front: card.front) != nil {
            typed[card.aspect, default: 0] += 1
        }
        print("typed cards by aspect:", typed.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" })
        #expect(typed[.actions] == deck.cards.filter { $0.item == "actions/reverse" }.count)
        #expect((typed[.innervation] ?? 0) > 30)
        #expect((typed[.custom] ?? 0) >= 5, "the one-part “which muscle” and “which nerve” cards")
        #expect(typed[.etymology] == nil && typed[.heads] == nil && typed[.exercises] == nil && typed[.palpation] == nil)
    }
}
