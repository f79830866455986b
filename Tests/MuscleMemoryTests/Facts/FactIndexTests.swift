import Testing
@testable import MuscleMemory

/// The bundled curriculum's indexes against a hand-written table of facts, each checked in the
/// muscle files and a reference: what the program understood must be what the decks teach.
@Suite struct FactIndexTests {
    static let index: FactIndex = {
        let deck = BundledDeck.compiled
        return FactIndex(muscles: deck.muscles, vocabulary: deck.vocabulary)
    }()

    enum Expected: Sendable, CustomStringConvertible {
        /// The movement's prime movers and assistants, exactly (deck order).
        case movement(String, prime: [String], assisting: [String])
        /// This muscle is among the nerve's muscles (directly or through a branch).
        case nerve(String, includes: String)
        /// This muscle is not among the nerve's muscles.
        case notNerve(String, excludes: String)
        case origin(String, includes: String)
        case insertion(String, includes: String)
        case opposite(String, String)

        var description: String {
            switch self {
            case .movement(let m, _, _): "movement \(m)"
            case .nerve(let n, let m): "\(m) is supplied by the \(n)"
            case .notNerve(let n, let m): "\(m) is not supplied by the \(n)"
            case .origin(let l, let m): "\(m) arises from \(l)"
            case .insertion(let l, let m): "\(m) inserts on \(l)"
            case .opposite(let a, let b): "\(a) opposes \(b)"
            }
        }
    }

    static let table: [Expected] = [
        .movement("ankle plantarflexion", prime: ["Gastrocnemius", "Plantaris", "Soleus"],
                  assisting: ["Fibularis (peroneus) brevis", "Fibularis (peroneus) longus", "Flexor digitorum longus", "Flexor hallucis longus", "Tibialis posterior"]),
        .movement("ankle dorsiflexion", prime: ["Extensor digitorum longus", "Extensor hallucis longus", "Tibialis anterior"], assisting: ["Fibularis (peroneus) tertius"]),
        .movement("ankle inversion", prime: ["Tibialis anterior", "Tibialis posterior"],
                  assisting: ["Extensor hallucis longus", "Flexor digitorum longus", "Flexor hallucis longus"]),
        .movement("ankle eversion", prime: ["Extensor digitorum longus", "Fibularis (peroneus) brevis", "Fibularis (peroneus) longus"], assisting: ["Fibularis (peroneus) tertius"]),
        .movement("knee extension", prime: ["Rectus femoris", "Vastus intermedius", "Vastus lateralis", "Vastus medialis"], assisting: []),
        .movement("knee lateral rotation", prime: ["Biceps femoris"], assisting: []),
        .movement("big toe extension", prime: ["Extensor hallucis longus"], assisting: []),
        .movement("hip medial rotation", prime: ["Adductor magnus", "Pectineus", "Gluteus medius", "Gluteus minimus", "Piriformis", "Tensor fasciae latae"],
                  assisting: ["Adductor longus"]),
        .movement("hip adduction", prime: ["Adductor brevis", "Adductor longus", "Adductor magnus", "Gracilis", "Pectineus", "Gluteus maximus"],
                  assisting: ["Deep lateral rotators (gemelli, obturators, quadratus femoris)"]),
        .nerve("tibial nerve", includes: "Gastrocnemius"),
        .nerve("tibial nerve", includes: "Soleus"),
        .nerve("tibial nerve", includes: "Plantaris"),
        .nerve("tibial nerve", includes: "Popliteus"),
        .nerve("tibial nerve", includes: "Tibialis posterior"),
        .nerve("tibial nerve", includes: "Flexor hallucis longus"),
        .nerve("tibial nerve", includes: "Intrinsic muscles of the sole"),
        .notNerve("tibial nerve", excludes: "Tibialis anterior"),
        .nerve("deep fibular nerve", includes: "Tibialis anterior"),
        .nerve("deep peroneal nerve", includes: "Fibularis (peroneus) tertius"),
        .nerve("common fibular nerve", includes: "Extensor hallucis longus"),
        .nerve("common fibular nerve", includes: "Fibularis (peroneus) longus"),
        .notNerve("common fibular nerve", excludes: "Soleus"),
        .nerve("sciatic nerve", includes: "Tibialis anterior"),
        .nerve("sciatic nerve", includes: "Semitendinosus"),
        .nerve("sciatic nerve", includes: "Biceps femoris"),
        .nerve("sacral plexus", includes: "Gluteus maximus"),
        .nerve("sacral plexus", includes: "Piriformis"),
        .notNerve("sciatic nerve", excludes: "Gluteus medius"),
        .nerve("femoral nerve", includes: "Sartorius"),
        .nerve("femoral nerve", includes: "Vastus medialis"),
        .nerve("obturator nerve", includes: "Gracilis"),
        .nerve("obturator nerve", includes: "Adductor magnus"),
        .nerve("lumbar plexus", includes: "Rectus femoris"),
        .notNerve("femoral nerve", excludes: "Gracilis"),
        .nerve("superior gluteal nerve", includes: "Tensor fasciae latae"),
        .insertion("greater trochanter", includes: "Gluteus medius"),
        .insertion("greater trochanter", includes: "Gluteus minimus"),
        .insertion("greater trochanter", includes: "Piriformis"),
        .insertion("lesser trochanter", includes: "Iliopsoas (psoas major and iliacus)"),
        .insertion("calcaneus", includes: "Soleus"),
        .insertion("tibial tuberosity", includes: "Vastus lateralis"),
        .insertion("pes anserinus", includes: "Sartorius"),
        .insertion("head of the fibula", includes: "Biceps femoris"),
        .origin("ischial tuberosity", includes: "Semimembranosus"),
        .origin("anterior superior iliac spine", includes: "Sartorius"),
        .origin("anterior inferior iliac spine", includes: "Rectus femoris"),
        .origin("medial condyle", includes: "Gastrocnemius"),
        .opposite("ankle plantarflexion", "ankle dorsiflexion"),
        .opposite("hip medial rotation", "hip lateral rotation"),
        .opposite("ankle eversion", "ankle inversion"),
        // The upper limb.
        .movement("forearm supination", prime: ["Biceps brachii", "Brachioradialis", "Supinator"], assisting: []),
        .movement("forearm pronation", prime: ["Brachioradialis", "Pronator quadratus", "Pronator teres"], assisting: []),
        .movement("shoulder lateral rotation", prime: ["Deltoid", "Infraspinatus"], assisting: ["Teres minor"]),
        .movement("shoulder girdle retraction", prime: ["Middle trapezius", "Rhomboids", "Upper trapezius"], assisting: ["Lower trapezius"]),
        .movement("shoulder girdle protraction", prime: ["Pectoralis major", "Pectoralis minor", "Serratus anterior"], assisting: []),
        .movement("elbow extension", prime: ["Triceps brachii"], assisting: ["Anconeus"]),
        .movement("thumb opposition", prime: ["Thenar muscles"], assisting: []),
        .movement("wrist radial deviation", prime: ["Wrist extensor group", "Wrist flexor group"], assisting: ["Abductor pollicis longus", "Extensor pollicis longus"]),
        .nerve("suprascapular nerve", includes: "Supraspinatus"),
        .nerve("suprascapular nerve", includes: "Infraspinatus"),
        .notNerve("suprascapular nerve", excludes: "Teres minor"),
        .nerve("axillary nerve", includes: "Teres minor"),
        .nerve("axillary nerve", includes: "Deltoid"),
        .nerve("radial nerve", includes: "Supinator"),
        .nerve("radial nerve", includes: "Extensor pollicis longus"),
        .nerve("posterior interosseous nerve", includes: "Extensor digitorum"),
        .notNerve("posterior interosseous nerve", excludes: "Brachioradialis"),
        .nerve("median nerve", includes: "Pronator quadratus"),
        .nerve("ulnar nerve", includes: "Adductor pollicis"),
        .notNerve("ulnar nerve", excludes: "Flexor pollicis longus"),
        .nerve("musculocutaneous nerve", includes: "Coracobrachialis"),
        .nerve("lateral pectoral nerve", includes: "Pectoralis major"),
        .nerve("upper subscapular nerve", includes: "Subscapularis"),
        .nerve("posterior cord of the brachial plexus", includes: "Latissimus dorsi"),
        .nerve("brachial plexus", includes: "Serratus anterior"),
        .insertion("greater tubercle", includes: "Supraspinatus"),
        .insertion("greater tubercle", includes: "Infraspinatus"),
        .insertion("greater tubercle", includes: "Teres minor"),
        .insertion("intertubercular groove", includes: "Pectoralis major"),
        .insertion("intertubercular groove", includes: "Latissimus dorsi"),
        .insertion("intertubercular groove", includes: "Teres major"),
        .insertion("radial tuberosity", includes: "Biceps brachii"),
        .insertion("olecranon", includes: "Triceps brachii"),
        .insertion("coracoid process", includes: "Pectoralis minor"),
        .origin("coracoid process", includes: "Coracobrachialis"),
        .origin("medial epicondyle", includes: "Pronator teres"),
        .origin("lateral epicondyle", includes: "Supinator"),
        .origin("flexor retinaculum of the wrist", includes: "Thenar muscles"),
        .origin("interosseous membrane of the forearm", includes: "Extensor pollicis brevis"),
        .opposite("forearm pronation", "forearm supination"),
        .opposite("shoulder girdle elevation", "shoulder girdle depression"),
        .opposite("thumb opposition", "thumb reposition"),
        // The trunk, head and neck.
        .movement("trunk flexion", prime: ["External oblique", "Internal oblique", "Rectus abdominis"], assisting: ["Psoas minor"]),
        .movement("trunk rotation to the opposite side", prime: ["External oblique", "Multifidus"], assisting: []),
        .movement("trunk rotation to the same side", prime: ["Internal oblique"], assisting: []),
        .movement("rib cage depression", prime: ["Internal intercostals", "Serratus posterior inferior"], assisting: []),
        .movement("jaw elevation", prime: ["Masseter", "Medial pterygoid", "Temporalis"], assisting: []),
        .movement("jaw depression", prime: ["Digastric", "Lateral pterygoid", "Suprahyoid muscles"], assisting: ["Platysma"]),
        .movement("jaw lateral deviation to the opposite side", prime: ["Lateral pterygoid", "Medial pterygoid"], assisting: []),
        .movement("hyoid elevation", prime: ["Digastric", "Suprahyoid muscles"], assisting: []),
        .movement("head rotation to the opposite side", prime: ["Semispinalis capitis", "Sternocleidomastoid", "Upper trapezius"], assisting: []),
        .nerve("phrenic nerve", includes: "Diaphragm"),
        .notNerve("intercostal nerves", excludes: "Diaphragm"),
        .nerve("intercostal nerves", includes: "External intercostals"),
        .nerve("thoracoabdominal nerves", includes: "Rectus abdominis"),
        .nerve("lumbar plexus", includes: "Internal oblique"),
        .nerve("accessory nerve", includes: "Sternocleidomastoid"),
        .nerve("accessory nerve", includes: "Upper trapezius"),
        .notNerve("cervical plexus", excludes: "Sternocleidomastoid"),
        .nerve("mandibular division of the trigeminal nerve", includes: "Masseter"),
        .nerve("trigeminal nerve", includes: "Temporalis"),
        .nerve("facial nerve", includes: "Buccinator"),
        .notNerve("facial nerve", excludes: "Masseter"),
        .nerve("dorsal rami of the spinal nerves", includes: "Multifidus"),
        .nerve("dorsal rami of the spinal nerves", includes: "Suboccipitals (rectus capitis posterior major and minor, obliquus capitis superior and inferior)"),
        .origin("xiphoid process", includes: "Diaphragm"),
        .insertion("xiphoid process", includes: "Rectus abdominis"),
        .insertion("central tendon of the diaphragm", includes: "Diaphragm"),
        .insertion("linea alba", includes: "External oblique"),
        .insertion("first rib", includes: "Scalenes (anterior, middle, posterior)"),
        .origin("ligamentum nuchae", includes: "Splenius capitis"),
        .insertion("mastoid process", includes: "Sternocleidomastoid"),
        .insertion("coronoid process", includes: "Temporalis"),
        .insertion("hyoid bone", includes: "Infrahyoid muscles"),
        .opposite("trunk flexion", "trunk extension"),
        .opposite("trunk rotation to the same side", "trunk rotation to the opposite side"),
        .opposite("jaw elevation", "jaw depression"),
    ]

    @Test(arguments: table) func theIndexHoldsTheFact(_ fact: Expected) {
        let index = Self.index
        switch fact {
        case .movement(let movement, let prime, let assisting):
            let found = index.performers(of: movement)
            #expect(found.prime.sorted() == prime.sorted())
            #expect(found.assisting.sorted() == assisting.sorted())
        case .nerve(let nerve, let muscle):
            #expect(index.muscles(ofNerve: nerve).contains(muscle))
        case .notNerve(let nerve, let muscle):
            #expect(!index.muscles(ofNerve: nerve).isEmpty)
            #expect(!index.muscles(ofNerve: nerve).contains(muscle))
        case .origin(let landmark, let muscle):
            #expect(index.muscles(atLandmark: landmark).origin.contains(muscle))
        case .insertion(let landmark, let muscle):
            #expect(index.muscles(atLandmark: landmark).insertion.contains(muscle))
        case .opposite(let a, let b):
            #expect(index.opposite(of: a) == b)
            #expect(index.opposite(of: b) == a)
        }
    }

    @Test func theTableHoldsAtLeastFortyFacts() {
        #expect(Self.table.count >= 40)
    }

    @Test func theUpperLimbDecksResolveCompletely() {
        let prefixes = ["Decks/shoulder/", "Decks/arm/", "Decks/forearm-hand/"]
        let upperLimb = Self.index.muscles.filter { facts in prefixes.contains { facts.location.file.hasPrefix($0) } }
        #expect(upperLimb.count == 37)
        let unresolved = upperLimb.flatMap(\.unresolved).map { "\($0.location.file):\($0.location.line)" }
        #expect(unresolved == [])
    }

    @Test func theBicepsTendonsCourseIsNoAttachment() {
        // The long head's tendon runs down the bicipital groove; the muscles that insert there are
        // the pectoralis major, latissimus dorsi and teres major.
        #expect(!Self.index.muscles(atLandmark: "intertubercular groove").origin.contains("Biceps brachii"))
        #expect(Self.index.muscles(atLandmark: "radius").insertion.contains("Extensor pollicis longus") == false)
        #expect(FactResolver.withoutTendonCourse("The base of the distal phalanx; its tendon turns around the dorsal tubercle. Brevis: Its tendons")
                == "The base of the distal phalanx; . Brevis: ")
        #expect(FactResolver.withoutTendonCourse("Bits tendonous; its tendonitis") == "Bits tendonous; its tendonitis")
        #expect(Self.index.muscles(atLandmark: "flexor retinaculum of the ankle").origin == ["Intrinsic muscles of the sole"])
    }

    @Test func theLowerLimbDecksResolveCompletely() {
        let prefixes = ["Decks/leg-foot/", "Decks/thigh/", "Decks/hip/"]
        let lowerLimb = Self.index.muscles.filter { facts in prefixes.contains { facts.location.file.hasPrefix($0) } }
        #expect(lowerLimb.count == 34)
        let unresolved = lowerLimb.flatMap(\.unresolved).map { "\($0.location.file):\($0.location.line)" }
        #expect(unresolved == [])
    }

    @Test func theTrunkAndHeadNeckDecksResolveCompletely() {
        let prefixes = ["Decks/trunk/", "Decks/head-neck/"]
        let axial = Self.index.muscles.filter { facts in prefixes.contains { facts.location.file.hasPrefix($0) } }
        #expect(axial.count == 34)
        let unresolved = axial.flatMap(\.unresolved).map { "\($0.location.file):\($0.location.line)" }
        #expect(unresolved == [])
    }
}

@Suite struct FactResolverTests {
    static let vocabulary: Vocabulary = {
        let (entries, findings) = VocabularyParser.parse(exampleVocabulary + """
            # Knee
            Kind: joint
            Movements:
            - flexion <-> extension
            - medial rotation <-> lateral rotation

            # Hip
            Kind: joint
            Movements:
            - flexion <-> extension
            - medial rotation <-> lateral rotation

            # Toes
            Kind: joint
            Movements:
            - flexion <-> extension

            """, file: "vocabulary/test.md")
        precondition(findings.isEmpty, "\(findings)")
        return Vocabulary(entries: entries)
    }()

    @Test(arguments: [
        ("Plantarflexes the ankle", ["ankle plantarflexion prime"]),
        ("Points the foot", ["ankle plantarflexion prime"]),
        ("Flexes the hip and extends the knee", ["hip flexion prime", "knee extension prime"]),
        ("Assists hip flexion in the lower part of the range", ["hip flexion assists"]),
        ("Assists plantarflexion of the ankle", ["ankle plantarflexion assists"]),
        ("Laterally rotates the hip when it is extended", ["hip lateral rotation prime"]),
        ("Medially rotates the flexed hip", ["hip medial rotation prime"]),
        ("Anterior fibres medially rotate the hip and help flex it", ["hip medial rotation prime", "hip flexion assists"]),
        ("Assists lateral rotation of the hip (some texts list medial rotation instead)", ["hip lateral rotation assists"]),
        ("Assists dorsiflexion of the ankle (it does not reach the toes)", ["ankle dorsiflexion assists"]),
        ("Lifts the outer foot; it does not flex the toes", []),
        ("Weakly plantarflexes the ankle, helping the gastrocnemius", ["ankle plantarflexion prime"]),
    ])
    func anActionLineResolves(_ line: String, _ expected: [String]) {
        let (facts, _) = FactResolver(Self.vocabulary).resolveAction(line)
        #expect(facts.map { "\($0.name) \($0.role.rawValue)" }.sorted() == expected.sorted())
    }

    @Test func innervationResolvesToTheNerveTreeAndRoots() {
        let resolver = FactResolver(Self.vocabulary)
        #expect(resolver.resolveNerves("Tibial nerve (S1, S2).") == ["Tibial nerve"])
        #expect(resolver.resolveNerves("Tibial nerve for movement; the sciatic nerve carries sensation.") == ["Tibial nerve"])
        #expect(resolver.resolveNerves("The sciatic nerve, for movement and sensation; the tibial nerve.") == ["Sciatic nerve", "Tibial nerve"])
        #expect(resolver.resolveNerves("The sciatic nerve carries sensation.") == ["Sciatic nerve"])
        #expect(FactResolver.roots(in: "Tibial nerve (S2, S1; some texts add L5)") == ["L5", "S1", "S2"])
        #expect(Self.vocabulary.nerveChain("tibial nerve") == ["Tibial nerve", "Sciatic nerve", "Sacral plexus"])
    }

    @Test func landmarksResolveByNameSynonymAndBone() {
        let resolver = FactResolver(Self.vocabulary)
        #expect(resolver.resolveLandmarks("The back of the heel bone") == ["Calcaneus"])
        #expect(resolver.resolveLandmarks("The medial femoral condyle") == ["Femur: medial condyle"])
        #expect(resolver.resolveLandmarks("The tuber calcanei") == ["Calcaneus: calcaneal tuberosity"])
    }

    @Test func aSharedNounNamesEveryNerveOfThePair() throws {
        let (entries, findings) = VocabularyParser.parse("""
            # Lateral pectoral nerve
            Kind: nerve

            # Medial pectoral nerve
            Kind: nerve

            # Upper subscapular nerve
            Kind: nerve

            # Lower subscapular nerve
            Kind: nerve

            """, file: "vocabulary/arm.md")
        #expect(findings.isEmpty)
        let resolver = FactResolver(Vocabulary(entries: entries))
        #expect(resolver.resolveNerves("Lateral and medial pectoral nerves (C5 to T1).") == ["Lateral pectoral nerve", "Medial pectoral nerve"])
        #expect(resolver.resolveNerves("Upper and lower subscapular nerves (C5, C6).") == ["Upper subscapular nerve", "Lower subscapular nerve"])
        #expect(resolver.resolveNerves("Lower subscapular nerve (C5, C6).") == ["Lower subscapular nerve"])
        #expect(FactResolver.coordinatedNerves(in: "iliohypogastric and ilioinguinal nerves l1") == "iliohypogastric nerve ilioinguinal nerve")
        #expect(FactResolver.coordinatedNerves(in: "median nerve for the flexor carpi radialis and palmaris longus") == nil)
    }

    @Test func aLocalSynonymCountsBesideItsOwnFilesTerms() {
        let (wrist, wristFindings) = VocabularyParser.parse("""
            # Scaphoid
            Kind: bone

            # Flexor retinaculum of the wrist
            Kind: structure
            Local synonyms: flexor retinaculum

            """, file: "vocabulary/upper-limb.md")
        let (ankle, ankleFindings) = VocabularyParser.parse("""
            # Calcaneus
            Kind: bone

            # Flexor retinaculum of the ankle
            Kind: structure
            Local synonyms: flexor retinaculum

            """, file: "vocabulary/lower-limb.md")
        #expect(wristFindings.isEmpty && ankleFindings.isEmpty)
        let vocabulary = Vocabulary(entries: wrist + ankle)
        #expect(VocabularyChecker.check(vocabulary).isEmpty)
        let resolver = FactResolver(vocabulary)
        #expect(resolver.resolveLandmarks("The flexor retinaculum and the scaphoid.") == ["Flexor retinaculum of the wrist", "Scaphoid"])
        #expect(resolver.resolveLandmarks("The calcaneus and the flexor retinaculum.") == ["Calcaneus", "Flexor retinaculum of the ankle"])
        #expect(resolver.resolveLandmarks("The flexor retinaculum.") == [])
    }

    @Test func aBareLandmarkOfTwoBonesCountsOnlyWhereTheTextNamesTheBone() {
        let (entries, findings) = VocabularyParser.parse("""
            # Ulna
            Kind: bone
            Landmarks:
            - coronoid process

            # Mandible
            Kind: bone
            Landmarks:
            - coronoid process

            """, file: "vocabulary/test.md")
        #expect(findings.isEmpty)
        let resolver = FactResolver(Vocabulary(entries: entries))
        #expect(resolver.resolveLandmarks("The coronoid process and the tuberosity of the ulna") == ["Ulna: coronoid process"])
        #expect(resolver.resolveLandmarks("The ramus of the mandible, up to the coronoid process") == ["Mandible: coronoid process"])
        #expect(resolver.resolveLandmarks("The coronoid process") == [])
    }

    @Test func meansOverridesTheMatcher() throws {
        let text = "# Example\n## Actions\n- Rises on tiptoe and bends the leg\n  Means: ankle plantarflexion; assists knee flexion\n- Wiggles\n  Means: ankle wiggling\n"
        let (parsed, findings) = MuscleParser.parse(text, file: "x.md")
        #expect(findings.isEmpty)
        let muscle = try #require(parsed)
        #expect(muscle.actions.first?.text == "Rises on tiptoe and bends the leg")
        let facts = FactResolver(Self.vocabulary).facts(for: muscle)
        #expect(facts.movements.map { "\($0.name) \($0.role.rawValue)" } == ["ankle plantarflexion prime", "knee flexion assists"])
        #expect(facts.unresolved.map(\.text) == ["ankle wiggling"])
        #expect(facts.unresolved.first?.location.line == 6)
    }

    @Test func meansOutsideAnActionIsMisplaced() {
        let (_, findings) = MuscleParser.parse("# Example\n## Exercises\n- Calf raises\n  Means: ankle plantarflexion\n", file: "x.md")
        #expect(findings.map(\.rule) == [.misplacedAttribute])
    }

    @Test func anUnresolvedLineSuggestsTheClosestTerms() {
        var muscle = Muscle(name: "Example", location: SourceLocation(file: "x.md", line: 1))
        muscle.actions = [ListItem(text: "Plantarflexs the ankel", location: SourceLocation(file: "x.md", line: 3, column: 3))]
        let facts = FactResolver(Self.vocabulary).facts(for: muscle)
        #expect(facts.unresolved.count == 1)
        #expect(facts.unresolved.first?.suggestions.contains("Ankle") == true)
    }
}
