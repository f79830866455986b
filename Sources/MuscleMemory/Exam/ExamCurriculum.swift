/// What exam items are generated from: every muscle's resolved facts, and which muscles' facts
/// are complete. Only a muscle of a folder a vocabulary `Covers:` has facts lint vouches for (a
/// covered file with a line that resolves to nothing is a lint warning), so only those muscles
/// are keys, stem muscles or distractors: a distractor must be shown *not* to satisfy the stem,
/// and a muscle whose lines resolved only in part cannot be. The other muscles are left out
/// (and not resolved): as the vocabulary covers more folders, more muscles take part.
public struct ExamCurriculum: Sendable {
    /// One muscle, with what the templates ask about it, precomputed. A class: generation
    /// walks every muscle for every item and captures the candidates in their explanations, and
    /// copying a value of eighteen fields each time (a retain for each) was much of its time.
    public final class Entry: Sendable {
        public let facts: MuscleFacts
        public let name: String
        public let key: String
        public let region: String
        /// Facts complete: its file is in a covered folder.
        public let covered: Bool
        /// Every nerve at every level that supplies it (the nerve tree), vocabulary names.
        public let nerveLevels: Set<String>
        /// Movements it performs in any role, normalized ("ankle plantarflexion").
        public let performs: Set<String>
        /// Prime movements, normalized, in deck order.
        public let prime: [String]
        /// Spinal segments of its innervation, ranges expanded, variants ("some texts add L4")
        /// included; and those of the main statement alone.
        public let roots: Set<String>
        public let mainRoots: [String]
        /// Origin and insertion landmarks as resolved ("Femur: medial condyle" or "Fibula"), and
        /// those named before the line turns to the tendon's route ("reached by a tendon that runs
        /// behind the lateral malleolus"): only these are ever an item's key.
        public let origins: [String]
        public let insertions: [String]
        public let keyOrigins: [String]
        public let keyInsertions: [String]
        /// The quoted meanings of the name's parts ("sandal", "sole").
        public let glosses: [String]
        /// Trigger-point referral zones: the referral text and the body parts it names.
        public let referrals: [(text: String, zones: Set<String>)]
        /// Whether the name is plural ("Deep lateral rotators": its verbs agree), and its words
        /// of four letters or more, normalized (a stem naming one gives the muscle away): both
        /// asked for every candidate of every item, so worked out once.
        public let plural: Bool
        let nameWords: [String]
        /// The joints of its movements, lower case: every muscle candidate's kinship asks.
        let joints: Set<String>

        init(facts: MuscleFacts, name: String, key: String, region: String, covered: Bool, nerveLevels: Set<String>, performs: Set<String>,
             prime: [String], roots: Set<String>, mainRoots: [String], origins: [String], insertions: [String], keyOrigins: [String],
             keyInsertions: [String], glosses: [String], referrals: [(text: String, zones: Set<String>)], plural: Bool, nameWords: [String]) {
            self.facts = facts
            self.name = name
            self.key = key
            self.region = region
            self.covered = covered
            self.nerveLevels = nerveLevels
            self.performs = performs
            self.prime = prime
            self.roots = roots
            self.mainRoots = mainRoots
            self.origins = origins
            self.insertions = insertions
            self.keyOrigins = keyOrigins
            self.keyInsertions = keyInsertions
            self.glosses = glosses
            self.referrals = referrals
            self.plural = plural
            self.nameWords = nameWords
            joints = Set(facts.movements.map { $0.joint.lowercased() })
        }
    }

    public var index: FactIndex
    public var entries: [Entry]

    /// - Parameter covered: whether a muscle's facts are complete (its file is in a covered folder).
    public init(muscles: [Muscle], vocabulary: Vocabulary, covered: (Muscle) -> Bool) {
        // Only covered muscles take part, so only they are resolved: resolving the others (and
        // the suggestions for their unresolved lines) would cost more than generating every item.
        let named = muscles.filter { !$0.name.isEmpty && covered($0) }
        let resolver = FactResolver(vocabulary)
        self.init(resolved: named.map { ($0, resolver.facts(for: $0, suggesting: false)) }, resolver: resolver)
    }

    /// From muscles already resolved (lint resolves the covered muscles once for both its
    /// unresolved-line rules and `no-exam-item`).
    init(resolved: [(muscle: Muscle, facts: MuscleFacts)], resolver: FactResolver) {
        let vocabulary = resolver.vocabulary
        var seen = Set<String>()
        let kept = resolved.filter { !$0.muscle.name.isEmpty && seen.insert($0.muscle.key).inserted }
        // Every nerve's chain worked out once, with one table of the vocabulary's terms:
        // `Vocabulary.nerveChain` looks each level up among all the terms, for every muscle.
        let index = FactIndex(facts: kept.map(\.facts), vocabulary: vocabulary)
        var entries: [Entry] = []
        for (muscle, facts) in kept {
            let levels = Set(facts.nerves.flatMap { index.nerveChain($0) })
            let performs = Set(facts.movements.map { TermText.normalize($0.name) })
            let prime = facts.movements.filter { $0.role == .prime }.map { TermText.normalize($0.name) }
            let innervation = muscle.field(.innervation) ?? ""
            func strict(_ field: MuscleField, _ all: [String]) -> [String] {
                guard let text = muscle.field(field) else { return [] }
                let before = ExamText.beforeRoute(text)
                guard before.count < text.count else { return all }
                let kept = Set(resolver.resolveLandmarks(before))
                return all.filter(kept.contains)
            }
            entries.append(Entry(
                facts: facts, name: muscle.name, key: muscle.key, region: muscle.region, covered: true,
                nerveLevels: levels, performs: performs, prime: prime,
                roots: Set(SpinalRoots.expand(innervation)), mainRoots: SpinalRoots.expand(SpinalRoots.mainStatement(innervation)),
                origins: facts.origins, insertions: facts.insertions,
                keyOrigins: strict(.origin, facts.origins), keyInsertions: strict(.insertion, facts.insertions),
                glosses: ExamText.glosses(muscle.field(.etymology) ?? ""),
                referrals: muscle.triggerPoints.map { ($0.referral, ExamText.zones($0.referral)) },
                plural: ExamPhrasing.isPlural(muscle.name), nameWords: ExamPhrasing.nameWords(muscle.name)))
        }
        self.index = index
        self.entries = entries
    }

    /// From compiled decks: a muscle is covered when its deck's own vocabulary `Covers:` its file.
    ///
    /// A deck compiled against the same vocabulary terms (the bundled decks alone, or one school
    /// deck beside them) has resolved its muscles already, as the compiler resolves them for its
    /// cards: those facts are taken, not resolved a second time.
    public init(decks: [CompiledDeck], vocabulary: Vocabulary) {
        let covered = Set(decks.flatMap(\.coveredFiles))
        let resolver = FactResolver(vocabulary)
        var resolved: [(muscle: Muscle, facts: MuscleFacts)] = []
        for deck in decks {
            let compiledWith = deck.location == .bundled ? deck.vocabulary.entries : FactsReport.bundledVocabulary.entries + deck.vocabulary.entries
            let reuse = deck.facts.count == deck.muscles.count && compiledWith == vocabulary.entries
            for (index, muscle) in deck.muscles.enumerated() where !muscle.name.isEmpty && covered.contains(muscle.location.file) {
                resolved.append((muscle, reuse ? deck.facts[index] : resolver.facts(for: muscle, suggesting: false)))
            }
        }
        self.init(resolved: resolved, resolver: resolver)
    }

    public var covered: [Entry] { entries.filter(\.covered) }
}

/// Spinal segments in an innervation line: "L4 to S1" and "L4-S1" are L4, L5, S1.
enum SpinalRoots {
    static let series: [(Character, Int)] = [("C", 8), ("T", 12), ("L", 5), ("S", 5)]
    static let ordered: [String] = series.flatMap { letter, count in (1...count).map { "\(letter)\($0)" } }

    static func expand(_ text: String) -> [String] {
        let words = TermText.normalize(text.replacingOccurrences(of: "–", with: " to ").replacingOccurrences(of: "-", with: " to "))
            .split(separator: " ").map { String($0).uppercased() }
        var found: [Int] = []
        var index = 0
        while index < words.count {
            if let position = ordered.firstIndex(of: words[index]) {
                if index + 2 < words.count, words[index + 1] == "TO", let end = ordered.firstIndex(of: words[index + 2]), end >= position {
                    found += Array(position...end)
                    index += 3
                    continue
                }
                found.append(position)
            }
            index += 1
        }
        return Set(found).sorted().map { ordered[$0] }
    }

    /// The text without its variants: in each parenthesis, what comes before the first ';'.
    static func mainStatement(_ text: String) -> String {
        var result = ""
        var depth = 0
        var skipping = false
        for character in text {
            if character == "(" { depth += 1; skipping = false }
            if character == ")" { depth = max(0, depth - 1); skipping = false }
            if depth > 0 && character == ";" { skipping = true }
            if !skipping { result.append(character) }
        }
        return result
    }
}

/// The text helpers the templates share.
enum ExamText {
    /// Words after which an attachment line describes the tendon's route, not where it attaches.
    static let routeWords = ["reached by", "through", "runs", "passes", "passing", "via", "by way of", "around", "crossing", "the gap"]

    static func beforeRoute(_ text: String) -> String {
        let lower = text.lowercased()
        var cut = lower.endIndex
        for word in routeWords {
            if let range = lower.range(of: word), range.lowerBound < cut { cut = range.lowerBound }
        }
        return String(text[..<cut])
    }

    /// The quoted meanings of an etymology's first statement (before its first colon).
    static func glosses(_ etymology: String) -> [String] {
        let head = etymology.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        var result: [String] = []
        var current: String?
        for character in head {
            if character == "\"" || character == "“" || character == "”" {
                if let text = current {
                    let trimmed = text.trimmingCharacters(in: .whitespaces)
                    if !trimmed.isEmpty && !result.contains(trimmed) { result.append(trimmed) }
                    current = nil
                } else {
                    current = ""
                }
            } else if current != nil {
                current?.append(character)
            }
        }
        return result
    }

    /// Body parts a referral names, by whole word: what makes two referral zones overlap.
    static let bodyParts: [String] = [
        "heel", "sole", "arch", "ankle", "foot", "toe", "toes", "big toe", "calf", "shin", "knee", "kneecap", "patella", "thigh",
        "groin", "hip", "buttock", "buttocks", "sacrum", "sacroiliac", "low back", "lower back", "leg", "achilles", "malleolus",
        "instep", "metatarsal", "metatarsals", "hamstring", "pelvis", "abdomen", "chest", "shoulder", "arm", "elbow", "forearm",
        "wrist", "hand", "thumb", "finger", "fingers", "neck", "head", "jaw", "temple", "eye", "ear", "face", "tooth", "teeth",
        "spine", "rib", "ribs", "scapula", "shoulder blade", "popliteal", "trochanter", "coccyx", "perineum",
    ]

    static func zones(_ referral: String) -> Set<String> {
        let text = TermText.normalize(referral)
        var found = Set<String>()
        for part in bodyParts where TermText.contains(text, part) {
            // Plural and singular name one zone.
            found.insert(part.hasSuffix("s") && bodyParts.contains(String(part.dropLast())) ? String(part.dropLast()) : part)
        }
        return found
    }
}
