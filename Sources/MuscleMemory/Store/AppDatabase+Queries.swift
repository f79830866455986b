import Foundation
import GRDB
import SM2

/// Cards left for a day, by kind: what the study header shows.
public struct DueCounts: Sendable, Equatable {
    public var due: Int
    public var new: Int
    public var redrill: Int

    public init(due: Int, new: Int, redrill: Int) {
        self.due = due
        self.new = new
        self.redrill = redrill
    }
}

extension QueueEntry: FetchableRecord {
    /// From `card_id`, `muscle_id` and `aspect` of `card_state`.
    public init(row: Row) {
        self.init(cardRowID: row["card_id"], siblingKey: SiblingKey(row: row))
    }
}

extension StoredCard: FetchableRecord {
    /// The columns `init(row:)` reads: a card, its muscle and its state (`c`, `m`, `s`).
    static let columns: SQL = """
        c.id, \(sql: CardID.sql()) AS card, m.name AS muscle, m.key AS muscle_key, c.aspect, m.region, c.tags,
        c.front, c.back, m.source_file, c.source_line, c.position,
        s.repetitions, s.interval_days, s.easiness, s.due_day, s.lapses, s.last_review_day, s.redrill_day, s.buried_day
        """

    public init(row: Row) {
        let tags: String = row["tags"]
        self.init(
            id: CardID(row["card"] as String), rowID: row["id"], muscle: row["muscle"], muscleKey: row["muscle_key"],
            aspect: Aspect(rawValue: row["aspect"]) ?? .custom, region: row["region"],
            tags: tags.split(separator: ",").map(String.init), front: row["front"], back: row["back"],
            sourceFile: row["source_file"], sourceLine: row["source_line"], position: row["position"],
            state: AppDatabase.state(from: row), redrillDay: (row["redrill_day"] as Int?).map(Day.init), buriedDay: (row["buried_day"] as Int?).map(Day.init))
    }
}

extension AppDatabase {
    /// The database ids of the decks at these locations (those synced at least once).
    public func deckIDs(for locations: [DeckLocation]) throws(StoreError) -> [Int64] {
        let keys = locations.map(\.storageKey)
        return try read { db in
            try keys.compactMap { key in try Int64.fetchOne(db, literal: "SELECT id FROM deck WHERE path = \(key)") }
        }
    }

    /// Queue entries of one kind, from `card_state` and its queue index; joins the card and muscle
    /// tables only when a filter needs them.
    private func entries(decks: [Int64], filter: CardFilter, condition: SQL, order: String, limit: Int?) throws(StoreError) -> [QueueEntry] {
        guard !decks.isEmpty else { return [] }
        var sql: SQL = "SELECT s.card_id, s.muscle_id, s.aspect FROM card_state s"
        var filterSQL: SQL = "1"
        if !filter.isEmpty {
            sql += " JOIN card c ON c.id = s.card_id JOIN muscle m ON m.id = s.muscle_id"
            filterSQL = filter.sql()
        }
        sql += " WHERE s.deck_id IN \(decks) AND s.active = 1 AND (\(condition)) AND (\(filterSQL)) ORDER BY \(sql: order)"
        if let limit { sql += " LIMIT \(limit)" }
        let request = SQLRequest<QueueEntry>(literal: sql, cached: true)
        return try read { db in try request.fetchAll(db) }
    }

    /// Reviews due on `day` (or overdue), most overdue first, then in deck order; cards buried
    /// today are left out. (A card answered today is never due today: its interval is at least 1.)
    public func dueEntries(decks: [Int64], on day: Day, filter: CardFilter = CardFilter(), limit: Int? = nil) throws(StoreError) -> [QueueEntry] {
        try entries(decks: decks, filter: filter, condition: "s.due_day <= \(day.number) AND s.buried_day IS NOT \(day.number)",
                    order: "s.due_day, s.position", limit: limit)
    }

    /// Cards never answered, in deck order.
    public func newEntries(decks: [Int64], on day: Day, filter: CardFilter = CardFilter(), limit: Int? = nil) throws(StoreError) -> [QueueEntry] {
        try entries(decks: decks, filter: filter, condition: "s.due_day IS NULL AND s.buried_day IS NOT \(day.number)",
                    order: "s.position", limit: limit)
    }

    /// Cards graded below 4 today and not yet drilled back to 4 or 5.
    public func redrillEntries(decks: [Int64], on day: Day, filter: CardFilter = CardFilter()) throws(StoreError) -> [QueueEntry] {
        try entries(decks: decks, filter: filter, condition: "s.redrill_day = \(day.number) AND s.buried_day IS NOT \(day.number)",
                    order: "s.position", limit: nil)
    }

    /// Every active card matching the filter, in deck order (cram mode).
    public func allEntries(decks: [Int64], filter: CardFilter = CardFilter()) throws(StoreError) -> [QueueEntry] {
        try entries(decks: decks, filter: filter, condition: "1", order: "s.position", limit: nil)
    }

    /// The cards with these row ids, text and state included.
    /// Whether the card is still in its deck: a sync in another process may have retired it
    /// since the session loaded it.
    public func isActive(cardRowID: Int64) throws(StoreError) -> Bool {
        try read { db in try Bool.fetchOne(db, literal: "SELECT active FROM card_state WHERE card_id = \(cardRowID)") ?? false }
    }

    public func cards(rowIDs: [Int64]) throws(StoreError) -> [Int64: StoredCard] {
        guard !rowIDs.isEmpty else { return [:] }
        var found: [Int64: StoredCard] = [:]
        for start in stride(from: 0, to: rowIDs.count, by: 500) {
            let chunk = rowIDs[start..<min(start + 500, rowIDs.count)]
            let cards = try read { db in
                try StoredCard.fetchAll(db, literal: """
                    SELECT \(StoredCard.columns) FROM card_state s JOIN card c ON c.id = s.card_id JOIN muscle m ON m.id = c.muscle_id
                    WHERE c.id IN \(chunk)
                    """)
            }
            for card in cards { found[card.rowID] = card }
        }
        return found
    }

    /// Reviews due on `day`, with their text (tests and tools; the session loads text lazily).
    public func dueCards(decks: [Int64], on day: Day, filter: CardFilter = CardFilter(), limit: Int? = nil) throws(StoreError) -> [StoredCard] {
        try materialize(try dueEntries(decks: decks, on: day, filter: filter, limit: limit))
    }

    public func newCards(decks: [Int64], on day: Day, filter: CardFilter = CardFilter(), limit: Int? = nil) throws(StoreError) -> [StoredCard] {
        try materialize(try newEntries(decks: decks, on: day, filter: filter, limit: limit))
    }

    private func materialize(_ entries: [QueueEntry]) throws(StoreError) -> [StoredCard] {
        let cards = try cards(rowIDs: entries.map(\.cardRowID))
        return entries.compactMap { cards[$0.cardRowID] }
    }

    /// Every active card matching the filter, in deck order (cram mode).
    public func allCards(decks: [Int64], filter: CardFilter = CardFilter()) throws(StoreError) -> [StoredCard] {
        try materialize(try allEntries(decks: decks, filter: filter))
    }

    public func card(rowID: Int64) throws(StoreError) -> StoredCard? {
        try read { db in
            try StoredCard.fetchOne(db, literal: """
                SELECT \(StoredCard.columns) FROM card_state s JOIN card c ON c.id = s.card_id JOIN muscle m ON m.id = c.muscle_id WHERE c.id = \(rowID)
                """)
        }
    }

    /// How many cards are left for `day`, by kind (before any daily limit).
    public func dueCounts(decks: [Int64], on day: Day, filter: CardFilter = CardFilter()) throws(StoreError) -> DueCounts {
        guard !decks.isEmpty else { return DueCounts(due: 0, new: 0, redrill: 0) }
        let d = day.number
        if filter.isEmpty {
            return try read { db in
                // The cards due by day (`due_day_count`, migration 0014), less those skipped today,
                // found by the skipped cards' own index (the planner, left to itself, walks the
                // queue index over every due card instead).
                let scheduled = try Int.fetchOne(db, literal: """
                    SELECT coalesce(sum(cards), 0) FROM due_day_count WHERE deck_id IN \(decks) AND due_day <= \(d)
                    """) ?? 0
                let skipped = try Int.fetchOne(db, literal: """
                    SELECT count(*) FROM card_state INDEXED BY card_state_buried
                    WHERE buried_day = \(d) AND deck_id IN \(decks) AND active = 1 AND due_day <= \(d)
                    """) ?? 0
                let due = scheduled - skipped
                let new = try Int.fetchOne(db, literal: """
                    SELECT count(*) FROM card_state WHERE deck_id IN \(decks) AND active = 1 AND due_day IS NULL AND buried_day IS NOT \(d)
                    """) ?? 0
                let redrill = try Int.fetchOne(db, literal: """
                    SELECT count(*) FROM card_state WHERE redrill_day = \(d) AND deck_id IN \(decks) AND active = 1 AND buried_day IS NOT \(d)
                    """) ?? 0
                return DueCounts(due: due, new: new, redrill: redrill)
            }
        }
        return DueCounts(due: try dueEntries(decks: decks, on: day, filter: filter).count,
                         new: try newEntries(decks: decks, on: day, filter: filter).count,
                         redrill: try redrillEntries(decks: decks, on: day, filter: filter).count)
    }

    /// Runs `body` over the cards answered on `day`, found from that day's slice of the review log:
    /// `review_day` gives the day's first review id, and `review` is read from there by id. (As
    /// one statement SQLite prefers to walk the per-card index over every review; the bound id
    /// keeps it on the range.) `body` gets the subquery of those cards' ids. Nil when nothing was
    /// answered that day.
    private func overCardsAnswered<T>(on day: Day, _ body: (Database, SQL) throws -> T) throws(StoreError) -> T? {
        try read { db in
            guard let first = try Int64.fetchOne(db, literal: "SELECT first_review_id FROM review_day WHERE day = \(day.number)") else {
                return nil
            }
            return try body(db, "SELECT card_id FROM review WHERE id >= \(first) AND day = \(day.number)")
        }
    }

    /// How many new cards were introduced (answered for the first time) on `day`.
    public func introducedCount(decks: [Int64], on day: Day) throws(StoreError) -> Int {
        guard !decks.isEmpty else { return 0 }
        return try overCardsAnswered(on: day) { db, answered in
            try Int.fetchOne(db, literal: """
                SELECT count(*) FROM card_state s WHERE s.card_id IN (\(answered))
                AND s.introduced_day = \(day.number) AND s.deck_id IN \(decks)
                """) ?? 0
        } ?? 0
    }

    /// How many due reviews (first answers of cards that were not new) were given on `day`.
    public func reviewedCount(decks: [Int64], on day: Day) throws(StoreError) -> Int {
        guard !decks.isEmpty else { return 0 }
        return try overCardsAnswered(on: day) { db, answered in
            try Int.fetchOne(db, literal: """
                SELECT count(*) FROM card_state s WHERE s.card_id IN (\(answered))
                AND s.last_review_day = \(day.number) AND s.introduced_day IS NOT \(day.number) AND s.deck_id IN \(decks)
                """) ?? 0
        } ?? 0
    }

    /// Sibling keys of cards already answered on `day`: their siblings wait.
    public func answeredSiblings(decks: [Int64], on day: Day) throws(StoreError) -> [SiblingKey] {
        guard !decks.isEmpty else { return [] }
        return try overCardsAnswered(on: day) { db, answered in
            try Row.fetchAll(db, literal: """
                SELECT DISTINCT s.muscle_id, s.aspect FROM card_state s WHERE s.card_id IN (\(answered))
                AND s.last_review_day = \(day.number) AND s.deck_id IN \(decks)
                """).map(SiblingKey.init(row:))
        } ?? []
    }

    /// Cards falling due on each of the `days` days from `day` (overdue cards count on `day`).
    public func dueForecast(decks: [Int64], from day: Day, days: Int) throws(StoreError) -> [Int] {
        try read { db in try Self.dueForecast(decks: decks, from: day, days: days, db) }
    }

    static func dueForecast(decks: [Int64], from day: Day, days: Int, _ db: Database) throws -> [Int] {
        guard !decks.isEmpty, days > 0 else { return Array(repeating: 0, count: max(days, 0)) }
        var counts = Array(repeating: 0, count: days)
        for row in try Row.fetchAll(db, literal: """
            SELECT max(due_day, \(day.number)) AS d, count(*) AS n FROM card_state
            WHERE deck_id IN \(decks) AND active = 1 AND due_day <= \(day.number + days - 1) GROUP BY d
            """) {
            let d: Int = row["d"]
            let n: Int = row["n"]
            if d - day.number < days { counts[d - day.number] += n }
        }
        return counts
    }

    /// The study days (with at least one answer) on or before `day`, newest first, at most `limit`.
    public func studyDays(through day: Day, limit: Int) throws(StoreError) -> [Day] {
        try read { db in try Self.studyDays(through: day, limit: limit, db) }
    }

    static func studyDays(through day: Day, limit: Int, _ db: Database) throws -> [Day] {
        try Int.fetchAll(db, literal: """
            SELECT d.day FROM review_day d
            WHERE d.day <= \(day.number) AND EXISTS (SELECT 1 FROM review r WHERE r.id >= d.first_review_id AND r.day = d.day)
            ORDER BY d.day DESC LIMIT \(limit)
            """).map(Day.init)
    }
}
