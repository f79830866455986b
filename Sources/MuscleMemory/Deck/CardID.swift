/// A card's stable identity: its muscle's key, then the item it asks about
/// ("gastrocnemius/origin", "soleus/trigger-points/distal-belly", "soleus/custom/why"). It is
/// derived from the deck text, never from the answer, so an edited answer keeps the card's history;
/// it is the same in every database, export and report, where a database's row id is not.
///
/// The one name of that identity: `Card.id`, `StoredCard.id`, `Leech.id`, the `card` column of SQL
/// reads (`sql(muscle:card:)`) and the `card` of the `review_log` view.
public struct CardID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ text: String) {
        rawValue = text
    }

    public init(stringLiteral value: String) {
        rawValue = value
    }

    public init(muscleKey: String, item: String) {
        rawValue = muscleKey + "/" + item
    }

    /// The part after the muscle's key: "origin", "trigger-points/medial-belly".
    public func item(ofMuscle key: String) -> String {
        String(rawValue.dropFirst(key.count + 1))
    }

    public var description: String { rawValue }

    public static func < (lhs: CardID, rhs: CardID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The ID as SQL computes it from a card row and its muscle row: `m.key || '/' || c.item`.
    static func sql(muscle: String = "m", card: String = "c") -> String { "\(muscle).key || '/' || \(card).item" }

    // Codable as the bare string, as it is written in decks and exports.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
