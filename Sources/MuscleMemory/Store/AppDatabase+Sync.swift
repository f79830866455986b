import Foundation
import GRDB

/// What the database knows of a deck it holds: enough to tell that its files have not changed.
public struct DeckFingerprint: Sendable, Equatable {
    /// Of every file's path and text at the last sync.
    public var contentHash: String
    /// Of file names, sizes and modification times (folders); empty for the bundled decks.
    public var statSignature: String
}

extension AppDatabase {
    /// The fingerprint of every deck the database holds, by storage key.
    public func deckFingerprints() throws(StoreError) -> [String: DeckFingerprint] {
        try read { db in
            var fingerprints: [String: DeckFingerprint] = [:]
            for row in try Row.fetchAll(db, literal: "SELECT path, content_hash, stat_signature FROM deck") {
                fingerprints[row["path"]] = DeckFingerprint(contentHash: row["content_hash"], statSignature: row["stat_signature"])
            }
            return fingerprints
        }
    }

    /// The plans a sync of these compiled decks would apply now. Writes nothing.
    public func syncPlans(for sources: [DeckSource]) throws(StoreError) -> [DeckPlan] {
        if sources.contains(where: { $0.key != DeckLocation.bundledName && $0.deck.muscles.contains(where: \.overridesBundled) }) {
            // A muscle that overrides the bundled one moves between decks before its deck is
            // planned: the sync is run as it would be, in a transaction that is rolled back.
            return try rolledBack { db in
                try sources.map { source in
                    try Self.adoptOverridden(by: source, now: 0, db)
                    let plan = DeckPlan.make(for: source, stored: try Self.storedDeck(for: source, db))
                    try Self.apply(plan, now: 0, db)
                    return plan
                }
            }
        }
        return try read { db in
            try sources.map { source in DeckPlan.make(for: source, stored: try Self.storedDeck(for: source, db)) }
        }
    }

    /// Brings the database in line with these compiled decks, in one transaction, and returns the
    /// plans it applied. Each plan is made inside the transaction from what the database holds at
    /// that moment, so two processes syncing at once never apply a stale one; it is the plan
    /// `syncPlans(for:)` makes (the same function over the same reads).
    public func sync(_ sources: [DeckSource], now: Date) throws(StoreError) -> [DeckPlan] {
        guard !sources.isEmpty else { return [] }
        let cardCount = sources.reduce(0) { $0 + $1.deck.cards.count }
        return try write { db in
            // A large sync writes more pages than the page cache holds, and SQLite would spill
            // them to the log mid-transaction and read them back; a cache sized to the work keeps
            // them in memory until the commit (100,000 cards: 64 MiB).
            let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            let wanted = -min(64 * 1024, max(2 * 1024, cardCount * 64 / 100))
            if wanted < cache { try db.execute(sql: "PRAGMA cache_size = \(wanted)") }  // ok: an integer, not input
            defer { if wanted < cache { try? db.execute(sql: "PRAGMA cache_size = \(cache)") } }  // ok: an integer, not input
            return try sources.map { source in
                try Self.adoptOverridden(by: source, now: now.milliseconds, db)
                let plan = DeckPlan.make(for: source, stored: try Self.storedDeck(for: source, db))
                try Self.apply(plan, now: now.milliseconds, db)
                return plan
            }
        }
    }

    /// Runs `body` in a write transaction and rolls it back: nothing of it is kept.
    private func rolledBack<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            var result: T?
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .rollback
                }
            }
            guard let result else { throw StoreError.other(path: path, detail: "a planned sync returned nothing") }
            return result
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// A school deck's muscle that says `Overrides: bundled` takes over the bundled deck's muscle
    /// of the same key, with its cards, states and reviews: the row moves to the school's deck
    /// (the triggers move its summaries), so the plan made next matches the school's cards to the
    /// bundled ones by ID and the history carries on. Only when the school's deck has no muscle
    /// of that key yet; a new school deck gets its row here, to move the muscle into.
    private static func adoptOverridden(by source: DeckSource, now: Int64, _ db: Database) throws {
        guard source.key != DeckLocation.bundledName else { return }
        let keys = source.deck.muscles.filter(\.overridesBundled).map(\.key)
        guard !keys.isEmpty, let bundled = try Int64.fetchOne(db, literal: "SELECT id FROM deck WHERE path = \(DeckLocation.bundledName)") else { return }
        for key in keys {
            guard let muscle = try Int64.fetchOne(db, literal: "SELECT id FROM muscle WHERE deck_id = \(bundled) AND key = \(key)") else { continue }
            let deck: Int64
            if let known = try Int64.fetchOne(db, literal: "SELECT id FROM deck WHERE path = \(source.key)") {
                deck = known
            } else {
                // An empty content hash: the plan reads what the deck holds (the moved muscle).
                try db.execute(literal: """
                    INSERT INTO deck (path, title, content_hash, stat_signature, synced_at) VALUES (\(source.key), \(source.deck.info.title), '', '', \(now))
                    """)
                deck = db.lastInsertedRowID
            }
            guard try Int64.fetchOne(db, literal: "SELECT id FROM muscle WHERE deck_id = \(deck) AND key = \(key)") == nil else { continue }
            try db.execute(literal: "UPDATE muscle SET deck_id = \(deck) WHERE id = \(muscle)")
            try db.execute(literal: "UPDATE card_state SET deck_id = \(deck) WHERE card_id IN (SELECT id FROM card WHERE muscle_id = \(muscle))")
        }
    }

    /// What the database holds of the source's deck; nil for a deck it does not know. When the
    /// deck's content hash is the source's, its muscles and cards are not read: the plan is
    /// "unchanged".
    private static func storedDeck(for source: DeckSource, _ db: Database) throws -> StoredDeck? {
        guard let deck = try Row.fetchOne(db, literal: "SELECT id, content_hash FROM deck WHERE path = \(source.key)") else { return nil }
        var stored = StoredDeck(rowID: deck["id"], contentHash: deck["content_hash"], muscles: [:], cards: [])
        guard stored.contentHash != source.deck.contentHash else { return stored }
        for row in try Row.fetchAll(db, literal: "SELECT id, key, name, region, source_file FROM muscle WHERE deck_id = \(stored.rowID)") {
            stored.muscles[row["key"]] = StoredDeck.Muscle(rowID: row["id"], name: row["name"], region: row["region"], sourceFile: row["source_file"])
        }
        let cards = try Row.fetchCursor(db, literal: """
            SELECT c.id, m.key AS muscle_key, c.item, c.aspect, c.front, c.back, c.tags, m.name AS muscle, m.region,
                   c.content_hash, c.retired_at IS NOT NULL AS retired, c.position, c.source_line
            FROM card c JOIN muscle m ON m.id = c.muscle_id WHERE m.deck_id = \(stored.rowID)
            """)
        while let row = try cards.next() {
            let tags: String = row["tags"]
            stored.cards.append(StoredDeck.Card(
                rowID: row["id"], muscleKey: row["muscle_key"], item: row["item"], aspect: row["aspect"],
                text: CardText(front: row["front"], back: row["back"], tags: tags.split(separator: ",").map(String.init), region: row["region"], muscle: row["muscle"]),
                fingerprint: row["content_hash"], retired: row["retired"], position: row["position"], line: row["source_line"]))
        }
        return stored
    }

    /// Writes one deck's plan: the deck and its muscles as SQL literals, the cards through
    /// `CardWrites`.
    private static func apply(_ plan: DeckPlan, now: Int64, _ db: Database) throws {
        guard let info = plan.info else { return }  // recognised without reading the files
        if plan.unchanged, let deckID = plan.deckRowID {
            try db.execute(literal: "UPDATE deck SET stat_signature = \(plan.statSignature), synced_at = \(now) WHERE id = \(deckID)")
            return
        }
        let deckID: Int64
        if let known = plan.deckRowID {
            deckID = known
            try db.execute(literal: """
                UPDATE deck SET title = \(info.title), author = \(info.author), description = \(info.description),
                    content_hash = \(plan.contentHash), stat_signature = \(plan.statSignature), synced_at = \(now)
                WHERE id = \(deckID)
                """)
        } else {
            try db.execute(literal: """
                INSERT INTO deck (path, title, author, description, content_hash, stat_signature, synced_at)
                VALUES (\(plan.key), \(info.title), \(info.author), \(info.description), \(plan.contentHash), \(plan.statSignature), \(now))
                """)
            deckID = db.lastInsertedRowID
        }

        var muscleIDs = plan.muscleRowIDs
        for muscle in plan.muscles {
            if let id = muscle.rowID {
                try db.execute(literal: "UPDATE muscle SET name = \(muscle.name), region = \(muscle.region), source_file = \(muscle.sourceFile) WHERE id = \(id)")
            } else {
                try db.execute(literal: """
                    INSERT INTO muscle (deck_id, key, name, region, source_file) VALUES (\(deckID), \(muscle.key), \(muscle.name), \(muscle.region), \(muscle.sourceFile))
                    """)
                muscleIDs[muscle.key] = db.lastInsertedRowID
            }
        }

        let writes = try CardWrites(db, deck: deckID, now: now)
        let lastCard = try Int64.fetchOne(db, sql: "SELECT coalesce(max(card_id), 0) FROM card_state") ?? 0
        for step in plan.steps {
            let rowID = step.stored >= 0 ? plan.storedCards[step.stored].rowID : nil
            if step.kind == .retired {
                if let rowID { try writes.retire(rowID) }
                continue
            }
            guard step.card >= 0 else { continue }
            let card = plan.cards[step.card]
            guard let muscle = muscleIDs[card.muscleKey] else { continue }
            switch (step.kind, rowID) {
            case (.added, _): try writes.add(card, muscle: muscle, position: step.card)
            case (.reworded, let id?): try writes.update(id, to: card, muscle: muscle, position: step.card, newItem: true, activate: true)
            case (.restored, let id?): try writes.update(id, to: card, muscle: muscle, position: step.card, newItem: false, activate: true)
            case (.updated, let id?), (.moved, let id?): try writes.update(id, to: card, muscle: muscle, position: step.card, newItem: false, activate: false)
            default: continue
            }
        }
        try writes.countInTopics(cardsAfter: lastCard)
    }

    /// The card writes of a sync, each an intent-named method that holds its SQL and the values it
    /// binds side by side. Prepared once per deck: a 100,000-card sync runs them 200,000 times,
    /// and building each as an SQL literal cost 15% of it.
    private struct CardWrites {
        let db: Database
        let deck: Int64
        let now: Int64
        let insertCard, insertState: BulkInsert
        let updateCard, rewordCard, copyOrder, activate, retireCard, deactivate: Statement

        init(_ db: Database, deck: Int64, now: Int64) throws {
            self.db = db
            self.deck = deck
            self.now = now
            insertCard = try BulkInsert(db, sql: """
                INSERT INTO card (muscle_id, item, aspect, tags, front, back, source_line, position, content_hash, created_at, first_id, changed_at)
                VALUES (:muscle, :item, :aspect, :tags, :front, :back, :line, :position, :hash, :now, :id, :now)
                """)
            insertState = try BulkInsert(db, sql: "INSERT INTO card_state (card_id, deck_id, muscle_id, aspect, position) VALUES (:card, :deck, :muscle, :aspect, :position)")
            updateCard = try db.cachedStatement(sql: """
                UPDATE card SET muscle_id = :muscle, aspect = :aspect, tags = :tags, front = :front, back = :back, source_line = :line, position = :position,
                    content_hash = :hash, retired_at = NULL, changed_at = CASE WHEN content_hash = :hash THEN changed_at ELSE :now END
                WHERE id = :id
                """)
            rewordCard = try db.cachedStatement(sql: """
                UPDATE card SET item = :item, muscle_id = :muscle, aspect = :aspect, tags = :tags, front = :front, back = :back, source_line = :line,
                    position = :position, content_hash = :hash, retired_at = NULL, changed_at = CASE WHEN content_hash = :hash THEN changed_at ELSE :now END
                WHERE id = :id
                """)
            copyOrder = try db.cachedStatement(sql: "UPDATE card_state SET muscle_id = :muscle, aspect = :aspect, position = :position WHERE card_id = :id")
            activate = try db.cachedStatement(sql: "UPDATE card_state SET active = 1, deck_id = :deck WHERE card_id = :id")
            retireCard = try db.cachedStatement(sql: "UPDATE card SET retired_at = :now WHERE id = :id")
            deactivate = try db.cachedStatement(sql: "UPDATE card_state SET active = 0 WHERE card_id = :id")
        }

        /// A new card, and its state: new, unscheduled. Its ID now is its first ID, for good.
        /// Bound straight to SQLite by name (`BulkInsert`): an argument dictionary per row was
        /// a twentieth of a fresh sync.
        func add(_ card: Card, muscle: Int64, position: Int) throws {
            insertCard.bind(":muscle", muscle)
            insertCard.bind(":item", card.item)
            insertCard.bind(":aspect", card.aspect.rawValue)
            insertCard.bind(":tags", tagText(card.tags))
            insertCard.bind(":front", card.front)
            insertCard.bind(":back", card.back)
            insertCard.bind(":line", card.source.line)
            insertCard.bind(":position", position)
            insertCard.bind(":hash", card.contentFingerprint)
            insertCard.bind(":now", now)
            insertCard.bind(":id", card.id.rawValue)
            try insertCard.insert()
            insertState.bind(":card", db.lastInsertedRowID)
            insertState.bind(":deck", deck)
            insertState.bind(":muscle", muscle)
            insertState.bind(":aspect", card.aspect.rawValue)
            insertState.bind(":position", position)
            try insertState.insert()
        }

        /// The cards added since `lastCard` counted in `topic_state`'s sums (migration 0013), one
        /// statement for the deck instead of a trigger per card. A new card's state is new (no
        /// answers, no repetitions), but it is summed as the triggers sum any state.
        func countInTopics(cardsAfter lastCard: Int64) throws {
            try db.execute(literal: """
                INSERT INTO topic_state (deck_id, muscle_id, aspect, \(sql: TopicSums.columns.joined(separator: ", ")))
                SELECT deck_id, coalesce(muscle_id, 0), aspect, \(sql: TopicSums.select(in: nil))
                FROM card_state WHERE card_id > \(lastCard) AND active = 1
                GROUP BY deck_id, coalesce(muscle_id, 0), aspect
                ON CONFLICT DO UPDATE SET \(sql: TopicSums.addExcluded)
                """)
        }

        /// A known card's new text and place (and ID, for a rewording); it keeps its state, its history
        /// and its first ID (its Anki note's GUID). `changed_at` moves only when the text changed.
        func update(_ id: Int64, to card: Card, muscle: Int64, position: Int, newItem: Bool, activate active: Bool) throws {
            var values: StatementArguments = ["muscle": muscle, "aspect": card.aspect.rawValue, "tags": tagText(card.tags), "front": card.front,
                                              "back": card.back, "line": card.source.line, "position": position, "hash": card.contentFingerprint,
                                              "now": now, "id": id]
            if newItem {
                values += ["item": card.item]
                try rewordCard.execute(arguments: values)
            } else {
                try updateCard.execute(arguments: values)
            }
            try copyOrder.execute(arguments: ["muscle": muscle, "aspect": card.aspect.rawValue, "position": position, "id": id])
            if active { try activate.execute(arguments: ["deck": deck, "id": id]) }
        }

        /// Out of its deck: hidden, its history kept.
        func retire(_ id: Int64) throws {
            try retireCard.execute(arguments: ["now": now, "id": id])
            try deactivate.execute(arguments: ["id": id])
        }
    }

    /// Tags as stored: ",calf,exam," so that `LIKE '%,calf,%'` finds one tag exactly.
    static func tagText(_ tags: [String]) -> String {
        tags.isEmpty ? "" : "," + tags.joined(separator: ",") + ","
    }
}
