/// The curriculum's facts, resolved, and the indexes students and instructors ask for: movement
/// -> muscles (prime movers, then assistants), nerve -> muscles (at every level of the nerve tree:
/// a deep fibular muscle is also a common fibular and a sciatic one), landmark -> muscles, and
/// opposite movement -> antagonists.
public struct FactIndex: Sendable {
    public var vocabulary: Vocabulary
    public var muscles: [MuscleFacts]
    /// Each nerve the muscles name, up its tree: worked out once, since every index query and
    /// report walks them (a walk looks each level up among all the vocabulary's terms).
    private var chains: [String: [String]] = [:]

    public init(muscles: [Muscle], vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        let resolver = FactResolver(vocabulary)
        self.muscles = muscles.filter { !$0.name.isEmpty }.map { resolver.facts(for: $0) }
        chains = Self.chains(of: self.muscles, in: vocabulary)
    }

    /// The index of facts already resolved against `vocabulary` (a compiled deck's `facts`).
    public init(facts: [MuscleFacts], vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        self.muscles = facts.filter { !$0.muscle.isEmpty }
        chains = Self.chains(of: self.muscles, in: vocabulary)
    }

    /// `Vocabulary.nerveChain` for every nerve of these muscles, with one lookup table of terms.
    static func chains(of muscles: [MuscleFacts], in vocabulary: Vocabulary) -> [String: [String]] {
        var byTerm: [String: Vocabulary.Entry] = [:]
        for entry in vocabulary.entries {
            for term in entry.terms where byTerm[TermText.normalize(term)] == nil { byTerm[TermText.normalize(term)] = entry }
        }
        var chains: [String: [String]] = [:]
        for nerve in Set(muscles.flatMap(\.nerves)) {
            var chain: [String] = []
            var current = byTerm[TermText.normalize(nerve)]
            while let entry = current, !chain.contains(entry.name), chain.count < 32 {
                chain.append(entry.name)
                if let parent = entry.parent?.value ?? entry.plexus?.value {
                    current = byTerm[TermText.normalize(parent)]
                    if current == nil { chain.append(parent) }
                } else {
                    current = nil
                }
            }
            chains[nerve] = chain
        }
        return chains
    }

    /// A nerve, then its parent, up to the plexus.
    public func nerveChain(_ name: String) -> [String] { chains[name] ?? vocabulary.nerveChain(name) }

    /// Who performs a movement ("ankle plantarflexion"): prime movers, then assistants, each in
    /// deck order.
    public func performers(of movement: String) -> (prime: [String], assisting: [String]) {
        let key = TermText.normalize(movement)
        var prime: [String] = []
        var assisting: [String] = []
        for muscle in muscles {
            guard let fact = muscle.movements.first(where: { TermText.normalize($0.name) == key }) else { continue }
            if fact.role == .prime { prime.append(muscle.muscle) } else { assisting.append(muscle.muscle) }
        }
        return (prime, assisting)
    }

    /// Every movement some muscle performs, "joint movement", in vocabulary order.
    public var movementNames: [String] {
        let performed = Set(muscles.flatMap { $0.movements.map { TermText.normalize($0.name) } })
        return allMovementNames.filter { performed.contains(TermText.normalize($0)) }
    }

    /// Every movement the vocabulary declares, "joint movement".
    public var allMovementNames: [String] {
        vocabulary.entries(.joint).flatMap { joint in
            joint.movements.flatMap { [$0.name] + ($0.opposite.map { [$0] } ?? []) }.map { "\(joint.name.lowercased()) \($0)" }
        }
    }

    /// The opposite of "ankle plantarflexion": "ankle dorsiflexion".
    public func opposite(of movement: String) -> String? {
        let key = TermText.normalize(movement)
        for joint in vocabulary.entries(.joint) {
            for pair in joint.movements {
                guard let opposite = pair.opposite else { continue }
                let joined = joint.name.lowercased()
                if TermText.normalize("\(joined) \(pair.name)") == key { return "\(joined) \(opposite)" }
                if TermText.normalize("\(joined) \(opposite)") == key { return "\(joined) \(pair.name)" }
            }
        }
        return nil
    }

    /// The muscles a nerve supplies, directly or through a branch, in deck order.
    public func muscles(ofNerve nerve: String) -> [String] {
        guard let name = vocabulary.entry(named: nerve)?.name else { return [] }
        return muscles.filter { muscle in muscle.nerves.contains { nerveChain($0).contains(name) } }.map(\.muscle)
    }

    /// The muscles attaching to a landmark or bone (origin or insertion), in deck order.
    public func muscles(atLandmark landmark: String) -> (origin: [String], insertion: [String]) {
        let key = TermText.normalize(landmark)
        func hits(_ names: [String]) -> Bool {
            names.contains { name in
                let parts = name.components(separatedBy: ": ")
                return TermText.normalize(name) == key || parts.contains { TermText.normalize($0) == key }
            }
        }
        return (muscles.filter { hits($0.origins) }.map(\.muscle), muscles.filter { hits($0.insertions) }.map(\.muscle))
    }

    /// The landmark names the index knows, "Bone: landmark" and bones.
    public var landmarkNames: [String] {
        vocabulary.entries.filter { $0.kind == .bone || $0.kind == .structure }.flatMap { bone in [bone.name] + bone.landmarks.map(\.name) }
    }

    public var nerveNames: [String] {
        vocabulary.entries.filter { $0.kind == .nerve || $0.kind == .plexus }.map(\.name)
    }

    /// Muscles whose prime movements include the opposite of one of this muscle's, per joint.
    public func antagonists(of muscle: MuscleFacts) -> [(joint: String, movement: String, muscles: [String])] {
        var result: [(String, String, [String])] = []
        for fact in muscle.movements where fact.role == .prime {
            guard let opposite = opposite(of: fact.name) else { continue }
            let others = performers(of: opposite).prime.filter { $0 != muscle.muscle }
            if !others.isEmpty { result.append((fact.joint, opposite, others)) }
        }
        return result
    }

    /// The closest known term to `text`, for "did you mean" on an unknown filter value.
    public static func closest(_ text: String, in names: [String]) -> String? {
        let key = TermText.normalize(text)
        return names.min { editDistance(key, TermText.normalize($0)) < editDistance(key, TermText.normalize($1)) }
    }

    public static func normalized(_ text: String) -> String { TermText.normalize(text) }
}
