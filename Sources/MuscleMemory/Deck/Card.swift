/// A generated flashcard. Its `id` is derived from the muscle and the item it asks about, never
/// from the answer, so fixing an answer keeps the card's review history.
public struct Card: Sendable, Hashable {
    public var id: CardID
    public var muscle: String
    public var muscleKey: String
    public var aspect: Aspect
    public var region: String
    public var tags: [String]
    public var front: String
    public var back: String
    public var source: SourceLocation
    /// Where the ID comes from: a pinned `Id:` value, or the card's source. Duplicate IDs point here.
    var idLocation: SourceLocation

    public init(id: CardID, muscle: String, muscleKey: String, aspect: Aspect, region: String, tags: [String], front: String, back: String, source: SourceLocation, idLocation: SourceLocation? = nil) {
        self.id = id
        self.muscle = muscle
        self.muscleKey = muscleKey
        self.aspect = aspect
        self.region = region
        self.tags = tags
        self.front = front
        self.back = back
        self.source = source
        self.idLocation = idLocation ?? source
    }

    /// Fingerprint of everything a student sees or filters on, as the database stores it (a signed
    /// 64-bit integer); a change means "updated" on sync. The source line is left out: moving a card
    /// within its file is not an edit of the card.
    public var contentFingerprint: Int64 { Int64(bitPattern: fingerprint.value) }

    private var fingerprint: ContentHash {
        ContentHash.of(muscle, aspect.rawValue, region, tags.joined(separator: ","), front, back)
    }

    /// The part of the ID after the muscle key: "origin", "trigger-points/medial-belly".
    public var item: String { id.item(ofMuscle: muscleKey) }
}
