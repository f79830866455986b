/// A share file's object key (or a short word such as a topic level) as its bytes, packed into
/// two words: the reader compares it with the schema's names without making a `String` of it.
///
/// Why: a share of the bundled curriculum holds about 20,000 keys; making each a `String` and
/// comparing it with every name of a `switch` in turn was most of the time spent reading one.
/// Up to 16 bytes are packed with their count, so two names are equal exactly when their bytes
/// are; a longer key (no field of the schema is one) is `FieldName.long`, equal to no name.
struct FieldName: Equatable, Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var count = 0

    static let capacity = 16
    /// Any key longer than `capacity` bytes.
    static let long = FieldName(count: -1)

    private init(count: Int) { self.count = count }

    private init(low: UInt64, high: UInt64, count: Int) {
        self.low = low; self.high = high; self.count = count
    }

    /// The bytes' name, or `long`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= Self.capacity else { self = .long; return }
        count = bytes.count
        for i in 0..<min(count, 8) { low |= UInt64(bytes[i]) << (8 * UInt64(i)) }
        for i in min(count, 8)..<count { high |= UInt64(bytes[i]) << (8 * UInt64(i - 8)) }
    }

    init(_ text: String) {
        var text = text
        self = text.withUTF8 { FieldName($0) }
    }

    // The share's fields (Docs/SHARE.md), as the file spells them. Written out as numbers so each is a
    // constant, not a global read through `swift_once` at every comparison (ShareFieldNameTests
    // checks each against its name).
    static let names: [(String, FieldName)] = [
        ("schema", .schema),
        ("kind", .kind),
        ("day", .day),
        ("label", .label),
        ("window_days", .windowDays),
        ("decks", .decks),
        ("topics", .topics),
        ("readiness", .readiness),
        ("cards", .cards),
        ("exam", .exam),
        ("title", .title),
        ("fingerprint", .fingerprint),
        ("level", .level),
        ("key", .key),
        ("name", .name),
        ("seen", .seen),
        ("not_learned", .notLearned),
        ("reviews", .reviews),
        ("correct", .correct),
        ("window_reviews", .windowReviews),
        ("window_correct", .windowCorrect),
        ("lapses", .lapses),
        ("mean_easiness", .meanEasiness),
        ("weakness", .weakness),
        ("exam_day", .examDay),
        ("ready", .ready),
        ("id", .id),
        ("misses", .misses),
        ("templates", .templates),
        ("regions", .regions),
        ("items", .items),
        ("answered", .answered),
        ("missed", .missed),
    ]
    static var schema: FieldName { FieldName(low: 0x616d65686373, high: 0x0, count: 6) }  // "schema"
    static var kind: FieldName { FieldName(low: 0x646e696b, high: 0x0, count: 4) }  // "kind"
    static var day: FieldName { FieldName(low: 0x796164, high: 0x0, count: 3) }  // "day"
    static var label: FieldName { FieldName(low: 0x6c6562616c, high: 0x0, count: 5) }  // "label"
    static var windowDays: FieldName { FieldName(low: 0x645f776f646e6977, high: 0x737961, count: 11) }  // "window_days"
    static var decks: FieldName { FieldName(low: 0x736b636564, high: 0x0, count: 5) }  // "decks"
    static var topics: FieldName { FieldName(low: 0x736369706f74, high: 0x0, count: 6) }  // "topics"
    static var readiness: FieldName { FieldName(low: 0x73656e6964616572, high: 0x73, count: 9) }  // "readiness"
    static var cards: FieldName { FieldName(low: 0x7364726163, high: 0x0, count: 5) }  // "cards"
    static var exam: FieldName { FieldName(low: 0x6d617865, high: 0x0, count: 4) }  // "exam"
    static var title: FieldName { FieldName(low: 0x656c746974, high: 0x0, count: 5) }  // "title"
    static var fingerprint: FieldName { FieldName(low: 0x72707265676e6966, high: 0x746e69, count: 11) }  // "fingerprint"
    static var level: FieldName { FieldName(low: 0x6c6576656c, high: 0x0, count: 5) }  // "level"
    static var key: FieldName { FieldName(low: 0x79656b, high: 0x0, count: 3) }  // "key"
    static var name: FieldName { FieldName(low: 0x656d616e, high: 0x0, count: 4) }  // "name"
    static var seen: FieldName { FieldName(low: 0x6e656573, high: 0x0, count: 4) }  // "seen"
    static var notLearned: FieldName { FieldName(low: 0x7261656c5f746f6e, high: 0x64656e, count: 11) }  // "not_learned"
    static var reviews: FieldName { FieldName(low: 0x73776569766572, high: 0x0, count: 7) }  // "reviews"
    static var correct: FieldName { FieldName(low: 0x74636572726f63, high: 0x0, count: 7) }  // "correct"
    static var windowReviews: FieldName { FieldName(low: 0x725f776f646e6977, high: 0x737765697665, count: 14) }  // "window_reviews"
    static var windowCorrect: FieldName { FieldName(low: 0x635f776f646e6977, high: 0x74636572726f, count: 14) }  // "window_correct"
    static var lapses: FieldName { FieldName(low: 0x73657370616c, high: 0x0, count: 6) }  // "lapses"
    static var meanEasiness: FieldName { FieldName(low: 0x7361655f6e61656d, high: 0x7373656e69, count: 13) }  // "mean_easiness"
    static var weakness: FieldName { FieldName(low: 0x7373656e6b616577, high: 0x0, count: 8) }  // "weakness"
    static var examDay: FieldName { FieldName(low: 0x7961645f6d617865, high: 0x0, count: 8) }  // "exam_day"
    static var ready: FieldName { FieldName(low: 0x7964616572, high: 0x0, count: 5) }  // "ready"
    static var id: FieldName { FieldName(low: 0x6469, high: 0x0, count: 2) }  // "id"
    static var misses: FieldName { FieldName(low: 0x73657373696d, high: 0x0, count: 6) }  // "misses"
    static var templates: FieldName { FieldName(low: 0x6574616c706d6574, high: 0x73, count: 9) }  // "templates"
    static var regions: FieldName { FieldName(low: 0x736e6f69676572, high: 0x0, count: 7) }  // "regions"
    static var items: FieldName { FieldName(low: 0x736d657469, high: 0x0, count: 5) }  // "items"
    static var answered: FieldName { FieldName(low: 0x6465726577736e61, high: 0x0, count: 8) }  // "answered"
    static var missed: FieldName { FieldName(low: 0x64657373696d, high: 0x0, count: 6) }  // "missed"

    /// The topic levels' raw values (checked against `TopicLevel` by ShareFieldNameTests).
    static let levels: [(TopicLevel, FieldName)] = [(.muscle, .muscle), (.aspect, .aspect), (.region, .region), (.muscleAspect, .muscleAspect)]
    static var muscle: FieldName { FieldName(low: 0x656c6373756d, high: 0x0, count: 6) }  // "muscle"
    static var aspect: FieldName { FieldName(low: 0x746365707361, high: 0x0, count: 6) }  // "aspect"
    static var region: FieldName { FieldName(low: 0x6e6f69676572, high: 0x0, count: 6) }  // "region"
    static var muscleAspect: FieldName { FieldName(low: 0x612d656c6373756d, high: 0x7463657073, count: 13) }  // "muscle-aspect"
}
