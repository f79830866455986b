import GRDB
import SM2

/// One card as an Anki export needs it: its text, where it comes from, when its text last changed,
/// and (with progress) its SM-2 state and first answers of a day.
public struct AnkiExportCard: Sendable, Equatable {
    public struct Review: Sendable, Equatable {
        public var reviewedAt: Int64
        public var day: Int
        public var grade: Int
        public var answerMS: Int
        public var intervalDays: Int
        public var easiness: Int
        public var lapses: Int
    }

    public var id: CardID
    /// The card's ID when it was created: its note's GUID comes from it, so a rewording keeps it.
    public var firstID: String
    public var muscle: String
    public var muscleKey: String
    public var region: String
    public var aspect: String
    public var tags: [String]
    public var front: String
    public var back: String
    public var sourceFile: String
    public var sourceLine: Int
    /// Unix milliseconds.
    public var changedAt: Int64
    public var repetitions: Int
    public var intervalDays: Int
    /// Hundredths (250 = 2.50).
    public var easiness: Int
    /// Nil while new.
    public var dueDay: Int?
    public var lapses: Int
    /// Kind-0 reviews, oldest first (empty without progress).
    public var reviews: [Review]
}

extension AppDatabase {
    /// The active cards of these decks that the filter chooses, in deck order, with their state and
    /// (when asked) their first answers of a day: what `muscle export --anki` writes. One read.
    public func ankiExportCards(decks: [Int64], filter: CardFilter = CardFilter(), withProgress: Bool) throws(StoreError) -> [AnkiExportCard] {
        guard !decks.isEmpty else { return [] }
        return try read { db in
            var cards: [AnkiExportCard] = []
            var index: [Int64: Int] = [:]
            let rows = try Row.fetchCursor(db, literal: """
                SELECT c.id, m.key, c.item, c.first_id, m.name, m.region, c.aspect, c.tags, c.front, c.back, m.source_file,
                       c.source_line, c.changed_at, s.repetitions, s.interval_days, s.easiness, s.due_day, s.lapses
                FROM card c JOIN muscle m ON m.id = c.muscle_id JOIN card_state s ON s.card_id = c.id
                WHERE m.deck_id IN \(decks) AND c.retired_at IS NULL AND (\(filter.sql()))
                ORDER BY m.deck_id, c.position
                """)
            while let row = try rows.next() {
                let key: String = row["key"]
                let item: String = row["item"]
                let tags: String = row["tags"]
                let firstID: String = row["first_id"]
                index[row["id"]] = cards.count
                cards.append(AnkiExportCard(
                    id: CardID(muscleKey: key, item: item), firstID: firstID.isEmpty ? key + "/" + item : firstID,
                    muscle: row["name"], muscleKey: key, region: row["region"], aspect: row["aspect"],
                    tags: tags.split(separator: ",").map(String.init), front: row["front"], back: row["back"],
                    sourceFile: row["source_file"], sourceLine: row["source_line"], changedAt: row["changed_at"],
                    repetitions: row["repetitions"], intervalDays: row["interval_days"], easiness: row["easiness"],
                    dueDay: row["due_day"], lapses: row["lapses"], reviews: []))
            }
            guard withProgress, !cards.isEmpty else { return cards }
            let reviews = try Row.fetchCursor(db, literal: """
                SELECT r.card_id, r.reviewed_at, r.day, r.grade, r.answer_ms, r.interval_days, r.easiness, r.lapses
                FROM review r JOIN card c ON c.id = r.card_id JOIN muscle m ON m.id = c.muscle_id
                WHERE r.kind = 0 AND m.deck_id IN \(decks) AND c.retired_at IS NULL
                ORDER BY r.id
                """)
            while let row = try reviews.next() {
                guard let at = index[row["card_id"]] else { continue }
                cards[at].reviews.append(.init(reviewedAt: row["reviewed_at"], day: row["day"], grade: row["grade"], answerMS: row["answer_ms"],
                                               intervalDays: row["interval_days"], easiness: row["easiness"], lapses: row["lapses"]))
            }
            return cards
        }
    }
}
