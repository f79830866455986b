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

    /// SQL conditions over `m` (muscle) and `c` (card), with their bound values. Nothing from the
    /// user is ever spliced into the SQL text.
    func sql() -> (String, [String]) {
        var clauses: [String] = []
        var values: [String] = []
        if !muscles.isEmpty {
            clauses.append("(" + muscles.map { _ in "(lower(m.name) = ? OR m.key = ?)" }.joined(separator: " OR ") + ")")
            for muscle in muscles { values += [muscle.lowercased(), Slug.make(muscle)] }
        }
        if !aspects.isEmpty {
            clauses.append("c.aspect IN (" + aspects.map { _ in "?" }.joined(separator: ", ") + ")")
            values += aspects.map(\.rawValue)
        }
        if !regions.isEmpty {
            clauses.append("(" + regions.map { _ in "lower(m.region) LIKE ? ESCAPE '\\'" }.joined(separator: " OR ") + ")")
            values += regions.map { "%" + escapeLike($0.lowercased()) + "%" }
        }
        for tag in tags {
            clauses.append("c.tags LIKE ? ESCAPE '\\'")
            values.append("%," + escapeLike(Tags.parse(tag).first ?? tag.lowercased()) + ",%")
        }
        return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), values)
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
