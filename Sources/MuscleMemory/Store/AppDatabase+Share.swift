import GRDB

/// One deck a share was computed from: its title and the fingerprint of its text at the last sync.
/// The deck's path is never read here: a share names no path of the student's machine.
public struct DeckVersion: Sendable, Equatable, Hashable, Codable {
    public var title: String
    public var fingerprint: String

    public init(title: String, fingerprint: String) {
        self.title = title
        self.fingerprint = fingerprint
    }
}

/// How often one card was answered (first answers of a day) and missed, by its stable ID.
public struct CardAnswerCount: Sendable, Equatable, Codable {
    public var id: CardID
    public var reviews: Int
    public var misses: Int
    public var lapses: Int

    public init(id: CardID, reviews: Int, misses: Int, lapses: Int) {
        self.id = id
        self.reviews = reviews
        self.misses = misses
        self.lapses = lapses
    }
}

/// What `muscle share` reads besides the report's figures: the deck versions and the per-card
/// counts of every active card answered at least once.
public struct ShareCardFigures: Sendable, Equatable {
    public var decks: [DeckVersion]
    /// By card ID.
    public var cards: [CardAnswerCount]
}

extension AppDatabase {
    /// The deck versions and per-card answer counts, from the running totals in `card_state` (no
    /// scan of `review`). One transaction.
    public func shareCardFigures(decks: [Int64]) throws(StoreError) -> ShareCardFigures {
        guard !decks.isEmpty else { return ShareCardFigures(decks: [], cards: []) }
        return try read { db in
            let versions = try Row.fetchAll(db, literal: "SELECT title, content_hash FROM deck WHERE id IN \(decks) ORDER BY id").map { row in
                DeckVersion(title: row["title"], fingerprint: row["content_hash"])
            }
            let cards = try Row.fetchAll(db, literal: """
                SELECT \(sql: CardID.sql()) AS card, s.reviews AS reviews, s.reviews - s.correct AS misses, s.lapses AS lapses
                FROM card_state s CROSS JOIN card c ON c.id = s.card_id CROSS JOIN muscle m ON m.id = c.muscle_id
                WHERE s.deck_id IN \(decks) AND s.active = 1 AND s.reviews > 0
                """).map { row in
                CardAnswerCount(id: CardID(row["card"] as String), reviews: row["reviews"], misses: row["misses"], lapses: row["lapses"])
            }.sorted { $0.id < $1.id }
            return ShareCardFigures(decks: versions, cards: cards)
        }
    }
}
