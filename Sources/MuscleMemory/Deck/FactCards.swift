/// The cards a deck's resolved facts make (FORMAT.md, "Cards from the facts"): for each movement
/// two or more muscles perform, "Which muscles plantarflex the ankle?"; for each muscle whose
/// action lines all resolve, "Which muscles work with the gastrocnemius to plantarflex the ankle?"
/// per movement it performs as a prime mover, and "Name a muscle that opposes the gastrocnemius at
/// the ankle." per joint where another muscle's prime movement is the opposite of one of its own.
///
/// IDs are made of facts, never of answers (`ankle-movements/plantarflexion`,
/// `gastrocnemius/synergists/ankle-plantarflexion`, `gastrocnemius/antagonists/ankle`): a deck
/// edit that changes who performs a movement keeps the card and its history, and a movement no
/// longer performed by two muscles drops its card, which sync then retires.
enum FactCards {
    /// The store keeps every card under a muscle. A movement card belongs to no one muscle, so each
    /// joint gets a generated entry, "Ankle movements" (key `ankle-movements`), whose region is the
    /// one most of its muscles have and whose file is the vocabulary file declaring the joint.
    struct Home: Sendable, Hashable {
        var key: String
        var name: String
        var region: String
        var location: SourceLocation
    }

    struct Made: Sendable {
        var homes: [Home] = []
        /// Movement cards, by joint in vocabulary order; then each muscle's synergist and
        /// antagonist cards, in deck order.
        var cards: [Card] = []
    }

    static func homeKey(_ joint: String) -> String { Slug.make(joint + " movements") }

    /// `facts[i]` must be the facts of `muscles[i]`. Home keys in `takenKeys` (a muscle of the deck
    /// already has that key) get no home and no cards.
    static func make(muscles: [Muscle], facts: [MuscleFacts], vocabulary: Vocabulary, takenKeys: Set<String> = []) -> Made {
        var made = Made()
        let index = Performers(facts)
        for joint in vocabulary.entries(.joint) {
            let key = homeKey(joint.name)
            guard !takenKeys.contains(key), !made.homes.contains(where: { $0.key == key }) else { continue }
            var cards: [Card] = []
            var regions: [String: Int] = [:]
            var firstSeen: [String: Int] = [:]
            for pair in joint.movements {
                for movement in [pair.name] + (pair.opposite.map { [$0] } ?? []) {
                    let (prime, assisting) = index.performers(joint: joint.name, movement: movement)
                    guard prime.count + assisting.count >= 2 else { continue }
                    for performer in prime + assisting {
                        let region = muscles[performer].region
                        regions[region, default: 0] += 1
                        if firstSeen[region] == nil { firstSeen[region] = firstSeen.count }
                    }
                    let front = "Which muscles \(MovementWording.phrase(movement: movement, joint: joint.name))?"
                    let back = answer(prime.map { muscles[$0].name }, assisting.map { muscles[$0].name })
                    cards.append(Card(id: CardID(muscleKey: key, item: Slug.make(movement)), muscle: joint.name + " movements", muscleKey: key,
                                      aspect: .movements, region: "", tags: [], front: front, back: back, source: pair.location))
                }
            }
            guard !cards.isEmpty else { continue }
            let region = regions.max { a, b in a.value != b.value ? a.value < b.value : (firstSeen[a.key] ?? 0) > (firstSeen[b.key] ?? 0) }?.key ?? ""
            for index in cards.indices { cards[index].region = region }
            made.homes.append(Home(key: key, name: joint.name + " movements", region: region, location: joint.location))
            made.cards += cards
        }
        for (position, muscle) in muscles.enumerated() where !muscle.name.isEmpty {
            let own = facts[position]
            guard !own.movements.isEmpty, !own.unresolved.contains(where: { $0.what == .action }),
                  let location = muscle.sections[.actions] else { continue }
            let the = "the " + CardGenerator.inSentence(muscle.name)
            func add(_ aspect: Aspect, _ item: String, _ front: String, _ back: String) {
                made.cards.append(Card(id: CardID(muscleKey: muscle.key, item: aspect.rawValue + "/" + item), muscle: muscle.name, muscleKey: muscle.key,
                                  aspect: aspect, region: muscle.region, tags: muscle.tags, front: front, back: back, source: location))
            }
            for fact in own.movements where fact.role == .prime {
                let (prime, assisting) = index.performers(joint: fact.joint, movement: fact.movement)
                let others = (prime.filter { $0 != position }, assisting.filter { $0 != position })
                guard !others.0.isEmpty || !others.1.isEmpty else { continue }
                add(.synergists, Slug.make(fact.name),
                    "Which muscles work with \(the) to \(MovementWording.phrase(movement: fact.movement, joint: fact.joint))?",
                    answer(others.0.map { muscles[$0].name }, others.1.map { muscles[$0].name }))
            }
            var joints: [String] = []
            var lines: [String: [String]] = [:]
            for fact in own.movements where fact.role == .prime {
                guard let opposite = opposite(of: fact, in: vocabulary) else { continue }
                let opposers = index.performers(joint: fact.joint, movement: opposite).prime.filter { $0 != position }
                guard !opposers.isEmpty else { continue }
                if !joints.contains(fact.joint) { joints.append(fact.joint) }
                let line = "\(opposite.capitalizedFirst): " + opposers.map { muscles[$0].name }.joined(separator: ", ")
                if !(lines[fact.joint]?.contains(line) ?? false) { lines[fact.joint, default: []].append(line) }
            }
            for joint in joints {
                add(.antagonists, Slug.make(joint), "Name a muscle that opposes \(the) at the \(joint.lowercased()).",
                    "Any of these:\n" + (lines[joint] ?? []).joined(separator: "\n"))
            }
        }
        return made
    }

    /// "Prime movers: A, B" and "Assisting: C", each line only when it has a muscle.
    static func answer(_ prime: [String], _ assisting: [String]) -> String {
        var lines: [String] = []
        if !prime.isEmpty { lines.append("Prime movers: " + prime.joined(separator: ", ")) }
        if !assisting.isEmpty { lines.append("Assisting: " + assisting.joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }

    static func opposite(of fact: MuscleFacts.MovementFact, in vocabulary: Vocabulary) -> String? {
        guard let joint = vocabulary.entries(.joint).first(where: { $0.name == fact.joint }) else { return nil }
        for pair in joint.movements {
            if pair.name == fact.movement { return pair.opposite }
            if pair.opposite == fact.movement { return pair.name }
        }
        return nil
    }

    /// Who performs each movement, by position in the deck's muscles, in deck order.
    struct Performers {
        private var byMovement: [String: (prime: [Int], assisting: [Int])] = [:]

        init(_ facts: [MuscleFacts]) {
            for (position, muscle) in facts.enumerated() {
                for fact in muscle.movements {
                    let key = fact.joint + "\u{1F}" + fact.movement
                    if fact.role == .prime { byMovement[key, default: ([], [])].prime.append(position) }
                    else { byMovement[key, default: ([], [])].assisting.append(position) }
                }
            }
        }

        func performers(joint: String, movement: String) -> (prime: [Int], assisting: [Int]) {
            byMovement[joint + "\u{1F}" + movement] ?? ([], [])
        }
    }
}
