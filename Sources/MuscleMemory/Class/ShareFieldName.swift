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

    /// The bytes' name, or `long`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= Self.capacity else { self = .long; return }
        count = bytes.count
        for (i, byte) in bytes.enumerated() {
            if i < 8 { low |= UInt64(byte) << (8 * UInt64(i)) } else { high |= UInt64(byte) << (8 * UInt64(i - 8)) }
        }
    }

    init(_ text: String) {
        var text = text
        self = text.withUTF8 { FieldName($0) }
    }

    init(_ text: StaticString) {
        self = text.withUTF8Buffer { FieldName($0) }
    }

    // The share's fields (Docs/SHARE.md), as the file spells them.
    static let schema = FieldName("schema"), kind = FieldName("kind"), day = FieldName("day"), label = FieldName("label")
    static let windowDays = FieldName("window_days"), decks = FieldName("decks"), topics = FieldName("topics")
    static let readiness = FieldName("readiness"), cards = FieldName("cards"), exam = FieldName("exam")
    static let title = FieldName("title"), fingerprint = FieldName("fingerprint")
    static let level = FieldName("level"), key = FieldName("key"), name = FieldName("name"), seen = FieldName("seen")
    static let notLearned = FieldName("not_learned"), reviews = FieldName("reviews"), correct = FieldName("correct")
    static let windowReviews = FieldName("window_reviews"), windowCorrect = FieldName("window_correct"), lapses = FieldName("lapses")
    static let meanEasiness = FieldName("mean_easiness"), weakness = FieldName("weakness")
    static let examDay = FieldName("exam_day"), ready = FieldName("ready")
    static let id = FieldName("id"), misses = FieldName("misses")
    static let templates = FieldName("templates"), regions = FieldName("regions"), items = FieldName("items")
    static let answered = FieldName("answered"), missed = FieldName("missed")

    /// The topic levels, by their raw values.
    static let levels: [(FieldName, TopicLevel)] = TopicLevel.allCases.map { (FieldName($0.rawValue), $0) }
}
