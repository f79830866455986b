import GRDB

/// Which cards a session or a report looks at. Empty lists mean "all". Matching is
/// case-insensitive: muscles by name or key ("piriformis", "Gluteus medius"), regions by any part
/// of their name ("lower leg" matches "Lower leg and foot"), tags exactly.
public struct CardFilter: Sendable, Hashable {
    public var muscles: [String] = []
    public var aspects: [Aspect] = []
    public var regions: [String] = []
    public var tags: [String] = []

    public init(muscles: [String] = [], aspects: [Aspect] = [], regions: [String] = [], tags: [String] = []) {
        self.muscles = muscles
        self.aspects = aspects
        self.regions = regions
        self.tags = tags
    }

    public var isEmpty: Bool { muscles.isEmpty && aspects.isEmpty && regions.isEmpty && tags.isEmpty }

    /// SQL conditions over `m` (muscle) and `c` (card). Every value from the user is bound,
    /// never spliced into the SQL text.
    func sql() -> SQL {
        var clauses: [SQL] = []
        if !muscles.isEmpty {
            clauses.append("(" + muscles.map { muscle -> SQL in "(lower(m.name) = \(muscle.lowercased()) OR m.key = \(Slug.make(muscle)))" }.joined(separator: " OR ") + ")")
        }
        if !aspects.isEmpty {
            clauses.append("c.aspect IN \(aspects.map(\.rawValue))")
        }
        if !regions.isEmpty {
            clauses.append("(" + regions.map { region -> SQL in "lower(m.region) LIKE \("%" + escapeLike(region.lowercased()) + "%") ESCAPE '\\'" }.joined(separator: " OR ") + ")")
        }
        for tag in tags {
            clauses.append("c.tags LIKE \("%," + escapeLike(Tags.parse(tag).first ?? tag.lowercased()) + ",%") ESCAPE '\\'")
        }
        return clauses.isEmpty ? "1" : clauses.joined(separator: " AND ")
    }

    private func escapeLike(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
