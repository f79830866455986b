/// `muscle facts` output: per muscle, as indexes, and the unresolved lines an author checks.
public enum FactsReport {
    /// The vocabulary compiled into the program (Decks/vocabulary), which every deck's own
    /// vocabulary files add to.
    /// Read once per process: every compile of a school's deck resolves against it.
    public static let bundledVocabulary: Vocabulary = {
        var vocabulary = Vocabulary()
        for file in Bundled.deckFiles where DeckFileText(relativePath: file.path, displayPath: file.path, text: "").isVocabulary {
            vocabulary.entries += VocabularyParser.parse(file.text, file: "Decks/" + file.path).0
        }
        return vocabulary
    }()

    /// The vocabulary a set of compiled decks resolves against: the bundled one, then each
    /// deck's own (the bundled deck's is the bundled one, counted once).
    public static func vocabulary(for decks: [CompiledDeck]) -> Vocabulary {
        var vocabulary = bundledVocabulary
        for deck in decks where deck.location != .bundled { vocabulary.entries += deck.vocabulary.entries }
        return vocabulary
    }

    /// One line per movement: "ankle plantarflexion: prime: A, B; assisting: C".
    public static func movementLine(_ index: FactIndex, _ movement: String) -> String {
        let (prime, assisting) = index.performers(of: movement)
        var parts: [String] = []
        if !prime.isEmpty { parts.append("prime movers: " + prime.joined(separator: ", ")) }
        if !assisting.isEmpty { parts.append("assisting: " + assisting.joined(separator: ", ")) }
        return "\(movement): " + (parts.isEmpty ? "no muscle" : parts.joined(separator: "; "))
    }

    public static func perMuscle(_ facts: MuscleFacts, index: FactIndex) -> String {
        var lines = ["# \(facts.muscle)"]
        let prime = facts.movements.filter { $0.role == .prime }.map(\.name)
        let assists = facts.movements.filter { $0.role == .assists }.map(\.name)
        if !prime.isEmpty { lines.append("Movements: " + prime.joined(separator: ", ")) }
        if !assists.isEmpty { lines.append("Assists: " + assists.joined(separator: ", ")) }
        if !facts.functions.isEmpty { lines.append("Functions: " + facts.functions.joined(separator: ", ")) }
        if !facts.nerves.isEmpty {
            let chains = facts.nerves.map { index.nerveChain($0).joined(separator: " < ") }
            lines.append("Nerves: " + chains.joined(separator: "; ") + (facts.roots.isEmpty ? "" : " (\(facts.roots.joined(separator: ", ")))"))
        }
        if !facts.origins.isEmpty { lines.append("Origin: " + facts.origins.joined(separator: "; ")) }
        if !facts.insertions.isEmpty { lines.append("Insertion: " + facts.insertions.joined(separator: "; ")) }
        for (joint, movement, muscles) in index.antagonists(of: facts) {
            lines.append("Antagonists at the \(joint.lowercased()) (\(movement)): " + muscles.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every line that resolved to nothing, compiler style, with the closest terms.
    public static func unresolved(_ index: FactIndex) -> String {
        var out = ""
        let resolver = FactResolver(index.vocabulary)  // a compiled deck's facts come without the closest terms
        for muscle in index.muscles {
            for line in muscle.unresolved {
                let suggestions = line.suggestions.isEmpty ? resolver.suggestions(for: line) : line.suggestions
                let hint = suggestions.isEmpty ? "" : "; closest terms: " + suggestions.joined(separator: ", ")
                out += "\(line.location.file):\(line.location.line):\(line.location.column): warning: \(line.what.rawValue) '\(line.text.split(whereSeparator: \.isNewline).map { $0.trimmed }.joined(separator: " "))' matches no vocabulary term\(hint) [unresolved-\(line.what.rawValue)]\n"
            }
        }
        return out
    }

    struct MuscleJSON: Encodable {
        var name: String
        var key: String
        var file: String
        var movements: [MovementJSON]
        var functions: [String]
        var nerves: [String]
        var nerveTree: [String]
        var roots: [String]
        var origins: [String]
        var insertions: [String]
        var unresolved: [String]
    }

    struct MovementJSON: Encodable {
        var joint: String
        var movement: String
        var role: String
    }

    struct IndexJSON: Encodable {
        var muscles: [MuscleJSON]
        var movements: [String: [String: [String]]]
        var nerves: [String: [String]]
    }

    public static func json(_ index: FactIndex, muscles: [MuscleFacts]) throws(JSON.EncodingFailure) -> String {
        let list = muscles.map { facts in
            MuscleJSON(name: facts.muscle, key: facts.key, file: facts.location.file,
                       movements: facts.movements.map { MovementJSON(joint: $0.joint, movement: $0.movement, role: $0.role.rawValue) },
                       functions: facts.functions, nerves: facts.nerves,
                       nerveTree: facts.nerves.flatMap { index.nerveChain($0) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } },
                       roots: facts.roots, origins: facts.origins, insertions: facts.insertions,
                       unresolved: facts.unresolved.map { "\($0.what.rawValue): \($0.text)" })
        }
        var movements: [String: [String: [String]]] = [:]
        for name in index.movementNames {
            let (prime, assisting) = index.performers(of: name)
            movements[name] = ["prime": prime, "assisting": assisting]
        }
        var nerves: [String: [String]] = [:]
        for name in index.nerveNames {
            let supplied = index.muscles(ofNerve: name)
            if !supplied.isEmpty { nerves[name] = supplied }
        }
        return try JSON.encode(IndexJSON(muscles: list, movements: movements, nerves: nerves))
    }
}

extension FactsReport {
    /// One index entry as JSON: `{"prime": [...], "assisting": [...]}`.
    public static func json(_ entry: [String: [String]]) throws(JSON.EncodingFailure) -> String {
        try JSON.encode(entry)
    }
}
