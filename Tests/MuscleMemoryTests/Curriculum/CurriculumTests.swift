import Foundation
import Testing
import TestSupport
@testable import MuscleMemory

/// The bundled curriculum: every muscle the issue names is there, in its region folder, complete in
/// every field, and a table of checked facts per region keeps an edit from quietly making one wrong.
@Suite struct CurriculumTests {
    static let deck = BundledDeck.compiled

    /// Region folder → (the region every file in it names, the files it must hold).
    static let regions: [(folder: String, region: String, files: [String])] = [
        ("head-neck", "Head and neck", [
            "masseter", "temporalis", "lateral-pterygoid", "medial-pterygoid", "sternocleidomastoid", "scalenes",
            "splenius-capitis", "splenius-cervicis", "suboccipitals", "levator-scapulae", "upper-trapezius", "platysma",
            "digastric", "longus-colli", "longus-capitis", "occipitofrontalis", "buccinator", "suprahyoid-muscles",
            "infrahyoid-muscles",
        ]),
        ("shoulder", "Shoulder and back", [
            "middle-trapezius", "lower-trapezius", "rhomboids", "latissimus-dorsi", "teres-major", "supraspinatus",
            "infraspinatus", "teres-minor", "subscapularis", "deltoid", "pectoralis-major", "pectoralis-minor",
            "serratus-anterior", "coracobrachialis", "subclavius",
        ]),
        ("arm", "Arm", ["biceps-brachii", "brachialis", "triceps-brachii"]),
        ("forearm-hand", "Forearm and hand", [
            "brachioradialis", "anconeus", "pronator-teres", "supinator", "wrist-flexor-group", "wrist-extensor-group",
            "flexor-digitorum-superficialis", "flexor-digitorum-profundus", "flexor-pollicis-longus", "extensor-digitorum",
            "abductor-pollicis-longus", "extensor-pollicis-longus", "extensor-pollicis-brevis", "pronator-quadratus",
            "thenar-muscles", "hypothenar-muscles", "adductor-pollicis", "interossei", "lumbricals",
        ]),
        ("trunk", "Trunk", [
            "erector-spinae", "multifidus", "quadratus-lumborum", "rectus-abdominis", "external-oblique",
            "internal-oblique", "transversus-abdominis", "diaphragm", "external-intercostals", "internal-intercostals",
            "semispinalis-capitis", "serratus-posterior-superior", "serratus-posterior-inferior", "psoas-minor", "pelvic-floor-muscles",
        ]),
        ("hip", "Hip", [
            "gluteus-maximus", "gluteus-medius", "gluteus-minimus", "tensor-fasciae-latae", "piriformis",
            "deep-lateral-rotators", "iliopsoas",
        ]),
        ("thigh", "Thigh", [
            "rectus-femoris", "vastus-lateralis", "vastus-medialis", "vastus-intermedius", "sartorius", "gracilis",
            "pectineus", "adductor-longus", "adductor-brevis", "adductor-magnus", "biceps-femoris", "semitendinosus",
            "semimembranosus",
        ]),
        ("leg-foot", "Lower leg and foot", [
            "gastrocnemius", "soleus", "plantaris", "popliteus", "tibialis-anterior", "tibialis-posterior",
            "extensor-digitorum-longus", "fibularis-longus", "fibularis-brevis", "flexor-digitorum-longus",
            "flexor-hallucis-longus", "extensor-hallucis-longus", "fibularis-tertius", "intrinsic-muscles-of-the-sole",
        ]),
    ]

    /// (folder/file of a muscle, the muscle)
    static var musclesByFile: [String: Muscle] {
        var out: [String: Muscle] = [:]
        for muscle in deck.muscles {
            let parts = muscle.location.file.split(separator: "/")
            guard parts.count >= 2, let name = parts.last, name.hasSuffix(".md") else { continue }
            out["\(parts[parts.count - 2])/\(name.dropLast(3))"] = muscle
        }
        return out
    }

    @Test func theBundledDecksHaveNoFindingsAtAll() {
        // Nothing at all: no reverse card with two answers, no unresolved line, no gives-away.
        #expect(Self.deck.diagnostics.isEmpty, "\(Self.deck.diagnostics.prefix(5).map(\.description))")
    }

    @Test func everyMuscleTheCurriculumNamesIsThereAndNothingIsStray() {
        let expected = Set(Self.regions.flatMap { region in region.files.map { "\(region.folder)/\($0)" } })
        let found = Set(Self.musclesByFile.keys)
        #expect(expected.count >= 70)
        #expect(expected.subtracting(found).sorted() == [], "missing")
        #expect(found.subtracting(expected).sorted() == [], "not in the curriculum list: add them to the table above")
        #expect(Self.deck.muscles.count == found.count, "every muscle file is in a region folder")
    }

    @Test(arguments: regions.map(\.folder))
    func everyFileNamesItsFoldersRegion(_ folder: String) throws {
        let region = try #require(Self.regions.first { $0.folder == folder }).region
        let muscles = Self.musclesByFile.filter { $0.key.hasPrefix(folder + "/") }.values
        #expect(!muscles.isEmpty)
        for muscle in muscles {
            #expect(muscle.region == region, "\(muscle.location.file): region '\(muscle.region)'")
        }
    }

    /// Every field of the format, every section, root levels (or a cranial nerve), at least one
    /// trigger point with its referral, and at least two of the instructor's own questions.
    @Test(arguments: regions.flatMap { region in region.files.map { "\(region.folder)/\($0)" } })
    func everyMuscleIsComplete(_ file: String) throws {
        let muscle = try #require(Self.musclesByFile[file])
        for field in [MuscleField.region, .etymology, .origin, .insertion, .innervation] {
            #expect((muscle.field(field) ?? "").count >= 5, "\(file): \(field.rawValue) is missing or too short")
        }
        let innervation = muscle.field(.innervation) ?? ""
        #expect(CardGenerator.namesSpinalRoots(innervation) || innervation.contains("cranial nerve"),
                "\(file): innervation names no root level: \(innervation)")
        #expect(!muscle.actions.isEmpty, "\(file): no actions")
        #expect(!muscle.triggerPoints.isEmpty, "\(file): no trigger points")
        for point in muscle.triggerPoints {
            #expect(!point.site.isEmpty && !point.referral.isEmpty, "\(file):\(point.location.line): trigger point without site or referral")
        }
        #expect(!muscle.exercises.isEmpty, "\(file): no exercises")
        let questions = muscle.cards.filter { ($0.answer ?? "").isEmpty == false }
        #expect(questions.count >= 2, "\(file): \(questions.count) Q/A cards; at least 2")
        if muscle.heads.count == 1 { Issue.record("\(file): a Heads section with one head; leave it out") }
    }

    /// Facts checked against reference anatomy, at least three per region: card ID → words its back
    /// must hold. A wrong edit to one of these is caught here, not by a student in an exam.
    static let facts: [(id: String, words: [String])] = [
        ("masseter/innervation", ["trigeminal", "V3"]),
        ("digastric/innervation", ["mylohyoid", "facial nerve"]),
        ("sternocleidomastoid/innervation", ["Accessory nerve", "XI"]),
        ("scalenes/insertion", ["first rib", "second rib"]),
        ("suboccipitals/innervation", ["Suboccipital nerve", "C1"]),
        ("lateral-pterygoid/insertion", ["condyle", "disc"]),
        ("supraspinatus/insertion", ["greater tubercle"]),
        ("subscapularis/insertion", ["lesser tubercle"]),
        ("latissimus-dorsi/innervation", ["Thoracodorsal", "C6", "C7", "C8"]),
        ("serratus-anterior/innervation", ["Long thoracic", "C5", "C6", "C7"]),
        ("rhomboids/innervation", ["Dorsal scapular", "C5"]),
        ("brachioradialis/innervation", ["Radial nerve", "C5", "C6"]),
        ("triceps-brachii/innervation", ["Radial nerve"]),
        ("biceps-brachii/innervation", ["Musculocutaneous"]),
        ("pronator-teres/innervation", ["Median nerve"]),
        ("diaphragm/innervation", ["Phrenic", "C3", "C4", "C5"]),
        ("quadratus-lumborum/origin", ["iliac crest", "iliolumbar ligament"]),
        ("rectus-abdominis/insertion", ["xiphoid", "fifth to seventh"]),
        ("gluteus-medius/innervation", ["Superior gluteal", "L4", "L5", "S1"]),
        ("gluteus-maximus/innervation", ["Inferior gluteal"]),
        ("iliopsoas/innervation", ["femoral nerve", "L1 to L3"]),
        ("piriformis/insertion", ["greater trochanter"]),
        ("rectus-femoris/origin", ["anterior inferior iliac spine"]),
        ("adductor-magnus/innervation", ["obturator", "tibial division of the sciatic nerve"]),
        ("biceps-femoris/insertion", ["head of the fibula"]),
        ("sartorius/origin", ["anterior superior iliac spine"]),
        ("soleus/origin", ["fibula", "soleal line"]),
        ("tibialis-anterior/innervation", ["Deep fibular", "L4", "L5"]),
        ("gastrocnemius/innervation", ["Tibial nerve", "S1", "S2"]),
        ("fibularis-longus/insertion", ["first metatarsal", "medial cuneiform"]),
        // Second edition: trunk, shoulder, head and neck.
        ("subclavius/origin", ["first rib"]),
        ("subclavius/innervation", ["C5", "C6"]),
        ("semispinalis-capitis/insertion", ["superior and inferior nuchal"]),
        ("semispinalis-capitis/innervation", ["greater occipital nerve", "C2"]),
        ("serratus-posterior-superior/insertion", ["second to fifth ribs"]),
        ("serratus-posterior-inferior/insertion", ["ninth to twelfth ribs"]),
        ("psoas-minor/insertion", ["pectineal line"]),
        ("pelvic-floor-muscles/innervation", ["pudendal", "S4"]),
        ("pelvic-floor-muscles/heads", ["Puborectalis", "Coccygeus"]),
        ("longus-colli/insertion", ["atlas"]),
        ("longus-capitis/insertion", ["basilar part of the occipital bone"]),
        ("occipitofrontalis/origin", ["epicranial aponeurosis"]),
        ("occipitofrontalis/innervation", ["cranial nerve VII"]),
        ("buccinator/origin", ["pterygomandibular raphe"]),
        ("buccinator/innervation", ["cranial nerve VII"]),
        ("suprahyoid-muscles/heads", ["Mylohyoid", "Stylohyoid"]),
        ("infrahyoid-muscles/innervation", ["ansa cervicalis", "C1 to C3"]),
        ("infrahyoid-muscles/heads", ["Omohyoid", "Thyrohyoid"]),
        ("teres-major/insertion", ["medial to the"]),
        ("masseter/trigger-points/angle-of-jaw", ["eyebrow"]),
        ("upper-trapezius/custom/stretch", ["levator scapulae"]),
        // Second edition: the limbs.
        ("extensor-hallucis-longus/innervation", ["Deep fibular", "L5"]),
        ("extensor-hallucis-longus/insertion", ["distal phalanx", "big toe"]),
        ("fibularis-tertius/insertion", ["fifth metatarsal"]),
        ("fibularis-tertius/innervation", ["Deep fibular"]),
        ("intrinsic-muscles-of-the-sole/innervation", ["Medial plantar nerve", "lateral plantar nerve"]),
        ("flexor-digitorum-superficialis/insertion", ["middle phalanges"]),
        ("flexor-digitorum-superficialis/innervation", ["Median nerve"]),
        ("flexor-digitorum-profundus/insertion", ["distal phalanges"]),
        ("flexor-digitorum-profundus/innervation", ["Anterior interosseous", "ulnar nerve"]),
        ("flexor-pollicis-longus/insertion", ["distal phalanx of the thumb"]),
        ("extensor-digitorum/origin", ["lateral epicondyle"]),
        ("extensor-digitorum/innervation", ["Posterior interosseous"]),
        ("abductor-pollicis-longus/insertion", ["base of the first metacarpal"]),
        ("extensor-pollicis-longus/insertion", ["distal phalanx of the thumb"]),
        ("extensor-pollicis-brevis/insertion", ["proximal phalanx of the thumb"]),
        ("pronator-quadratus/innervation", ["Anterior interosseous"]),
        ("thenar-muscles/innervation", ["Recurrent", "median nerve"]),
        ("hypothenar-muscles/origin", ["pisiform", "hook of the hamate"]),
        ("hypothenar-muscles/innervation", ["Deep branch of the ulnar nerve"]),
        ("adductor-pollicis/innervation", ["Deep branch of the ulnar nerve"]),
        ("interossei/innervation", ["Deep branch of the ulnar nerve", "C8", "T1"]),
        ("lumbricals/origin", ["flexor digitorum profundus"]),
        ("lumbricals/innervation", ["median nerve", "ulnar nerve"]),
        ("wrist-extensor-group/innervation", ["deep branch", "posterior interosseous nerve"]),
        ("triceps-brachii/trigger-points/lateral-head", ["fourth and fifth fingers"]),
        ("gastrocnemius/trigger-points/lateral-belly", ["outer back of the calf"]),
        // Second edition: the audit's corrections stay made.
        ("latissimus-dorsi/actions", ["Depresses the scapula"]),
        ("pectoralis-major/actions", ["forward and down"]),
        ("upper-trapezius/actions", ["Retracts the scapula"]),
        ("sternocleidomastoid/actions", ["extend the head at the top of the neck"]),
        ("serratus-anterior/actions", ["accessory muscle of inspiration"]),
        ("erector-spinae/trigger-points/iliocostalis-thoracis", ["forward into the abdomen"]),
        ("teres-minor/trigger-points/belly", ["ring and little fingers"]),
        ("soleus/custom/jaw-referral", ["jaw"]),
        ("middle-trapezius/etymology", ["little table"]),
        ("rhomboids/etymology", ["rhomboeides", "shaped like a rhombus"]),
        ("lateral-pterygoid/palpation", ["disputed"]),
        ("tibialis-posterior/custom/tarsal-tunnel", ["posterior tibial artery", "tibial nerve"]),
    ]

    @Test(arguments: facts.map(\.id))
    func aCheckedFactStaysTrue(_ id: String) throws {
        let words = try #require(Self.facts.first { $0.id == id }).words
        let card = try #require(Self.deck.cards.first { $0.id.rawValue == id }, "no card \(id)")
        for word in words {
            #expect(card.back.contains(word), "\(id): '\(word)' not in: \(card.back)")
        }
    }

    @Test func everyRegionHasAtLeastThreeCheckedFacts() {
        let byMuscle = Dictionary(grouping: Self.facts) { String($0.id.split(separator: "/")[0]) }
        for region in Self.regions {
            let count = region.files.reduce(0) { $0 + (byMuscle[$1]?.count ?? 0) }
            #expect(count >= 3, "\(region.folder): \(count) checked facts")
        }
    }

    /// Decks/README.md states the curriculum's size; it must not drift from the decks.
    @Test func theDecksReadmeStatesTheRealCounts() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Decks/README.md").standardizedFileURL
        let text = try String(contentsOf: readme, encoding: .utf8)
        let line = "\(Self.deck.muscles.count) muscles and muscle groups, \(Self.deck.cards.count) cards"
        #expect(text.contains(line), "Decks/README.md should say: \(line)")
        let top = try String(contentsOf: readme.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        let said = "\(Self.deck.muscles.count) muscles and muscle groups in \(Self.deck.cards.count) cards"
        #expect(top.replacingOccurrences(of: "\n", with: " ").contains(said), "README.md should say: \(said)")
        for region in Self.regions {
            let cards = Self.deck.cards.filter { $0.source.file.contains("/\(region.folder)/") }.count
            #expect(text.contains("| \(region.region) (`\(region.folder)/`) | \(region.files.count) | \(cards) |"), "\(region.folder): \(cards) cards")
        }
    }

    /// The cranial-nerve muscles are not asked for spinal roots they do not have.
    @Test func innervationQuestionsFitTheNerve() throws {
        let masseter = try #require(Self.deck.cards.first { $0.id == "masseter/innervation" })
        #expect(masseter.front == "Name the nerve supply of the masseter.")
        let soleus = try #require(Self.deck.cards.first { $0.id == "soleus/innervation" })
        #expect(soleus.front == "Name the nerve supply of the soleus, with its spinal root levels.")
        #expect(CardGenerator.namesSpinalRoots("Tibial nerve (S1, S2)"))
        #expect(!CardGenerator.namesSpinalRoots("Cervical branch of the facial nerve (cranial nerve VII)"))
    }
}
