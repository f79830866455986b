import GRDB
import GRDBSQLite
import SM2

/// One card as an Anki export needs it: its text, where it comes from, when its text last changed,
/// and its SM-2 state. Its answers are streamed separately (`forEachAnkiExportReview`): 2 million
/// of them would otherwise be held as 2 million values.
public struct AnkiExportCard: Sendable, Equatable {
    /// The card's row in this database (how its reviews name it).
    public var rowID: Int64
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
}

/// One first answer of a day (a kind-0 review) of an exported card.
public struct AnkiExportReview: Sendable, Equatable {
    public var reviewedAt: Int64
    public var day: Int
    public var grade: Int
    public var answerMS: Int
    public var intervalDays: Int
    public var easiness: Int
}

extension AppDatabase {
    /// The active cards of these decks that the filter chooses, in deck order, with their state:
    /// what `muscle export --anki` writes. One read.
    ///
    /// Deck order (deck, then position; then row, should two share a position) is sorted here,
    /// not by the query: SQLite sorted whole rows, front and back text included, and at 100,000
    /// cards that spilled 60 MB to a temporary file (0.1 s of the export); here only the keys are sorted.
    public func ankiExportCards(decks: [Int64], filter: CardFilter = CardFilter()) throws(StoreError) -> [AnkiExportCard] {
        guard !decks.isEmpty else { return [] }
        return try read { db in
            var cards: [AnkiExportCard] = []
            var order: [(deck: Int64, position: Int64, row: Int64, index: Int)] = []
            let (rows, column) = try Row.fetchCursorAndColumns(db, literal: """
                SELECT c.id, m.key AS muscle_key, c.item, c.first_id, m.name AS muscle, m.region, c.aspect, c.tags, c.front, c.back,
                       m.source_file, c.source_line, c.changed_at, s.repetitions, s.interval_days, s.easiness, s.due_day, s.lapses,
                       m.deck_id, c.position
                FROM card c JOIN muscle m ON m.id = c.muscle_id JOIN card_state s ON s.card_id = c.id
                WHERE m.deck_id IN \(decks) AND c.retired_at IS NULL AND (\(filter.sql()))
                """)
            // By name, found once (ColumnPositions): by name per value costs a lookup per value.
            let (id, muscleKey, item, firstID, muscle, region, aspect, tags, front, back) = try (
                column("id"), column("muscle_key"), column("item"), column("first_id"), column("muscle"), column("region"),
                column("aspect"), column("tags"), column("front"), column("back"))
            let (sourceFile, sourceLine, changedAt, repetitions, intervalDays, easiness, dueDay, lapses) = try (
                column("source_file"), column("source_line"), column("changed_at"), column("repetitions"), column("interval_days"),
                column("easiness"), column("due_day"), column("lapses"))
            let (deck, position) = try (column("deck_id"), column("position"))
            while let row = try rows.next() {
                order.append((row[deck], row[position], row[id], cards.count))
                let key: String = row[muscleKey]
                let cardItem: String = row[item]
                let first: String = row[firstID]
                let tagList: String = row[tags]
                cards.append(AnkiExportCard(
                    rowID: row[id], id: CardID(muscleKey: key, item: cardItem), firstID: first.isEmpty ? key + "/" + cardItem : first,
                    muscle: row[muscle], muscleKey: key, region: row[region], aspect: row[aspect],
                    tags: tagList.split(separator: ",").map(String.init), front: row[front], back: row[back],
                    sourceFile: row[sourceFile], sourceLine: row[sourceLine], changedAt: row[changedAt],
                    repetitions: row[repetitions], intervalDays: row[intervalDays], easiness: row[easiness], dueDay: row[dueDay], lapses: row[lapses]))
            }
            order.sort { ($0.deck, $0.position, $0.row) < ($1.deck, $1.position, $1.row) }
            return order.map { cards[$0.index] }
        }
    }

    /// Calls `body` with each first answer of a day of these cards, oldest first, and the card's
    /// position in `cards`: one scan of the review log in id order (no join: the cards' own
    /// positions say which reviews belong to the export), nothing of it kept. An error `body`
    /// throws stops the scan and is rethrown as it is.
    public func forEachAnkiExportReview(of cards: [AnkiExportCard], _ body: (Int, AnkiExportReview) throws -> Void) throws {
        guard !cards.isEmpty else { return }
        let position = CardPositions(cards.map(\.rowID))
        var failure: (any Error)?
        try read { db in
            let statement = try db.makeStatement(sql: """
                SELECT card_id, reviewed_at, day, grade, answer_ms, interval_days, easiness FROM review WHERE kind = 0 ORDER BY id
                """)
            let raw = statement.sqliteStatement
            var code = sqlite3_step(raw)
            while code == SQLITE_ROW {
                if let index = position.index(of: sqlite3_column_int64(raw, 0)) {
                    let review = AnkiExportReview(
                        reviewedAt: sqlite3_column_int64(raw, 1), day: Int(sqlite3_column_int64(raw, 2)), grade: Int(sqlite3_column_int64(raw, 3)),
                        answerMS: Int(sqlite3_column_int64(raw, 4)), intervalDays: Int(sqlite3_column_int64(raw, 5)),
                        easiness: Int(sqlite3_column_int64(raw, 6)))
                    do {
                        try body(index, review)
                    } catch {
                        failure = error
                        sqlite3_reset(raw)
                        return
                    }
                }
                code = sqlite3_step(raw)
            }
            if code != SQLITE_DONE {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
        }
        if let failure { throw failure }
    }
}
