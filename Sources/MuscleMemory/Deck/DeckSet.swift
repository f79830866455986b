/// The decks loaded together (`--decks bundled --decks school/`), in the order given: what lint,
/// cards and sync see across decks. Within one deck a muscle described twice is an error
/// (`duplicate-muscle`); across decks each deck keeps its own, so a school's `# Soleus` beside the
/// bundled one would be studied twice: the later one gets a `shadowed-muscle` warning naming both
/// files. A school's file whose header says `Overrides: bundled` replaces the bundled one on
/// purpose: the bundled copy is left out, no warning, and the school's cards keep the bundled IDs
/// (the same muscle key), so sync carries the history over (`AppDatabase.sync`).
public enum DeckSet {
    /// Compiles every deck, leaves out the bundled muscles another deck overrides, and adds the
    /// `shadowed-muscle` findings to the deck that holds the later muscle.
    /// - Parameter examItems: run `no-exam-item` (`DeckCompiler.compile`); lint alone asks for it.
    public static func compile(_ locations: [DeckLocation], displayPrefixes: [String?]? = nil, limits: DeckLoader.Limits = .standard,
                               examItems: Bool = false) -> [CompiledDeck] {
        let decks = locations.enumerated().map { index, location in
            DeckCompiler.compile(location, displayPrefix: displayPrefixes?[index] ?? nil, limits: limits, examItems: examItems)
        }
        return checked(decks)
    }

    /// The overrides applied and the findings added to decks compiled already.
    public static func checked(_ decks: [CompiledDeck]) -> [CompiledDeck] {
        var decks = withoutOverridden(decks)
        for (index, findings) in shadowedMuscles(decks) where !findings.isEmpty {
            decks[index].diagnostics = (decks[index].diagnostics + findings).sortedByPlace()
        }
        return decks
    }

    /// The keys of the bundled muscles that a loaded school deck overrides.
    public static func overriddenKeys(_ decks: [CompiledDeck]) -> Set<String> {
        guard decks.contains(where: { $0.location == .bundled }) else { return [] }
        return Set(decks.filter { $0.location != .bundled }.flatMap(\.muscles).filter(\.overridesBundled).map(\.key))
    }

    /// Between the bundled decks' content hash and the keys a school deck overrides, in the hash
    /// stored for the bundled deck.
    public static let overrideMark = "+overridden:"

    /// The bundled deck without the muscles (and their cards) a school deck overrides.
    static func withoutOverridden(_ decks: [CompiledDeck]) -> [CompiledDeck] {
        let overridden = overriddenKeys(decks)
        guard !overridden.isEmpty else { return decks }
        return decks.map { deck in
            guard deck.location == .bundled else { return deck }
            var deck = deck
            let left = Set(deck.muscles.map(\.key)).intersection(overridden)
            guard !left.isEmpty else { return deck }
            deck.muscles.removeAll { left.contains($0.key) }
            deck.facts.removeAll { left.contains($0.key) }  // kept in step with the muscles
            deck.cards.removeAll { left.contains($0.muscleKey) }
            // What it holds depends on the overrides too: a sync that sees them change plans it again.
            deck.contentHash += overrideMark + left.sorted().joined(separator: ",")
            return deck
        }
    }

    /// `shadowed-muscle`, by deck index: a muscle (by key or by name) an earlier deck describes.
    static func shadowedMuscles(_ decks: [CompiledDeck]) -> [Int: [Diagnostic]] {
        guard decks.count > 1 else { return [:] }
        var seen: [String: (muscle: Muscle, deck: Int)] = [:]
        var findings: [Int: [Diagnostic]] = [:]
        for (index, deck) in decks.enumerated() {
            var own: [String: (muscle: Muscle, deck: Int)] = [:]
            for muscle in deck.muscles where !muscle.name.isEmpty {
                let keys = [muscle.key, "name:" + Slug.make(muscle.name)]
                if let first = keys.lazy.compactMap({ seen[$0] }).first, first.deck != index {
                    let other = decks[first.deck]
                    let place = "\(first.muscle.location.file):\(first.muscle.location.line)"
                    let advice = other.location == .bundled
                        ? "add 'Overrides: bundled' to this file's header to replace the bundled one on purpose (its history carries over), or remove one of them"
                        : "rename or remove one of them"
                    findings[index, default: []].append(Diagnostic(
                        rule: .shadowedMuscle, at: muscle.location,
                        message: "'\(muscle.name)' is also described in \(other.location.description) (\(place)); both would be studied, as two muscles: \(advice)",
                        notes: [Diagnostic.Note("'\(first.muscle.name)' as \(other.location.description) describe it", at: first.muscle.location)]))
                }
                for key in keys where own[key] == nil { own[key] = (muscle, index) }
            }
            seen.merge(own) { first, _ in first }
        }
        return findings
    }
}
