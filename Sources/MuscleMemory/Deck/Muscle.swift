/// A piece of deck text and the place it was written.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// One muscle (or muscle group) as an instructor wrote it: the parsed form of one deck file.
/// Cards are generated from it; lint rules check it.
public struct Muscle: Sendable, Hashable {
    public var name: String
    public var location: SourceLocation
    public var fields: [MuscleField: Located<String>] = [:]
    public var sections: [MuscleSection: SourceLocation] = [:]
    public var heads: [Head] = []
    public var actions: [ListItem] = []
    public var triggerPoints: [TriggerPoint] = []
    public var exercises: [ListItem] = []
    /// The `## Palpation` section's fields, by name.
    public var palpation: [PalpationField: Located<String>] = [:]
    public var cards: [QuestionCard] = []

    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }

    /// The stable key all of this muscle's card IDs start with: the `Id:` field if pinned, else
    /// the slug of the name.
    public var key: String {
        if let pinned = fields[.id]?.value.trimmed, !pinned.isEmpty { return pinned }
        return Slug.make(name, limit: 48)
    }

    /// Whether the header says `Overrides: bundled` (any case).
    public var overridesBundled: Bool {
        field(.overrides)?.lowercased() == DeckLocation.bundledName
    }

    public func field(_ field: MuscleField) -> String? {
        guard let text = fields[field]?.value.trimmed, !text.isEmpty else { return nil }
        return text
    }

    /// The reporting region: the `Region:` text before its first comma ("Lower leg and foot,
    /// posterior" -> "Lower leg and foot"), so detail can follow without splitting a region.
    public var region: String {
        guard let text = field(.region) else { return "" }
        return String(text.split(separator: ",", maxSplits: 1).first ?? "").trimmed
    }

    public var tags: [String] { Tags.parse(field(.tags) ?? "") }
}

public struct ListItem: Sendable, Hashable {
    public var text: String
    public var location: SourceLocation
    /// An action's `Means:` override: the facts it states, in the vocabulary's words.
    public var means: Located<String>? = nil
}

/// `- Lateral head: outer side of the calf`: a name and an optional description.
public struct Head: Sendable, Hashable {
    public var name: String
    public var description: String
    public var location: SourceLocation
}

/// `- location -> referral`, one card each.
public struct TriggerPoint: Sendable, Hashable {
    public var site: String
    public var referral: String
    public var id: Located<String>?
    public var tags: [String]
    public var location: SourceLocation
}

/// A free `Q:`/`A:` card.
public struct QuestionCard: Sendable, Hashable {
    public var question: String
    public var answer: String?
    public var id: Located<String>?
    public var tags: [String]
    public var location: SourceLocation
}

/// The optional `deck.md` of a deck folder.
public struct DeckInfo: Sendable, Hashable {
    public var title: String
    public var author: String
    public var description: String
    /// The order new cards are introduced in: folders or files of the deck (`leg-foot`,
    /// `leg-foot/gastrocnemius`), each with where it was written. What it does not name follows,
    /// in path order.
    public var order: [Located<String>]

    public init(title: String, author: String = "", description: String = "", order: [Located<String>] = []) {
        self.title = title
        self.author = author
        self.description = description
        self.order = order
    }
}

public enum Tags {
    /// `Tags: exam, Lower Limb` -> ["exam", "lower-limb"]: commas separate tags; a tag is lower
    /// case, with hyphens for its inner spaces.
    public static func parse(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split(whereSeparator: { $0 == "," || $0 == ";" })
            .map { $0.trimmed.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: "-") }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

extension Substring {
    var trimmed: String { String(self).trimmed }
}
