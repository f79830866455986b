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
        try read { db in
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
                let plan = DeckPlan.make(for: source, stored: try Self.storedDeck(for: source, db))
                try Self.apply(plan, now: now.milliseconds, db)
                return plan
            }
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

    /// Writes one deck's plan. The card statements are prepared once and bind their values by
    /// name: a 100,000-card sync runs them 200,000 times, where building each as an SQL literal
    /// would cost a quarter of the sync.
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

        let update = try db.cachedStatement(sql: """
            UPDATE card SET muscle_id = :muscle, aspect = :aspect, tags = :tags, front = :front, back = :back, source_line = :line,
                position = :position, content_hash = :hash, retired_at = NULL
            WHERE id = :id
            """)
        let reword = try db.cachedStatement(sql: """
            UPDATE card SET item = :item, muscle_id = :muscle, aspect = :aspect, tags = :tags, front = :front, back = :back, source_line = :line,
                position = :position, content_hash = :hash, retired_at = NULL
            WHERE id = :id
            """)
        let copyOrder = try db.cachedStatement(sql: "UPDATE card_state SET muscle_id = :muscle, aspect = :aspect, position = :position WHERE card_id = :id")
        let activate = try db.cachedStatement(sql: "UPDATE card_state SET active = 1, deck_id = :deck WHERE card_id = :id")
        let insertCard = try db.cachedStatement(sql: """
            INSERT INTO card (muscle_id, item, aspect, tags, front, back, source_line, position, content_hash, created_at)
            VALUES (:muscle, :item, :aspect, :tags, :front, :back, :line, :position, :hash, :now)
            """)
        let insertState = try db.cachedStatement(sql: """
            INSERT INTO card_state (card_id, deck_id, muscle_id, aspect, position) VALUES (:id, :deck, :muscle, :aspect, :position)
            """)
        let retire = try db.cachedStatement(sql: "UPDATE card SET retired_at = :now WHERE id = :id")
        let deactivate = try db.cachedStatement(sql: "UPDATE card_state SET active = 0 WHERE card_id = :id")

        for change in plan.changes {
            if change.kind == .retired {
                guard let id = change.rowID else { continue }
                try retire.execute(arguments: ["now": now, "id": id])
                try deactivate.execute(arguments: ["id": id])
                continue
            }
            guard let card = change.card, let muscle = muscleIDs[card.muscleKey] else { continue }
            let order: StatementArguments = ["muscle": muscle, "aspect": card.aspect.rawValue, "position": change.position]
            let text: StatementArguments = order + ["tags": tagText(card.tags), "front": card.front, "back": card.back,
                                                    "line": card.source.line, "hash": card.contentFingerprint]
            switch change.kind {
            case .added:
                try insertCard.execute(arguments: text + ["item": card.item, "now": now])
                try insertState.execute(arguments: order + ["id": db.lastInsertedRowID, "deck": deckID])
            case .updated, .restored, .moved, .reworded:
                guard let id = change.rowID else { continue }
                if change.kind == .reworded {
                    try reword.execute(arguments: text + ["item": card.item, "id": id])
                } else {
                    try update.execute(arguments: text + ["id": id])
                }
                try copyOrder.execute(arguments: order + ["id": id])
                if change.kind == .restored || change.kind == .reworded {
                    try activate.execute(arguments: ["deck": deckID, "id": id])
                }
            case .retired:
                break
            }
        }
    }

    /// Tags as stored: ",calf,exam," so that `LIKE '%,calf,%'` finds one tag exactly.
    static func tagText(_ tags: [String]) -> String {
        tags.isEmpty ? "" : "," + tags.joined(separator: ",") + ","
    }
}
