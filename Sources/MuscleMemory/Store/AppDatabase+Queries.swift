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

extension AppDatabase {
    /// The database ids of the decks at these locations (those synced at least once).
    public func deckIDs(for locations: [DeckLocation]) throws(StoreError) -> [Int64] {
        let keys = locations.map(\.storageKey)
        return try read { db in
            try keys.compactMap { try Int64.fetchOne(db, sql: "SELECT id FROM deck WHERE path = ?", arguments: [$0]) }
        }
    }

    private static let cardColumns = """
        c.id, m.key || '/' || c.item AS stable_id, m.name AS muscle, m.key AS muscle_key, c.aspect, m.region, c.tags,
        c.front, c.back, m.source_file, c.source_line, c.position,
        s.repetitions, s.interval_days, s.easiness, s.due_day, s.lapses, s.last_review_day, s.redrill_day, s.buried_day
        """

    private static func card(from row: Row) -> StoredCard {
        let tags: String = row["tags"]
        return StoredCard(
            id: row["id"], key: row["stable_id"], muscle: row["muscle"], muscleKey: row["muscle_key"],
            aspect: Aspect(rawValue: row["aspect"]) ?? .custom, region: row["region"],
            tags: tags.split(separator: ",").map(String.init), front: row["front"], back: row["back"],
            sourceFile: row["source_file"], sourceLine: row["source_line"], position: row["position"],
            state: state(from: row), redrillDay: (row["redrill_day"] as Int?).map(Day.init), buriedDay: (row["buried_day"] as Int?).map(Day.init))
    }

    private func cards(decks: [Int64], filter: CardFilter, condition: String, arguments: [(any DatabaseValueConvertible)?], order: String, limit: Int?) throws(StoreError) -> [StoredCard] {
        guard !decks.isEmpty else { return [] }
        let (filterSQL, filterValues) = filter.sql()
        let deckList = decks.map { _ in "?" }.joined(separator: ", ")
        var sql = """
            SELECT \(Self.cardColumns)
            FROM card_state s JOIN card c ON c.id = s.card_id JOIN muscle m ON m.id = c.muscle_id
            WHERE s.deck_id IN (\(deckList)) AND s.active = 1 AND (\(condition)) AND (\(filterSQL))
            ORDER BY \(order)
            """
        var values: [(any DatabaseValueConvertible)?] = decks + arguments + filterValues
        if let limit {
            sql += " LIMIT ?"
            values.append(limit)
        }
        let bound = StatementArguments(values)
        return try read { db in
            try Row.fetchAll(db.cachedStatement(sql: sql), arguments: bound).map(Self.card(from:))
        }
    }

    /// Reviews due on `day` (or overdue), most overdue first, then in deck order. Cards buried
    /// today and cards already answered today are left out.
    public func dueCards(decks: [Int64], on day: Day, filter: CardFilter = CardFilter(), limit: Int? = nil) throws(StoreError) -> [StoredCard] {
        try cards(decks: decks, filter: filter,
                  condition: "s.due_day <= ? AND s.buried_day IS NOT ? AND s.last_review_day IS NOT ?",
                  arguments: [day.number, day.number, day.number], order: "s.due_day, c.position", limit: limit)
    }

    /// Cards never answered, in deck order.
    public func newCards(decks: [Int64], on day: Day, filter: CardFilter = CardFilter(), limit: Int? = nil) throws(StoreError) -> [StoredCard] {
        try cards(decks: decks, filter: filter, condition: "s.due_day IS NULL AND s.buried_day IS NOT ?",
                  arguments: [day.number], order: "c.position", limit: limit)
    }

    /// Cards graded below 4 today and not yet drilled back to 4 or 5.
    public func redrillCards(decks: [Int64], on day: Day, filter: CardFilter = CardFilter()) throws(StoreError) -> [StoredCard] {
        try cards(decks: decks, filter: filter, condition: "s.redrill_day = ? AND s.buried_day IS NOT ?",
                  arguments: [day.number, day.number], order: "c.position", limit: nil)
    }

    /// Every active card matching the filter, in deck order (cram mode).
    public func allCards(decks: [Int64], filter: CardFilter = CardFilter(), limit: Int? = nil) throws(StoreError) -> [StoredCard] {
        try cards(decks: decks, filter: filter, condition: "1", arguments: [], order: "c.position", limit: limit)
    }

    public func card(id: Int64) throws(StoreError) -> StoredCard? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT \(Self.cardColumns) FROM card_state s JOIN card c ON c.id = s.card_id JOIN muscle m ON m.id = c.muscle_id WHERE c.id = ?
                """, arguments: [id]).map(Self.card(from:))
        }
    }

    /// How many cards are left for `day`, by kind (before any daily limit).
    public func dueCounts(decks: [Int64], on day: Day, filter: CardFilter = CardFilter()) throws(StoreError) -> DueCounts {
        guard !decks.isEmpty else { return DueCounts(due: 0, new: 0, redrill: 0) }
        let deckList = decks.map { _ in "?" }.joined(separator: ", ")
        let d = day.number
        if filter.isEmpty {
            // Answered from the partial index on (deck_id, due_day) alone.
            return try read { db in
                let due = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM card_state WHERE deck_id IN (\(deckList)) AND active = 1 AND due_day <= ?
                      AND buried_day IS NOT ? AND last_review_day IS NOT ?
                    """, arguments: StatementArguments(decks + [d, d, d])) ?? 0
                let new = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM card_state WHERE deck_id IN (\(deckList)) AND active = 1 AND due_day IS NULL AND buried_day IS NOT ?
                    """, arguments: StatementArguments(decks + [d])) ?? 0
                let redrill = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM card_state WHERE redrill_day = ? AND deck_id IN (\(deckList)) AND active = 1 AND buried_day IS NOT ?
                    """, arguments: StatementArguments([d] + decks + [d])) ?? 0
                return DueCounts(due: due, new: new, redrill: redrill)
            }
        }
        return DueCounts(due: try dueCards(decks: decks, on: day, filter: filter).count,
                         new: try newCards(decks: decks, on: day, filter: filter).count,
                         redrill: try redrillCards(decks: decks, on: day, filter: filter).count)
    }

    /// How many new cards were introduced (answered for the first time) on `day`.
    public func introducedCount(decks: [Int64], on day: Day) throws(StoreError) -> Int {
        guard !decks.isEmpty else { return 0 }
        let deckList = decks.map { _ in "?" }.joined(separator: ", ")
        return try read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM card_state WHERE introduced_day = ? AND deck_id IN (\(deckList))",
                             arguments: StatementArguments([day.number] + decks)) ?? 0
        }
    }

    /// How many due reviews (first answers of cards that were not new) were given on `day`.
    public func reviewedCount(decks: [Int64], on day: Day) throws(StoreError) -> Int {
        guard !decks.isEmpty else { return 0 }
        let deckList = decks.map { _ in "?" }.joined(separator: ", ")
        return try read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM card_state WHERE last_review_day = ? AND introduced_day IS NOT ? AND deck_id IN (\(deckList))
                """, arguments: StatementArguments([day.number, day.number] + decks)) ?? 0
        }
    }

    /// Cards falling due on each of the `days` days from `day` (overdue cards count on `day`).
    public func dueForecast(decks: [Int64], from day: Day, days: Int) throws(StoreError) -> [Int] {
        guard !decks.isEmpty, days > 0 else { return Array(repeating: 0, count: max(days, 0)) }
        let deckList = decks.map { _ in "?" }.joined(separator: ", ")
        let last = day.number + days - 1
        return try read { db in
            var counts = Array(repeating: 0, count: days)
            let rows = try Row.fetchAll(db, sql: """
                SELECT max(due_day, ?) AS d, count(*) AS n FROM card_state
                WHERE deck_id IN (\(deckList)) AND active = 1 AND due_day <= ? GROUP BY d
                """, arguments: StatementArguments([day.number] + decks + [last]))
            for row in rows {
                let d: Int = row["d"]
                let n: Int = row["n"]
                if d - day.number < days { counts[d - day.number] += n }
            }
            return counts
        }
    }

    /// The study days (with at least one answer) on or before `day`, newest first, at most `limit`.
    public func studyDays(through day: Day, limit: Int) throws(StoreError) -> [Day] {
        try read { db in
            try Int.fetchAll(db, sql: """
                SELECT d.day FROM review_day d
                WHERE d.day <= ? AND EXISTS (SELECT 1 FROM review r WHERE r.id >= d.first_review_id AND r.day = d.day)
                ORDER BY d.day DESC LIMIT ?
                """, arguments: [day.number, limit]).map(Day.init)
        }
    }
}

extension AppDatabase {
    /// Sibling keys (muscle/aspect) of cards already answered on `day`: their siblings wait.
    public func answeredSiblings(decks: [Int64], on day: Day) throws(StoreError) -> [String] {
        guard !decks.isEmpty else { return [] }
        let deckList = decks.map { _ in "?" }.joined(separator: ", ")
        return try read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT m.key || '/' || c.aspect FROM card_state s JOIN card c ON c.id = s.card_id JOIN muscle m ON m.id = c.muscle_id
                WHERE s.last_review_day = ? AND s.deck_id IN (\(deckList))
                """, arguments: StatementArguments([day.number] + decks))
        }
    }
}
