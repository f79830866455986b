/// Turns a muscle's action, innervation, origin and insertion text into facts by the vocabulary's
/// terms and phrases. Matching is deliberately plain so an instructor can predict it (FORMAT.md):
///
/// - an action line is cut after each joint it names ("Flexes the hip and extends the knee" is
///   two pieces); a movement word in a piece belongs to the joint that ends it, and words after
///   the last joint belong to it ("Assists hip flexion");
/// - a movement is found by the stem of each of its words ("lateral rotation" by "later…" and
///   "rotat…"), so "Laterally rotates", "lateral rotation" and "evertors" all match; words ending
///   in "-ed" are states ("the flexed hip"), not actions, and are skipped;
/// - text in parentheses and clauses starting "when", "once", "if", "as when", "from a", "with
///   the", "against" describe conditions, not movements, and are ignored, as is a piece that says "not";
/// - "assists …" at the start of the line, or "help(s)"/"assist…" before the movement word,
///   makes the muscle an assistant; otherwise it is a prime mover;
/// - a joint's phrases and a function's phrases are matched as whole words.
public struct FactResolver: Sendable {
    public let vocabulary: Vocabulary

    private struct JointTerm {
        var term: String
        var joint: Vocabulary.Entry
        /// The term's words, split once: every word of every action line is tried against them.
        var parts: [String]
        init(term: String, joint: Vocabulary.Entry) {
            self.term = term
            self.joint = joint
            parts = term.split(separator: " ").map(String.init)
        }
    }
    private let jointTerms: [JointTerm]

    /// A term of the nerve or landmark tables, as words, with what it names. Built once per
    /// vocabulary, not per line: a compile resolves hundreds of lines against the same tables.
    private struct NamedTerm {
        var words: [Substring]
        var name: String
        /// The bone whose name the text must hold for this term to count (a bare "lateral
        /// condyle" that another bone also has "of the …"), as its normalized terms.
        var onlyWithBone: [String]? = nil
        /// A local synonym's vocabulary file: the text must hold another term of that file.
        var onlyWithFile: String? = nil
    }
    private let nerveTerms: TermTable
    private let landmarkTerms: TermTable

    /// Terms longest first, and which of them start with each word: a line is matched only
    /// against the terms whose first word it has, in the table's order. Why: every line walked
    /// the whole landmark table, and that walk was the largest part of a first sync.
    private struct TermTable {
        let terms: [NamedTerm]
        private let byFirstWord: [Substring: [Int]]

        init(_ terms: [NamedTerm]) {
            self.terms = terms
            var index: [Substring: [Int]] = [:]
            for (position, term) in terms.enumerated() { index[term.words[0], default: []].append(position) }
            byFirstWord = index
        }

        /// The positions of the terms whose first word is one of `words`, in table order.
        func candidates(among words: Set<Substring>) -> [Int] {
            words.flatMap { byFirstWord[$0] ?? [] }.sorted()
        }
    }
    /// Each vocabulary file's bone, structure and landmark terms, normalized: what makes its
    /// local synonyms count.
    private let fileTerms: [String: [String]]
    private let jointPhrases: [(text: String, means: [String], joint: Vocabulary.Entry)]
    private let functionPhrases: [(text: String, function: String)]
    /// The two lists above, indexed by first word (`PhraseIndex`).
    private let jointPhraseIndex: PhraseIndex
    private let functionPhraseIndex: PhraseIndex
    /// The "closest terms" candidates of each kind, their words normalized once: a deck whose
    /// lines mostly do not resolve (a large synthetic or foreign deck) asks for suggestions on
    /// nearly every line, and normalizing the whole vocabulary per line made that 75 % of a sync.
    private let suggestionCandidates: [SuggestionCandidate]

    private struct SuggestionCandidate {
        var kind: Vocabulary.Kind
        var term: String
        var words: [EditWord]
    }

    public init(_ vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        jointTerms = vocabulary.entries(.joint)
            .flatMap { joint in joint.terms.map { JointTerm(term: TermText.normalize($0), joint: joint) } }
            .filter { !$0.term.isEmpty }
            .sorted { $0.term.count > $1.term.count }
        nerveTerms = TermTable(Self.longestFirst(vocabulary.entries.filter { $0.kind == .nerve || $0.kind == .plexus }
            .flatMap { entry in entry.terms.map { NamedTerm(words: Self.words(TermText.normalize($0)), name: entry.name) } }))
        landmarkTerms = TermTable(Self.longestFirst(Self.landmarkTable(vocabulary)))
        fileTerms = Dictionary(vocabulary.entries.filter { $0.kind == .bone || $0.kind == .structure }
            .map { bone in (bone.location.file, (bone.terms + bone.landmarks.flatMap { [$0.name] + $0.synonyms }).map(TermText.normalize).filter { !$0.isEmpty }) },
            uniquingKeysWith: +)
        jointPhrases = vocabulary.entries(.joint).flatMap { joint in
            joint.phrases.map { (TermText.normalize($0.text), $0.means, joint) }
        }
        functionPhrases = vocabulary.entries(.function).flatMap { function in
            function.phrases.map { (TermText.normalize($0.text), function.name) }
        }
        jointPhraseIndex = PhraseIndex(jointPhrases.map(\.text))
        functionPhraseIndex = PhraseIndex(functionPhrases.map(\.text))
        suggestionCandidates = Self.suggestionCandidates(vocabulary)
    }

    /// In vocabulary order, the terms `suggestions(for:kinds:)` weighs.
    private static func suggestionCandidates(_ vocabulary: Vocabulary) -> [SuggestionCandidate] {
        vocabulary.entries.flatMap { entry -> [SuggestionCandidate] in
            var terms = entry.terms
            if entry.kind == .joint { terms += movementNames(entry).map { "\(entry.name.lowercased()) \($0)" } }
            if entry.kind == .bone { terms += entry.landmarks.map(\.name) }
            return terms.map { term in
                SuggestionCandidate(kind: entry.kind, term: term, words: TermText.normalize(term).split(separator: " ").map(EditWord.init))
            }
        }
    }

    private static func words(_ normalized: String) -> [Substring] { normalized.split(separator: " ") }

    /// Longest first (by characters, as the matcher always has): "deep branch of the radial nerve"
    /// is taken before "radial nerve" can claim its words.
    private static func longestFirst(_ terms: [NamedTerm]) -> [NamedTerm] {
        terms.filter { !$0.words.isEmpty }
            .map { (term: $0, length: $0.words.reduce(-1) { $0 + $1.count + 1 }) }
            .enumerated()
            .sorted { ($0.element.length, -$0.offset) > ($1.element.length, -$1.offset) }
            .map(\.element.term)
    }

    private static func landmarkTable(_ vocabulary: Vocabulary) -> [NamedTerm] {
        let bones = vocabulary.entries.filter { $0.kind == .bone || $0.kind == .structure }
        let allLandmarks = bones.flatMap { bone in bone.landmarks.map { (bone.name, TermText.normalize($0.name)) } }
        var terms: [NamedTerm] = []
        for bone in bones {
            let boneTerms = bone.terms.map(TermText.normalize)
            for landmark in bone.landmarks {
                // "lateral condyle" alone is the femur's only where the text names the femur: the
                // tibia has a "lateral condyle of the tibia" too. Likewise a name two bones both
                // have bare ("coronoid process": the ulna's and the mandible's).
                let bare = TermText.normalize(landmark.name)
                let ambiguous = allLandmarks.contains { $0.0 != bone.name && ($0.1 == bare || $0.1.hasPrefix(bare + " of ")) }
                let name = "\(bone.name): \(landmark.name)"
                for term in [landmark.name] + landmark.synonyms {
                    let normalized = TermText.normalize(term)
                    terms.append(NamedTerm(words: words(normalized), name: name, onlyWithBone: ambiguous && normalized == bare ? boneTerms : nil))
                }
                for boneTerm in bone.terms { terms.append(NamedTerm(words: words(TermText.normalize(landmark.name + " of the " + boneTerm)), name: name)) }
            }
            for term in boneTerms { terms.append(NamedTerm(words: words(term), name: bone.name)) }
            // Local synonyms count beside another term of their own vocabulary file: the
            // scaphoid makes "flexor retinaculum" the wrist's, the calcaneus the ankle's.
            for term in bone.localSynonyms {
                terms.append(NamedTerm(words: words(TermText.normalize(term)), name: bone.name, onlyWithFile: bone.location.file))
            }
        }
        return terms
    }

    /// `suggesting: false` leaves each unresolved line's closest terms empty: they are only shown
    /// for the folders a vocabulary covers (and by `facts --unresolved`), which ask for them with
    /// `suggestions(for:)`, and weighing a deck's every unresolved line against the whole
    /// vocabulary made that most of a sync of a deck written without one.
    public func facts(for muscle: Muscle, suggesting: Bool = true) -> MuscleFacts {
        var facts = movementFacts(for: muscle, suggesting: suggesting)
        resolveNervesAndLandmarks(of: muscle, into: &facts, suggesting: suggesting)
        return facts
    }

    /// The muscle's action lines alone (movements, functions, the unresolved actions): all the
    /// cards from the facts need, so `DeckCompiler.cards` resolves nothing else.
    func movementFacts(for muscle: Muscle, suggesting: Bool = false) -> MuscleFacts {
        var facts = MuscleFacts(muscle: muscle.name, key: muscle.key, location: muscle.location)
        for action in muscle.actions {
            if let means = action.means {
                // The instructor's override: every item must name a movement or a function.
                for item in VocabularyParser.split(means.value) {
                    if let fact = stated(item) {
                        if !facts.movements.contains(where: { $0.joint == fact.joint && $0.movement == fact.movement }) { facts.movements.append(fact) }
                    } else if let function = vocabulary.entry(named: item, kind: .function) {
                        if !facts.functions.contains(function.name) { facts.functions.append(function.name) }
                    } else {
                        facts.unresolved.append(.init(what: .action, text: item, location: means.location,
                                                      suggestions: suggesting ? suggestions(for: item, kinds: [.joint, .function]) : []))
                    }
                }
                continue
            }
            let (movements, functions) = resolveAction(action.text)
            for fact in movements where !facts.movements.contains(where: { $0.joint == fact.joint && $0.movement == fact.movement }) {
                facts.movements.append(fact)
            }
            for function in functions where !facts.functions.contains(function) { facts.functions.append(function) }
            if movements.isEmpty && functions.isEmpty {
                facts.unresolved.append(.init(what: .action, text: action.text, location: action.location,
                                              suggestions: suggesting ? suggestions(for: action.text, kinds: [.joint, .function]) : []))
            }
        }
        return facts
    }

    private func resolveNervesAndLandmarks(of muscle: Muscle, into facts: inout MuscleFacts, suggesting: Bool) {
        if let innervation = muscle.fields[.innervation] {
            let nerves = resolveNerves(innervation.value)
            facts.nerves = nerves
            facts.roots = Self.roots(in: innervation.value)
            if nerves.isEmpty {
                facts.unresolved.append(.init(what: .nerve, text: innervation.value, location: innervation.location,
                                              suggestions: suggesting ? suggestions(for: innervation.value, kinds: [.nerve, .plexus]) : []))
            }
        }
        for (field, keyPath) in [(MuscleField.origin, \MuscleFacts.origins), (.insertion, \MuscleFacts.insertions)] {
            guard let text = muscle.fields[field] else { continue }
            let landmarks = resolveLandmarks(text.value)
            facts[keyPath: keyPath] = landmarks
            if landmarks.isEmpty {
                facts.unresolved.append(.init(what: .landmark, text: text.value, location: text.location,
                                              suggestions: suggesting ? suggestions(for: text.value, kinds: [.bone, .structure]) : []))
            }
        }
    }

    // MARK: - Actions

    private static let conditionWords: Set<String> = ["when", "once", "if", "against"]
    private static let conditionPairs: Set<String> = ["as when", "from a", "with the", "with a"]

    /// The line without parentheses and condition clauses, as words.
    static func actionWords(_ text: String) -> [String] {
        var kept: [String] = []
        for clause in TermText.withoutParentheses(text).split(whereSeparator: { ",;:".contains($0) }) {
            let words = TermText.normalize(String(clause)).split(separator: " ").map(String.init)
            var index = 0
            while index < words.count {
                if conditionWords.contains(words[index]) { break }
                if index + 1 < words.count, conditionPairs.contains(words[index] + " " + words[index + 1]) { break }
                kept.append(words[index])
                index += 1
            }
            kept.append(",")
        }
        return kept
    }

    func resolveAction(_ text: String) -> ([MuscleFacts.MovementFact], [String]) {
        let words = Self.actionWords(text)
        let lineAssists = words.first.map { $0.hasPrefix("assist") || $0 == "helps" || $0 == "help" } ?? false
        var facts: [MuscleFacts.MovementFact] = []
        func add(_ fact: MuscleFacts.MovementFact) {
            if let index = facts.firstIndex(where: { $0.joint == fact.joint && $0.movement == fact.movement }) {
                if fact.role == .prime { facts[index].role = .prime }
            } else {
                facts.append(fact)
            }
        }
        // Phrases first: they are the instructor's own words for a movement.
        for phrase in jointPhraseIndex.found(in: words.filter { $0 != "," }).map({ jointPhrases[$0] }) {
            for meaning in phrase.means {
                if let fact = movement(meaning, defaultJoint: phrase.joint, assists: lineAssists) { add(fact) }
            }
        }
        // Then pieces, each ending at a joint's name.
        var pieces: [(words: [String], joint: Vocabulary.Entry?)] = []
        var current: [String] = []
        var index = 0
        while index < words.count {
            if let match = jointTerms.first(where: { matches(words, at: index, $0.parts) }) {
                let length = match.term.split(separator: " ").count
                current += words[index..<index + length]
                pieces.append((current, match.joint))
                current = []
                index += length
            } else {
                current.append(words[index])
                index += 1
            }
        }
        if !current.isEmpty {
            if let last = pieces.indices.last { pieces[last].words += current } else { pieces.append((current, nil)) }
        }
        for piece in pieces {
            guard let joint = piece.joint, !piece.words.contains("not") else { continue }
            let found = movementsIn(piece.words, joint: joint)
            for (movement, position) in found {
                let before = piece.words[..<position]
                let assists = lineAssists || before.contains { $0.hasPrefix("assist") || $0 == "help" || $0 == "helps" } || piece.words.contains("assisting")
                add(.init(joint: joint.name, movement: movement.name, role: assists ? .assists : .prime))
            }
        }
        var functions: [String] = []
        let full = TermText.normalize(text).split(separator: " ")
        for phrase in functionPhraseIndex.found(in: full).map({ functionPhrases[$0] }) where !functions.contains(phrase.function) {
            functions.append(phrase.function)
        }
        return (facts, functions)
    }

    private func matches(_ words: [String], at index: Int, _ parts: [String]) -> Bool {
        guard let first = parts.first, words[index] == first, index + parts.count <= words.count else { return false }
        return zip(parts, words[index...]).allSatisfy { $0 == $1 }
    }

    /// The stem a movement word is found by: "flexion" -> "flex", "extension" -> "exten".
    static func stem(_ word: String) -> String {
        var stem = word
        if stem.hasSuffix("ion") { stem.removeLast(3) }
        if stem.hasSuffix("s") && stem.count > 4 { stem.removeLast() }
        return stem
    }

    /// The joint's movements named in these words, the most specific only ("lateral rotation",
    /// not also "rotation"), each with the position of its last word.
    private func movementsIn(_ words: [String], joint: Vocabulary.Entry) -> [(Vocabulary.Movement, Int)] {
        let names = joint.movements.flatMap { movement in [movement.name] + (movement.opposite.map { [$0] } ?? []) }
        var found: [(name: String, stems: [String], position: Int)] = []
        for name in names where !found.contains(where: { $0.name == name }) {
            let stems = TermText.normalize(name).split(separator: " ").map { Self.stem(String($0)) }
            var positions: [Int] = []
            for stem in stems {
                guard let position = words.firstIndex(where: { $0.hasPrefix(stem) && !$0.hasSuffix("ed") }) else { positions = []; break }
                positions.append(position)
            }
            if let last = positions.max() { found.append((name, stems, last)) }
        }
        let specific = found.filter { candidate in
            !found.contains { other in other.stems.count > candidate.stems.count && candidate.stems.allSatisfy(other.stems.contains) }
        }
        return specific.map { (Vocabulary.Movement(name: $0.name, opposite: nil, location: joint.location), $0.position) }
    }

    /// A `Means:` item: "knee flexion", or "assists knee flexion".
    func stated(_ item: String) -> MuscleFacts.MovementFact? {
        let words = TermText.normalize(item)
        let assists = words.hasPrefix("assists ")
        let text = assists ? String(words.dropFirst("assists ".count)) : words
        for term in jointTerms where text.hasPrefix(term.term + " ") {
            let rest = String(text.dropFirst(term.term.count + 1))
            if let name = Self.movementNames(term.joint).first(where: { TermText.normalize($0) == rest }) {
                return .init(joint: term.joint.name, movement: name, role: assists ? .assists : .prime)
            }
        }
        return nil
    }

    /// "plantarflexion" (of the default joint) or "knee flexion".
    private func movement(_ text: String, defaultJoint: Vocabulary.Entry, assists: Bool) -> MuscleFacts.MovementFact? {
        let normalized = TermText.normalize(text)
        for term in jointTerms where normalized.hasPrefix(term.term + " ") {
            let rest = String(normalized.dropFirst(term.term.count + 1))
            if let name = Self.movementNames(term.joint).first(where: { TermText.normalize($0) == rest }) {
                return .init(joint: term.joint.name, movement: name, role: assists ? .assists : .prime)
            }
        }
        if let name = Self.movementNames(defaultJoint).first(where: { TermText.normalize($0) == normalized }) {
            return .init(joint: defaultJoint.name, movement: name, role: assists ? .assists : .prime)
        }
        return nil
    }

    static func movementNames(_ joint: Vocabulary.Entry) -> [String] {
        joint.movements.flatMap { [$0.name] + ($0.opposite.map { [$0] } ?? []) }
    }

    // MARK: - Nerves and landmarks

    /// A `;` clause that gives a nerve carrying only sensation ("the lower intercostal nerves carry
    /// sensation from its edges") names no nerve that moves the muscle: it is left out, unless
    /// nothing else is written.
    static func motorClauses(_ text: String) -> String {
        let clauses = text.split(separator: ";").map(String.init)
        let motor = clauses.filter { clause in
            let words = Set(TermText.normalize(clause).split(separator: " "))
            return !(words.contains("sensation") || words.contains("sensory")) || words.contains("movement") || words.contains("motor")
        }
        return motor.isEmpty ? text : motor.joined(separator: ";")
    }

    /// "Upper and lower subscapular nerves" names the upper and the lower subscapular nerve:
    /// each nerve of "a and b [words] nerves", written out ("upper subscapular nerve lower
    /// subscapular nerve"), or nil when the text has no such pair.
    static func coordinatedNerves(in normalized: String) -> String? {
        let words = normalized.split(separator: " ").map(String.init)
        var spelled: [String] = []
        for index in words.indices where words[index] == "and" && index > 0 && index + 2 < words.count {
            guard let end = (index + 2...min(index + 4, words.count - 1)).first(where: { words[$0] == "nerves" }) else { continue }
            let shared = words[(index + 2)..<end]
            spelled += [words[index - 1]] + shared + ["nerve", words[index + 1]] + shared + ["nerve"]
        }
        return spelled.isEmpty ? nil : spelled.joined(separator: " ")
    }

    func resolveNerves(_ text: String) -> [String] {
        let text = Self.motorClauses(text)
        let plain = TermText.normalize(TermText.withoutParentheses(text))
        var found: [(Int, String)] = []
        for text in [TermText.normalize(text), plain] + [Self.coordinatedNerves(in: plain)].compactMap({ $0 }) {
            Self.claim(nerveTerms, in: Self.words(text), found: &found)
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Finds each term on word boundaries, longest first; the words a term matched are used up, so
    /// a shorter term inside it ("radial nerve" in "deep branch of the radial nerve") does not
    /// match again. Each name is kept once, at the position of its first match.
    private static func claim(_ table: TermTable, in text: [Substring], found: inout [(Int, String)], skip: (NamedTerm) -> Bool = { _ in false }) {
        var words = text.map(Optional.some)
        for position in table.candidates(among: Set(text)) {
            let term = table.terms[position]
            if skip(term) { continue }
            var start = 0
            while start + term.words.count <= words.count {
                if zip(term.words, words[start...]).allSatisfy({ $0 == $1 }) {
                    if !found.contains(where: { $0.1 == term.name }) { found.append((start, term.name)) }
                    for index in start..<start + term.words.count { words[index] = nil }
                    start += term.words.count
                } else {
                    start += 1
                }
            }
        }
    }

    static func roots(in text: String) -> [String] {
        var roots: [String] = []
        for word in TermText.normalize(text).split(separator: " ") {
            let upper = word.uppercased()
            guard let first = upper.first, "CTLS".contains(first), upper.count >= 2, upper.count <= 3,
                  upper.dropFirst().allSatisfy(\.isNumber) else { continue }
            if !roots.contains(upper) { roots.append(upper) }
        }
        let order: [Character] = ["C", "T", "L", "S"]
        func rank(_ root: String) -> (Int, Int) { (order.firstIndex(of: root.first ?? "S") ?? 4, Int(root.dropFirst()) ?? 0) }
        return roots.sorted { rank($0) < rank($1) }
    }

    /// The text without the clauses that follow a tendon's course ("its tendon turns around the
    /// dorsal tubercle of the radius", up to the next "." or ";"): the landmarks it passes are no
    /// attachments.
    static func withoutTendonCourse(_ text: String) -> String {
        let characters = Array(text)
        let opening = Array("its tendon")
        func startsCourse(at index: Int) -> Bool {
            guard index + opening.count <= characters.count, index == 0 || !characters[index - 1].isLetter else { return false }
            guard zip(characters[index..<index + opening.count], opening).allSatisfy({ $0.lowercased() == String($1) }) else { return false }
            var end = index + opening.count
            if end < characters.count, characters[end] == "s" || characters[end] == "S" { end += 1 }
            return end == characters.count || !characters[end].isLetter
        }
        var result = ""
        var skipping = false
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if skipping {
                if character == "." || character == ";" { skipping = false; result.append(character) }
            } else if startsCourse(at: index) {
                skipping = true
                continue
            } else {
                result.append(character)
            }
            index += 1
        }
        return result
    }

    func resolveLandmarks(_ text: String) -> [String] {
        let normalized = TermText.normalize(Self.withoutTendonCourse(text))
        let spaced = " " + normalized + " "
        var found: [(Int, String)] = []
        var boneNamed: [[String]: Bool] = [:]
        var fileNamed: [String: Bool] = [:]
        Self.claim(landmarkTerms, in: Self.words(normalized), found: &found) { term in
            if let file = term.onlyWithFile {
                if let known = fileNamed[file] { return !known }
                let named = (fileTerms[file] ?? []).contains { TermText.contains(normalized, $0) }
                fileNamed[file] = named
                return !named
            }
            guard let bone = term.onlyWithBone else { return false }
            if let known = boneNamed[bone] { return !known }
            let named = bone.contains { TermText.contains(normalized, $0) || spaced.contains(" " + $0.prefix(5)) }
            boneNamed[bone] = named
            return !named
        }
        // A bone named only because one of its landmarks is: keep the landmark.
        let named = found.sorted { $0.0 < $1.0 }.map(\.1)
        return named.filter { name in name.contains(":") || !named.contains { $0.hasPrefix(name + ": ") } }
    }

    // MARK: - Suggestions

    /// The vocabulary terms closest to the line's words, for an unresolved line's note.
    /// The closest vocabulary terms to an unresolved line, best first (at most three).
    public func suggestions(for line: MuscleFacts.Unresolved) -> [String] {
        switch line.what {
        case .action: suggestions(for: line.text, kinds: [.joint, .function])
        case .nerve: suggestions(for: line.text, kinds: [.nerve, .plexus])
        case .landmark: suggestions(for: line.text, kinds: [.bone, .structure])
        }
    }

    func suggestions(for text: String, kinds: Set<Vocabulary.Kind>) -> [String] {
        let words = Set(TermText.normalize(text).split(separator: " ").map(String.init).filter { $0.count > 3 }).map(EditWord.init)
        var scored: [(String, Int)] = []
        for candidate in suggestionCandidates where kinds.contains(candidate.kind) {
            let best = candidate.words.map { cw in words.map { boundedEditDistance($0, cw, limit: 2) }.min() ?? 99 }.min() ?? 99
            if best <= 2 { scored.append((candidate.term, best)) }
        }
        return scored.sorted { $0.1 < $1.1 }.prefix(3).map(\.0)
    }
}
