/// The `Name: value` lines of a muscle file's header, before its first `##` section.
public enum MuscleField: String, CaseIterable, Sendable, Codable {
    case id = "Id"
    case region = "Region"
    case etymology = "Etymology"
    case origin = "Origin"
    case insertion = "Insertion"
    case innervation = "Innervation"
    case tags = "Tags"
    /// `Overrides: bundled`: a school deck's file that replaces the bundled decks' file of the
    /// same muscle on purpose (Decks/FORMAT.md, "Overriding a bundled muscle").
    case overrides = "Overrides"

    /// Fields every complete muscle has; a missing one is a warning.
    static let expected: [MuscleField] = [.region, .etymology, .origin, .insertion, .innervation]

    /// Case, spaces and a trailing plural "s" do not matter.
    init?(loose name: String) {
        let key = looseKey(name)
        guard let match = MuscleField.allCases.first(where: { looseKey($0.rawValue) == key || looseKey($0.rawValue) + "s" == key }) else {
            return nil
        }
        self = match
    }
}

/// The `## Section` headings of a muscle file.
public enum MuscleSection: String, CaseIterable, Sendable, Codable {
    case heads = "Heads"
    case actions = "Actions"
    case triggerPoints = "Trigger points"
    case exercises = "Exercises"
    case palpation = "Palpation"
    case cards = "Cards"

    /// Sections every complete muscle has; a missing one is a warning.
    static let expected: [MuscleSection] = [.actions, .triggerPoints, .exercises, .cards]

    /// Case, spaces, hyphens and singular/plural do not matter ("Trigger-Point" is Trigger points).
    init?(loose name: String) {
        let key = looseKey(name)
        guard let match = MuscleSection.allCases.first(where: {
            let known = looseKey($0.rawValue)
            return known == key || known == key + "s"
        }) else { return nil }
        self = match
    }
}

/// The `Name: value` lines of a `## Palpation` section: how a therapist finds the muscle.
public enum PalpationField: String, CaseIterable, Sendable, Codable {
    /// The client's position (and the therapist's, where it matters).
    case position = "Position"
    /// The bony landmarks and neighbouring structures used to find it.
    case landmarks = "Landmarks"
    /// The action the client performs against resistance, so the muscle is felt contracting.
    case resist = "Resist"

    init?(loose name: String) {
        let key = looseKey(name)
        guard let match = PalpationField.allCases.first(where: { looseKey($0.rawValue) == key || looseKey($0.rawValue) + "s" == key || looseKey($0.rawValue) == key + "s" }) else {
            return nil
        }
        self = match
    }
}

/// The `Name: value` lines of a `deck.md` file.
public enum DeckField: String, CaseIterable, Sendable {
    case author = "Author"
    case description = "Description"
    case order = "Order"

    init?(loose name: String) {
        let key = looseKey(name)
        guard let match = DeckField.allCases.first(where: { looseKey($0.rawValue) == key }) else { return nil }
        self = match
    }
}

/// Lower case, letters only: "Trigger-Points " -> "triggerpoints".
func looseKey(_ text: String) -> String {
    String(text.lowercased().filter { $0.isLetter })
}
