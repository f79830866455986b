/// Generates every multiple-choice item the curriculum's facts support (Docs/EXAM.md).
///
/// The validity rule: an item is emitted only if exactly one of its four options satisfies the
/// stem, judged against each option's own complete facts, not only what the stem shows. A
/// distractor is therefore drawn only from muscles (or nerves, movements, landmarks) that are
/// shown not to satisfy the stem: a nerve at every level of the tree (a deep fibular muscle is
/// also a sciatic one), a movement in any role (an assistant counts), a landmark at the level of
/// its bone. Among the valid distractors the most plausible are taken (same region, same joint,
/// same nerve family, sharing part of the stem), ties broken by a hash, so generation is
/// deterministic. Fewer than three valid distractors: no item.
public enum ExamGenerator {
    /// Every item, in curriculum order (muscle by muscle, template by template).
    public static func items(_ curriculum: ExamCurriculum) -> [ExamItem] {
        Run(curriculum).generate().items
    }

    /// For lint: the covered muscles and templates that had facts for an item and three or more
    /// options to draw from, every one of them ambiguous (or a stem that would give the key
    /// away): the muscle's own facts are not distinctive. A template left with one or two valid
    /// distractors is a small deck, not a finding.
    public static func missing(_ curriculum: ExamCurriculum) -> [(entry: ExamCurriculum.Entry, template: ExamTemplate)] {
        let run = Run(curriculum).generate()
        return curriculum.covered.flatMap { entry in
            ExamTemplate.allCases.filter { template in
                let pair = Pair(entry.key, template)
                return run.attempted.contains(pair) && !run.produced.contains(pair) && (run.bestValid[pair] ?? 0) == 0
            }
                .map { (entry, $0) }
        }
    }

    struct Pair: Hashable {
        var muscle: String
        var template: ExamTemplate
        init(_ muscle: String, _ template: ExamTemplate) {
            self.muscle = muscle
            self.template = template
        }
    }

    /// A possible option: its text, how plausible it is, and the explanation line it gets.
    struct Option {
        var text: String
        /// The option as the curriculum spells it (`ExamItem.optionFacts`).
        var fact: String
        var score: Int
        /// Built only for the four options an item shows: most candidates are ranked and
        /// dropped, and writing every candidate's sentence was much of the generation's time.
        var explanation: () -> String

        init(text: String, fact: String, score: Int, explanation: @escaping () -> String) {
            self.text = text
            self.fact = fact
            self.score = score
            self.explanation = explanation
        }
    }

    final class Run {
        typealias Entry = ExamCurriculum.Entry
        let curriculum: ExamCurriculum
        let covered: [Entry]
        var items: [ExamItem] = []
        var attempted = Set<Pair>()
        var produced = Set<Pair>()
        /// The most valid distractors any attempt found.
        var bestValid: [Pair: Int] = [:]
        /// Normalized movement name -> (joint, movement), from every fact.
        var movementParts: [String: (joint: String, movement: String)] = [:]
        var seenIDs = Set<String>()

        init(_ curriculum: ExamCurriculum) {
            self.curriculum = curriculum
            covered = curriculum.covered
            for entry in curriculum.entries {
                for fact in entry.facts.movements { movementParts[TermText.normalize(fact.name)] = (fact.joint, fact.movement) }
            }
        }

        func generate() -> Run {
            for entry in covered {
                muscleNerve(entry)
                nerveMuscle(entry)
                movementMuscle(entry)
                muscleMovement(entry)
                attachmentMuscle(entry, origin: true)
                attachmentMuscle(entry, origin: false)
                muscleAttachment(entry, origin: true)
                muscleAttachment(entry, origin: false)
                etymology(entry)
                triggerPoints(entry)
                antagonist(entry)
                synergist(entry)
                rootMuscle(entry)
            }
            return self
        }

        // MARK: - Helpers

        var verbs: [String: (third: String, base: String)] = [:]

        func verb(_ movement: String) -> (third: String, base: String) {
            if let known = verbs[movement] { return known }
            let found = movementParts[movement].map { ExamPhrasing.verb(joint: $0.joint, movement: $0.movement) }
                ?? ("performs \(movement)", "perform \(movement)")
            verbs[movement] = found
            return found
        }

        /// Joints a student reads as one: the toes and the big toe, the fingers and the thumb. A
        /// muscle that flexes the big toe is no distractor for "flexes the toes".
        static func jointFamily(_ joint: String) -> String {
            var last = String(TermText.normalize(joint).split(separator: " ").last ?? "")
            if last == "thumb" { last = "finger" }
            if last.hasSuffix("s") { last.removeLast() }
            return last
        }

        var variants: [String: Set<String>] = [:]

        /// Whether the muscle performs the movement, in any role, at its joint or a joint of its family.
        func performsLoosely(_ entry: Entry, _ movement: String) -> Bool {
            if entry.performs.contains(movement) { return true }
            if variants[movement] == nil {
                var found = Set([movement])
                if let parts = movementParts[movement] {
                    let family = Self.jointFamily(parts.joint)
                    for (name, other) in movementParts where other.movement == parts.movement && Self.jointFamily(other.joint) == family { found.insert(name) }
                }
                variants[movement] = found
            }
            return !(variants[movement] ?? []).isDisjoint(with: entry.performs)
        }

        func joint(_ movement: String) -> String { movementParts[movement]?.joint.lowercased() ?? "" }


        func movementTitle(_ movement: String) -> String {
            guard let parts = movementParts[movement] else { return ExamPhrasing.capitalized(movement) }
            return ExamPhrasing.capitalized("\(parts.joint.lowercased()) \(parts.movement)")
        }

        /// Look-ups into the vocabulary scan and normalize every entry; each is asked once per term.
        var opposites: [String: String?] = [:]
        var chains: [String: [String]] = [:]
        var nerveKinds: [String: Bool] = [:]

        func opposite(_ movement: String) -> String? {
            if let known = opposites[movement] { return known }
            let found = curriculum.index.opposite(of: movement).map(TermText.normalize)
            opposites[movement] = found
            return found
        }

        func chain(_ nerve: String) -> [String] {
            if let known = chains[nerve] { return known }
            let found = curriculum.index.nerveChain(nerve)
            chains[nerve] = found
            return found
        }

        /// Plausibility shared by every muscle distractor: same region, a shared joint.
        func kinship(_ candidate: Entry, _ other: Entry) -> Int {
            (candidate.region == other.region ? 2 : 0) + (candidate.joints.isDisjoint(with: other.joints) ? 0 : 1)
        }

        /// What a muscle does, for explanations: "plantarflexes the ankle and flexes the knee".
        func doings(_ entry: Entry, limit: Int = 2) -> String {
            let prime = entry.prime.prefix(limit).map { acts(entry, verb($0)) }
            return prime.isEmpty ? (plural(entry) ? "have" : "has") + " no prime movement in the curriculum" : ExamPhrasing.list(Array(prime))
        }

        func plural(_ entry: Entry) -> Bool { entry.plural }
        /// The verb agreeing with the muscle's name: "flexes" or, for a group, "flex".
        func acts(_ entry: Entry, _ verb: (third: String, base: String)) -> String { plural(entry) ? verb.base : verb.third }
        func does(_ entry: Entry) -> String { plural(entry) ? "do" : "does" }
        func it(_ entry: Entry) -> String { plural(entry) ? "they" : "it" }

        var landmarkLists: [[String]: String] = [:]

        func landmarks(_ names: [String]) -> String {
            if let known = landmarkLists[names] { return known }
            let found = ExamPhrasing.list(names.map { "the " + ExamPhrasing.landmark($0) })
            landmarkLists[names] = found
            return found
        }

        /// Builds the item if three distractors are left; records the attempt either way.
        /// - Parameter pool: how many options the template had to choose from before the validity
        ///   rule (muscles with facts of the aspect, nerves, movements, landmarks): a template that
        ///   had three or more and produced no item is one lint reports (the muscle's own facts make
        ///   every distractor ambiguous), one that had fewer is not (a small deck).
        func emit(_ template: ExamTemplate, about entry: Entry, parts: [String], stem: String, key: Option, distractors: [Option], pool: Int) {
            if pool >= 3 && template != .triggerPointMuscle { attempted.insert(Pair(entry.key, template)) }
            bestValid[Pair(entry.key, template), default: 0] = max(bestValid[Pair(entry.key, template)] ?? 0, distractors.count)
            var hash = ContentHash()
            hash.add(template.rawValue)
            for part in parts { hash.add(TermText.normalize(part)) }
            let id = "\(template.rawValue)/\(hash.hex)"
            guard !seenIDs.contains(id) else { return }
            var seeded = ContentHash()
            seeded.add(id)
            /// `ContentHash.of(id, text)`, with the ID hashed once.
            func tiebreak(_ text: String) -> UInt64 {
                var hash = seeded
                hash.add(text)
                return hash.value
            }
            var used = Set([TermText.normalize(key.text)])
            var chosen: [Option] = []
            // Highest score first, ties by the hash: score by score, so only the scores that
            // reach the third option are hashed and sorted (the same order as sorting them all).
            let byScore = Dictionary(grouping: distractors, by: \.score)
            for score in byScore.keys.sorted(by: >) where chosen.count < 3 {
                let ranked = (byScore[score] ?? []).map { ($0, tiebreak($0.text)) }.sorted { $0.1 < $1.1 }
                for (option, _) in ranked {
                    guard chosen.count < 3 else { break }
                    guard used.insert(TermText.normalize(option.text)).inserted else { continue }
                    chosen.append(option)
                }
            }
            guard chosen.count == 3 else { return }
            let options = ([key] + chosen).map { ($0, tiebreak("order " + $0.text)) }.sorted { $0.1 < $1.1 }.map(\.0)
            guard let keyIndex = options.firstIndex(where: { $0.text == key.text }) else { return }
            seenIDs.insert(id)
            produced.insert(Pair(entry.key, template))
            items.append(ExamItem(id: id, template: template, muscleKey: entry.key, muscleName: entry.name, region: entry.region, stem: stem,
                                  options: options.map(\.text), keyIndex: keyIndex, explanation: options.map { $0.explanation() },
                                  stemFacts: parts, optionFacts: options.map(\.fact)))
        }

        // MARK: - Nerves

        func isNerve(_ name: String) -> Bool {
            if let known = nerveKinds[name] { return known }
            let found = curriculum.index.vocabulary.entry(named: name)?.kind == .nerve
            nerveKinds[name] = found
            return found
        }

        func parent(_ nerve: String) -> String? {
            let chain = chain(nerve)
            return chain.count > 1 ? chain[1] : nil
        }

        /// Nerves that supply some muscle of the curriculum directly.
        lazy var supplyingNerves: [String] = {
            var seen = Set<String>()
            return curriculum.entries.flatMap(\.facts.nerves).filter { isNerve($0) && seen.insert($0).inserted }
        }()

        var suppliedBy: [String: [Entry]] = [:]

        /// Asked for every nerve of every muscle's nerve item: filtered once per nerve.
        func supplied(by nerve: String) -> [Entry] {
            if let known = suppliedBy[nerve] { return known }
            let found = covered.filter { $0.nerveLevels.contains(nerve) }
            suppliedBy[nerve] = found
            return found
        }

        var firstWords: [String: String] = [:]

        func firstWord(_ text: String) -> String {
            if let known = firstWords[text] { return known }
            let found = String(TermText.normalize(text).split(separator: " ").first ?? "")
            firstWords[text] = found
            return found
        }

        func muscleNerve(_ entry: Entry) {
            guard let key = entry.facts.nerves.first(where: isNerve) else { return }
            let direct = entry.facts.nerves
            let family = Set(direct.map(firstWord))
            let keyPlexus = chain(key).last
            let distractors: [Option] = supplyingNerves.compactMap { nerve in
                let chain = chain(nerve)
                // True at some level, a branch of a true nerve, or a division of the same name: not a distractor.
                guard !entry.nerveLevels.contains(nerve), !chain.contains(where: direct.contains), !family.contains(firstWord(nerve)) else { return nil }
                let muscles = supplied(by: nerve)
                guard !muscles.isEmpty else { return nil }
                let score = (parent(nerve) != nil && parent(nerve) == parent(key) ? 3 : 0) + (chain.last == keyPlexus ? 2 : 0)
                    + (muscles.contains { $0.region == entry.region } ? 1 : 0)
                return Option(text: nerve, fact: nerve, score: score) {
                    let names = ExamPhrasing.list(muscles.prefix(3).map { ExamPhrasing.the($0.name) } + (muscles.count > 3 ? ["others"] : []))
                    return "\(nerve): supplies \(names), not \(ExamPhrasing.the(entry.name))."
                }
            }
            let also = direct.count > 1 ? " (with the \(ExamPhrasing.list(direct.filter { $0 != key }.map { $0.lowercased() })))" : ""
            emit(.muscleNerve, about: entry, parts: [entry.key, key], stem: "Which nerve supplies \(ExamPhrasing.the(entry.name))?",
                 key: Option(text: key, fact: key, score: 0) { [self] in "\(key): supplies \(ExamPhrasing.the(entry.name))\(also)." },
                 distractors: distractors, pool: supplyingNerves.count - direct.count)
        }

        func nerveMuscle(_ entry: Entry) {
            for nerve in entry.facts.nerves where isNerve(nerve) {
                let siblings = Set(supplyingNerves.filter { $0 != nerve && parent($0) != nil && parent($0) == parent(nerve) })
                let family = firstWord(nerve)
                let distractors: [Option] = covered.compactMap { other in
                    // Supplied at some level, or by a division of the same name (the tibial division of the sciatic nerve for the tibial nerve): not a distractor.
                    guard other.key != entry.key, !other.facts.nerves.isEmpty, !other.nerveLevels.contains(nerve),
                          !other.nerveLevels.contains(where: { firstWord($0) == family }) else { return nil }
                    let score = (other.facts.nerves.contains(where: siblings.contains) ? 3 : 0) + kinship(other, entry)
                    return Option(text: other.name, fact: other.key, score: score) { [self] in "\(other.name): \(ExamPhrasing.list(other.facts.nerves.map { $0.lowercased() })), not the \(nerve.lowercased())." }
                }
                emit(.nerveMuscle, about: entry, parts: [nerve, entry.key], stem: "Which muscle is supplied by the \(nerve.lowercased())?",
                     key: Option(text: entry.name, fact: entry.key, score: 0) { [self] in "\(entry.name): \(ExamPhrasing.list(entry.facts.nerves.map { $0.lowercased() }))." },
                     distractors: distractors, pool: covered.count(where: { $0.key != entry.key && !$0.facts.nerves.isEmpty }))
            }
        }

        func rootMuscle(_ entry: Entry) {
            guard !entry.mainRoots.isEmpty else { return }
            let withRoots = covered.filter { !$0.roots.isEmpty }
            guard let root = entry.mainRoots.min(by: { a, b in
                let (na, nb) = (withRoots.count(where: { $0.roots.contains(a) }), withRoots.count(where: { $0.roots.contains(b) }))
                return na != nb ? na < nb : (SpinalRoots.ordered.firstIndex(of: a) ?? 0) < (SpinalRoots.ordered.firstIndex(of: b) ?? 0)
            }) else { return }
            func roots(_ e: Entry) -> String { SpinalRoots.ordered.filter(e.roots.contains).joined(separator: ", ") }
            let distractors: [Option] = withRoots.compactMap { other in
                guard other.key != entry.key, !other.roots.contains(root) else { return nil }
                return Option(text: other.name, fact: other.key, score: kinship(other, entry)) { [self] in "\(other.name): \(roots(other)); not \(root)." }
            }
            emit(.rootMuscle, about: entry, parts: [root, entry.key], stem: "Which muscle is supplied by fibres of spinal segment \(root)?",
                 key: Option(text: entry.name, fact: entry.key, score: 0) { [self] in "\(entry.name): \(roots(entry))." }, distractors: distractors,
                 pool: withRoots.count - 1)
        }

        // MARK: - Movements

        func movementMuscle(_ entry: Entry) {
            for movement in entry.prime {
                let opposite = opposite(movement)
                let distractors: [Option] = covered.compactMap { other in
                    guard other.key != entry.key, !performsLoosely(other, movement) else { return nil }
                    let score = (other.joints.contains(joint(movement)) ? 3 : 0) + kinship(other, entry) + (opposite.map(other.performs.contains) == true ? 1 : 0)
                    return Option(text: other.name, fact: other.key, score: score) { [self] in "\(other.name) \(does(other)) not \(verb(movement).base); \(it(other)) \(doings(other))." }
                }
                emit(.movementMuscle, about: entry, parts: [movement, entry.key], stem: "Which muscle \(verb(movement).third)?",
                     key: Option(text: entry.name, fact: entry.key, score: 0) { [self] in "\(entry.name) \(acts(entry, verb(movement)))." }, distractors: distractors,
                     pool: covered.count(where: { $0.key != entry.key && !$0.performs.isEmpty }))
            }
            for (i, first) in entry.prime.enumerated() {
                for second in entry.prime.dropFirst(i + 1) where Self.jointFamily(joint(first)) != Self.jointFamily(joint(second)) {
                    let (a, b) = (verb(first), verb(second))
                    let distractors: [Option] = covered.compactMap { other in
                        let (one, two) = (performsLoosely(other, first), performsLoosely(other, second))
                        guard other.key != entry.key, !(one && two) else { return nil }
                        return Option(text: other.name, fact: other.key, score: (one || two ? 4 : 0) + kinship(other, entry)) { [self] in
                            if one { return "\(other.name) also \(acts(other, a)) but \(does(other)) not \(b.base)." }
                            if two { return "\(other.name) also \(acts(other, b)) but \(does(other)) not \(a.base)." }
                            return "\(other.name) neither \(a.base) nor \(b.base); \(it(other)) \(doings(other))."
                        }
                    }
                    emit(.movementMuscle, about: entry, parts: [first, second, entry.key].sorted(), stem: "Which muscle both \(a.third) and \(b.third)?",
                         key: Option(text: entry.name, fact: entry.key, score: 0) { [self] in "\(entry.name) \(acts(entry, a)) and \(acts(entry, b))." }, distractors: distractors,
                         pool: covered.count(where: { $0.key != entry.key && !$0.performs.isEmpty }))
                }
            }
        }

        lazy var performedMovements: [String] = {
            var seen = Set<String>()
            return covered.flatMap(\.prime).filter { seen.insert($0).inserted }
        }()

        func muscleMovement(_ entry: Entry) {
            for movement in entry.prime {
                let opposite = opposite(movement)
                let distractors: [Option] = performedMovements.compactMap { other in
                    guard !performsLoosely(entry, other) else { return nil }
                    let score = (joint(other) == joint(movement) ? 3 : 0) + (entry.joints.contains(joint(other)) ? 2 : 0) + (other == opposite ? 1 : 0)
                    return Option(text: movementTitle(other), fact: other, score: score) { [self] in
                        let by = covered.filter { $0.prime.contains(other) }.prefix(3).map { ExamPhrasing.the($0.name) }
                        return "\(movementTitle(other)): \(by.isEmpty ? "" : "performed by \(ExamPhrasing.list(Array(by))), ")not by \(ExamPhrasing.the(entry.name))."
                    }
                }
                emit(.muscleMovement, about: entry, parts: [entry.key, movement], stem: "Which movement \(does(entry)) \(ExamPhrasing.the(entry.name)) perform?",
                     key: Option(text: movementTitle(movement), fact: movement, score: 0) { [self] in "\(movementTitle(movement)): \(ExamPhrasing.the(entry.name)) \(acts(entry, verb(movement)))." },
                     distractors: distractors, pool: performedMovements.count - 1)
            }
        }

        /// A synergist shares the movement, an antagonist performs its opposite.
        func synergist(_ entry: Entry) {
            for movement in entry.prime {
                guard let key = covered.first(where: { $0.key != entry.key && $0.prime.contains(movement) }) else { continue }
                let opposite = opposite(movement)
                let distractors: [Option] = covered.compactMap { other in
                    guard other.key != entry.key, !performsLoosely(other, movement) else { return nil }
                    let opposes = opposite.map(other.performs.contains) == true
                    return Option(text: other.name, fact: other.key, score: (opposes ? 3 : 0) + kinship(other, entry)) { [self] in
                        opposes ? "\(other.name) \(acts(other, verb(opposite ?? movement))): \(it(other)) \(plural(other) ? "oppose" : "opposes") \(ExamPhrasing.the(entry.name)) here."
                            : "\(other.name) \(does(other)) not \(verb(movement).base); \(it(other)) \(doings(other))."
                    }
                }
                emit(.synergist, about: entry, parts: [entry.key, movement, key.key], stem: "Which muscle works with \(ExamPhrasing.the(entry.name)) as \(it(entry)) \(acts(entry, verb(movement)))?",
                     key: Option(text: key.name, fact: key.key, score: 0) { [self] in "\(key.name) also \(acts(key, verb(movement)))." }, distractors: distractors,
                     pool: covered.count(where: { $0.key != entry.key && $0.key != key.key && !$0.performs.isEmpty }))
            }
        }

        func antagonist(_ entry: Entry) {
            for movement in entry.prime {
                guard let opposite = opposite(movement),
                      let key = covered.first(where: { $0.key != entry.key && $0.prime.contains(opposite) }) else { continue }
                let distractors: [Option] = covered.compactMap { other in
                    guard other.key != entry.key, !performsLoosely(other, opposite) else { return nil }
                    let helps = other.performs.contains(movement)
                    return Option(text: other.name, fact: other.key, score: (helps ? 3 : 0) + kinship(other, entry)) { [self] in
                        helps ? "\(other.name) also \(acts(other, verb(movement))): \(it(other)) \(plural(other) ? "work" : "works") with \(ExamPhrasing.the(entry.name)), not against \(it(entry) == "they" ? "them" : "it")."
                            : "\(other.name) \(does(other)) not \(verb(opposite).base); \(it(other)) \(doings(other))."
                    }
                }
                emit(.antagonist, about: entry, parts: [entry.key, movement, key.key],
                     stem: "Which muscle opposes \(ExamPhrasing.the(entry.name)) as \(it(entry)) \(acts(entry, verb(movement)))?",
                     key: Option(text: key.name, fact: key.key, score: 0) { [self] in "\(key.name) \(acts(key, verb(opposite))), the opposite movement." }, distractors: distractors,
                     pool: covered.count(where: { $0.key != entry.key && $0.key != key.key && !$0.performs.isEmpty }))
            }
        }

        // MARK: - Attachments

        var bones: [String: String] = [:]
        var landmarkTexts: [String: String] = [:]

        func bone(_ landmark: String) -> String {
            if let known = bones[landmark] { return known }
            let found = landmark.components(separatedBy: ": ")[0]
            bones[landmark] = found
            return found
        }

        /// "Medial condyle of the femur".
        func landmarkTitle(_ landmark: String) -> String {
            if let known = landmarkTexts[landmark] { return known }
            let found = ExamPhrasing.capitalized(ExamPhrasing.landmark(landmark))
            landmarkTexts[landmark] = found
            return found
        }

        /// A landmark with its bone, worked out once per item rather than once per candidate.
        struct Place {
            var name: String
            var bone: String
            /// A bone named alone ("Fibula"): `bone` has no ": " to cut at, so it is the name.
            var isBone: Bool { bone == name }
        }

        func place(_ landmark: String) -> Place { Place(name: landmark, bone: bone(landmark)) }

        /// Each covered muscle's origins' and insertions' bones, by its place in `covered`.
        lazy var originBones: [[String]] = covered.map { $0.origins.map(bone) }
        lazy var insertionBones: [[String]] = covered.map { $0.insertions.map(bone) }

        /// Whether a muscle's attachments (one role) could include `landmark`: the landmark
        /// itself, its bone named alone, or (for a bone) any landmark of it. `bones` are the
        /// attachments' bones.
        func attaches(_ names: [String], _ bones: [String], to landmark: Place) -> Bool {
            zip(names, bones).contains { name, bone in
                name == landmark.name || name == landmark.bone || (landmark.isBone && bone == landmark.name)
            }
        }

        func attachmentMuscle(_ entry: Entry, origin: Bool) {
            let template: ExamTemplate = origin ? .originMuscle : .insertionMuscle
            for landmark in origin ? entry.keyOrigins : entry.keyInsertions {
                let target = place(landmark)
                let distractors: [Option] = covered.indices.compactMap { index in
                    let other = covered[index]
                    let (same, otherRole) = origin ? (other.origins, other.insertions) : (other.insertions, other.origins)
                    let (sameBones, otherBones) = origin ? (originBones[index], insertionBones[index]) : (insertionBones[index], originBones[index])
                    guard other.key != entry.key, !same.isEmpty, !attaches(same, sameBones, to: target) else { return nil }
                    let score = (attaches(otherRole, otherBones, to: target) ? 3 : 0) + (sameBones.contains(target.bone) ? 1 : 0) + kinship(other, entry)
                    return Option(text: other.name, fact: other.key, score: score) { [self] in "\(other.name): \(origin ? "origin" : "insertion") on \(landmarks(origin ? other.keyOrigins : other.keyInsertions))." }
                }
                let place = ExamPhrasing.landmark(landmark)
                emit(template, about: entry, parts: [landmark, entry.key], stem: "Which muscle \(origin ? "originates" : "inserts") on the \(place)?",
                     key: Option(text: entry.name, fact: entry.key, score: 0) { [self] in "\(entry.name): \(origin ? "origin" : "insertion") on \(landmarks(origin ? entry.keyOrigins : entry.keyInsertions))." },
                     distractors: distractors, pool: covered.count(where: { $0.key != entry.key && !(origin ? $0.origins : $0.insertions).isEmpty }))
            }
        }

        lazy var landmarkUsers: [String: [Entry]] = {
            var users: [String: [Entry]] = [:]
            for entry in covered {
                var seen = Set<String>()
                for name in entry.origins + entry.insertions where seen.insert(name).inserted { users[name, default: []].append(entry) }
            }
            return users
        }()

        lazy var attachmentLandmarks: [String] = {
            var seen = Set<String>()
            return covered.flatMap { $0.origins + $0.insertions }.filter { seen.insert($0).inserted }
        }()

        lazy var attachmentPlaces: [Place] = attachmentLandmarks.map(place)

        func muscleAttachment(_ entry: Entry, origin: Bool) {
            let template: ExamTemplate = origin ? .muscleOrigin : .muscleInsertion
            let (own, other) = origin ? (entry.origins, entry.insertions) : (entry.insertions, entry.origins)
            let ownBones = own.map(bone)
            let role = origin ? "origin" : "insertion"
            for landmark in origin ? entry.keyOrigins : entry.keyInsertions {
                let landmarkBone = bone(landmark)
                let distractors: [Option] = attachmentPlaces.compactMap { place in
                    let candidate = place.name
                    guard !attaches(own, ownBones, to: place), !ownBones.contains(candidate) else { return nil }
                    let users = landmarkUsers[candidate] ?? []
                    let score = (other.contains(candidate) ? 3 : 0) + (place.bone == landmarkBone ? 2 : 0) + (users.contains { $0.region == entry.region } ? 1 : 0)
                    return Option(text: landmarkTitle(candidate), fact: candidate, score: score) { [self] in
                        let text = other.contains(candidate) ? "the \(origin ? "insertion" : "origin") of \(ExamPhrasing.the(entry.name)), not its \(role)"
                            : "attachment of \(ExamPhrasing.list(users.prefix(3).map { ExamPhrasing.the($0.name) })), not of \(ExamPhrasing.the(entry.name))"
                        return "\(landmarkTitle(candidate)): \(text)."
                    }
                }
                emit(template, about: entry, parts: [entry.key, landmark], stem: "Which of these is \(origin ? "an origin" : "an insertion") of \(ExamPhrasing.the(entry.name))?",
                     key: Option(text: landmarkTitle(landmark), fact: landmark, score: 0) { [self] in "\(landmarkTitle(landmark)): \(role) of \(ExamPhrasing.the(entry.name)) (\(role): \(landmarks(origin ? entry.keyOrigins : entry.keyInsertions)))." },
                     distractors: distractors, pool: attachmentLandmarks.count - own.count)
            }
        }

        // MARK: - Names and trigger points

        func etymology(_ entry: Entry) {
            let glosses = entry.glosses
            guard !glosses.isEmpty else { return }
            let quoted = glosses.map { "\"\($0)\"" }
            let stem = "Which muscle's name is built from words meaning \(ExamPhrasing.list(quoted))?"
            let pool = covered.count(where: { $0.key != entry.key && !$0.glosses.isEmpty })
            if pool >= 3 { attempted.insert(Pair(entry.key, .etymologyMuscle)) }
            guard !glosses.contains(where: { ExamPhrasing.mentions(normalized: TermText.normalize($0), words: entry.nameWords) }) else { return }
            let normalizedStem = TermText.normalize(stem)
            let wanted = Set(glosses.map(TermText.normalize))
            let distractors: [Option] = covered.compactMap { other in
                let theirs = Set(other.glosses.map(TermText.normalize))
                guard other.key != entry.key, !other.glosses.isEmpty, !wanted.isSubset(of: theirs), !ExamPhrasing.mentions(normalized: normalizedStem, words: other.nameWords) else { return nil }
                let score = (wanted.isDisjoint(with: theirs) ? 0 : 2) + kinship(other, entry)
                return Option(text: other.name, fact: other.key, score: score) { [self] in "\(other.name): \(ExamPhrasing.list(other.glosses.map { "\"\($0)\"" }))." }
            }
            emit(.etymologyMuscle, about: entry, parts: [entry.key] + glosses, stem: stem,
                 key: Option(text: entry.name, fact: entry.key, score: 0) { [self] in "\(entry.name): \(ExamPhrasing.list(quoted))." }, distractors: distractors, pool: pool)
        }

        func triggerPoints(_ entry: Entry) {
            for referral in entry.referrals where !referral.zones.isEmpty {
                let pool = covered.count(where: { $0.key != entry.key && !$0.referrals.isEmpty })
                // Not a lint finding: zones are read from free text by body-part words, and referral
                // zones overlapping between muscles is anatomy, not a fault of the deck.
                _ = pool
                let text = referral.text.split(whereSeparator: \.isNewline).map { String($0).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
                guard !ExamPhrasing.mentions(normalized: TermText.normalize(text), words: entry.nameWords) else { continue }
                let stem = "Which muscle has a trigger point that refers pain here: \(text)?"
                let normalizedStem = TermText.normalize(stem)
                let distractors: [Option] = covered.compactMap { other in
                    guard other.key != entry.key, !other.referrals.isEmpty, !ExamPhrasing.mentions(normalized: normalizedStem, words: other.nameWords),
                          other.referrals.allSatisfy({ $0.zones.isDisjoint(with: referral.zones) && !$0.zones.isEmpty }) else { return nil }
                    return Option(text: other.name, fact: other.key, score: kinship(other, entry)) {
                        let zones = other.referrals.map { $0.text.split(whereSeparator: \.isNewline).map { String($0).trimmingCharacters(in: .whitespaces) }.joined(separator: " ") }
                        return "\(other.name): refers to \(ExamPhrasing.list(zones.prefix(2).map { $0 }, conjunction: "or"))."
                    }
                }
                emit(.triggerPointMuscle, about: entry, parts: [entry.key, text], stem: stem,
                     key: Option(text: entry.name, fact: entry.key, score: 0) { [self] in "\(entry.name): refers to \(text)." }, distractors: distractors, pool: pool)
            }
        }
    }
}
